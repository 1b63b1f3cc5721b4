/**
 * A page's boxes read without its prose. Reading a page natively is cheap;
 * building its nodes in JavaScript is not, and fact-boxes needs the nodes of
 * the boxes only (about a seventh of a news article's text). So the boxes are
 * read in one text, with nothing between them but the page's line endings
 * (line numbers and columns stay the page's), and each box's offsets are
 * moved back to the page's afterwards (bench/profile.md).
 *
 * Two readers use it. The pre-passes of MDX and Markdown pages
 * (`readBoxesAlone`) have no reading of the page yet, so they read the boxes
 * this way only where nothing outside them can change what their lines are;
 * otherwise `undefined`, and the whole page is read:
 * - each box opens at the start of a line, at the start of the page, after a
 *   blank line or right after another box, and a line of colons alone closes
 *   it, with no other container opening inside it;
 * - outside the boxes, no fenced code, no container opening after white
 *   space, no line whose braces or backticks are left open (an expression, a
 *   JSX comment or a template string over several lines), no JSX tag or
 *   comment left open at the end of its line; in Markdown, no line that
 *   opens HTML read on past blank lines (`<pre`, `<script`, `<style`,
 *   `<textarea`, `<!`, `<?`), even inside a box;
 * - no definitions or footnotes, which a box read alone could not resolve, no
 *   byte order mark (which Sätteri leaves out of its offsets), and no line
 *   ending but `\n` and `\r\n`;
 * - and Sätteri reads exactly those boxes, where they were found.
 * The Sätteri plugin's reading of a box from its text (adapters/satteri-reread.ts)
 * knows where each box is from Sätteri's own reading, and takes the boxes read
 * together (`findBoxes` without its checks, `readTogether`) in place of each
 * box's text read on its own, where they are the same boxes.
 */
import type { Root, RootContent } from 'mdast';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';
import { hasDocumentWide } from '../engine/restore.js';

/** A line that opens a container directive at its start. */
const OPENING = /^(:{3,})[^\s:]/;
/** A line that opens a container directive after white space. */
const INDENTED_OPENING = /^[ \t]*:{3,}[^\s:]/;
/** A line of colons alone: a container's closing fence. */
const CLOSING = /^[ \t]*(:{3,})[ \t]*\r?$/;
/** A carriage return that is not part of a CRLF. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;
/** Anything but line endings. */
const NOT_LINE_ENDINGS = /[^\r\n]+/g;
/** A line that opens or closes fenced code. */
const FENCE = /^[ \t]*(?:```|~~~)/;
/**
 * A line that starts HTML that Markdown reads on past blank lines, up to its own end (`</pre>`, `-->`, `?>`, `>`,
 * `]]>`): a box after it could be inside it.
 */
const LONG_HTML_BLOCK = /^ {0,3}<(?:[!?]|(?:pre|script|style|textarea)(?:[\s>]|$))/im;
/** The characters of anything a line outside boxes could leave open: braces, backticks, tildes, tags. */
const OPENERS = /[{}`~<]/;

/** A box found in a page's text: from the start of its opening line to the end of its closing line. */
export interface BoxRange {
  start: number;
  end: number;
}

/** Boxes read together: the text read, and each box with how far its offsets lie from the page's. */
export interface BoxesRead {
  /** The boxes' text with the page's line endings between them. */
  text: string;
  /** The boxes, in order, their offsets still the text's. */
  boxes: { box: RootContent; by: number }[];
}

/**
 * The page's boxes, at the top of a root, with the positions they have in the page; `undefined` where the page
 * has to be read whole (see above).
 *
 * @example
 *   const tree = readBoxesAlone(source, features) ?? mdxToMdast(source, { features, position: true });
 */
export function readBoxesAlone(source: string, features: Features, format: 'mdx' | 'md' = 'mdx'): Root | undefined {
  if (hasDocumentWide(source) || (format === 'md' && LONG_HTML_BLOCK.test(source))) return undefined;
  const ranges = findBoxes(source, true);
  const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
  const read = ranges && readTogether(source, ranges, (text) => parse(text, { features: { ...features, directive: true }, position: true }) as unknown as Root);
  if (!read) return undefined;
  for (const { box, by } of read.boxes) moveBy(box, by);
  return { type: 'root', children: read.boxes.map(({ box }) => box) };
}

/**
 * Where a page's boxes are, line by line: each opening at the start of a line, closed by a line of colons alone
 * (no fewer than it opened with), with no container opening inside it; `undefined` where a box opens inside a box
 * or is never closed, or none opens, and in a page with a byte order mark. `strict`: also `undefined` where the lines around a box could change what it
 * is (a box not at the start of the page, after a blank line or after a box; lines outside boxes that leave
 * something open; an indented container), and where a carriage return alone ends a line (a line here ends at
 * `\n`).
 *
 * @example
 *   findBoxes(':::claim{by="x"}\nQuote.\n:::\n', true) // [{ start: 0, end: 26 }]
 */
