/**
 * Moving positions to the lines of the file on disk. Astro's content
 * collections hand processors the trimmed body, without the frontmatter, so
 * positions count from the body's first line; messages and records must name
 * the file's lines.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Point, Position } from 'unist';

/** How far the parsed text lies from the start of the file on disk. */
export interface Shift {
  lines: number;
  /** Extra columns on the first line of the parsed text (when it starts mid-line). */
  columns: number;
}

/**
 * Where the text a processor parsed starts in the file at `path`; `undefined`
 * when it is the whole file (pages) or the file cannot be read.
 */
export function shiftOf(path: string | undefined, value: string): Shift | undefined {
  if (!path) return undefined;
  let raw: string;
  try {
    // The whole file (pages; MDX, whose frontmatter Astro blanks out in place) is as long as the text: no need to read it.
    if (statSync(path).size === Buffer.byteLength(value)) return undefined;
    raw = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const body = value.trimEnd();
  if (body === '' || raw.length === value.length) return undefined;
  const trimmed = raw.trimEnd();
  const start = trimmed.endsWith(body) ? trimmed.length - body.length : raw.indexOf(body);
  if (start <= 0) return undefined;
  const before = raw.slice(0, start);
  const lines = before.split('\n').length - 1;
  const columns = start - (before.lastIndexOf('\n') + 1);
  return lines === 0 && columns === 0 ? undefined : { lines, columns };
}

/** The point (line, column, offset) of an offset in a text. */
export function pointAt(source: string, offset: number): Required<Point> {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** Move one point to the file's lines. */
export function shiftPoint(point: Point | undefined, shift: Shift): void {
  if (!point) return;
  if (point.line === 1) point.column += shift.columns;
  point.line += shift.lines;
}

type Positioned = { position?: Position; children?: unknown };

/**
 * Move every position of a tree to the file's lines; offsets stay relative to
 * the parsed text, which slicing relies on. Each node gets new, shifted
 * position objects: a tree may share them with another (the Sätteri
 * adapter's copies share Sätteri's), which must keep its own.
 */
export function shiftPositions(tree: Positioned, shift: Shift): void {
  const shifted = new Map<Position, Position>();
  const point = (at: Point): Point => {
    const moved = { ...at };
    shiftPoint(moved, shift);
    return moved;
  };
  const visit = (node: Positioned) => {
    const position = node.position;
    if (position) {
      let moved = shifted.get(position);
      if (!moved) shifted.set(position, (moved = { ...position, start: point(position.start), end: point(position.end) }));
      node.position = moved;
    }
    if (Array.isArray(node.children)) for (const child of node.children as Positioned[]) visit(child);
  };
  visit(tree);
}
