/**
 * Boxes written into an MDX page's text before Sätteri compiles it. Through
 * Sätteri's plugin API a box is handed to JavaScript node by node and its
 * rendering handed back the same way, and every page with a box pays for the
 * `directive` feature: prose like `10:30` read as directives, then given back
 * (bench/profile.md). Here the page is read once natively, each box is
 * rendered by the core, and the page is handed on as MDX text: each box as
 * `<Fragment set:html>` strings around the author's own text, sliced from the
 * page as written (only the boxes are read where the prose around them
 * cannot change them: adapters/satteri-boxes-alone.ts), so the author's
 * Markdown and MDX (JSX, `{expressions}`) compile as they would anywhere else. The page then compiles without the
 * `directive` feature and without a plugin, so its prose is never taken apart.
 *
 * Only where that gives what the plugin gives; otherwise `undefined`, and the
 * page goes through the plugin:
 * - every line that starts like a directive (`::` after white space or list
 *   and quote markers) is inside a box at the start of a line, at the top of
 *   the page or inside JSX elements there, that a line of colons closes; no box
 *   or unknown container inside a box;
 * - no box has an error (the plugin reports it, with what the page does with it);
 * - every piece of author content the core put in a box is the author's own,
 *   unchanged (a timeline event without its date: the rest of its paragraph),
 *   so its text as written is what the box holds.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';
import type { FactBoxRecord, Problem } from '../boxes/define.js';
import { processDocument, type ProcessedDocument } from '../engine/document.js';
import type { ResolvedOptions } from '../engine/options.js';
import { shiftPositions, type Shift } from '../engine/positions.js';
import { PHRASING } from '../engine/restore.js';
import { DocumentState } from '../engine/state.js';
import { staticFragmentHtml } from '../render/to-mdast.js';
import { readBoxesAlone } from './satteri-boxes-alone.js';
import { alignWithMicromark } from './satteri-micromark.js';

/** A page with its boxes written into it, and what the core made of them. */
export interface PrepassedPage {
  /** The page's MDX with each box as what the plugin would hand Sätteri for it. */
  text: string;
  records: FactBoxRecord[];
  /** Warnings only: a page with an error goes through the plugin. */
  problems: Problem[];
}

/** A line that opens a container directive at the start of a line. */
const BOX_OPENING = /^:{3,}[^\s:]/m;
/** What may come before a directive on its line, in any container: white space, quote and list markers. */
const DIRECTIVE_LINE_PREFIX = new Set([...' \t>*+-0123456789.)'].map((char) => char.charCodeAt(0)));
/** The line terminators of a multiline expression's `^` and `$`: as codes, and as an expression that finds the next. */
const LINE_TERMINATOR_CHARS = '\n\r\u2028\u2029';
const LINE_TERMINATORS = new Set([...LINE_TERMINATOR_CHARS].map((char) => char.charCodeAt(0)));
const LINE_TERMINATOR = new RegExp(`[${LINE_TERMINATOR_CHARS}]`, 'g');
/**
 * Braces after a directive's name or label (`:abbr[WHO]{title="…"}`): the plugin gives a directive it does not
 * handle back as its text, where MDX without directives reads `{…}` as an expression.
 */
