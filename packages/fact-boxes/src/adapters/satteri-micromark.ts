/**
 * Where Sätteri reads a document unlike micromark (remark-directive), read as micromark does, so a page
 * reads the same on either processor: a box's opening line Sätteri reads as a box and micromark as prose
 * (a space before `{`, a line break inside `{…}`, an unquoted value with spaces) or with other attributes
 * (character references, quotes), a container nobody handles (which Sätteri renders as nothing), a
 * paragraph Sätteri ends at a line like `::before to add content`, and a label of white space or nothing
 * (`[ ]`, `[]`), which Sätteri reads without the space (0.11: without the label).
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directive } from 'micromark-extension-directive';
import type { Position } from 'unist';
import { isClosed } from '../engine/syntax.js';
import { DIRECTIVE_NAME, isHandledDirective, mergeTexts, plainBlocks, plainStretch, type PlainReading } from '../engine/restore.js';
import { openingLine, readWrittenAttributes } from '../text/written.js';

const directiveSyntax = { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] };

/**
 * Whether Sätteri's attributes are plainly what the line says, so micromark
 * would read the same (most lines: no character references, no quotes
 * inside values, no stray characters); only the others are parsed again.
 */
function readsTheSame(line: string, attributes: Record<string, string | null | undefined>): boolean {
  const brace = line.indexOf('{');
  if (brace === -1) return Object.keys(attributes).length === 0;
  if (line.includes('&') || !line.trimEnd().endsWith('}') || line.indexOf('{', brace + 1) !== -1 || line.indexOf('}') !== line.trimEnd().length - 1) return false;
  // Every quote opens a value (after `=`) or closes one (before a space or `}`); anything else is left to micromark.
  for (let index = line.indexOf('{', brace); index < line.length; index++) {
    const char = line[index];
    if ((char === '"' || char === "'") && line[index - 1] !== '=' && !/[\s}]/.test(line[index + 1] ?? '')) return false;
  }
  const written = new Map<string, string>();
  for (const attribute of readWrittenAttributes(line)) {
    if (attribute.name === 'class') return false; // classes add up: leave it to micromark
    written.set(attribute.name, attribute.value ?? '');
  }
  const names = Object.keys(attributes);
  return names.length === written.size && names.every((name) => written.get(name) === attributes[name]);
}

/**
 * Sätteri's directive parser and micromark's (remark-directive's) disagree on
 * some attribute values: character references (`&quot;`), a `}` inside quotes,
 * a stray quote. Read each box's and row's opening line again with micromark,
 * so both pipelines validate exactly the same attributes; a line micromark
 * would not read as a directive becomes the paragraph remark would have made,
 * and a paragraph Sätteri ended at a line like `::before to add content` runs
 * on. `reading`: how the host reads such prose without directives, when that
 * is known and nothing may have changed it (else its text as written).
 */
export function alignWithMicromark(parent: { children: RootContent[] }, source: string, reading?: PlainReading): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      const start = node.position?.start.offset;
      const line = openingLine(source, node.position);
      if (start !== undefined && line !== undefined) {
        if (node.type === 'containerDirective') keepBlankLabel(node, line);
        if (readsTheSame(line, node.attributes ?? {})) {
          if ('children' in node) alignWithMicromark(node as { children: RootContent[] }, source, reading);
          continue;
        }
        const parsed = fromMarkdown(node.type === 'containerDirective' ? `${line}\n:::` : line, directiveSyntax).children[0];
        if (parsed?.type === node.type && parsed.name === node.name) {
          node.attributes = parsed.attributes ?? {};
        } else {
          // What Sätteri read inside a container stays; the blocks put in its place are aligned in turn.
          children.splice(index, 1, ...(node.type === 'containerDirective' ? readAsProse(node, line, source, reading) : [asRead(proseOf(line, node.position), source, reading)]));
          index--;
          continue;
        }
      }
    }
    if (node.type === 'paragraph' && index > 0 && continuesParagraph(node, children[index - 1], source)) {
      children.splice(index - 1, 2, asRead(runOnParagraph(children[index - 1] as Paragraph, node, source), source, reading));
      index--;
      continue;
    }
    // Box and row lines are blocks: phrasing (a paragraph's, a heading's, a table's) holds none.
    if ('children' in node && Array.isArray(node.children) && !PHRASING_PARENTS.has(node.type)) alignWithMicromark(node as { children: RootContent[] }, source, reading);
  }
}

/** The colons (and any indent) before a directive's name. */
const FENCE_OF_NAME = /^[ \t]*:+/;
/** A label of white space or nothing. */
const BLANK_LABEL = /^\[([ \t]*)\]/;

/**
 * A label of white space or nothing (`:::name[]`, `:::name[ ]`): micromark reads a label paragraph holding the
 * white space as text. Sätteri reads the paragraph without it, and 0.11 leaves out the paragraph of `[]` too; remark
 * shows it in a container nobody handles (`<div><p> </p>…`). Make it what micromark reads.
 */