export function findBoxes(source: string, strict: boolean): BoxRange[] | undefined {
  // A byte order mark: Sätteri does not count it in offsets, so no range here would be Sätteri's.
  if (source.charCodeAt(0) === 0xfeff) return undefined;
  if (strict && source.includes('\r') && LONE_CARRIAGE_RETURN.test(source)) return undefined;
  const ranges: BoxRange[] = [];
  /** Colons of the open box's fence; 0 outside boxes. */
  let open = 0;
  let start = 0;
  /** Whether a box may open on this line: the first line, after a blank one, or after a box. */
  let mayOpen = true;
  for (let at = 0; at < source.length; ) {
    const newline = source.indexOf('\n', at);
    const end = newline === -1 ? source.length : newline;
    const line = source.slice(at, end);
    if (open > 0) {
      const closing = mayBeContainer(line) ? CLOSING.exec(line) : null;
      if (closing) {
        if (closing[1]!.length < open) return undefined;
        ranges.push({ start, end });
        open = 0;
        mayOpen = true;
      } else if (mayBeContainer(line) && INDENTED_OPENING.test(line)) return undefined;
    } else {
      const opening = line.charCodeAt(0) === COLON ? OPENING.exec(line) : null;
      if (opening) {
        if (strict && !mayOpen) return undefined;
        open = opening[1]!.length;
        start = at;
      } else if (strict) {
        if ((mayBeContainer(line) && INDENTED_OPENING.test(line)) || !plainLine(line)) return undefined;
        mayOpen = line.trim() === '';
      }
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  return open > 0 || ranges.length === 0 ? undefined : ranges;
}

/**
 * The boxes at `ranges` read in one text, with nothing between them but the page's line endings (so their lines and
 * columns are the page's): each as reading it alone gives it. `undefined` where `parse` fails or does not give
 * exactly one container at each range, starting there and ending on its closing line.
 */
export function readTogether(source: string, ranges: readonly BoxRange[], parse: (text: string) => Root): BoxesRead | undefined {
  const pieces: string[] = [];
  const starts: number[] = [];
  let length = 0;
  let after = 0;
  for (const { start, end } of ranges) {
    const lineEndings = source.slice(after, start).replace(NOT_LINE_ENDINGS, '');
    starts.push(length + lineEndings.length);
    pieces.push(lineEndings, source.slice(start, end));
    length += lineEndings.length + end - start;
    after = end;
  }
  const text = pieces.join('');
  let tree: Root;
  try {
    tree = parse(text);
  } catch {
    return undefined;
  }
  if (tree.children.length !== ranges.length) return undefined;
  const boxes: BoxesRead['boxes'] = [];
  for (let index = 0; index < ranges.length; index++) {
    const box = tree.children[index]!;
    const readStart = starts[index]!;
    const position = box.position;
    const readEnd = readStart + ranges[index]!.end - ranges[index]!.start;
    if (box.type !== 'containerDirective' || position?.start.offset !== readStart || position.start.column !== 1 || position.end.offset === undefined || position.end.offset > readEnd) return undefined;
    boxes.push({ box, by: ranges[index]!.start - readStart });
  }
  return { text, boxes };
}

const COLON = 58;
/** Whether a line starts with a colon or white space: only such a line can open or close a container. */
function mayBeContainer(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === COLON || first === 32 || first === 9;
}

/**
 * Whether a line outside boxes leaves nothing open that could hold the lines after it: fenced code, an expression
 * or JSX comment (`{…}`), a template string or code span (a backtick), a JSX tag or HTML comment.
 */
function plainLine(line: string): boolean {
  // Most lines of prose hold none of the characters that open anything.
  if (!OPENERS.test(line)) return true;
  if (FENCE.test(line) || line.includes('<!--')) return false;
  let depth = 0;
  let ticks = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line.charCodeAt(index);
    if (char === 123) depth++;
    else if (char === 125 && --depth < 0) return false;
    else if (char === 96) ticks++;
  }
  if (depth !== 0 || ticks % 2 !== 0) return false;
  // A JSX tag closed on its line: it ends with `>`, outside an attribute's quotes.
  const trimmed = line.trim();
  return !trimmed.startsWith('<') || (trimmed.endsWith('>') && trimmed.split('"').length % 2 === 1);
}

type Point = { offset?: number; line: number; column: number };
type Positioned = { position?: { start: Point; end: Point }; children?: Positioned[]; attributes?: unknown };

/** A point `by` further on, as a new object (a point is never moved twice, even one two nodes share). */
const movedPoint = (point: Point, by: number): Point => ({ offset: point.offset === undefined ? undefined : point.offset + by, line: point.line, column: point.column });

/** Move the offsets of a node and every node inside it by `by`. Lines and columns are the page's already. */
function moveBy(node: RootContent | Positioned, by: number): void {
  const positioned = node as Positioned;
  const position = positioned.position;
  if (position) positioned.position = { start: movedPoint(position.start, by), end: movedPoint(position.end, by) };
  if (Array.isArray(positioned.attributes)) for (const attribute of positioned.attributes as Positioned[]) moveBy(attribute, by);
  if (positioned.children) for (const child of positioned.children) moveBy(child, by);
}
