/**
 * Astro's content store in a build, cut into pieces. On a site whose content
 * collection keeps its store in one file (Astro's default), the store reaches
 * the build as one module, `export default JSON.parse("…")`: a string literal
 * as long as the store, every entry's rendered HTML in it. V8 compiles a string
 * literal in time that grows with the square of its length (its buffer grows
 * by at most 1 MiB at a time), so 6,000 `.md` articles with boxes spent 48 of
 * their build's 83 seconds compiling that one line, and the store without the
 * boxes 20 of 43 (bench/profile.md; `node bench/store-literal.mjs`). Boxes
 * double an article's HTML, so they paid for it twice over.
 *
 * The literal is cut into literals of about 1 MiB, joined when the module runs:
 * the same text, compiled in time proportional to its length. Cuts fall
 * outside escape sequences, so each piece is a literal of its own and the
 * pieces joined are the text, character for character. A module of any other
 * form (another Astro, a chunked store) is left as it is.
 *
 * Where entries hold markers for their boxes' HTML (astro/entry-html.ts), the
 * module puts the HTML back as it runs: its data goes through
 * `fillFactBoxHtml` first. A module of another form that holds markers fails
 * the build, rather than giving pages without their boxes.
 */
import type { FilteredHook } from './vite-hooks.js';

/** The part of a Vite plugin this needs (Astro brings Vite; fact-boxes does not depend on it). */
export interface ContentStoreVitePlugin {
  name: string;
  enforce: 'post';
  transform: FilteredHook<(code: string, id: string) => { code: string; map: { mappings: '' } } | undefined>;
}

/** The module Astro builds from a single-file store (`astro:data-layer-content`, resolved). */
const STORE_MODULE = '\0astro:data-layer-content';
/** That module's id alone: the one id the bundler hands the hook. */
const STORE_ID = /^\0astro:data-layer-content$/;
const HEAD = 'export default JSON.parse("';
const TAIL = '")';
/** Characters a piece holds, about: a literal of this length compiles in a few milliseconds. */
export const PIECE = 1 << 20;
/** The longest escape sequence `JSON.stringify` writes: `\uXXXX`. */
const LONGEST_ESCAPE = 6;
/** A marker of an entry's box HTML as the module's literal holds it (`<` escaped, by devalue then again). */
const MARKED = '!--fact-boxes:html:';
/** What puts the boxes' HTML back (`fact-boxes/astro/html`). */
const FILL = `import { fillFactBoxHtml } from 'fact-boxes/astro/html';\n`;

/** The Vite plugin that cuts the store's literal. */
export function contentStoreInPieces(): ContentStoreVitePlugin {
  return {
    name: 'fact-boxes:content-store-in-pieces',
    enforce: 'post',
    transform: {
      filter: { id: STORE_ID },
      handler(code, id) {
        if (id !== STORE_MODULE) return undefined;
        const marked = code.includes(MARKED);
        if (marked && !(code.startsWith(HEAD) && code.endsWith(TAIL))) {
          throw new Error(
            "fact-boxes: Astro's content store reached the build in a form fact-boxes does not know, with entries whose boxes' HTML it keeps apart. " +
              "Delete Astro's cache folder (node_modules/.astro by default) and build again; if this persists, report it with your Astro version.",
          );
        }
        // The module's code is as long as the store: written out once, in one join, not copied again around it.
        const pieces = piecesOf(code, PIECE);
        if (!marked) return pieces === undefined ? undefined : { code: storeCode(pieces, '', ''), map: { mappings: '' } };
        const filled = pieces === undefined ? `${FILL}export default fillFactBoxHtml(${code.slice('export default '.length)})` : storeCode(pieces, `${FILL}export default fillFactBoxHtml(`, ')');
        return { code: filled, map: { mappings: '' } };
      },
    },
  };
}

/**
 * `code`, Astro's module of the store, with its literal as literals of about `size` characters joined, or
 * `undefined` when it is not of that form or short enough to stay one.
 */
export function storeInPieces(code: string, size = PIECE): string | undefined {
  const pieces = piecesOf(code, size);
  return pieces === undefined ? undefined : storeCode(pieces, '', '');
}

/** The literal's source in pieces of about `size` characters, or `undefined` when the module is not of that form or short enough. */
function piecesOf(code: string, size: number): string[] | undefined {
  if (code.length <= size + HEAD.length + TAIL.length || !code.startsWith(HEAD) || !code.endsWith(TAIL)) return undefined;
  const end = code.length - TAIL.length;
  const pieces: string[] = [];
  let start = HEAD.length;
  while (end - start > size) {
    const cut = cutBefore(code, start, start + size);
    if (cut === undefined) break;
    pieces.push(code.slice(start, cut));
    start = cut;
  }
  pieces.push(code.slice(start, end));
  return pieces;
}

/** The store's module from its literal's pieces, its parsed data handed to `before` … `after` (a call, or nothing). */
function storeCode(pieces: readonly string[], before: string, after: string): string {
  const parts = [`${before || 'export default '}JSON.parse(["`];
  pieces.forEach((piece, index) => parts.push(index === 0 ? piece : `","${piece}`));
  parts.push(`"].join(''))${after}`);
  return parts.join('');
}

/**
 * A place at or before `at`, after `start`, where a string literal's source can be cut: not inside an escape
 * sequence. An escape begins with a backslash and is at most six characters long, so a place with no backslash in
 * the five characters before it is outside any; otherwise the cut goes before the run of backslashes that reaches it,
 * where an escape begins (the character before the run is not a backslash, and no escape goes on with one).
 */
function cutBefore(code: string, start: number, at: number): number | undefined {
  const backslash = code.lastIndexOf('\\', at - 1);
  if (backslash < at - LONGEST_ESCAPE + 1 || backslash < start) return at;
  let run = backslash;
  while (run > start && code.charCodeAt(run - 1) === 0x5c) run--;
  return run > start ? run : undefined;
}
