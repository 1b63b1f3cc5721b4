/**
 * Nothing the author wrote disappears: remark-directive reads prose such as
 * `re:Invent`, `Note:this` or `mailto:` as directives. Every text or leaf
 * directive that no plugin handled is turned back into exactly the source
 * text it came from, sliced by position (not re-serialised, which would
 * change what the author wrote).
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Point, Position } from 'unist';
import { mayHoldDirective } from './syntax.js';

/**
 * The text a remark parser gave its nodes positions in: the file as a string
 * (as unified hands it to the parser), without a leading byte order mark,
 * which micromark skips (offsets count from the character after it).
 *
 * @example
 *   parsedSource(new VFile('\uFEFFre:Invent')) // 're:Invent'
 */
export function parsedSource(file: { toString(): string }): string {
  const text = String(file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether a plugin took a directive over (gave it an element name, properties or children). */
export function isHandledDirective(node: { data?: unknown }): boolean {
  const data = node.data as { hName?: unknown; hProperties?: unknown; hChildren?: unknown } | undefined;
  return Boolean(data && (data.hName !== undefined || data.hProperties !== undefined || data.hChildren !== undefined));
}

/** Rebuild a directive's text when the source cannot be sliced (a node made by a plugin). */
function serialise(node: TextDirective | LeafDirective, source: string): string {
  const colons = node.type === 'leafDirective' ? '::' : ':';
  const label = node.children.length > 0 ? `[${node.children.map((child) => textOf(child as Nodes, source)).join('')}]` : '';
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => (value === '' ? key : `${key}="${String(value).replaceAll('"', '&quot;')}"`))
    .join(' ');
  return `${colons}${node.name}${label}${attributes ? `{${attributes}}` : ''}`;
}

function textOf(node: Nodes, source: string): string {
  if (node.type === 'textDirective' || node.type === 'leafDirective') return directiveSource(node, source);
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map((child) => textOf(child, source)).join('');
  return '';
}

/** What the author wrote for a directive: the source slice, or a rebuilt form for nodes made by plugins. */
export function directiveSource(node: TextDirective | LeafDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && end <= source.length) return source.slice(start, end);
  return serialise(node, source);
}

/**
 * What makes an image's description more than its words: markup, references, escapes, line breaks,
 * and what smart punctuation changes (quotes, `--`, `...`).
 */