function keepBlankLabel(node: ContainerDirective, line: string): void {
  const at = (FENCE_OF_NAME.exec(line)?.[0].length ?? 0) + node.name.length;
  const next = line.charCodeAt(at + 1);
  // Most labels hold words: only `[` then `]`, a space or a tab can start a blank one.
  if (line.charCodeAt(at) !== 91 || (next !== 93 && next !== 32 && next !== 9)) return;
  const blank = BLANK_LABEL.exec(line.slice(at));
  const first = node.children[0];
  const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
  const start = node.position?.start;
  const space = blank?.[1];
  // Nothing to do where the label holds something, or is there and empty as written.
  if (space === undefined || (label && (label.children.length > 0 || space === '')) || start?.offset === undefined) return;
  const point = (by: number) => ({ line: start.line, column: start.column + by, offset: start.offset! + by });
  const children: Paragraph['children'] = space === '' ? [] : [{ type: 'text', value: space, position: { start: point(at + 1), end: point(at + 1 + space.length) } }];
  // Sätteri's nodes are replaced, not changed in place (a box's copy shares them).
  if (label) node.children[0] = { ...label, children };
  else node.children.unshift({ type: 'paragraph', data: { directiveLabel: true }, children, position: { start: point(at), end: point(at + space.length + 2) } });
}

/**
 * Sätteri renders a container directive nobody handled as nothing, content and all; remark-rehype
 * makes it a `<div>`. Each one in a tree the plugin rebuilds (an unknown container, or one inside a
 * box) gets the `<div>`, so the author's words inside are kept as on remark.
 */
export function keepUnknownContainers(parent: { children: RootContent[] }): void {
  for (const child of parent.children) {
    if (child.type === 'containerDirective' && !isHandledDirective(child)) child.data = { ...child.data, hName: 'div' } as ContainerDirective['data'];
    if ('children' in child) keepUnknownContainers(child as { children: RootContent[] });
  }
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'table']);

/** A paragraph of one text, as written. */
function proseOf(value: string, position: Position | undefined): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value, ...(position ? { position } : {}) }], ...(position ? { position } : {}) };
}

/** A line micromark may read as a directive block: a container's opening, or a leaf directive (inside a quote or a list too). */
const DIRECTIVE_LINE = new RegExp(String.raw`^[ \t>]*(?::{3,}[^\s:]|::${DIRECTIVE_NAME}(?:[[{].*)?[ \t]*$)`, 'mu');

/**
 * Whether a line of `text` could be a directive block to micromark (a container's opening, a leaf directive).
 *
 * @example
 *   holdsDirectiveBlock('prose\n::note[x]') // true
 */
export function holdsDirectiveBlock(text: string): boolean {
  return DIRECTIVE_LINE.test(text);
}

/** A directive's name, held whole: what follows it decides (no backtracking into it). */
const NAME = String.raw`(?=(${DIRECTIVE_NAME}))\1`;
/**
 * A line that starts like a leaf directive but is none (`::before to add content`, `::10:30 was the time`):
 * after the name comes neither a label, attributes nor the end of the line. Sätteri ends the paragraph
 * above such a line; micromark runs it on. Tested at a `::`.
 */
const NOT_A_LEAF_HERE = new RegExp(String.raw`::${NAME}(?![[{]|[ \t]*\r?$)`, 'muy');

export function notALeafAt(source: string, offset: number | undefined): boolean {
  if (offset === undefined || source.charCodeAt(offset) !== 58 || source.charCodeAt(offset + 1) !== 58) return false;
  NOT_A_LEAF_HERE.lastIndex = offset;
  return NOT_A_LEAF_HERE.test(source);
}

/** Where a line's text starts (past a quote's markers and indentation). */
function lineText(source: string, lineStart: number): number {
  let at = lineStart;
  while (source[at] === ' ' || source[at] === '\t' || source[at] === '>') at++;
  return at;
}

/** Where the next line's text starts after `offset`, if there is a next line. */
export function nextLineText(source: string, offset: number | undefined): number | undefined {
  const newline = offset === undefined ? -1 : source.indexOf('\n', offset);
  return newline === -1 ? undefined : lineText(source, newline + 1);
}

/** Whether a line of the document starts like a leaf directive that is none. */
export function hasNotALeafLine(source: string): boolean {
  for (let at: number | undefined = lineText(source, 0); at !== undefined; at = nextLineText(source, at)) if (notALeafAt(source, at)) return true;
  return false;
}

/**
 * Whether a paragraph Sätteri started at a line like `::before to add content` runs on from the paragraph
 * above it in micromark, which ends a paragraph only at a leaf directive that is one (the line `::before`).
 */
export function continuesParagraph(paragraph: { position?: Position | undefined }, above: { type: string; position?: Position | undefined; data?: unknown } | undefined, source: string): boolean {
  if (!notALeafAt(source, paragraph.position?.start.offset)) return false;
  // A container's label (`:::claim[Title]`) is its opening line, not a paragraph a line can run on from.
  return above?.type === 'paragraph' && !(above.data as { directiveLabel?: boolean } | undefined)?.directiveLabel && above.position !== undefined && above.position.end.line === paragraph.position!.start.line - 1;
}