const DIRECTIVE_BRACES = /\]\{|:[^\s:[\]{}()]+\{/g;
/** A line of colons alone: a container's closing fence. */
const CLOSING_FENCE = /(?:^|\n)[ \t]*:{3,}[ \t]*\r?$/;

/** Where a node of a box was in the page, and its children as parsed (to tell a node the core changed). */
export interface Original {
  start: number;
  end: number;
  column: number;
  children: readonly unknown[] | undefined;
}
/** The nodes of a page's boxes as parsed, and its paragraphs by where they end (a timeline event the core cut its date from). */
export interface Originals {
  nodes: Map<object, Original>;
  /** Paragraphs by where they end. */
  paragraphEnding: Map<number, object>;
}

type Positioned = { type: string; position?: { start: { offset?: number; column: number }; end: { offset?: number } }; children?: Positioned[] };

/**
 * The MDX page `source` with its boxes written in, or `undefined` where it has to go through the plugin.
 * `features`: those Sätteri compiles the page with; `options`: the core's, with `staticHtml: 'fragment'`;
 * `staticPart`: the MDX of a static part of a box, given its HTML (by default `<Fragment set:html='…' />`;
 * the Astro integration asks for the HTML it keeps outside the page's module instead).
 *
 * @example
 *   const page = prepassMdx(source, features, options);
 *   const { code } = mdxToJs(page?.text ?? source, page ? { features } : withPlugin);
 */
export function prepassMdx(
  source: string,
  features: Features,
  options: ResolvedOptions,
  state: () => DocumentState = () => new DocumentState(source, options.headingLevel, options.locales?.forDocument({ source }), options),
  staticPart: (html: string) => string = fragment,
): PrepassedPage | undefined {
  // A directive with attributes outside box lines: MDX without directives would read its braces as an expression.
  if (options.staticHtml !== 'fragment' || !BOX_OPENING.test(source) || !bracesOnlyOnBoxLines(source)) return undefined;
  const built = buildBoxes(source, features, options, state, 'mdx');
  const text = built && writePage(source, built, (box) => writeBox(box, source, built.originals, staticPart));
  return text === undefined ? undefined : { text, records: built!.result.records, problems: built!.result.problems };
}

/**
 * The page with each box's lines in place of what `write` makes of the box (on lines of its own); `undefined`
 * where `write` cannot write one.
 */
export function writePage(source: string, { boxes, ranges }: Pick<BuiltBoxes, 'boxes' | 'ranges'>, write: (box: RootContent) => string | undefined): string | undefined {
  const parts: string[] = [];
  let at = 0;
  for (let index = 0; index < boxes.length; index++) {
    const written = write(boxes[index]!);
    if (written === undefined) return undefined;
    const [start, end] = ranges[index]!;
    parts.push(source.slice(at, start), '\n', written, '\n');
    at = end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** A page's boxes as the core rendered them, with where each was written and what each held as parsed. */
export interface BuiltBoxes {
  /** What the core made of each box, in order. */
  boxes: RootContent[];
  /** Where each box is in the page: from the start of its opening line to the end of its closing line. */
  ranges: [start: number, end: number][];
  originals: Originals;
  result: ProcessedDocument;
}

/**
 * Read a page's boxes (alone where the prose around them cannot change them, else with the page) and render them
 * with the core; `undefined` where the page has to go through the plugin (see above). `shift`: where the text lies
 * in its file (a collection entry's body), so records and messages name the file's lines.
 */
export function buildBoxes(source: string, features: Features, options: ResolvedOptions, state: () => DocumentState, format: 'mdx' | 'md', shift?: Shift): BuiltBoxes | undefined {
  // No line opens a container at the top of the page: nothing to write.
  if (!BOX_OPENING.test(source)) return undefined;
  // The boxes alone where nothing around them can change them (most pages), else the whole page.
  let tree = readBoxesAlone(source, features, format);
  try {
    const read = format === 'mdx' ? mdxToMdast : markdownToMdast;
    tree ??= read(source, { features: { ...features, directive: true }, position: true }) as unknown as Root;
  } catch {
    return undefined; // the plugin's path reports what is wrong with the page
  }
  const boxes: RootContent[] = [];
  const ranges: [start: number, end: number][] = [];
  // The page's boxes, in order: at its top, or inside JSX elements there (`<div class="grid">` around boxes).
  const collect = (children: readonly RootContent[]): boolean => {
    for (const node of children) {
      if (node.type === 'leafDirective') return false;
      if (node.type === 'mdxJsxFlowElement') {
        if (!collect(node.children as RootContent[])) return false;
        continue;
      }
      if (node.type !== 'containerDirective') continue;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!options.boxes.has(node.name) || start === undefined || end === undefined || node.position!.start.column !== 1) return false;
      if (!CLOSING_FENCE.test(source.slice(start, end))) return false;
      boxes.push(node);
      ranges.push([start, end]);
    }
    return true;
  };
  if (!collect(tree.children) || boxes.length === 0 || !directiveLinesInBoxes(source, ranges)) return undefined;

  const originals: Originals = { nodes: new Map(), paragraphEnding: new Map() };
  for (const box of boxes) remember(box as Positioned, originals, true);
  const root: Root = { type: 'root', children: boxes };
  alignWithMicromark(root, source);
  if (shift) shiftPositions(root, shift);
  const result = processDocument(root, source, options, state());
  if (result.problems.some((problem) => problem.severity !== 'warning') || root.children.length !== boxes.length) return undefined;
  return { boxes: root.children, ranges, originals, result };
}

/**
 * Whether every line that may start a directive lies in one of the boxes (each `[start, end]`, in order), and is
 * the box's own opening line, a row (`::name`) or its closing line: a container inside a box goes to the plugin.
 */
function directiveLinesInBoxes(source: string, ranges: readonly [number, number][]): boolean {
  let box = 0;
  for (const at of directiveLines(source)) {
    while (box < ranges.length && ranges[box]![1] <= at) box++;
    const range = ranges[box];
    if (!range || at < range[0]) return false;
    if (at !== range[0] && /^[ \t]*:{3,}[ \t]*[^\s:]/.test(source.slice(at, source.indexOf('\n', at) >>> 0))) return false;
  }
  return true;
}

/**
 * Where each line that may start a directive starts (`::` after white space, quote or list markers), as
 * `/^[ \t>*+\-\d.)]*::/gm` finds them: from each line's first `::` (any later one has a colon before it), found
 * with `indexOf` rather than trying the expression at every character of the page.
 */
export function* directiveLines(source: string): Generator<number> {
  for (let found = source.indexOf('::'); found !== -1; ) {
    // Back over white space and markers to the line's start, after any line terminator (as `^` in a multiline
    // expression): anything else before the `::`, and it starts no directive.
    let at = found;
    while (at > 0 && DIRECTIVE_LINE_PREFIX.has(source.charCodeAt(at - 1))) at--;
    if (at === 0 || LINE_TERMINATORS.has(source.charCodeAt(at - 1))) yield at;
    const next = nextLine(source, found);
    if (next === -1) return;
    found = source.indexOf('::', next);
  }
}

/** Where the line after the one holding `at` starts; -1 on the last line. */
function nextLine(source: string, at: number): number {
  LINE_TERMINATOR.lastIndex = at;
  return LINE_TERMINATOR.exec(source) ? LINE_TERMINATOR.lastIndex : -1;
}

/**
 * Whether braces after a directive's name or label are only a box's or a row's own: on a line that starts like a
 * directive (`::…`), the last `{` of the line, which ends it. Any other is a text directive's (in prose, or in a
 * label), which the plugin gives back as written and MDX without directives would read as an expression.
 */
function bracesOnlyOnBoxLines(source: string): boolean {
  for (const match of source.matchAll(DIRECTIVE_BRACES)) {
    const at = source.lastIndexOf('\n', match.index) + 1;
    const line = source.slice(at, source.indexOf('\n', at) >>> 0).trimEnd();
    const brace = match.index + match[0].length - 1 - at;
    if (!/^[ \t]*::/.test(line) || !line.endsWith('}') || line.lastIndexOf('{') !== brace) return false;
  }
  return true;
}

/** Remember where each node of a box was, with its children as parsed. */
function remember(node: Positioned, originals: Originals, isBox = false): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (!isBox && start !== undefined && end !== undefined) {
    originals.nodes.set(node, { start, end, column: node.position!.start.column, children: node.children });
    if (node.type === 'paragraph') originals.paragraphEnding.set(end, node);
  }
  if (node.children) for (const child of node.children) remember(child, originals);
}

/** A node as the core left it, and every node inside it: the author's, unchanged. */
export function unchanged(node: unknown, originals: Originals): Original | undefined {
  const original = originals.nodes.get(node as object);
  if (!original) return undefined;
  const children = (node as Positioned).children;
  if (children !== original.children || (children && children.some((child) => !unchanged(child, originals)))) return undefined;
  return original;
}

type Jsx = { type: string; name?: string | null; attributes?: readonly unknown[]; children?: unknown[] };

/** What a JSX string in single quotes escapes: MDX decodes character references in it, so `&` too. */
const JSX_STRING_ESCAPES: Readonly<Record<string, string>> = { '\0': '&#x0;', '&': '&amp;', "'": '&#x27;' };
/**
 * `<Fragment set:html='…' />`, its value a JSX string in single quotes: the HTML's attributes are in double quotes,
 * which need no escape there, so MDX has few character references to decode (bench/profile.md).
 */
const fragment = (html: string) => `<Fragment set:html='${html.replace(/[\0&']/g, (char) => JSX_STRING_ESCAPES[char]!)}' />`;


/**
 * A rendered box as MDX text: one `<Fragment set:html>`, or a bare `<Fragment>` of them around the author's
 * blocks (each with blank lines around it) and phrasing (on one line with the strings around it, inside a
 * `<Fragment>` of its own, which MDX reads as no paragraph). `undefined` where the box cannot be written so.
 */
function writeBox(node: RootContent, source: string, originals: Originals, staticPart: (html: string) => string): string | undefined {
  // Phrasing (`PHRASING`) is what the core puts in a box as a title or a row's label; anything else of the author's is a block.
  const html = staticFragmentHtml(node);
  if (html !== undefined) return staticPart(html);
  const jsx = node as unknown as Jsx;
  if (jsx.type !== 'mdxJsxFlowElement' || jsx.name !== 'Fragment' || jsx.attributes?.length !== 0 || !jsx.children) return undefined;
  const lines: string[] = ['<Fragment>'];
  // A line of phrasing in the making, with the strings next to it.
  let inline: string[] | undefined;
  let phrasingEnd: number | undefined;
  const pieces = jsx.children;
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const pieceHtml = staticFragmentHtml(piece);
    const type = (piece as Nodes).type;
    if (pieceHtml !== undefined) {
      // Next to phrasing: on its line.
      if (inline || PHRASING.has((pieces[index + 1] as Nodes | undefined)?.type ?? '')) (inline ??= []).push(staticPart(pieceHtml));
      else lines.push(staticPart(pieceHtml));
      continue;
    }
    if (PHRASING.has(type)) {
      const original = unchanged(piece, originals);
      if (!original) return undefined;
      // Consecutive phrasing must be consecutive in the page.
      if (phrasingEnd !== undefined && phrasingEnd !== original.start) return undefined;
      const text = source.slice(original.start, original.end);
      if (text.includes('\n') || text.includes('\r')) return undefined;
      (inline ??= []).push(text);
      phrasingEnd = original.end;
      continue;
    }
    if (inline) {
      lines.push(`<Fragment>${inline.join('')}</Fragment>`);
      inline = undefined;
    }
    phrasingEnd = undefined;
    const block = blockText(piece as Nodes, source, originals);
    if (block === undefined) return undefined;
    lines.push('', block, '');
  }
  if (inline) lines.push(`<Fragment>${inline.join('')}</Fragment>`);
  lines.push('</Fragment>');
  return lines.join('\n');
}

/**
 * An author's block as written, its lines moved to the start of the line by its own column (a block from a list
 * item); a paragraph the core took the start of (a timeline event's date) from where its words start.
 */
export function blockText(node: Nodes, source: string, originals: Originals): string | undefined {
  let original = unchanged(node, originals);
  let start = original?.start;
  /** Whether the paragraph is written from where its words start, after a date the core took. */
  let cut = false;
  if (!original && node.type === 'paragraph' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
    // A timeline event's paragraph without its date: the core starts it where its words start, its first text cut
    // at the start or dropped, the rest of it the paragraph's own last children, in order and unchanged.
    const paragraph = originals.paragraphEnding.get(node.position.end.offset);
    original = paragraph && originals.nodes.get(paragraph);
    const parsed = (original?.children ?? []) as readonly unknown[];
    const [first, ...rest] = node.children;
    const tail = parsed.slice(parsed.length - rest.length);
    if (!original || !first || rest.length >= parsed.length || rest.some((child, index) => child !== tail[index] || !unchanged(child, originals))) return undefined;
    const before = parsed[parsed.length - rest.length - 1] as Positioned & { value?: unknown };
    const known = first === before ? unchanged(first, originals) : undefined;
    if (!known) {
      // The text the date was cut from: its words are the end of it.
      const text = originals.nodes.get(before);
      if (!text || first.type !== 'text' || before.type !== 'text' || typeof before.value !== 'string' || !before.value.endsWith(first.value) || first.position?.end.offset !== text.end) return undefined;
    }
    start = node.position.start.offset;
    if (start < original.start || start !== first.position?.start.offset) return undefined;
    cut = true;
  }
  if (!original || start === undefined) return undefined;
  const text = source.slice(start, original.end);
  // Words that would start another block on a line of their own (`> 50 killed`, `# 3`, `1. …`) stay with the plugin.
  if (cut && !startsAsParagraph(text)) return undefined;
  const indent = original.column - 1;
  if (indent === 0) return text;
  // Lines after the first lose up to the block's own indent (spaces only: a tab's width depends on its column).
  const lines = text.split('\n');
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    let cut = 0;
    while (cut < indent && line[cut] === ' ') cut++;
    if (line[cut] === '\t' && cut < indent) return undefined;
    lines[index] = line.slice(cut);
  }
  return lines.join('\n');
}

/**
 * How the first line of a paragraph's text, written at the start of a line, is sure to start a paragraph in Markdown
 * and in MDX: it starts like no other block (heading, quote, list item, thematic break, fence, HTML, JSX, expression,
 * ESM, table, directive, math, definition), and not with white space.
 */
const PARAGRAPH_START = /^(?![ \t\r\n]|#{1,6}(?:[ \t\r\n]|$)|>|[-+*](?:[ \t\r\n]|$)|\d{1,9}[.)](?:[ \t\r\n]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\r?\n|$)|[=|:<{$]|`{3}|~{3}|(?:import|export)[ \t]|\[(?:[^\]\\]|\\.)*\]:).+/;

/** Whether `text` (a paragraph's words, or a run of phrasing) reads as a paragraph when written at the start of a line. */
export function startsAsParagraph(text: string): boolean {
  return PARAGRAPH_START.test(text);
}
