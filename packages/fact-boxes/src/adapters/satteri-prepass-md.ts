/**
 * Boxes written into a Markdown page's text before Sätteri renders it, as the
 * MDX pre-pass does for MDX pages (adapters/satteri-prepass.ts, whose
 * conditions apply here too): each box as raw HTML blocks around the author's
 * own blocks, sliced from the page as written, so the author's Markdown is
 * rendered with the page, by the page's features and the site's plugins
 * (headings, images and code included). The page then renders without the
 * `directive` feature and without fact-boxes' plugin, so its prose is never
 * taken apart and no box goes through Sätteri's plugin API.
 *
 * Markdown puts a line break after every block, where the plugin writes a
 * box's parts and the author's blocks inside it next to each other. So each
 * seam between raw HTML and the author's blocks carries a marker, an HTML
 * comment (`GLUE`) that `unglue` takes out of the rendered page with the line
 * break beside it: the page is then what the plugin gives, byte for byte.
 * The author's phrasing in a box (a title with markup) is written as a
 * paragraph of its own between markers (`INLINE`) that take its `<p>` with
 * them. A rendered page without every marker in its place is not taken.
 */
import type { Properties } from 'hast';
import type { Nodes, RootContent } from 'mdast';
import type { Features } from 'satteri';
import type { FactBoxRecord, Problem } from '../boxes/define.js';
import type { ResolvedOptions } from '../engine/options.js';
import type { Shift } from '../engine/positions.js';
import { PHRASING } from '../engine/restore.js';
import { DocumentState } from '../engine/state.js';
import { writeStartTag } from '../render/html.js';
import type { FactBoxElementNode } from '../render/to-mdast.js';
import { blockText, buildBoxes, startsAsParagraph, unchanged, writePage, type Originals } from './satteri-prepass.js';

/** The marker at each seam of a box written as Markdown: an HTML comment no page holds (one that does is not written). */
export const GLUE = '<!--fact-boxes:seam-->';
/** The marker on either side of phrasing written as a paragraph of its own. */
export const INLINE = '<!--fact-boxes:phrasing-->';
/**
 * What `unglue` takes out: a seam's marker with the line break on either side of it, which Markdown puts between
 * blocks, and a phrasing marker with the line break and the paragraph's tag next to it.
 */
const MARKERS = /\n?<!--fact-boxes:seam-->\n?|<!--fact-boxes:phrasing-->\n<p>|<\/p>\n<!--fact-boxes:phrasing-->/g;
/** A raw HTML block that a box's `<section>` opens: read on to the next blank line. */
const SECTION_START = /^<section[\s>]/;

/** A Markdown page with its boxes written into it, and what the core made of them. */
export interface PrepassedMarkdown {
  /** The page's Markdown, each box as raw HTML around the author's blocks. */
  text: string;
  records: FactBoxRecord[];
  /** Warnings only: a page with an error goes through the plugin. */
  problems: Problem[];
  /** How many markers the text holds: `unglue` takes out as many. */
  seams: number;
  /**
   * Each box's raw HTML as written, each line's without its markers, in page order: in the rendered page as it is,
   * the author's content rendered between them.
   */
  html: string[][];
}

/**
 * The Markdown page `source` with its boxes written in, or `undefined` where it has to go through the plugin.
 * `features`: those Sätteri renders the page with; `options`: the core's, with `staticHtml: 'raw'`; `shift`: where
 * the text lies in its file (a collection entry's body, without its frontmatter).
 *
 * @example
 *   const page = prepassMarkdown(source, features, options);
 *   const html = page ? unglue(markdownToHtml(page.text, { features }).html, page) : markdownToHtml(source, withPlugin).html;
 */
export function prepassMarkdown(
  source: string,
  features: Features,
  options: ResolvedOptions,
  state: () => DocumentState = () => new DocumentState(source, options.headingLevel, options.locales?.forDocument({ source }), options),
  shift?: Shift,
): PrepassedMarkdown | undefined {
  if (options.staticHtml !== 'raw' || source.includes(GLUE) || source.includes(INLINE)) return undefined;
  const built = buildBoxes(source, features, options, state, 'md', shift);
  if (!built) return undefined;
  let seams = 0;
  const html: string[][] = [];
  const text = writePage(source, built, (box) => {
    const written = writeBox(box, source, built.originals);
    seams += written?.seams ?? 0;
    if (written) html.push(written.html);
    return written?.text;
  });
  return text === undefined ? undefined : { text, records: built.result.records, problems: built.result.problems, seams, html };
}

