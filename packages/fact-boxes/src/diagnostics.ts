/**
 * Messages: did-you-mean suggestions, positions in the source, and the
 * wording of problems with attribute values.
 */
import type { Position } from 'unist';
import type { Point } from 'unist';

/** Damerau–Levenshtein distance (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate to a misspelt name, if one is close enough to be a typo.
 *
 * @example
 *   didYouMean('casualty', ['claim', 'casualties']) // 'casualties'
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = Math.max(lower.length < 4 ? 1 : 2, Math.floor(Math.max(lower.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `sourceUrl` -> `source-url`. */
export function toKebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `source-url` -> `sourceUrl`. */
export function toCamelCase(name: string): string {
  return name.replace(/-([a-z\d])/g, (_, letter: string) => letter.toUpperCase());
}

/** `line:column` of a position or point. */
export function formatPlace(place: Position | Point | undefined): string {
  if (!place) return '?:?';
  const point = 'start' in place ? place.start : place;
  return `${point.line}:${point.column}`;
}

/** The point of an offset in a source. */
export function pointAt(source: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where an attribute is written on a directive's opening line, so messages
 * point at it rather than at the start of the box.
 */
export function locateAttribute(source: string, position: Position | undefined, name: string): Point | undefined {
  const start = position?.start;
  if (start?.offset === undefined) return undefined;
  const lineEnd = source.indexOf('\n', start.offset);
  const line = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd);
  const brace = line.indexOf('{');
  if (brace === -1) return undefined;
  const pattern = name === 'id' ? /#/ : name === 'class' ? /\./ : new RegExp(String.raw`(?<=[\s{])${escapeRegExp(name)}(?=\s*=|[\s}])`);
  const match = pattern.exec(line.slice(brace));
  if (!match) return undefined;
  const offset = start.offset + brace + match.index;
  return { line: start.line, column: start.column + brace + match.index, offset };
}

/** Quote a found value for a message, shortened when long. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
