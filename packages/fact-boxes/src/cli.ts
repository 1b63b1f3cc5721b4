#!/usr/bin/env node
/**
 * The fact-boxes check command: validate Markdown and MDX content without
 * building a site, with the site's own boxes and options. The fact-boxes
 * command (bin/fact-boxes.js) runs main.
 */
import { realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AnyFactBoxDefinition } from './boxes/define.js';
import { createChecker, type CheckOptions, type Checker } from './checker/check.js';
import { ConfigError, findConfigFile, loadBoxesModule, loadConfigFile, type SiteConfig } from './checker/config.js';
import { unifiedDiff } from './checker/diff.js';
import { expandPaths } from './checker/files.js';
import { fixDocument } from './checker/fix.js';
import { FORMATS, formatReport, stylish, type FileReport, type Format } from './checker/report.js';
import { watchFiles } from './checker/watch.js';

export const USAGE = `Usage: fact-boxes check [paths or globs...] [options]

Checks the fact boxes in Markdown (.md) and MDX (.mdx) files, with the same rules and
messages as a build. Paths may be files, folders (searched for .md and .mdx) or globs.
Default: the srcDir of an Astro site (from astro.config.*), else the current folder.

Configuration: the first of fact-boxes.config.{js,mjs,ts,mts} or astro.config.{mjs,js,ts,mts}
found in the current folder or above (up to the project's package.json) gives the site's
options: its own boxes, replace, locale and the rest (in Astro, those of factBoxes()).

Options:
  --format <stylish|json|github>  output format (default: stylish); github prints
                                  GitHub Actions annotations
  --config <file>                 read this configuration file instead
  --no-config                     read no configuration file: built-in boxes (and --boxes)
  --boxes <module>                boxes made with defineFactBox, from the module's default
                                  export or its named exports (a box or an array of boxes)
  --fix                           apply the fixes that cannot change what you meant, then
                                  report what is left
  --fix-dry-run                   print those fixes as a diff instead; change nothing
  --watch                         check again whenever a file is saved (Ctrl-C to stop)
  --quiet                         print errors only
  -h, --help                      show this help

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage or configuration.
`;

/** Where the command writes, and where it runs: the process's own by default. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Stops `--watch`; by default SIGINT (Ctrl-C) and SIGTERM. */
  signal?: AbortSignal;
}

class UsageError extends Error {}

