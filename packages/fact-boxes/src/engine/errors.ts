/**
 * Problems as messages: one sentence with its fix, one line with its place,
 * and `FactBoxesError`, what a build fails with in every host.
 */
import type { Point, Position } from 'unist';
import type { Problem } from '../boxes/define.js';

/** `line:column` of a position or point. */
export function formatPlace(place: Position | Point | undefined): string {
  const point = pointOf(place);
  return point ? `${point.line}:${point.column}` : '?:?';
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