/** The line break at `offset` as written (CRLF or LF): micromark keeps it in a paragraph's text. */
function lineBreakAt(source: string, offset: number | undefined): string {
  return offset !== undefined && source.startsWith('\r\n', offset) ? '\r\n' : '\n';
}

/** Two paragraphs as one, the second running on from the first on the next line. */
export function runOnParagraph(above: Paragraph, below: Paragraph, source: string): Paragraph {
  return { ...above, children: joined([...above.children, { type: 'text', value: lineBreakAt(source, above.position?.end.offset) }, ...below.children]), position: { start: above.position!.start, end: below.position!.end } };
}

/**
 * A paragraph made of prose the plugin took back from a misread directive, as the host reads it
 * without directives (`reading`: its markup, smart punctuation, raw HTML), or its text as written
 * when the host's reading is not known or reads the text as something else.
 */
function asRead(paragraph: Paragraph, source: string, reading: PlainReading | undefined): Paragraph {
  const read = reading && plainBlocks(reading, source)(paragraph);
  return read?.type === 'paragraph' ? { ...paragraph, children: read.children as PhrasingContent[] } : paragraph;
}

/** Whether only one line break (and a blockquote's markers or indentation) lies between two offsets: the second line runs on from the first. */
function nextLine(source: string, from: number | undefined, to: number | undefined): boolean {
  return from !== undefined && to !== undefined && /^[ \t]*\r?\n[ \t>]*$/.test(source.slice(from, to));
}

/** Phrasing with each run of texts one text, as a parser makes it. */
function joined(children: PhrasingContent[]): PhrasingContent[] {
  mergeTexts(children as RootContent[]);
  return children;
}

/** A block with `text` run on into the paragraph it ends with (itself, or the last of a list's or a quote's), if it ends with one. */
function runOn(block: RootContent, text: string): RootContent | undefined {
  if (block.type === 'paragraph') return { ...block, children: joined([...block.children, { type: 'text', value: text }]) };
  if (block.type !== 'list' && block.type !== 'listItem' && block.type !== 'blockquote') return undefined;
  const inner = block.children.length > 0 ? runOn(block.children.at(-1)!, text) : undefined;
  return inner && ({ ...block, children: [...block.children.slice(0, -1), inner] } as RootContent);
}

/**
 * A container Sätteri read where micromark reads none (`:::claim {by="x"}`, a space before `{`),
 * as micromark reads it: its opening line is prose, running on into a paragraph right below it, what
 * Sätteri read inside stays as it is (boxes in it are built), and the closing fence is prose too,
 * running on into the paragraph a block right above it ends with. Nothing of the author's is shown with its markup as text.
 */
function readAsProse(node: ContainerDirective, line: string, source: string, reading: PlainReading | undefined): RootContent[] {
  const position = node.position!;
  const start = position.start.offset!;
  // Nothing inside that micromark could read as a block of its own: the whole stretch is what the host reads without directives.
  if (reading && !holdsDirectiveBlock(source.slice(start + line.length, position.end.offset))) {
    const read = plainStretch(reading, source, position);
    if (read) return read;
  }
  const blocks: RootContent[] = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  // Read as micromark reads them first: a misread container inside is prose this line and fence may run on into.
  alignWithMicromark({ children: blocks }, source, reading);
  const lineEnd = start + line.length;
  const first = blocks[0];
  if (first?.type === 'paragraph' && nextLine(source, lineEnd, first.position?.start.offset)) {
    blocks[0] = asRead({ ...first, children: joined([{ type: 'text', value: `${line}${lineBreakAt(source, lineEnd)}` }, ...first.children]), position: { start: position.start, end: first.position!.end } }, source, reading);
  } else {
    blocks.unshift(asRead(proseOf(line, { start: position.start, end: { ...position.start, column: position.start.column + line.length, offset: lineEnd } }), source, reading));
  }
  const text = source.slice(start, position.end.offset).trimEnd();
  // A last line that closes the last block inside (an unclosed container's content ends with it) is that block's.
  const inner = node.children.at(-1)?.position?.end.offset;
  if (!isClosed(text) || (inner !== undefined && inner >= start + text.length)) return blocks;
  const fenceStart = start + text.lastIndexOf('\n') + 1;
  const fence = /:{3,}/.exec(text.slice(fenceStart - start))![0];
  const last = blocks.at(-1)!;
  const ranOn = nextLine(source, last.position?.end.offset, fenceStart) ? runOn(last, `${lineBreakAt(source, fenceStart - 2)}${fence}`) : undefined;
  if (ranOn) {
    const ended = { ...ranOn, position: { start: last.position!.start, end: position.end } } as RootContent;
    blocks[blocks.length - 1] = ended.type === 'paragraph' ? asRead(ended, source, reading) : ended;
  } else {
    blocks.push(proseOf(fence, { start: { line: position.end.line, column: 1 + (fenceStart - (source.lastIndexOf('\n', fenceStart - 1) + 1)), offset: fenceStart }, end: position.end }));
  }
  return blocks;
}