/**
 * The page Sätteri rendered from a pre-passed text, with the markers and the line breaks beside them taken out;
 * `undefined` when it does not hold exactly the markers written (a plugin took some out or added text): the page
 * then has to go through the plugin.
 */
export function unglue(html: string, page: Pick<PrepassedMarkdown, 'seams'>): string | undefined {
  let found = 0;
  const glued = html.replace(MARKERS, () => {
    found++;
    return '';
  });
  return found === page.seams ? glued : undefined;
}

/** What a box holds, in order: raw HTML, an author's block, or a run of the author's phrasing (on one line). */
type Segment = { kind: 'html' | 'block' | 'inline'; text: string };

/**
 * A rendered box as Markdown: one raw HTML block where it holds none of the author's content, else raw HTML lines
 * around the author's blocks and phrasing, each with blank lines around it and a marker at every seam. Phrasing
 * (a title with markup) is written as a paragraph of its own, whose `<p>` and `</p>` go with its markers.
 * `undefined` where the box cannot be written so.
 */
function writeBox(node: RootContent, source: string, originals: Originals): { text: string; seams: number; html: string[] } | undefined {
  if (node.type === 'html') return oneLine(node.value) && SECTION_START.test(node.value) ? { text: node.value, seams: 0, html: [node.value] } : undefined;
  if (node.type !== 'factBoxElement' || node.data.hName !== 'section') return undefined;
  const element = node as FactBoxElementNode;
  const start: string[] = [];
  writeStartTag({ type: 'element', tagName: 'section', properties: (element.data.hProperties ?? {}) as Properties, children: [] }, start);
  const segments = segmentsOf(element.children, source, originals);
  if (!segments) return undefined;
  const lines: string[] = [];
  const written: string[] = [];
  let seams = 0;
  /** Raw HTML not yet written, and what came before it (its line's first marker). */
  let html = start.join('');
  let before: Segment['kind'] | undefined;
  const marker = (kind: Segment['kind'] | undefined) => {
    if (kind === 'block' || kind === 'inline') seams++;
    return kind === 'block' ? GLUE : kind === 'inline' ? INLINE : '';
  };
  for (const segment of [...segments, { kind: 'html' as const, text: '</section>' }]) {
    if (segment.kind === 'html') {
      html += segment.text;
      continue;
    }
    // Raw HTML up to here, on a line of its own (a blank line would end it), with a marker for each seam.
    const line = `${marker(before)}${html}${marker(segment.kind)}`;
    if (!oneLine(line)) return undefined;
    lines.push(line, '', segment.text, '');
    written.push(html);
    html = '';
    before = segment.kind;
  }
  const last = `${marker(before)}${html}`;
  if (!oneLine(last)) return undefined;
  lines.push(last);
  written.push(html);
  return { text: lines.join('\n'), seams, html: written };
}

/**
 * A box's parts as segments: its raw HTML, each of the author's blocks as written, and each run of the author's
 * phrasing as written on its line; `undefined` where one of them is not the author's own, as written.
 */
function segmentsOf(children: readonly RootContent[], source: string, originals: Originals): Segment[] | undefined {
  const segments: Segment[] = [];
  /** Where the run of phrasing being read ends in the page. */
  let phrasingEnd: number | undefined;
  for (const child of children) {
    if (child.type === 'html') {
      segments.push({ kind: 'html', text: child.value });
      phrasingEnd = undefined;
      continue;
    }
    if (PHRASING.has(child.type)) {
      const original = unchanged(child, originals);
      if (!original) return undefined;
      const text = source.slice(original.start, original.end);
      if (!oneLine(text)) return undefined;
      const last = segments.at(-1);
      // Phrasing next to phrasing must be next to it in the page.
      if (phrasingEnd !== undefined && last?.kind === 'inline') {
        if (phrasingEnd !== original.start) return undefined;
        last.text += text;
      } else segments.push({ kind: 'inline', text });
      phrasingEnd = original.end;
      continue;
    }
    phrasingEnd = undefined;
    const block = blockText(child as Nodes, source, originals);
    if (block === undefined) return undefined;
    segments.push({ kind: 'block', text: block });
  }
  // Phrasing written as a paragraph must start as one (its `<p>` is checked once rendered, too).
  return segments.every((segment) => segment.kind !== 'inline' || startsAsParagraph(segment.text)) ? segments : undefined;
}

const oneLine = (text: string) => !text.includes('\n') && !text.includes('\r');
