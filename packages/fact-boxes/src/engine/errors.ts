/**
 * Messages: did-you-mean suggestions, positions in the source, and the
 * wording of problems with attribute values.
 */
import type { Position } from 'unist';
import type { Point } from 'unist';
import type { Problem } from '../boxes/define.js';

/**
 * The Damerau–Levenshtein distance (optimal string alignment) of two strings
 * if it is at most `limit`, else `undefined`: one row at a time, stopping as
 * soon as every path is over the limit (for near misses among many names).
 */
export function editDistanceWithin(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return undefined;
    before = previous;
    previous = row;
  }
  const distance = previous[b.length]!;
  return distance <= limit ? distance : undefined;
}

/** The edit distance of two strings, whatever it is. */
function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Number.POSITIVE_INFINITY)!;
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

/** Case, spaces and underscores aside: `Mostly True` and `mostly_true` are written `mostly-true`. */
function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** `claim` and `claims`, `casualty` and `casualties`, `box` and `boxes`: one word, singular and plural. */
function isPluralOf(plural: string, singular: string): boolean {
  return plural === `${singular}s` || plural === `${singular}es` || (singular.endsWith('y') && plural === `${singular.slice(0, -1)}ies`);
}

/**
 * The one candidate that `word` is a misspelling of: the same word but for
 * one slip (a letter missing, extra or wrong, two letters swapped), a plural
 * ending, case, or spaces and underscores for dashes. Unlike `didYouMean`, it
 * never offers a different word that merely looks alike (`disproved` is not
 * `disputed`), and gives nothing when two candidates fit. Values get their
 * suggestions from it, and `fact-boxes check --fix` changes only what it finds.
 *
 * @example
 *   nearSpelling('confimred', ['confirmed', 'disputed']) // 'confirmed'
 *   nearSpelling('disproved', ['confirmed', 'disputed']) // undefined
 */
export function nearSpelling(word: string, candidates: Iterable<string>): string | undefined {
  const written = normaliseWord(word);
  const matches: string[] = [];
  for (const candidate of candidates) {
    const known = normaliseWord(candidate);
    if (known === written) return candidate;
    const oneSlip = Math.max(known.length, written.length) >= 3 && editDistance(written, known) === 1;
    if (oneSlip || isPluralOf(written, known) || isPluralOf(known, written)) matches.push(candidate);
  }
  return matches.length === 1 ? matches[0] : undefined;
}

// Attribute names are few and come back for every box: remember each conversion (bounded, so no input can grow it forever).
const kebab = new Map<string, string>();
const camel = new Map<string, string>();

/** A conversion of a name, remembered (bounded, so no input can grow the cache forever). */
export function remembered(cache: Map<string, string>, name: string, convert: (name: string) => string): string {
  let converted = cache.get(name);
  if (converted === undefined) {
    converted = convert(name);
    if (cache.size < 1000) cache.set(name, converted);
  }
  return converted;
}

