/**
 * The site's actors: where each one's page is. The same function goes to the
 * integration (`entityUrl`), so every box that names an actor links here, and
 * to `toJsonLd`, so their JSON-LD `@id`s are the same on every page.
 */
export function actorPath(id: string): string {
  return `/actors/${id}/`;
}
