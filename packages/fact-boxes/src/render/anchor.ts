/** The `@id` of a box, or of a part of one, in JSON-LD: the page's URL and the box's anchor. */

/** `https://site/page#id`, or `#id` without a page URL. */
export function anchorOf(url: string | undefined, id: string): string {
  return `${url ? url.replace(/#.*$/, '') : ''}#${id}`;
}
