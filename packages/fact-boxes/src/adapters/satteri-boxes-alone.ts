/**
 * An MDX page's boxes read without its prose. Reading a page natively is
 * cheap; building its nodes in JavaScript is not, and the pre-pass needs the
 * nodes of the boxes only (about a seventh of a news article's text). So the
 * page is read with every line outside its boxes left empty (line numbers
 * and columns stay the page's), and each box's offsets are moved back to the
 * page's afterwards (bench/profile.md).
 *
 * Only where nothing outside the boxes can change what their lines are;
 * otherwise `undefined`, and the whole page is read:
 * - each box opens at the start of a line, at the start of the page, after a
 *   blank line or right after another box, and a line of colons alone closes
 *   it, with no other container opening inside it;
 * - outside the boxes, no fenced code, no container opening after white
 *   space, no line whose braces or backticks are left open (an expression, a
 *   JSX comment or a template string over several lines), no JSX tag or
 *   comment left open at the end of its line;
 * - no definitions or footnotes, which a box read alone could not resolve, no
 *   byte order mark (which Sätteri leaves out of its offsets), and no line
 *   ending but `\n` and `\r\n`;
 * - and Sätteri reads exactly those boxes, where they were found.
 */
import type { Root, RootContent } from 'mdast';
import { mdxToMdast, type Features } from 'satteri';
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
/** The characters of anything a line outside boxes could leave open: braces, backticks, tildes, tags. */
const OPENERS = /[{}`~<]/;

/** Where a box was found: its first offset in the page and in the text read, and the end of its closing line there. */
interface Found {
  start: number;
  readStart: number;
  readEnd: number;
}

/**
 * The page's boxes, at the top of a root, with the positions they have in the page; `undefined` where the page
 * has to be read whole (see above).
 *
 * @example
 *   const tree = readBoxesAlone(source, features) ?? mdxToMdast(source, { features, position: true });
 */
export function readBoxesAlone(source: string, features: Features): Root | undefined {
  // A byte order mark: Sätteri does not count it in offsets. A `\r` alone ends a line for Sätteri, not here.
  if (source.charCodeAt(0) === 0xfeff || (source.includes('\r') && LONE_CARRIAGE_RETURN.test(source)) || hasDocumentWide(source)) return undefined;
  const found: Found[] = [];
  const read: string[] = [];
  let readLength = 0;
  /** Where the text since the last box starts. */
  let gap = 0;
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
        const text = source.slice(start, end);
        found.push({ start, readStart: readLength, readEnd: readLength + text.length });
        read.push(text);
        readLength += text.length;
        open = 0;
        gap = end;
        mayOpen = true;
      } else if (mayBeContainer(line) && INDENTED_OPENING.test(line)) return undefined;
    } else {
      const opening = line.charCodeAt(0) === COLON ? OPENING.exec(line) : null;
      if (opening) {
        if (!mayOpen) return undefined;
        // The line endings since the last box, nothing else.
        const lineEndings = source.slice(gap, at).replace(NOT_LINE_ENDINGS, '');
        read.push(lineEndings);
        readLength += lineEndings.length;
        open = opening[1]!.length;
        start = at;
      } else {
        if ((mayBeContainer(line) && INDENTED_OPENING.test(line)) || !plainLine(line)) return undefined;
        mayOpen = line.trim() === '';
      }
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  if (open > 0 || found.length === 0) return undefined;

  let tree: Root;
  try {
    tree = mdxToMdast(read.join(''), { features: { ...features, directive: true }, position: true }) as unknown as Root;
  } catch {
    return undefined;
  }
  if (tree.children.length !== found.length) return undefined;
  for (let index = 0; index < found.length; index++) {
    const box = tree.children[index]!;
    const { start, readStart, readEnd } = found[index]!;
    const position = box.position;
    if (box.type !== 'containerDirective' || position?.start.offset !== readStart || position.start.column !== 1 || position.end.offset === undefined || position.end.offset > readEnd) return undefined;
    moveBy(box, start - readStart);
  }
  return tree;
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
