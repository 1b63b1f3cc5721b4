/**
 * Reading a box on Sätteri from its own text. Sätteri's plugin API builds
 * each node a visitor reads in JavaScript, one by one (positions, strings,
 * a frozen object, a lazy list of children); parsing the box's slice of the
 * document again gives the same nodes, materialised in one call, for a
 * fraction of that (bench/profile.md).
 *
 * The same nodes only if nothing but the text decides them, so a box is read
 * this way only when:
 * - no plugin ran before this one (the integration knows the list), and its
 *   caller knows the features the document is parsed with;
 * - the document has no definitions and no footnotes, which a box's text
 *   read alone could not resolve;
 * - the box starts a line (not inside a list or a quote);
 * - and the text Sätteri holds for the box (`textContent`, a native call) is
 *   the text read again: different features (smart punctuation, tables,
 *   strikethrough, task lists) change it. Links written as bare addresses,
 *   which GFM alone reads as links and leaves the text unchanged, are left
 *   to the nodes.
 * Otherwise the plugin reads Sätteri's nodes, as before.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { markdownToMdast, mdxToMdast, type Features, type MdastNode, type MdastVisitorContext, type SourceFormat } from 'satteri';
import type { Point, Position } from 'unist';
import { shiftPoint, type Shift } from '../engine/positions.js';
import { hasDocumentWide, type PlainReading } from '../engine/restore.js';
import { findBoxes, readTogether } from './satteri-boxes-alone.js';

/** Text that GFM could read as a link (`www.`, `https://`, an e-mail address). */
const BARE_ADDRESS = /www\.|:\/\/|@/;

type Node = { type: string; value?: string; position?: Position; children?: Node[] };

/** Reads a box from its text: undefined when it has to be read from Sätteri's nodes instead. */
export type BoxReader = (node: Readonly<MdastNode>, ctx: MdastVisitorContext) => ContainerDirective | undefined;

/**
 * A reader of the boxes of one document, or undefined when the features it
 * is parsed with are not known. It reads no box of a document with
 * definitions or footnotes.
 *
 * @example
 *   const read = boxReader(document.source, document.sourceFormat, features);
 *   const box = read?.(node, ctx) ?? copyOf(node);
 */
export function boxReader(source: string, format: SourceFormat, features: Features | undefined, shift?: Shift): BoxReader | undefined {
  if (features === undefined) return undefined;
  const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
  // Decided at the first box, not for every page: most pages a plugin runs on hold none.
  let readable: boolean | undefined;
  // The document's boxes read in one text (the first box reads them); `null` where they could not be.
  let together: BoxesByStart | null | undefined;
  return (node, ctx) => {
    // A box's text read alone could not resolve a definition (`[x]: url`) or a footnote (`[^x]`).
    readable ??= !hasDocumentWide(source);
    const start = node.position?.start;
    const end = node.position?.end.offset;
    if (!readable || start?.offset === undefined || end === undefined || start.column !== 1) return undefined;
    together ??= readAll(source, (text) => parse(text, { features, position: true }) as unknown as Root);
    // Read with the others where it was read as this box (the same lines), else on its own.
    const read = together?.boxes.get(start.offset);
    let box: Node | undefined;
    let text: string;
    if (read && read.box.position?.end.offset === end - read.by && read.box.position.start.line === start.line) {
      box = read.box;
      text = together!.text;
    } else {
      text = source.slice(start.offset, end);
      const tree = parse(text, { features, position: true }) as unknown as Root;
      box = tree.children.length === 1 ? (tree.children[0] as Node) : undefined;
    }
    if (box?.type !== 'containerDirective' || (box as { name?: string }).name !== (node as { name?: string }).name) return undefined;
    const parts: string[] = [];
    if (!textOf(box, text, parts) || parts.join('') !== ctx.textContent(node, { includeHtml: false, includeImageAlt: false })) return undefined;
    // Read together, its lines are the document's already; read on its own, they count from its first.
    if (read?.box === box) place(box, 0, read.by, shift);
    else place(box, start.line - 1, start.offset, shift);
    return box as unknown as ContainerDirective;
  };
}

/** The text the document's boxes were read in, and each box by where it starts in the document. */
interface BoxesByStart {
  text: string;
  boxes: Map<number, { box: Node; by: number }>;
}

/** Every box of the document read in one text (adapters/satteri-boxes-alone.ts); `null` where they could not be. */
function readAll(source: string, parse: (text: string) => Root): BoxesByStart | null {
  const ranges = findBoxes(source, false);
  const read = ranges && readTogether(source, ranges, parse);
  if (!read) return null;
  return { text: read.text, boxes: new Map(read.boxes.map(({ box, by }) => [box.position!.start.offset! + by, { box: box as Node, by }])) };
}

/**
 * The text `textContent` gives without HTML and image alts (text, inline code
 * and inline math, in order), into `parts`; false where the text could be
 * read otherwise with other features: a bare address, read as a link or not.
 */
function textOf(node: Node, slice: string, parts: string[]): boolean {
  if (node.type === 'text') {
    if (BARE_ADDRESS.test(node.value!)) return false;
    parts.push(node.value!);
  } else if (node.type === 'inlineCode' || node.type === 'inlineMath') {
    parts.push(node.value!);
  } else if (node.type === 'link') {
    // A link written as a link starts with `[` or `<`; any other is a bare address GFM read.
    const at = node.position?.start.offset;
    const first = at === undefined ? undefined : slice[at];
    if (first !== '[' && first !== '<') return false;
  }
  if (node.children) for (const child of node.children) if (!textOf(child, slice, parts)) return false;
  return true;
}

/** Move a tree read elsewhere by `lines` and `by` characters to the document's places, then to the file's (`shift`). */
function place(tree: Node, lines: number, by: number, shift: Shift | undefined): void {
  const move = (point: Point) => {
    point.line += lines;
    if (point.offset !== undefined) point.offset += by;
    if (shift) shiftPoint(point, shift);
  };
  const visit = (node: Node) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if (node.children) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/**
 * How Sätteri reads the document without directives, with the features it is
 * parsed with (engine/restore.ts): undefined when they are not known.
 *
 * @example
 *   restoreUnhandledDirectives(tree, source, satteriPlainReading('markdown', features))
 */
export function satteriPlainReading(format: SourceFormat, features: Features | undefined): PlainReading | undefined {
  if (features === undefined) return undefined;
  const parse = format === 'mdx' ? mdxToMdast : markdownToMdast;
  const plain = { ...features, directive: false };
  return {
    expressions: format === 'mdx',
    // As Sätteri reads them: GFM is on unless switched off, smart punctuation off unless given (`true` or its options).
    addresses: features.gfm !== false,
    punctuation: features.smartPunctuation !== undefined && features.smartPunctuation !== false,
    parse: (text) => {
      try {
        return parse(text, { features: plain, position: true }) as unknown as Root;
      } catch {
        return undefined;
      }
    },
  };
}