/** `sourceUrl` -> `source-url`. */
export function toKebabCase(name: string): string {
  return remembered(kebab, name, (text) => text.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
}

/** `source-url` -> `sourceUrl`. */
export function toCamelCase(name: string): string {
  return remembered(camel, name, (text) => text.replace(/-([a-z\d])/g, (_, letter: string) => letter.toUpperCase()));
}

/** `line:column` of a position or point. */
export function formatPlace(place: Position | Point | undefined): string {
  const point = pointOf(place);
  return point ? `${point.line}:${point.column}` : '?:?';
}

/** An attribute as written on a directive's opening line. */
export interface WrittenAttribute {
  /** The name, or `id` / `class` for the `#id` and `.class` shortcuts. */
  name: string;
  /** Index of the name (or of `#` / `.`) in the line. */
  index: number;
  /** The value, when one was written with `=`. */
  value?: string;
  quoted: boolean;
}

/** Index of the `{` that opens a directive's attributes, after its name and `[label]`. */
function attributesStart(line: string): number {
  const name = /^[ \t]*:+[A-Za-z][\w-]*/.exec(line);
  if (!name) return line.indexOf('{');
  let index = name[0].length;
  if (line[index] === '[') {
    let depth = 0;
    for (; index < line.length; index++) {
      const char = line[index];
      if (char === '\\') index++;
      else if (char === '[') depth++;
      else if (char === ']' && --depth === 0) break;
    }
    index++;
  }
  return line[index] === '{' ? index : line.indexOf('{');
}

/**
 * The attributes written on a directive's opening line, in order, read the
 * way remark-directive reads them (quoted values may hold spaces, `=` and names).
 */
export function readWrittenAttributes(line: string): WrittenAttribute[] {
  const attributes: WrittenAttribute[] = [];
  const start = attributesStart(line);
  if (start === -1) return attributes;
  let index = start + 1;
  const skipSpace = () => {
    while (index < line.length && /\s/.test(line[index]!)) index++;
  };
  const readWhile = (pattern: RegExp) => {
    const from = index;
    while (index < line.length && pattern.test(line[index]!)) index++;
    return line.slice(from, index);
  };
  while (index < line.length) {
    skipSpace();
    const char = line[index];
    if (char === undefined || char === '}') break;
    const at = index;
    if (char === '#' || char === '.') {
      index++;
      attributes.push({ name: char === '#' ? 'id' : 'class', index: at, value: readWhile(/[^\s}#.]/), quoted: false });
      continue;
    }
    const name = readWhile(/[^\s=}"']/);
    if (name === '') {
      index++; // a stray quote or `=`
      continue;
    }
    const afterName = index;
    skipSpace();
    if (line[index] !== '=') {
      index = afterName;
      attributes.push({ name, index: at, quoted: false });
      continue;
    }
    index++;
    skipSpace();
    const quoteChar = line[index];
    if (quoteChar === '"' || quoteChar === "'") {
      const close = line.indexOf(quoteChar, index + 1);
      const end = close === -1 ? line.length : close;
      attributes.push({ name, index: at, value: line.slice(index + 1, end), quoted: true });
      index = end + 1;
    } else {
      attributes.push({ name, index: at, value: readWhile(/[^\s}"'=<>`]/), quoted: false });
    }
  }
  return attributes;
}

/** The first line of a node in the source, from where the node starts, without its line break (`\n` or `\r\n`). */
export function openingLine(source: string, position: Position | undefined): string | undefined {
  const offset = position?.start.offset;
  if (offset === undefined) return undefined;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(offset, lineEnd === -1 ? undefined : lineEnd);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Where an attribute is written on a directive's opening line, so messages
 * point at it rather than at the start of the box.
 */
export function locateAttribute(source: string, position: Position | undefined, name: string): Point | undefined {
  const start = position?.start;
  if (!position || start?.offset === undefined) return undefined;
  const found = attributesByName(source, position)?.get(name);
  if (!found) return undefined;
  return { line: start.line, column: start.column + found.index, offset: start.offset + found.index };
}

/** A box with many attribute problems asks for many places: read its opening line once, not once per problem. */
const openingLines = new WeakMap<Position, { source: string; offset: number; byName: Map<string, WrittenAttribute> }>();

function attributesByName(source: string, position: Position): Map<string, WrittenAttribute> | undefined {
  const offset = position.start.offset;
  const cached = openingLines.get(position);
  if (cached && cached.source === source && cached.offset === offset) return cached.byName;
  const line = openingLine(source, position);
  if (line === undefined || offset === undefined) return undefined;
  const byName = new Map<string, WrittenAttribute>();
  for (const attribute of readWrittenAttributes(line)) if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
  openingLines.set(position, { source, offset, byName });
  return byName;
}

/** Quote a found value for a message, shortened when long. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}

/** The first point of a place. */
function pointOf(place: Position | Point | undefined): Point | undefined {
  return place ? ('start' in place ? place.start : place) : undefined;
}

/**
 * A problem as one sentence with its fix, as every message, log line and
 * in-box list shows it.
 *
 * @example
 *   describeProblem({ ruleId: 'x', reason: 'claim: "by" is required', fix: 'add by="…"' })
 *   // 'claim: "by" is required. Fix: add by="…".'
 */
export function describeProblem(problem: Problem): string {
  return problem.fix ? `${problem.reason}${/[.?!]$/.test(problem.reason) ? '' : '.'} Fix: ${problem.fix}.` : problem.reason;
}

/**
 * A problem as one line: `file:line:column: reason. Fix: …`, the place written
 * once (reasons carry no place of their own: the line says where). Without a
 * file, `line:column: …`; without a place, `file: …`.
 *
 * @example
 *   problemLine({ ruleId: 'missing-attribute', reason: 'claim: "by" is required', fix: 'add by="…"', place: { line: 6, column: 1 } }, 'a.md')
 *   // 'a.md:6:1: claim: "by" is required. Fix: add by="…".'
 */
export function problemLine(problem: Problem, file: string | undefined): string {
  const point = pointOf(problem.place);
  const where = [file, point ? `${point.line}:${point.column}` : undefined].filter(Boolean).join(':');
  return `${where ? `${where}: ` : ''}${describeProblem(problem)}`;
}

/** A problem of a build error: the problem, and the file it is in. */
export interface FileProblem extends Problem {
  /** The file, as the host named it (absolute in Astro); absent when the host gave none. */
  file?: string | undefined;
}

/** Where a problem is, as Astro's and Vite's overlays take it. */
export interface ErrorLocation {
  file?: string;
  line: number;
  column: number;
}

/** `1 problem`, `3 problems`. */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The message of a build error: one problem is its line alone; several get a
 * first line that counts them (and the files, when more than one), then a
 * line each.
 */
function errorMessage(problems: readonly FileProblem[]): string {
  const lines = problems.map((problem) => problemLine(problem, problem.file));
  if (lines.length === 1) return lines[0]!;
  const files = new Set(problems.map((problem) => problem.file)).size;
  return `${count(lines.length, 'problem')} with fact boxes${files > 1 ? ` in ${files} files` : ''}:\n${lines.join('\n')}`;
}

/**
 * What a build fails with, in every host, from every adapter and the Astro
 * integration: every error of a file (or, from the integration, of every
 * failing file), one line each with file:line:column, the reason and the fix,
 * the place written once.
 *
 * Hosts print it as it is. It has no stack (`stack` is empty): frames would
 * point into fact-boxes, not at the author's file (and Node would print the
 * line of fact-boxes that made it), and hosts that print an error's stack
 * after its message (Docusaurus's "Details:", Astro's "Stack trace:") would
 * print the message, or an empty heading, again. What tools read (`loc`,
 * `line`, `column`, `file`, `problems`) is not enumerable, so hosts that print
 * an error's fields print nothing more.
 */
export class FactBoxesError extends Error {
  /** Where the first error is, for Astro's and Vite's overlays. */
  declare readonly loc: ErrorLocation | undefined;
  declare readonly line: number | undefined;
  declare readonly column: number | undefined;
  /** The file of the first error. */
  declare readonly file: string | undefined;
  /** Every error, each with its file. */
  declare readonly problems: readonly FileProblem[];

  /**
   * @param errors the problems, in reading order
   * @param file the file they are in; problems that name a file of their own keep it
   */
  constructor(errors: readonly FileProblem[], file?: string) {
    const problems = errors.map((problem) => (problem.file !== undefined || file === undefined ? problem : { ...problem, file }));
    // No frames: they would point into fact-boxes, and Node prints the line an uncaught error was made on.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(errorMessage(problems));
    } finally {
      Error.stackTraceLimit = limit;
    }
    const first = problems[0];
    const point = pointOf(first?.place);
    const where = first?.file;
    const hidden = (value: unknown) => ({ value, enumerable: false, writable: true, configurable: true });
    Object.defineProperties(this, {
      name: hidden('FactBoxesError'),
      stack: hidden(''),
      loc: hidden(point ? { ...(where ? { file: where } : {}), line: point.line, column: point.column } : undefined),
      line: hidden(point?.line),
      column: hidden(point?.column),
      file: hidden(where),
      problems: hidden(problems),
    });
  }

  /**
   * One error for several: every problem of each, in their order (the Astro
   * integration fails a build with every failing file's problems at once).
   */
  static combine(errors: readonly FactBoxesError[]): FactBoxesError {
    return new FactBoxesError(errors.flatMap((error) => error.problems));
  }
}

// webpack's persistent cache serialises build errors by their exact constructor and warns
// "No serializer registered for FactBoxesError" for any subclass: let it see a plain Error.
// `instanceof FactBoxesError` still holds.
Object.defineProperty(FactBoxesError.prototype, 'constructor', { value: Error, writable: true, configurable: true });