const LABEL_MARKUP = /[[\\&*_`<!~$\r\n'"]|--|\.\.\./;

/** Whether a document has an image description in which a directive could be read (a prefilter of `imageDescription`). */
export function mayHoldImageDirective(source: string): boolean {
  return /!\[[^\]]*:[^\s\p{P}\p{S}]/u.test(source);
}

/**
 * An image's description where remark-directive and Sätteri read a directive in it
 * (`![Rescuers at 10:30](photo.jpg)`: the description is a string made while parsing, so `:30` is
 * gone from it, and no directive is left to restore). Gives the words as written when the
 * description is plain words, `'read again'` when it has markup (its block is read without
 * directives), and undefined when nothing in it can be a directive.
 *
 * @example
 *   imageDescription(image, '![Rescuers at 10:30](photo.jpg)') // 'Rescuers at 10:30'
 */
export function imageDescription(node: { position?: Position | undefined }, source: string): string | 'read again' | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || source[start] !== '!' || source[start + 1] !== '[') return undefined;
  const close = source.indexOf(']', start + 2);
  if (close === -1 || close >= end) return undefined;
  const label = source.slice(start + 2, close);
  if (!mayHoldDirective(label)) return undefined;
  return LABEL_MARKUP.test(label) ? 'read again' : label;
}

/**
 * `At 10` + `:30` + ` local time` back into one text node, as the author wrote
 * it (React, in Next.js, would otherwise put `<!-- -->` between the pieces).
 */
export function mergeTexts(children: RootContent[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const previous = children[index - 1]!;
    const current = children[index]!;
    if (previous.type !== 'text' || current.type !== 'text') continue;
    const start = previous.position?.start;
    const end = current.position?.end;
    children.splice(index - 1, 2, { type: 'text', value: previous.value + current.value, ...(start && end ? { position: { start, end } } : {}) });
  }
}

/** A definition (`[x]: url`) or a footnote (`[^x]`): what a block read alone could not resolve. */
const DOCUMENT_WIDE = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:|\[\^/m;

/** Whether a text has definitions or footnotes (the pattern only where its characters are). */
export function hasDocumentWide(source: string): boolean {
  return (source.includes(']:') || source.includes('[^')) && DOCUMENT_WIDE.test(source);
}

/**
 * How the host reads the document without directive syntax, to give back a
 * block whose directives took the markup around them (see `tookMarkup`).
 */
export interface PlainReading {
  /** A text (the document, or a block of it) as the host reads it without directives, or undefined when it cannot. */
  parse: (text: string) => Root | undefined;
  /** Whether `{…}` is an expression (MDX). */
  expressions: boolean;
  /** Whether bare addresses become links (GFM). */
  addresses: boolean;
  /** Whether the host makes quotes, dashes and ellipses typographic (smart punctuation, remark-smartypants). */
  punctuation: boolean;
}

/** What smart punctuation changes in a text: straight quotes, `--` and `...`. */
const SMART_PUNCTUATION = /["']|--|\.\.\./;

/**
 * Whether a directive nobody handled, given back as its source text, would miss what the host's smart
 * punctuation makes of it (`3:1--a rout`: the dash is inside the directive's name `1--a`, so the host never
 * saw it as text). Its block is then read again without directives, as for markup (`tookMarkup`).
 *
 * @example
 *   missesPunctuation(':1--a', reading) // true when the reading has smart punctuation
 */
export function missesPunctuation(text: string, reading: PlainReading): boolean {
  return reading.punctuation && SMART_PUNCTUATION.test(text);
}

/** A directive's name (micromark-extension-directive's rule), as a pattern's source: no space, punctuation or symbol, `-` and `_` inside it. */
export const DIRECTIVE_NAME = String.raw`[^\s\p{P}\p{S}]+(?:[-_]+[^\s\p{P}\p{S}]+)*`;
/** A text directive's start: a colon (not after another) and its name. */
const NAME = String.raw`(?<!:):${DIRECTIVE_NAME}`;
/** The patterns made so far, by what the reading reads and whether the document has definitions. */
const patterns = new Map<string, { anywhere: RegExp; here: RegExp }>();
/** Each reading's pattern: a reading is one document's. */
const readingPatterns = new WeakMap<PlainReading, { anywhere: RegExp; here: RegExp }>();

/**
 * Where a directive nobody handled took markup that the text around it would
 * otherwise be: its label the text of a link (`3:1[report](url)`), a
 * reference (`[^1]`, or any label in a document with definitions), its
 * attributes an MDX expression, or its name the start of an address GFM links
 * (`mailto:desk@example.com`, `site:www.example.com`), or stands inside one (`http://host:8080`). Given back as its
 * source text alone, that markup would show as written, and a footnote it
 * referred to would vanish with the reference. `anywhere` finds one in a text
 * (a code span that looks the same reads the same both ways); `here` tests at
 * a directive's start (`lastIndex`).
 *
 * @example
 *   markupPattern(reading, source).anywhere.test('at 10:30[^1]') // true
 */
export function markupPattern(reading: PlainReading, source: string): { anywhere: RegExp; here: RegExp } {
  let pattern = readingPatterns.get(reading);
  if (pattern) return pattern;
  const definitions = hasDocumentWide(source);
  const key = `${reading.expressions}:${reading.addresses}:${definitions}`;
  pattern = patterns.get(key);
  if (!pattern) {
    const taken = [String.raw`\[\^`, String.raw`\[[^\]\n]*\][(\[]`];
    if (definitions) taken.push(String.raw`\[`);
    if (reading.expressions) taken.push(String.raw`(?:\[[^\]\n]*\])?\{`);
    if (reading.addresses) taken.push(String.raw`\S*@`);
    // With GFM, also a directive inside an address it links (`http://host:8080/path`: `:8080` read as one cuts the link
    // short). The colon first: looking back from every position of a document would cost some 20 times the rest.
    const inAddress = String.raw`(?<!:):(?<=(?:https?:\/\/|www\.)[^\s<>]*:)${DIRECTIVE_NAME}`;
    const text = `${NAME}(?:${taken.join('|')})${reading.addresses ? String.raw`|(?<!:):www\.|${inAddress}` : ''}`;
    pattern = { anywhere: new RegExp(text, 'iu'), here: new RegExp(text, 'iuy') };
    patterns.set(key, pattern);
  }
  readingPatterns.set(reading, pattern);
  return pattern;
}

/** Whether a directive nobody handled took markup (`markupPattern`), read at its start in the source. */
export function tookMarkup(node: { position?: Position | undefined }, source: string, reading: PlainReading): boolean {
  const start = node.position?.start.offset;
  if (start === undefined || start >= source.length) return false;
  const { here } = markupPattern(reading, source);
  here.lastIndex = start;
  return here.test(source);
}

/**
 * Phrasing nodes (mdast's, MDX's and directives'): outside a block (a box's title among the box's parts), a run of
 * them is read again as one; the MDX pre-pass writes them on one line.
 */
export const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'inlineMath', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'mdxJsxTextElement', 'mdxTextExpression', 'textDirective']);

