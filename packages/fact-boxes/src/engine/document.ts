/**
 * One walk over an mdast document: builds every box (innermost first, so
 * nested boxes are ready when their parent is built), collects records in
 * document order, and looks for the syntax's silent failures.
 */
import type { Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Point } from 'unist';
import { buildBox } from './build.js';
import { DocumentState } from './state.js';
import type { FactBoxRecord, Problem } from '../boxes/define.js';
import { didYouMean } from '../text/spelling.js';
import { openingLine } from '../text/written.js';
import { problemLine } from './errors.js';
import { h } from '../render/h.js';
import { toMdast } from '../render/to-mdast.js';
import type { ResolvedOptions } from './options.js';
import { diagnoseOpeningLine, isClosed } from './syntax.js';
import { holdsBoxLine, see, seeParagraph, type SeenNodes } from './reached.js';

/** What processing a document gives. */
export interface ProcessedDocument {
  records: FactBoxRecord[];
  problems: Problem[];
  /** Nodes that account for a line opening a box: see `unseenBoxes`. */
  seen: SeenNodes;
}

const SKIP = new Set(['code', 'inlineCode', 'html', 'math', 'inlineMath', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml']);

/**
 * Replace every box in an mdast tree by its rendering.
 *
 * @example
 *   const { records, problems } = processDocument(tree, source, resolveOptions())
 */
export function processDocument(tree: Root, source: string, options: ResolvedOptions, state = new DocumentState(source, options.headingLevel, options.locales?.forDocument({ source }), options)): ProcessedDocument {
  const records: (FactBoxRecord | undefined)[] = [];
  const problems: Problem[] = [];
  const names = [...options.boxes.keys()];
  const seen: SeenNodes = { ranges: [], paragraphs: new Set() };

  const visit = (parent: Parent) => {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (SKIP.has(child.type)) {
        see(seen, child);
        continue;
      }
      if (child.type === 'containerDirective') {
        see(seen, child);
        const definition = options.boxes.get(child.name);
        if (!definition) {
          const guess = didYouMean(child.name, names);
          if (guess) {
            problems.push({
              ruleId: 'unknown-box',
              severity: 'warning',
              reason: `${child.name}: there is no box called "${child.name}"; did you mean "${guess}"?`,
              fix: `write :::${guess}`,
              place: child.position,
            });
          }
          visit(child);
          continue;
        }
        const slot = records.length;
        records.push(undefined);
        visit(child);
        children[index] = buildAndReport(child, slot);
        continue;
      }
      // Phrasing holds no boxes: it is walked only when a box line lies inside it, for the inline code or HTML that accounts for it.
      const phrasingWithBoxLine = PHRASING_PARENTS.has(child.type) ? holdsBoxLine(source, child) : undefined;
      if (child.type === 'paragraph') {
        if (child.position?.start.offset !== undefined) seen.paragraphs.add(child.position.start.offset);
        if (phrasingWithBoxLine) seeParagraph(seen, child);
        checkParagraph(child);
      }
      if (phrasingWithBoxLine === false) continue;
      if ('children' in child) visit(child as Parent);
    }
  };

  const buildAndReport = (node: ContainerDirective, slot: number) => {
    const definition = options.boxes.get(node.name)!;
    const built = buildBox(definition, node, state);
    const boxSource = state.slice(node);
    if (boxSource !== undefined && !isClosed(boxSource)) {
      built.problems.push({
        ruleId: 'unclosed-box',
        reason: `${node.name}: this box is never closed, so it runs to the end of ${endsTheDocument(source, node.position?.end.offset) ? 'the file' : 'its container'}`,
        fix: 'add a line with ::: where the box ends',
        place: node.position ? node.position.start : undefined,
      });
    }
    const cut = closedInsideCode(node, source);
    if (cut) {
      const colons = ':'.repeat(Math.max(4, cut.colons + 1));
      built.problems.push({
        ruleId: 'box-closed-in-code',
        reason: `${node.name}: this ${':'.repeat(cut.colons)}, inside a code block, closed the box opened on line ${node.position?.start.line ?? '?'} early, so the rest of the box and what follows it read as code`,
        fix: `open and close the box with more colons than any line inside it: ${colons}${node.name}[…]{…} … ${colons}`,
        place: cut.point,
      });
    }
    records[slot] = built.record;
    problems.push(...built.problems);
    const errors = built.problems.filter((problem) => problem.severity !== 'warning');
    if (options.development && errors.length > 0) {
      built.element.children.push(
        h('div', { className: ['fact-box__problems'], role: 'note' }, h('p', {}, 'Problems in this box:'), h('ul', {}, errors.map((problem) => h('li', {}, problemLine(problem, undefined))))),
      );
    }
    const replacement = toMdast(built.element, options.staticHtml);
    replacement.position = node.position;
    return replacement;
  };

  const checkParagraph = (paragraph: Paragraph) => {
    const problem = diagnoseParagraph(paragraph, source, names);
    if (problem) problems.push(problem);
  };

  visit(tree);
  return { records: records.filter((record): record is FactBoxRecord => record !== undefined), problems, seen };
}

/** Nodes whose children are phrasing: inline code, HTML and expressions, never a box. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'table']);

/**
 * Whether only blank text follows an offset. Parsers differ on whether a box
 * left open takes in the file's final line break, so both count as the end.
 */
function endsTheDocument(source: string, offset: number | undefined): boolean {
  if (offset === undefined) return false;
  for (let index = offset; index < source.length; index++) if (!/\s/.test(source[index]!)) return false;
  return true;
}

/**
 * A paragraph that starts like a box (`:::claim {…}`) but was not read as one:
 * the problem, if it was meant to be a box.
 */
export function diagnoseParagraph(paragraph: Paragraph, source: string, names: readonly string[]): Problem | undefined {
  const first = paragraph.children[0] as Nodes | undefined;
  if (!first || first.type !== 'text' || !first.value.startsWith(':::')) return undefined;
  const line = openingLine(source, paragraph.position);
  if (line === undefined) return undefined;
  const problem = diagnoseOpeningLine(line, names);
  return problem ? { ...problem, place: paragraph.position?.start } : undefined;
}

/**
 * A box whose last child is a fenced code block left open: the `:::` meant as
 * code closed the box (markdown reads the box's fence first), and the rest of
 * the box became code. Where that `:::` is.
 */
function closedInsideCode(node: ContainerDirective, source: string): { line: number; colons: number; point: Point } | undefined {
  const last = node.children.at(-1);
  if (!last || last.type !== 'code' || !last.position || !node.position) return undefined;
  const code = source.slice(last.position.start.offset, last.position.end.offset);
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(code);
  if (!fence) return undefined;
  const lines = code.split(/\r?\n/);
  const closing = new RegExp(`^[ \\t]*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`);
  if (lines.length > 1 && closing.test(lines.at(-1)!)) return undefined;
  // The box's own closing line comes right after the code.
  const end = node.position.end;
  const boxLines = source.slice(node.position.start.offset, end.offset).split(/\r?\n/);
  const colons = /^[ \t]*(:{3,})/.exec(boxLines.at(-1) ?? '')?.[1]?.length;
  if (colons === undefined) return undefined;
  return { line: end.line, colons, point: { line: end.line, column: 1 } };
}
