#!/usr/bin/env node
/**
 * `fact-boxes check [paths or globs]`: validate Markdown and MDX content
 * without building a site. Exit code 1 when any file has an error.
 */
import { glob, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkFile, type CheckOptions, type CheckResult } from './check.js';
import type { AnyFactBoxDefinition } from './define.js';

const USAGE = `Usage: fact-boxes check [paths or globs...] [options]

Checks the fact boxes in Markdown (.md) and MDX (.mdx) files.
Paths may be files, folders (searched for .md and .mdx) or globs. Default: the current folder.

Options:
  --format <stylish|json>  output format (default: stylish)
  --boxes <module>         a module exporting your custom boxes (default export or "boxes")
  --quiet                  print errors only
  -h, --help               show this help
`;

async function expand(patterns: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    let isDirectory = false;
    let isFile = false;
    try {
      const info = await stat(pattern);
      isDirectory = info.isDirectory();
      isFile = info.isFile();
    } catch {
      // not a path: a glob
    }
    if (isFile) files.add(resolve(pattern));
    else {
      const search = isDirectory ? `${pattern.replace(/\/+$/, '')}/**/*.{md,mdx}` : pattern;
      for await (const found of glob(search, { exclude: (name) => name === 'node_modules' || name === '.git' || name === 'dist' })) {
        if (/\.mdx?$/.test(found)) files.add(resolve(found));
      }
    }
  }
  return [...files].sort();
}

async function loadBoxes(module: string | undefined): Promise<AnyFactBoxDefinition[]> {
  if (!module) return [];
  const loaded = (await import(pathToFileURL(resolve(module)).href)) as { default?: unknown; boxes?: unknown };
  const boxes = loaded.boxes ?? loaded.default;
  if (!Array.isArray(boxes)) throw new Error(`${module} must export an array of boxes (default export or "boxes")`);
  return boxes as AnyFactBoxDefinition[];
}

function stylish(results: readonly CheckResult[], quiet: boolean): string {
  const lines: string[] = [];
  for (const result of results) {
    const messages = result.messages.filter((message) => !quiet || message.severity === 'error');
    if (messages.length === 0) continue;
    lines.push(relative(process.cwd(), result.path) || result.path);
    for (const message of messages) {
      const place = `${message.line ?? 1}:${message.column ?? 1}`;
      lines.push(`  ${place.padEnd(8)} ${message.severity.padEnd(7)} ${message.message}  ${message.ruleId ?? ''}`.trimEnd());
    }
    lines.push('');
  }
  const errors = results.reduce((n, result) => n + result.messages.filter((m) => m.severity === 'error').length, 0);
  const warnings = results.reduce((n, result) => n + result.messages.filter((m) => m.severity === 'warning').length, 0);
  const boxes = results.reduce((n, result) => n + result.boxes, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${errors + warnings === 0 ? '✓' : errors > 0 ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(results.length, 'file')} (${plural(boxes, 'box')}${boxes === 1 ? '' : ''})`.replace('boxs', 'boxes'));
  return lines.join('\n');
}

/** Run the command line; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'check') {
    process.stderr.write(`fact-boxes: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'stylish' }, boxes: { type: 'string' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`fact-boxes: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = parsed.values.format;
  if (format !== 'stylish' && format !== 'json') {
    process.stderr.write(`fact-boxes: --format must be "stylish" or "json"; got "${format}"\n`);
    return 2;
  }
  const options: CheckOptions = { boxes: await loadBoxes(parsed.values.boxes) };
  const files = await expand(parsed.positionals.length > 0 ? parsed.positionals : ['.']);
  if (files.length === 0) {
    process.stderr.write(`fact-boxes: no .md or .mdx files found in ${parsed.positionals.join(' ') || '.'}\n`);
    return 2;
  }
  const results: CheckResult[] = [];
  for (const file of files) results.push(await checkFile(file, options));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(results.map((result) => ({ ...result, path: relative(process.cwd(), result.path) || result.path })), null, 2)}\n`);
  } else {
    process.stdout.write(`${stylish(results, parsed.values.quiet === true)}\n`);
  }
  return results.some((result) => result.messages.some((message) => message.severity === 'error')) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fact-boxes: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
