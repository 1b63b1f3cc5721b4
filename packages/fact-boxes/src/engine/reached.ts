/**
 * A box never lost without a word: the lines that open a known box
 * (`:::claim…`), and those that the document walk never met, as a box, inside
 * code or as a paragraph, because a plugin that ran before fact-boxes took the
 * directive over or turned it back into text.
 */
import type { Problem } from '../boxes/define.js';
import { pointAt } from './positions.js';

const BOX_LINE = /^[ \t]*:{3,}([A-Za-z][\w-]*)/gm;

/** Where lines that start like a box (`:::name`) start (the offset of their first colon), with the name written. */
export function boxLines(source: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const match of source.matchAll(BOX_LINE)) found.set(match.index + match[0].indexOf(':'), match[1]!);
  return found;
}

/** The box lines whose name is a known box. */
export function boxOpenings(lines: ReadonlyMap<number, string>, names: { has(name: string): boolean }): Map<number, string> {
  return new Map([...lines].filter(([, name]) => names.has(name)));
}

/** What a document walk saw: ranges of nodes that account for a box line, and paragraph starts. */
export interface SeenNodes {
  /** [start, end) offsets of container directives, code, HTML, frontmatter, MDX expressions and ESM. */
  ranges: [number, number][];
  /** Where paragraphs start: a box line read as a paragraph is for the syntax checks. */
  paragraphs: Set<number>;
  /** [start, end) offsets of paragraphs that run over a box line (indented under them, it is their text). */
  withinParagraphs?: [number, number][];
}

/** Whether a line that starts like a box lies inside a node after its first line (one without a place may hold one). */
export function holdsBoxLine(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  // Each line after the first, read in place (a paragraph's text is not copied to be searched): `[ \t]*:::`.
  for (let newline = source.indexOf('\n', start); newline !== -1 && newline < end; newline = source.indexOf('\n', newline + 1)) {
    let at = newline + 1;
    while (at < end && (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9)) at++;
    if (at + 3 <= end && source.startsWith(':::', at)) return true;
  }
  return false;
}

/** Note a paragraph that runs over a box line (`holdsBoxLine`): the line is its text, not a lost box (see `unseenBoxes`). */
export function seeParagraph(seen: SeenNodes, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) (seen.withinParagraphs ??= []).push([start, end]);
}

/** Note the range a node covers. */
export function see(seen: SeenNodes, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined) seen.ranges.push([start, end]);
}

/**
 * A line that opens a known box (`:::claim…`) that the document walk never met,
 * neither as a box, nor inside code, nor as a paragraph: a plugin that ran
 * before fact-boxes took the directive over or turned it back into text, and
 * the box would be lost without a word. Each becomes an error.
 *
 * @example
 *   unseenBoxes(source, openings, { ranges: [], paragraphs: new Set() })
 */
export function unseenBoxes(source: string, openings: ReadonlyMap<number, string>, seen: SeenNodes): Problem[] {
  const problems: Problem[] = [];
  for (const [offset, name] of openings) {
    if (seen.paragraphs.has(offset) || seen.ranges.some(([start, end]) => offset >= start && offset < end)) continue;
    const point = pointAt(source, offset);
    if (seen.withinParagraphs?.some(([start, end]) => offset > start && offset < end)) {
      problems.push({
        ruleId: 'box-in-paragraph',
        reason: `${name}: this line is read as text of the paragraph above it, not as a box: indented four spaces or more right under a paragraph, a line continues it`,
        fix: `leave a blank line before :::${name} and start it at the beginning of the line (or at its list item's indentation)`,
        place: point,
      });
      continue;
    }
    problems.push({
      ruleId: 'box-not-reached',
      reason: `${name}: this box never reached fact-boxes: a plugin that ran before it took the directive over or turned it back into text, so the box would be lost`,
      fix: 'run fact-boxes before plugins that handle or restore directives (list it before them in remarkPlugins; in Astro, fact-boxes places itself before Starlight’s restoration, so move any other such integration after factBoxes())',
      place: point,
    });
  }
  return problems;
}
