/**
 * The Sätteri adapter's plugin for one document: the same boxes, schemas,
 * messages, records and restoration as the remark plugin, for Astro 7's
 * native Markdown processor. Internal: `fact-boxes/satteri` (satteri.ts) is
 * the public entry, and the Astro integration adds its hooks here.
 */
import { fileURLToPath } from 'node:url';
import type { Image, ImageReference, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { Features, MdastNode, MdastPluginDefinition, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { DocumentState } from '../engine/state.js';
import type { FactBoxRecord, Problem } from '../boxes/define.js';
import { diagnoseParagraph, processDocument } from '../engine/document.js';
import { FactBoxesError } from '../engine/errors.js';
import type { ResolvedOptions } from '../engine/options.js';
import { asParsed, directiveSource, imageDescription, isHandledDirective, markupPattern, mayHoldImageDirective, missesPunctuation, PHRASING_BLOCKS, plainBlocks, restoreUnhandledDirectives } from '../engine/restore.js';
import { shiftPoint, shiftPositions, type Shift } from '../engine/positions.js';
import { boxLines, boxOpenings, holdsBoxLine, see, seeParagraph, unseenBoxes, type SeenNodes } from '../engine/reached.js';
import { recordsForFrontmatter, type FrontmatterRecords } from '../outputs/records.js';
import { boxReader, satteriPlainReading } from './satteri-reread.js';
import { alignWithMicromark, continuesParagraph, hasNotALeafLine, keepUnknownContainers, nextLineText, notALeafAt, runOnParagraph } from './satteri-micromark.js';
import type { Point, Position } from 'unist';

/** A node as Sätteri hands it to a visitor. */
type Visited = Readonly<MdastNode>;

/** What a copied node looked like when it was copied, to tell later whether the plugin changed it. */
interface Snapshot {
  original: object;
  keys: number;
  value: unknown;
  /** An image's description, which the restoration gives back its words (engine/restore.ts, `imageDescription`). */
  alt: unknown;
  attributes: unknown;
  data: unknown;
  /** The original's children (Sätteri's nodes), when it has any. */
  children: readonly object[] | undefined;
}
/** Per box, each copy's snapshot: a Map dropped with the box (cheaper to fill and collect than a WeakMap). */
type Snapshots = Map<object, Snapshot>;

/**
 * A plain, writable copy of a node Sätteri hands to a visitor (its fields are
 * frozen and not all enumerable). Positions, attributes and data are shared
 * with the original, not copied: the plugin replaces them, never changes them
 * in place. With `snapshots`, each copied node remembers its original, so what
 * comes back unchanged can go back to Sätteri as the original (`reuseOriginals`).
 */
function toPlain<T>(node: T, snapshots?: Snapshots): T {
  if (Array.isArray(node)) return node.map((item) => toPlain(item, snapshots)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  const original = node as Record<string, unknown>;
  let keys = 0;
  let children: readonly object[] | undefined;
  for (const key in original) {
    if (key === '_resolver' || key === '_id') continue;
    const value = original[key];
    keys++;
    if (value === null || typeof value !== 'object' || key === 'position' || key === 'attributes' || key === 'data') {
      copy[key] = value;
    } else {
      if (key === 'children') children = value as readonly object[];
      copy[key] = toPlain(value, snapshots);
    }
  }
  if (snapshots && typeof copy.type === 'string') {
    snapshots.set(copy, { original: node as object, keys, value: copy.value, alt: copy.alt, attributes: copy.attributes, data: copy.data, children });
  }
  return copy as T;
}

/** How many fields a plain node has (as `Object.keys(node).length`, without making the list). */
function keyCount(node: Record<string, unknown>): number {
  let count = 0;
  for (const key in node) if (Object.hasOwn(node, key)) count++;
  return count;
}

/**
 * The author's nodes the plugin did not change go back to Sätteri as the nodes
 * it handed out: it keeps them where they are (by reference) instead of
 * decoding and rebuilding a copy. Changed or new nodes go as copies, their
 * unchanged descendants still by reference.
 */
function reuseOriginals(node: unknown, snapshots: Snapshots): unknown {
  if (node === null || typeof node !== 'object') return node;
  const plain = node as Record<string, unknown>;
  const children = Array.isArray(plain.children) ? (plain.children as object[]) : undefined;
  if (children) for (let index = 0; index < children.length; index++) children[index] = reuseOriginals(children[index], snapshots) as object;
  const snapshot = snapshots.get(plain);
  if (!snapshot || plain.value !== snapshot.value || plain.alt !== snapshot.alt || plain.attributes !== snapshot.attributes || plain.data !== snapshot.data || keyCount(plain) !== snapshot.keys) return node;
  // Unchanged only if every child went back as the original it was copied from, in the same order.
  const was = snapshot.children;
  if (children) {
    if (!was || children.length !== was.length) return node;
    for (let index = 0; index < children.length; index++) if (children[index] !== was[index]) return node;
  } else if (was) return node;
  return snapshot.original;
}

/** What an integration (Astro) adds around the adapter. */
export interface SatteriHooks {
  /** Move positions to the file's lines (content collections parse the body alone). */
  shift?: Shift;
  /** How the records go on Astro's frontmatter (default: one JSON string, read with `readFactBoxes()`). */
  records?: FrontmatterRecords;
  /** The file the integration's store keeps this document's records under (`records: 'store'`). */
  storedAs?: string | undefined;
  /**
   * Called once per document, before an error is thrown, with the document's records (those an
   * earlier plugin put on `data.factBoxes` too, as on the frontmatter) and this plugin's problems.
   */
  done?(outcome: { records: FactBoxRecord[]; problems: Problem[]; error?: FactBoxesError }): void;
  /**
   * Throw the document's error (default `true`). The Astro integration passes
   * `false` and throws it itself, outside the host's renderer, which would
   * otherwise log it, wrap it or print its place again.
   */
  throwErrors?: boolean;
  /** ESM written into an MDX document's module, such as an import (the Astro integration's stylesheet on pages). */
  esm?: string;
  /**
   * The features Sätteri parses the document with: prose whose directives took markup is read without
   * directives (engine/restore.ts), and, when no plugin ran before this one, boxes are read from their
   * own text where that gives the same nodes (satteri-reread.ts).
   */
  features?: Features;
  /**
   * Plugins ran before this one: boxes are read from Sätteri's nodes, and a block is read again without
   * directives only where every node in it is as Sätteri parsed it (`asParsed` in engine/restore.ts).
   */
  othersBefore?: boolean;
  /** Read boxes from Sätteri's nodes even when the features are known (default `true` then): tests compare the two. */
  readBoxesFromText?: boolean;
}

/**
 * The mdast plugin for one document (Sätteri calls plugin factories once per document).
 * Integrations use it to add their hooks; sites use the default export.
 */
export function createSatteriPlugin(options: ResolvedOptions, document: PluginFactoryContext, hooks: SatteriHooks = {}): MdastPluginDefinition {
  const copy = <T>(node: T, snapshots?: Snapshots): T => {
    const plain = toPlain(node, snapshots);
    if (hooks.shift) shiftPositions(plain as { position?: Position }, hooks.shift);
    return plain;
  };
  const names = [...options.boxes.keys()];
  // Lines that start like a box (`:::name`): only paragraphs there can be failed boxes.
  // The document's text as it was handed to Sätteri. A visitor's `source` is the same text, but
  // Sätteri decodes a new copy of it from Rust for each pass (visitors, then the `after` hook).
  const source = document.source;
  const read = hooks.readBoxesFromText === false || hooks.othersBefore ? undefined : boxReader(source, document.sourceFormat, hooks.features, hooks.shift);
  // Prose whose directives took markup (a link's text, a footnote reference, an address) is given back as read without them.
  const plain = satteriPlainReading(document.sourceFormat, hooks.features);
  // Prose taken back from a misread box line, read as the host reads it: only where no plugin may have changed what it
  // joins, and not in MDX, which would read the line's `{…}` as an expression and run the attributes as JavaScript.
  const proseReading = plain && !plain.expressions && !hooks.othersBefore ? plain : undefined;
  // Whether any directive of the document took markup: looked at with its first text directive, not on every page.
  let anyTaken: boolean | undefined;
  // The last block given back whole: its directives are gone with it.
  let given: { start: number; end: number } | undefined;
  const fenceLines = boxLines(source);
  // Those that open a known box, and the nodes that account for them: a box line nothing accounts for was lost before us.
  const openings = boxOpenings(fenceLines, options.boxes);
  const seen: SeenNodes = { ranges: [], paragraphs: new Set() };
  const seeNode = (node: Visited) => see(seen, node);
  // Made at the first box, not in a `before` hook: a hook is a pass of its own over the document, paid by every page.
  let state: DocumentState | undefined;
  const stateOf = (ctx: MdastVisitorContext): DocumentState =>
    (state ??= new DocumentState(source, options.headingLevel, options.locales?.forDocument({ data: ctx.data, source, path: document.fileURL ? fileURLToPath(document.fileURL) : undefined }), options));
  const records: FactBoxRecord[] = [];
  const problems: Problem[] = [];

  // The outermost container being rebuilt whole (boxes, and unknown ones kept as <div>), by source offsets:
  // Sätteri visits in document order, parents first, so a node that starts inside it is one of its descendants.
  let rebuilt: { start: number; end: number } | undefined;
  // A rebuilt container without a position (made by another plugin): only its parents can tell.
  let unplaced = false;
  const rebuilding = (node: Visited) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) unplaced = true;
    else rebuilt = { start, end };
  };
  const insideBox = (node: Visited, ctx: MdastVisitorContext): boolean => {
    const start = node.position?.start.offset;
    if (start !== undefined && !unplaced) return rebuilt !== undefined && start >= rebuilt.start && start < rebuilt.end;
    for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
      // Every outermost container this plugin meets is rebuilt whole (boxes, and unknown ones kept as <div>).
      if (parent.type === 'containerDirective' && (options.boxes.has(parent.name) || !isHandledDirective(parent))) return true;
    }
    return false;
  };

  // Blocks of phrasing already looked at, by their start.
  const looked = new Set<number>();
  // Blank lines: a block of phrasing lies between two, so the text between them says whether to look at it.
  let blanks: number[] | undefined;
  const stretchTakesMarkup = (at: number): boolean => {
    const { anywhere } = markupPattern(plain!, source);
    blanks ??= Array.from(source.matchAll(/\n[ \t]*(?=\n)/g), (match) => match.index);
    let low = 0;
    let high = blanks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blanks[middle]! < at) low = middle + 1;
      else high = middle;
    }
    return anywhere.test(source.slice(low > 0 ? blanks[low - 1]! : 0, low < blanks.length ? blanks[low]! : source.length));
  };
  /**
   * Give back the block around a directive as read without directives when one of its directives took
   * markup; true when it did. Decided at the block's first directive, before any of them is restored.
   * Run first, no directive was handled and no node made before it, so the block's text alone says
   * whether one took markup; after other plugins, only a block none of them changed is read again. Its
   * stretch of text between blank lines says first whether to look for the block (reading parents makes
   * Sätteri build them). `taken`: the caller knows the block must be read again (an image description).
   */
  const givePlain = (node: Visited, ctx: MdastVisitorContext, taken = false): boolean => {
    if (!plain) return false;
    if (!taken) {
      if (!(anyTaken ??= markupPattern(plain, source).anywhere.test(source))) return false;
      const at = node.position?.start.offset;
      if (at === undefined || !stretchTakesMarkup(at)) return false;
    }
    let block = ctx.parent(node);
    while (block && !PHRASING_BLOCKS.has(block.type)) block = ctx.parent(block);
    const start = block?.position?.start.offset;
    const end = block?.position?.end.offset;
    if (!block || start === undefined || end === undefined || (looked.has(start) && !taken)) return false;
    looked.add(start);
    if (!taken && !markupPattern(plain, source).anywhere.test(source.slice(start, end))) return false;
    // After other plugins: only a block none of them changed (its nodes as Sätteri parsed them).
    if (hooks.othersBefore && !asParsed(block as unknown as Nodes, true)) return false;
    const read = plainBlocks(plain, source)(block);
    if (!read) return false;
    if (hooks.shift) shiftPositions(read as { position?: Position }, hooks.shift);
    given = { start, end };
    ctx.replaceNode(block, read as unknown as RootContent);
    return true;
  };

  /** Whether a node lies in the last block given back whole (its directives and images are gone with it). */
  const inGiven = (node: Visited): boolean => {
    const at = node.position?.start.offset;
    return given !== undefined && at !== undefined && at >= given.start && at < given.end;
  };
  /** An image outside boxes: its description as written, or its block read again (engine/restore.ts). */
  const seeImage = (node: Readonly<Image | ImageReference>, ctx: MdastVisitorContext): void => {
    if (inGiven(node) || insideBox(node, ctx)) return;
    const description = imageDescription(node, source);
    if (description === 'read again') givePlain(node, ctx, true);
    else if (description !== undefined && description !== node.alt) ctx.setProperty(node, 'alt', description);
  };

  /** A paragraph that starts like a box (`:::name`) but is none: seen, and diagnosed. */
  const seeBoxLine = (node: Readonly<Paragraph>, ctx: MdastVisitorContext): void => {
    // Cheap test first: reading children makes Sätteri build them in JS.
    const start = node.position?.start.offset;
    if (openings.size > 0 && holdsBoxLine(source, node)) seeParagraph(seen, node);
    if (start === undefined || !fenceLines.has(start)) return;
    seen.paragraphs.add(start);
    const first = node.children[0];
    if (first?.type !== 'text' || !first.value.startsWith(':::') || insideBox(node, ctx)) return;
    const problem = diagnoseParagraph(copy(node), source, names);
    if (problem) problems.push(problem);
  };
  /**
   * Paragraphs Sätteri split at lines like `::before to add content`, which micromark runs on (`continuesParagraph`),
   * given back as one, read as the host reads it without directives when it can be. Inside boxes, `alignWithMicromark`.
   */
  const runOnSplit = (node: Readonly<Paragraph>, ctx: MdastVisitorContext): void => {
    // Cheap test first: reading the siblings makes Sätteri build them in JS.
    if (!notALeafAt(source, nextLineText(source, node.position?.end.offset)) || inGiven(node) || insideBox(node, ctx)) return;
    const siblings = ctx.parent(node)?.children as readonly Visited[] | undefined;
    const start = node.position?.start.offset;
    const index = siblings?.findIndex((child) => child.position?.start.offset === start) ?? -1;
    if (!siblings || index === -1) return;
    let last = index;
    while (siblings[last + 1]?.type === 'paragraph' && continuesParagraph(siblings[last + 1]!, siblings[last], source)) last++;
    if (last === index) return;
    const stretch = { start: node.position!.start, end: siblings[last]!.position!.end };
    let merged: RootContent | undefined = plain && !hooks.othersBefore ? (plainBlocks(plain, source)({ type: 'paragraph', position: stretch }) as RootContent | undefined) : undefined;
    if (merged?.type === 'paragraph') {
      if (hooks.shift) shiftPositions(merged as { position?: Position }, hooks.shift);
    } else {
      const root: Root = { type: 'root', children: [siblings.slice(index + 1, last + 1).reduce((above: Paragraph, below) => runOnParagraph(above, copy(below) as unknown as Paragraph, source), copy(node) as Paragraph)] };
      restoreUnhandledDirectives(root, source, plain, hooks.othersBefore);
      merged = root.children[0]!;
    }
    given = { start: stretch.start.offset!, end: stretch.end.offset! };
    ctx.replaceNode(node, merged);
    for (let below = index + 1; below <= last; below++) ctx.removeNode(siblings[below]!);
  };
  const leafStarts = hasNotALeafLine(source);
  // A paragraph matters only where a line starts like a box (`:::name`) or like a leaf directive that is none: without one, Sätteri hands none over.
  const paragraphVisitor: Pick<MdastPluginDefinition, 'paragraph'> = {
    paragraph(node, ctx) {
      if (fenceLines.size > 0) seeBoxLine(node, ctx);
      if (leafStarts) runOnSplit(node, ctx);
    },
  };

  // Box lines inside code, HTML, frontmatter or MDX expressions are not boxes.
  const seeCode = openings.size > 0 ? seeNode : undefined;
  return {
    name: 'fact-boxes',
    options: { position: true },
    containerDirective(node, ctx) {
      if (openings.size > 0) seeNode(node);
      if (insideBox(node, ctx)) return; // the outer box renders it
      // processDocument warns about near-miss names of unknown containers, as in the remark pipeline. Sätteri
      // drops directives nobody handles, content and all; such a container is kept as remark-rehype would: a <div>.
      const box = options.boxes.has(node.name);
      if (!box && isHandledDirective(node)) return;
      rebuilding(node);
      // Read from its text, a box holds none of Sätteri's nodes to hand back by reference.
      const reread = box ? read?.(node, ctx) : undefined;
      const snapshots: Snapshots | undefined = reread ? undefined : new Map();
      const root: Root = { type: 'root', children: [reread ?? (copy(node, snapshots) as unknown as RootContent)] };
      alignWithMicromark(root, source, proseReading);
      const result = processDocument(root, source, options, stateOf(ctx));
      restoreUnhandledDirectives(root, source, plain, hooks.othersBefore);
      keepUnknownContainers(root);
      records.push(...result.records);
      problems.push(...result.problems);
      ctx.replaceNode(node, snapshots ? root.children.map((child) => reuseOriginals(child, snapshots) as RootContent) : root.children);
    },
    leafDirective(node, ctx) {
      if (insideBox(node, ctx) || isHandledDirective(node)) return;
      ctx.replaceNode(node, { type: 'paragraph', children: [{ type: 'text', value: directiveSource(node, source) }] });
    },
    textDirective(node, ctx) {
      if (inGiven(node) || insideBox(node, ctx) || isHandledDirective(node)) return;
      if (givePlain(node, ctx)) return;
      const text = directiveSource(node, source);
      if (plain && missesPunctuation(text, plain) && givePlain(node, ctx, true)) return;
      ctx.replaceNode(node, { type: 'text', value: text });
    },
    after(root, ctx) {
      if (hooks.esm !== undefined && document.sourceFormat === 'mdx') ctx.appendChild(root, { type: 'mdxjsEsm', value: hooks.esm } as unknown as RootContent);
      for (const problem of unseenBoxes(source, openings, seen)) {
        const place = { ...(problem.place as Point) };
        if (hooks.shift) shiftPoint(place, hooks.shift);
        problems.push({ ...problem, place });
      }
      // This document's own array when nothing came before it: the integration writes its JSON once, for the frontmatter and the store.
      const documentRecords = ctx.data.factBoxes?.length ? [...ctx.data.factBoxes, ...records] : records;
      ctx.data.factBoxes = documentRecords;
      const astro = ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
      if (astro?.frontmatter) {
        const value = recordsForFrontmatter(documentRecords, hooks.records ?? 'json', hooks.storedAs);
        if (value === undefined) delete astro.frontmatter.factBoxes;
        else astro.frontmatter.factBoxes = value;
      }
      ctx.data.factBoxesProblems = problems;
      const errors = problems.filter((problem) => problem.severity !== 'warning');
      const error = options.onInvalid === 'error' && errors.length > 0 ? new FactBoxesError(errors, document.fileURL ? fileURLToPath(document.fileURL) : undefined) : undefined;
      hooks.done?.({ records: documentRecords, problems, ...(error ? { error } : {}) });
      if (error && hooks.throwErrors !== false) throw error;
    },
    ...(fenceLines.size > 0 || leafStarts ? paragraphVisitor : {}),
    // An image's description is a string made while parsing: a directive read in it (`10:30`) left no node behind.
    // Asked for only where one could be: each image visited is handed to JavaScript.
    ...(mayHoldImageDirective(source) ? { image: seeImage, imageReference: seeImage } : {}),
    // As the document walk's SKIP list: inline code and expressions too, which a box line can fall inside (a code span over lines).
    ...(seeCode ? { code: seeCode, inlineCode: seeCode, html: seeCode, yaml: seeCode, toml: seeCode, math: seeCode, inlineMath: seeCode, mdxFlowExpression: seeCode, mdxTextExpression: seeCode, mdxjsEsm: seeCode } : {}),
  };
}

