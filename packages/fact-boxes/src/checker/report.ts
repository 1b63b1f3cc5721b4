/**
 * What `fact-boxes check` prints: a readable report (`stylish`), JSON for
 * other tools, or GitHub Actions annotations that show each problem on its
 * line of a pull request.
 */
import type { CheckResult } from './check.js';
import type { Fix } from './fix.js';

/** The output formats. */
export const FORMATS = ['stylish', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** One file's result, with what `--fix` did or `--fix-dry-run` would do. */
export interface FileReport extends CheckResult {
  /** The path as printed (relative to where the command runs). */
  shown: string;
  /** Fixes applied (`--fix`) or that would be (`--fix-dry-run`). */
  fixes?: Fix[];
  /** With `--fix-dry-run`: the changes as a unified diff. */
  diff?: string;
  /** Problems that `--fix` would fix, when not fixing. */
  fixable?: number;
}

/** How to print. */
export interface ReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** `fix` after `--fix`, `dry-run` after `--fix-dry-run`. */
  fixing?: 'fix' | 'dry-run';
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function count(reports: readonly FileReport[], test: (message: CheckResult['messages'][number]) => boolean): number {
  return reports.reduce((n, report) => n + report.messages.filter(test).length, 0);
}

/**
 * The last line of a report: `✖ 1 error, 1 warning in 14 files (23 boxes)`,
 * with boxes no one defined and what `--fix` did, would do or can do.
 */
function summaryLine(reports: readonly FileReport[], options: ReportOptions = {}): string {
  const errors = count(reports, (message) => message.severity === 'error');
  const warnings = count(reports, (message) => message.severity === 'warning');
  const undefinedBoxes = count(reports, (message) => message.ruleId === 'undefined-box');
  const boxes = reports.reduce((n, report) => n + report.boxes, 0);
  const fixes = reports.reduce((n, report) => n + (report.fixes?.length ?? 0), 0);
  const fixable = reports.reduce((n, report) => n + (report.fixable ?? 0), 0);
  const mark = errors > 0 ? '✖' : warnings > 0 ? '⚠' : '✓';
  let line = `${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(reports.length, 'file')} (${plural(boxes, 'box', 'boxes')}${undefinedBoxes > 0 ? `, ${undefinedBoxes} not defined` : ''})`;
  if (options.fixing === 'fix' && fixes > 0) line += `; fixed ${plural(fixes, 'problem')}`;
  if (options.fixing === 'dry-run' && fixes > 0) line += `; --fix would fix ${plural(fixes, 'problem')}`;
  if (!options.fixing && fixable > 0) line += `; ${fixable} fixable with --fix (--fix-dry-run shows how)`;
  return line;
}

/** One block per file with problems (`  line:col  severity  message  rule-id`), then the summary. */
export function stylish(reports: readonly FileReport[], options: ReportOptions = {}): string {
  const lines: string[] = [];
  if (options.fixing === 'dry-run') for (const report of reports) if (report.diff) lines.push(report.diff);
  for (const report of reports) {
    const messages = report.messages.filter((message) => !options.quiet || message.severity === 'error');
    const fixed = options.fixing === 'fix' ? (report.fixes ?? []) : [];
    if (messages.length === 0 && fixed.length === 0) continue;
    lines.push(report.shown);
    const rows = [
      ...fixed.map((fix) => ({ line: fix.line, column: fix.column, label: 'fixed', text: fix.description, rule: fix.ruleId })),
      ...messages.map((message) => ({ line: message.line ?? 1, column: message.column ?? 1, label: message.severity, text: message.message, rule: message.ruleId ?? '' })),
    ];
    for (const row of rows) lines.push(`  ${`${row.line}:${row.column}`.padEnd(8)} ${row.label.padEnd(7)} ${row.text}  ${row.rule}`.trimEnd());
    lines.push('');
  }
  lines.push(summaryLine(reports, options));
  return `${lines.join('\n')}\n`;
}

/** An array of `{ path, boxes, messages }`, with `fixes` and `diff` when fixing. */
export function json(reports: readonly FileReport[], options: ReportOptions = {}): string {
  const files = reports.map((report) => ({
    path: report.shown,
    boxes: report.boxes,
    messages: options.quiet ? report.messages.filter((message) => message.severity === 'error') : report.messages,
    ...(options.fixing ? { fixes: (report.fixes ?? []).map(({ line, column, ruleId, description }) => ({ line, column, ruleId, description })) } : {}),
    ...(options.fixing === 'dry-run' ? { diff: report.diff ?? '' } : {}),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * GitHub Actions workflow commands, one per problem:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export function github(reports: readonly FileReport[], options: ReportOptions = {}): string {
  const lines: string[] = [];
  if (options.fixing === 'dry-run') for (const report of reports) if (report.diff) lines.push(report.diff.trimEnd());
  for (const report of reports) {
    const file = escapeProperty(report.shown);
    if (options.fixing === 'fix') {
      for (const fix of report.fixes ?? []) lines.push(`::notice file=${file},line=${fix.line},col=${fix.column},title=${escapeProperty(`fact-boxes fixed ${fix.ruleId}`)}::${escapeData(fix.description)}`);
    }
    for (const message of report.messages) {
      if (options.quiet && message.severity !== 'error') continue;
      const place = [`file=${file}`, `line=${message.line ?? 1}`, `col=${message.column ?? 1}`];
      if (message.endLine !== undefined) place.push(`endLine=${message.endLine}`);
      if (message.endColumn !== undefined && message.endLine === message.line) place.push(`endColumn=${message.endColumn}`);
      place.push(`title=${escapeProperty(`fact-boxes ${message.ruleId ?? ''}`.trim())}`);
      lines.push(`::${message.severity} ${place.join(',')}::${escapeData(message.message)}`);
    }
  }
  lines.push(summaryLine(reports, options));
  return `${lines.join('\n')}\n`;
}

/** The report in a format. */
export function formatReport(format: Format, reports: readonly FileReport[], options: ReportOptions = {}): string {
  return format === 'json' ? json(reports, options) : format === 'github' ? github(reports, options) : stylish(reports, options);
}
