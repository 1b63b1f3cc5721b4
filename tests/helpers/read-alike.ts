/**
 * Whether micromark (remark-directive) and Sätteri read a document's containers alike, where fact-boxes can
 * make the pages alike: the parity properties compare the two processors on such documents.
 */
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { holdsDirectiveBlock } from './internal.js';

const features = { directive: true };

const LIST_ITEM = /^[ \t>]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;

interface ContainerLines {
  /** Its last line, and whether a fence of its own closes it. */
  end: string;
  /** The first line of the container around it, if any. */
  parent: number | undefined;
}

/** Each container directive, by its first line. */
function containerLines(tree: unknown): Map<number, ContainerLines> {
  const lines = new Map<number, ContainerLines>();
  type Placed = { type: string; position?: { start: { line: number }; end: { line: number; column: number } }; children?: Placed[] };
  const visit = (node: Placed, parent: number | undefined) => {
    let inside = parent;
    if (node.type === 'containerDirective' && node.position) {
      const { end } = node.position;
      const last = node.children?.at(-1)?.position?.end;
      lines.set(node.position.start.line, { end: `${end.line}${last && last.line === end.line && last.column === end.column ? ', unclosed' : ''}`, parent });
      inside = node.position.start.line;
    }
    for (const child of node.children ?? []) visit(child, inside);
  };
  visit(tree as Placed, undefined);
  return lines;
}

/**
 * Whether micromark and Sätteri read the document's containers alike, where the plugin can
 * make them alike. They close them differently when a fence could close more than one open
 * container (an inner box left unclosed, boxes nested with fences of the same length): micromark
 * closes the outermost, Sätteri the innermost (tests/parity/parity.test.ts lists the fixtures),
 * and the pages differ as the documents do. A container only Sätteri reads (a space before `{`)
 * the plugin reads as micromark does, unless it lies inside another such container.
 */
export function readAlike(markdown: string, misreadBoxes = true): boolean {
  const micromark = containerLines(unified().use(remarkParse).use(remarkDirective).parse(markdown));
  const satteri = containerLines(markdownToMdast(markdown, { features, position: true }));
  for (const [start, { end }] of micromark) if (satteri.has(start) && satteri.get(start)!.end !== end) return false;
  const misread = (line: number | undefined) => line !== undefined && !micromark.has(line);
  const lines = markdown.split('\n');
  for (const [start, { end, parent }] of satteri) {
    if (!misread(start)) continue;
    if (!misreadBoxes) return false;
    // Read whole as the host reads it without directives only when nothing inside is a directive block;
    // otherwise block by block from Sätteri's reading, which splits and joins some blocks differently (a list after it).
    if (holdsDirectiveBlock(lines.slice(start, Number.parseInt(end, 10)).join('\n'))) return false;
    // A list right after it: micromark's list may run on from inside the stretch, Sätteri's ends with the container.
    if (LIST_ITEM.test(lines.slice(Number.parseInt(end, 10)).find((line) => line.trim() !== '') ?? '')) return false;
    for (let outer = parent; outer !== undefined; outer = satteri.get(outer)?.parent) if (misread(outer)) return false;
  }
  return true;
}