/** Blocks of phrasing, given back whole from the plain reading when a directive in them took markup. */
export const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Whether a node can be read again: no directive in it was handled, and no
 * node was made by a plugin (which gives none a position) other than the
 * text and links GFM's address finder makes while parsing, which the reading
 * makes again. `untouched` (Sätteri after other plugins, where everything
 * Sätteri parses has a place and no data): no node without a place, and none
 * a plugin marked with data.
 */
export function asParsed(node: Nodes, untouched = false): boolean {
  if ((node.type === 'textDirective' || node.type === 'leafDirective') && isHandledDirective(node)) return false;
  if (!node.position && (untouched || (node.type !== 'text' && node.type !== 'link'))) return false;
  if (untouched && node.data !== undefined) return false;
  return !('children' in node) || (node.children as Nodes[]).every((child) => asParsed(child, untouched));
}

/**
 * Move a tree read from a text to the place of the block it stands for (`at`):
 * `from` is where that tree's block is in the text read. Lines and offsets
 * move by the difference; columns only on the text's first line.
 */
export function movePositions(node: { position?: Position; children?: unknown }, from: Position, at: Position): void {
  const lines = at.start.line - from.start.line;
  const columns = from.start.line === 1 ? at.start.column - from.start.column : 0;
  const offsets = (at.start.offset ?? 0) - (from.start.offset ?? 0);
  if (lines === 0 && columns === 0 && offsets === 0) return;
  const move = (point: Point): Point => ({
    line: point.line + lines,
    column: point.line === 1 ? point.column + columns : point.column,
    ...(point.offset === undefined ? {} : { offset: point.offset + offsets }),
  });
  const visit = (child: { position?: Position; children?: unknown }) => {
    if (child.position) child.position = { start: move(child.position.start), end: move(child.position.end) };
    if (Array.isArray(child.children)) for (const grandchild of child.children) visit(grandchild as { position?: Position; children?: unknown });
  };
  visit(node);
}

type Placed = { type: string; position?: Position | undefined };
/** A container directive's fence line (`:::name…` or `:::`). */
const FENCE_LINE = /^[ \t]*:{3,}.*$/gm;
export type BlockLookup = (block: Placed) => Parent | undefined;
const lookups = new WeakMap<PlainReading, BlockLookup>();

/**
 * A block as the plain reading gives it, once per block. A paragraph or
 * heading that starts a line, in a document without definitions or
 * footnotes, is read from its own text; any other from the whole document,
 * read once with its box fences blanked out: a block read the same way
 * starts and ends where it did. A one-line paragraph the whole reading has
 * not (words the core cut or took out of their block) is read from its own text.
 */
export function plainBlocks(reading: PlainReading, source: string): BlockLookup {
  let lookup = lookups.get(reading);
  if (lookup) return lookup;
  let blocks: Map<string, Parent> | undefined;
  let alone: boolean | undefined;
  const keyOf = (node: Placed) => `${node.type}:${node.position?.start.offset}:${node.position?.end.offset}`;
  const whole = (block: Placed): Parent | undefined => {
    if (!blocks) {
      blocks = new Map();
      const visit = (node: Nodes) => {
        if (PHRASING_BLOCKS.has(node.type)) blocks!.set(keyOf(node), node as Parent);
        else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
      };
      // Box fences blanked out (the same length, so the same offsets): without directives they would join the
      // first and last paragraphs of a box to them.
      const tree = reading.parse(source.replace(FENCE_LINE, (line) => ' '.repeat(line.length)));
      if (tree) visit(tree);
    }
    const found = blocks.get(keyOf(block));
    blocks.delete(keyOf(block));
    return found;
  };
  const own = (block: Placed): Parent | undefined => {
    const start = block.position!.start.offset!;
    const text = source.slice(start, block.position!.end.offset);
    const read = reading.parse(text)?.children;
    const found = read?.length === 1 ? (read[0] as Parent) : undefined;
    return found?.type === block.type && found.position?.start.offset === 0 && found.position.end.offset === text.length ? found : undefined;
  };
  lookup = (block) => {
    if (block.position?.start.offset === undefined || block.position.end.offset === undefined) return undefined;
    alone ??= !hasDocumentWide(source);
    let found = alone && block.type !== 'tableCell' && block.position.start.column === 1 ? own(block) : whole(block);
    // A paragraph on one line that no block of the whole reading is (a timeline event's words after its date, a
    // box's title): its words read alone, as they read in any block.
    if (!found && alone && block.type === 'paragraph' && block.position.start.line === block.position.end.line) found = own(block);
    if (!found?.position) return undefined;
    movePositions(found, found.position, block.position);
    return found;
  };
  lookups.set(reading, lookup);
  return lookup;
}

