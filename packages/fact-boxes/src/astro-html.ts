/**
 * `fact-boxes/astro/html`: what a compiled MDX page reads its boxes' HTML
 * with. On a site whose pages all render in the build's own process (no
 * adapter), the integration keeps the static HTML of each page's boxes in
 * the build's store instead of as strings in the page's module: the bundler
 * then parses, keeps and writes out a module about the size of the page
 * without boxes (bench/profile.md). Content collection entries' box HTML is
 * kept out of Astro's content store the same way (`fillFactBoxHtml`). The
 * integration writes the calls; a site does not use this module itself.
 */
import { fillEntryHtml } from './astro/entry-html.js';
import { entryHtml, missingEntryHtml, pageHtml } from './outputs/site-store.js';

/**
 * The static HTML of a box's part, as the integration kept it when it compiled the page.
 *
 * @example
 *   factBoxHtml('k3v9zq.12', 0) // '<section class="fact-box fact-box--claim" …'
 */
export function factBoxHtml(key: string, index: number): string {
  const html = pageHtml(key, index);
  if (html === undefined) {
    throw new Error(
      `fact-boxes: a page's boxes are kept by the Astro process that compiled it (key ${key}), and this process has none. ` +
        'A page compiled without an adapter must render in the same process (astro build, astro dev). If your setup renders it elsewhere, add the adapter it renders with to the site, and the boxes go into the page itself.',
    );
  }
  return html;
}

/**
 * Astro's content store as its module gives it, with the HTML of the entries' boxes the integration kept out of
 * it put back (astro/entry-html.ts); a part it does not have fails the build at its end. The integration has the
 * store's module call it.
 *
 * @example
 *   export default fillFactBoxHtml(JSON.parse("…"))
 */
export function fillFactBoxHtml<T>(data: T): T {
  return fillEntryHtml(data, entryHtml, missingEntryHtml);
}
