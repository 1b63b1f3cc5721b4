/**
 * A Vite plugin hook with a filter on module ids. Without one, the bundler
 * (Rolldown, under Astro 7's Vite) hands every module of a build to
 * JavaScript for the hook, its code copied into a string each time: in a site
 * of a thousand MDX pages, three unfiltered `transform` hooks cost about 4% of
 * the build (bench/profile.md). With one, the bundler calls the hook only for
 * the ids the filter lets through. A host that does not know filters calls it
 * for every module, so each handler still checks its id itself.
 */
export interface FilteredHook<Handler> {
  filter: { id: RegExp };
  handler: Handler;
}