function parse(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        boxes: { type: 'string' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be "stylish", "json" or "github"; got "${values.format}"`);
  const clash = (a: string, b: string) => new UsageError(`${a} and ${b} cannot be used together`);
  if (values.fix && values['fix-dry-run']) throw clash('--fix', '--fix-dry-run');
  if (values.config !== undefined && values['no-config']) throw clash('--config', '--no-config');
  if (values.watch && (values.fix || values['fix-dry-run'])) throw clash('--watch', values.fix ? '--fix' : '--fix-dry-run');
  if (values.watch && format !== 'stylish') throw new UsageError('--watch prints the stylish format only');
  return { values, format, paths: parsed.positionals };
}

/** The site's options, from its configuration file and `--boxes`; says what it read on stderr. */
async function loadOptions(values: ReturnType<typeof parse>['values'], io: Io): Promise<{ options: CheckOptions; site: SiteConfig | undefined }> {
  const note = (text: string) => {
    if (!values.quiet) io.stderr.write(`fact-boxes: ${text}\n`);
  };
  let site: SiteConfig | undefined;
  if (!values['no-config']) {
    const file = values.config !== undefined ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
    if (file) {
      site = await loadConfigFile(file, io.cwd);
      note(`using ${site.summary}`);
    }
  }
  const options: CheckOptions = { ...site?.options };
  if (values.boxes !== undefined) {
    const loaded = await loadBoxesModule(resolve(io.cwd, values.boxes));
    const names = new Set(loaded.boxes.map((box) => box.name));
    const kept: AnyFactBoxDefinition[] = (options.boxes ?? []).filter((box) => !names.has(box.name));
    options.boxes = [...kept, ...loaded.boxes];
    const from = loaded.exports[0] === 'default' ? 'its default export' : `its export${loaded.exports.length === 1 ? '' : 's'} ${loaded.exports.join(', ')}`;
    note(`--boxes ${values.boxes}: ${loaded.boxes.length === 1 ? 'box' : 'boxes'} ${[...names].join(', ')}, from ${from}`);
  }
  return { options, site };
}

/** A file's path as printed: from where the command runs, or from the repository's root for annotations; absolute when outside. */
function shownPath(path: string, cwd: string, format: Format): string {
  const within = (base: string) => {
    const shown = relative(base, path);
    return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? undefined : shown;
  };
  const workspace = format === 'github' ? process.env.GITHUB_WORKSPACE : undefined;
  return (workspace ? within(workspace) : undefined) ?? within(cwd) ?? path;
}

/** The problems that a safe fix may solve: files without them are not read for fixes. */
const FIXABLE_RULES = new Set(['unknown-box', 'unknown-attribute', 'unquoted-value-with-spaces', 'malformed-opening', 'unclosed-box']);

async function examine(path: string, checker: Checker, mode: { fix: boolean; dryRun: boolean; countFixable: boolean; shown: string }): Promise<FileReport> {
  const source = await readFile(path, 'utf8');
  const result = await checker.checkDocument(path, source);
  const mayFix = result.messages.some((message) => message.ruleId !== undefined && FIXABLE_RULES.has(message.ruleId));
  if (mode.fix || mode.dryRun) {
    const fixed = mayFix ? fixDocument(path, source, checker.resolved) : { output: source, fixes: [] };
    if (mode.fix && fixed.output !== source) await writeFile(path, fixed.output);
    const after = fixed.output === source ? result : await checker.checkDocument(path, fixed.output);
    return { ...after, shown: mode.shown, fixes: fixed.fixes, ...(mode.dryRun ? { diff: unifiedDiff(source, fixed.output, mode.shown.replaceAll('\\', '/')) } : {}) };
  }
  return { ...result, shown: mode.shown, ...(mode.countFixable && mayFix ? { fixable: fixDocument(path, source, checker.resolved).fixes.length } : {}) };
}

const hasErrors = (reports: readonly FileReport[]) => reports.some((report) => report.messages.some((message) => message.severity === 'error'));

/**
 * Run the command line; resolves to the exit code: 0 no errors, 1 errors,
 * 2 bad usage or configuration.
 *
 * @example
 *   process.exitCode = await main(['check', 'src/content', '--format', 'json']);
 */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'check') {
    io.stderr.write(`${command === undefined ? '' : `fact-boxes: unknown command "${command}"\n\n`}${USAGE}`);
    return 2;
  }
  try {
    const { values, format, paths } = parse(rest);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    const { options, site } = await loadOptions(values, io);
    let checker: Checker;
    try {
      checker = createChecker(options);
    } catch (error) {
      throw new ConfigError(`${site ? `the options in ${relative(io.cwd, site.file)}` : 'the boxes'} are not valid: ${(error as Error).message.replace(/^fact-boxes: /, '')}`);
    }
    const patterns = paths.length > 0 ? paths : (site?.defaultPaths ?? ['.']);
    if (paths.length === 0 && site?.defaultPaths && !values.quiet) io.stderr.write(`fact-boxes: checking ${patterns.join(' ')}, the srcDir of ${relative(io.cwd, site.file)}\n`);
    const files = await expandPaths(patterns, io.cwd);
    if (files.length === 0 && !values.watch) throw new Error(`no .md or .mdx files found in ${patterns.join(' ')}`);
    const mode = { fix: values.fix, dryRun: values['fix-dry-run'], countFixable: format === 'stylish' };
    const fixing = values.fix ? 'fix' : values['fix-dry-run'] ? 'dry-run' : undefined;
    const reportOptions = { quiet: values.quiet, ...(fixing ? { fixing } as const : {}) };
    const check = (path: string) => examine(path, checker, { ...mode, shown: shownPath(path, io.cwd, format) });

    if (values.watch) {
      const controller = new AbortController();
      const stop = () => controller.abort();
      if (!io.signal) {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
      const signal = io.signal ?? controller.signal;
      let first = true;
      await watchFiles({
        patterns,
        cwd: io.cwd,
        check,
        signal,
        report: (reports, changed) => {
          const clear = io.stdout.isTTY ? '\x1b[2J\x1b[3J\x1b[H' : '';
          const heading = first ? '' : `${clear || '\n'}[${new Date().toLocaleTimeString()}] checked again: ${changed.map((path) => relative(io.cwd, path) || path).join(', ')}\n`;
          io.stdout.write(`${heading}${stylish(reports, reportOptions)}`);
          if (first) io.stderr.write(`fact-boxes: watching ${patterns.join(' ')} for changes; press Ctrl-C to stop\n`);
          first = false;
        },
      });
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      return 0;
    }

    const reports: FileReport[] = [];
    for (const file of files) reports.push(await check(file));
    io.stdout.write(formatReport(format, reports, reportOptions));
    return hasErrors(reports) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`fact-boxes: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`fact-boxes: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// Run directly (`node dist/cli.js`, or a command linked here by an older install): run the command.
const entry = process.argv[1];
if (entry && realpathSync.native(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