/**
 * The blocks of a stretch of the document (`position`) as the plain reading gives them, read from
 * its own text: only where that gives what the whole document would (it starts a line, and the
 * document has no definitions or footnotes), else undefined.
 */
export function plainStretch(reading: PlainReading, source: string, position: Position): RootContent[] | undefined {
  const start = position.start.offset;
  const end = position.end.offset;
  if (start === undefined || end === undefined || position.start.column !== 1 || hasDocumentWide(source)) return undefined;
  const read = reading.parse(source.slice(start, end));
  if (!read) return undefined;
  const from = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  for (const block of read.children) movePositions(block, from, position);
  return read.children;
}

/**
 * Turn every text and leaf directive nobody handled back into its source text.
 * Container directives are left for other plugins. Code is never touched.
 * With a plain reading, a block where a directive took markup (`tookMarkup`)
 * becomes the block as read without directives, as the page would have it
 * without this plugin; `untouchedOnly` (after other plugins, on Sätteri):
 * only a block whose nodes carry no data.
 *
 * @example
 *   restoreUnhandledDirectives(tree, String(file.value))
 */
export function restoreUnhandledDirectives(tree: Root, source: string, plain?: PlainReading, untouchedOnly = false): void {
  const plainBlock = plain ? plainBlocks(plain, source) : undefined;
  // The phrasing block (or run of phrasing) being visited, and whether a directive in it took markup.
  let took = false;
  /**
   * Phrasing outside any block (a box's title, among the box's parts) from `from` to `to`: read again as the
   * paragraph its words would be (`plainBlocks`), when a directive in it took markup. How many nodes it now has.
   */
  const giveBackRun = (children: RootContent[], from: number, to: number): number => {
    if (!took || !plainBlock) return to - from;
    // The author's own words, one after the other as written: nothing between them that the run does not hold.
    for (let index = from; index < to; index++) {
      const child = children[index]!;
      if (!asParsed(child as Nodes, untouchedOnly) || (index > from && child.position?.start.offset !== children[index - 1]!.position?.end.offset)) return to - from;
    }
    const start = children[from]!.position?.start;
    const end = children[to - 1]!.position?.end;
    const read = start && end ? plainBlock({ type: 'paragraph', position: { start, end } }) : undefined;
    if (!read) return to - from;
    children.splice(from, to - from, ...(read.children as RootContent[]));
    return read.children.length;
  };
  // `loose`: the parent is no phrasing and no block of it, so its phrasing children are runs outside any block.
  const visit = (parent: Parent, loose: boolean) => {
    const children = parent.children as RootContent[];
    let restored = false;
    let run = -1;
    for (let index = 0; index < children.length; index++) {
      let child = children[index]!;
      if (loose && plainBlock) {
        if (!PHRASING.has(child.type) && run !== -1) {
          index = run + giveBackRun(children, run, index);
          child = children[index]!;
          run = -1;
        }
        if (PHRASING.has(child.type) && run === -1) {
          run = index;
          took = false;
        }
      }
      if ((child.type === 'textDirective' || child.type === 'leafDirective') && !isHandledDirective(child)) {
        const text = { type: 'text' as const, value: directiveSource(child, source), position: child.position };
        if (plain && child.type === 'textDirective' && !took) took = tookMarkup(child, source, plain) || missesPunctuation(text.value, plain);
        children[index] = child.type === 'leafDirective' ? { type: 'paragraph', children: [text], position: child.position } : text;
        restored ||= child.type === 'textDirective';
        continue;
      }
      if (child.type === 'image' || child.type === 'imageReference') {
        const description = imageDescription(child, source);
        if (description === 'read again') took = true;
        else if (description !== undefined) child.alt = description;
        continue;
      }
      if (!('children' in child)) continue;
      if (plainBlock && PHRASING_BLOCKS.has(child.type)) {
        took = false;
        visit(child as Parent, false);
        if (took && (child as Parent).children.every((grandchild) => asParsed(grandchild as Nodes, untouchedOnly))) {
          const read = plainBlock(child);
          if (read) (child as Parent).children = read.children;
        }
        took = false;
        continue;
      }
      visit(child as Parent, loose && !PHRASING.has(child.type));
    }
    if (run !== -1) giveBackRun(children, run, children.length);
    if (restored) mergeTexts(children);
  };
  visit(tree, true);
}
