/**
 * A content collection entry's box HTML, kept out of Astro's content store.
 * Astro keeps each `.md` entry's rendered HTML in its content store, and a
 * build takes the whole store into the bundle as one module: the bundler
 * parses, keeps and writes out every entry's HTML, and boxes make that HTML
 * about 1.6 times as long (bench/profile.md). On a site whose pages all
 * render in the build's process (no adapter), an entry's boxes (their HTML
 * and the author's content in them) stay in the build's own store: the entry's
 * HTML holds a marker for each, and the store's module puts them back when it runs, before any page
 * or endpoint reads an entry (`fillEntryHtml`). The boxes are kept on disk
 * beside Astro's cache (astro/cache.ts), for entries a later build takes from it.
 */
import { createHash } from 'node:crypto';

/** What a marker starts with; the key (a digest of the piece) and `-->` follow. */
export const ENTRY_HTML_MARKER = '<!--fact-boxes:html:';

/**
 * `html`, an entry's rendered page, with each box (`boxes`: the static HTML of each, in page order, each part as it
 * is in the page, the author's content between them) replaced by a marker, and the boxes' HTML by their keys;
 * `undefined` where a part is not where it is expected (the page is then kept as it is).
 *
 * @example
 *   keepBoxesOut('<p>a</p><section class="fact-box"><h2>T</h2></section>', [['<section class="fact-box"><h2>', '</h2></section>']])
 */
export function keepBoxesOut(html: string, boxes: readonly (readonly string[])[]): { html: string; kept: Map<string, string> } | undefined {
  const kept = new Map<string, string>();
  const parts: string[] = [];
  let cursor = 0;
  for (const box of boxes) {
    let start: number | undefined;
    let end = cursor;
    for (const piece of box) {
      const at = html.indexOf(piece, end);
      if (at === -1) return undefined;
      start ??= at;
      end = at + piece.length;
    }
    if (start === undefined) continue;
    const whole = html.slice(start, end);
    const key = createHash('sha256').update(whole).digest('base64url').slice(0, 24);
    kept.set(key, whole);
    parts.push(html.slice(cursor, start), `${ENTRY_HTML_MARKER}${key}-->`);
    cursor = end;
  }
  parts.push(html.slice(cursor));
  return { html: parts.join(''), kept };
}

const MARKERS = /<!--fact-boxes:html:([\w-]{24})-->/g;

/**
 * The data of Astro's content store, with the box HTML of each marker put back (in place): every string that
 * holds one, wherever it is. `pieceOf` gives a piece by its key; a marker whose piece it does not have stays as it
 * is, and is handed to `missing` (Astro gives an empty store for a module that throws, so this must not throw).
 */
export function fillEntryHtml<T>(data: T, pieceOf: (key: string) => string | undefined, missing: (key: string) => void = () => {}): T {
  const fill = (text: string) =>
    text.replace(MARKERS, (marker, key: string) => {
      const piece = pieceOf(key);
      if (piece !== undefined) return piece;
      missing(key);
      return marker;
    });
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes(ENTRY_HTML_MARKER) ? fill(value) : value;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = visit(value[index]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key]);
    }
    return value;
  };
  return visit(data) as T;
}

/** What a build says when entries from Astro's cache asked for box HTML it did not have (it then drops the cache). */
export function missingEntryHtmlError(count: number): Error {
  return new Error(
    `fact-boxes: ${count} part${count === 1 ? '' : 's'} of boxes in content collection entries taken from Astro's cache could not be found in the HTML fact-boxes keeps beside that cache, so the pages built lack them. ` +
      "fact-boxes has dropped Astro's content cache: build again, and every entry is rendered anew.",
  );
}
