/**
 * `fact-boxes check`, end to end: the built command run as a child process on
 * the fixture folders in ./fixtures, as an author or a CI job would run it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The command as npm installs it: the package's `bin` entry. */
async function binPath(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('fact-boxes/package.json');
  const { bin } = JSON.parse(await readFile(manifest, 'utf8')) as { bin: Record<string, string> };
  return resolve(dirname(manifest), bin['fact-boxes']!);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let cli: string;

function run(args: readonly string[], cwd = FIXTURES): Promise<Run> {
  return new Promise((done) => {
    // process.execPath: the Node that runs the tests (22), not whatever `node` is on the PATH.
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

interface JsonMessage {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId?: string;
  fix?: string;
}

interface JsonResult {
  path: string;
  boxes: number;
  messages: JsonMessage[];
}

async function json(args: readonly string[], cwd = FIXTURES): Promise<{ code: number; results: JsonResult[] }> {
  const result = await run([...args, '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  return { code: result.code, results: JSON.parse(result.stdout) as JsonResult[] };
}

/** `line:column severity ruleId` of each message, for comparing at a glance. */
function brief(result: JsonResult | undefined): string[] {
  return (result?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId}`);
}

/** The stylish report's lines, split into files, message lines and the summary. */
function readStylish(stdout: string) {
  const lines = stdout.trimEnd().split('\n');
  const summary = lines.at(-1)!;
  const files: string[] = [];
  const messages: { file: string; place: string; severity: string; message: string; rule: string }[] = [];
  for (const line of lines.slice(0, -1)) {
    if (line === '') continue;
    if (!line.startsWith('  ')) {
      files.push(line);
      continue;
    }
    const match = /^ {2}(\d+:\d+) +(error|warning) +(.+?) {2}([a-z][a-z-]*)$/.exec(line);
    expect(match, `a message line as "  line:col  severity  message  rule-id": ${JSON.stringify(line)}`).not.toBeNull();
    messages.push({ file: files.at(-1)!, place: match![1]!, severity: match![2]!, message: match![3]!, rule: match![4]! });
  }
  return { files, messages, summary };
}

beforeAll(async () => {
  cli = await binPath();
});

describe('fact-boxes check', () => {
  test('should print every problem of a folder as file, "  line:col  severity  message  rule-id" and a summary, and exit 1', async () => {
    const { code, stdout, stderr } = await run(['check', 'errors']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = readStylish(stdout);
    expect(report.files).toEqual(['errors/article.md', 'errors/bom-crlf.md', 'errors/broken.mdx', 'errors/deeper/toml.md', 'errors/frontmatter.md', 'errors/page.mdx']);
    expect(report.messages.filter((message) => message.file === 'errors/article.md').map(({ place, severity, rule }) => `${place} ${severity} ${rule}`)).toEqual([
      '3:15 error invalid-attribute',
      '6:22 error unknown-attribute',
      '10:1 warning unknown-box',
    ]);
    expect(report.messages[0]!.message).toBe(
      'casualties at 3:1: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
    );
    expect(report.messages[1]!.message).toContain('unknown attribute "dat"; did you mean "date"?');
    expect(report.summary).toBe('✖ 7 errors, 1 warning in 6 files (6 boxes)');
    // Each file's block ends with a blank line before the next file and the summary.
    expect(stdout).toMatch(/unknown-box\n\nerrors\/bom-crlf\.md\n/);
  });

  test('should give the same report as JSON with --format json', async () => {
    const { code, results } = await json(['check', 'errors/article.md', 'warnings']);
    expect(code).toBe(1);
    expect(results.map((result) => [result.path, result.boxes])).toEqual([
      ['errors/article.md', 2],
      ['warnings/near-miss.md', 1],
    ]);
    expect(results[0]!.messages).toEqual([
      {
        line: 3,
        column: 15,
        severity: 'error',
        message: 'casualties at 3:1: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
        ruleId: 'invalid-attribute',
        fix: 'write it like injured="24"',
      },
      expect.objectContaining({ line: 6, column: 22, severity: 'error', ruleId: 'unknown-attribute', fix: 'write date="2023-11-05"' }),
      expect.objectContaining({ line: 10, column: 1, endLine: 11, endColumn: 4, severity: 'warning', ruleId: 'unknown-box', fix: 'write :::casualties' }),
    ]);
    expect(brief(results[1])).toEqual(['1:1 warning unknown-box']);
  });

  test('should count frontmatter lines, YAML or TOML, in positions', async () => {
    const { results } = await json(['check', 'errors/frontmatter.md', 'errors/deeper/toml.md']);
    const byPath = new Map(results.map((result) => [result.path, result]));
    expect(brief(byPath.get('errors/frontmatter.md'))).toEqual(['9:17 error invalid-attribute']);
    expect(byPath.get('errors/frontmatter.md')!.messages[0]!.message).toContain('got "confimred"; did you mean "confirmed"?');
    expect(brief(byPath.get('errors/deeper/toml.md'))).toEqual(['5:1 error missing-title']);
  });

  test('should check .mdx files with imports, exports, JSX and expressions, and report an MDX syntax error as an error', async () => {
    const { code, results } = await json(['check', 'errors/page.mdx', 'errors/broken.mdx', 'clean/notes/timeline.mdx']);
    expect(code).toBe(1);
    const byPath = new Map(results.map((result) => [result.path, result]));
    expect(brief(byPath.get('errors/page.mdx'))).toEqual(['7:29 error invalid-attribute']);
    expect(byPath.get('errors/page.mdx')!.messages[0]!.message).toContain('(February 2023 has 28 days)');
    expect(byPath.get('errors/broken.mdx')).toMatchObject({ boxes: 0, messages: [{ line: 3, severity: 'error', message: expect.stringContaining('expected a corresponding closing brace for `{`') }] });
    expect(byPath.get('clean/notes/timeline.mdx')).toEqual({ path: 'clean/notes/timeline.mdx', boxes: 1, messages: [] });
  });

  test('should give exact places in a file with a byte order mark and CRLF line endings', async () => {
    expect((await readFile(join(FIXTURES, 'errors/bom-crlf.md'), 'utf8')).startsWith('\uFEFF:::claim')).toBe(true);
    const { results } = await json(['check', 'errors/bom-crlf.md']);
    expect(brief(results[0])).toEqual(['1:17 error invalid-attribute']);
    expect(results[0]!.messages[0]!.message).toContain('got "yesterday"');
  });

  test('should exit 0 with a ✓ summary on a clean folder, and check only .md and .mdx files', async () => {
    const { code, stdout, stderr } = await run(['check', 'clean']);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '✓ 0 errors, 0 warnings in 2 files (3 boxes)\n', stderr: '' });
  });

  test('should exit 0 when there are only warnings, and leave warnings out with --quiet', async () => {
    const loud = await run(['check', 'warnings']);
    expect(loud.code).toBe(0);
    expect(readStylish(loud.stdout)).toMatchObject({ files: ['warnings/near-miss.md'], messages: [{ place: '1:1', severity: 'warning', rule: 'unknown-box' }], summary: '⚠ 0 errors, 1 warning in 1 file (1 box)' });
    const quiet = await run(['check', 'warnings', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('unknown-box');
    expect(readStylish(quiet.stdout).files).toEqual([]);
    const errorsOnly = await run(['check', 'errors/article.md', '--quiet']);
    expect(errorsOnly.code).toBe(1);
    expect(readStylish(errorsOnly.stdout).messages.map((message) => message.severity)).toEqual(['error', 'error']);
  });

  test('should expand globs, several paths at once, and the current folder by default', async () => {
    const mdx = await json(['check', 'errors/**/*.mdx']);
    expect(mdx.results.map((result) => result.path)).toEqual(['errors/broken.mdx', 'errors/page.mdx']);
    const both = await json(['check', 'clean/**/*.{md,mdx}', 'errors/deeper/*.md']);
    expect(both.results.map((result) => result.path)).toEqual(['clean/article.md', 'clean/notes/timeline.mdx', 'errors/deeper/toml.md']);
    const here = await json(['check'], join(FIXTURES, 'clean'));
    expect(here).toEqual({ code: 0, results: [{ path: 'article.md', boxes: 2, messages: [] }, { path: 'notes/timeline.mdx', boxes: 1, messages: [] }] });
  });

  test('should load custom boxes with --boxes (default or named export) and check them like the built-ins', async () => {
    for (const module of ['custom/boxes.mjs', 'custom/named-boxes.mjs']) {
      const { code, results } = await json(['check', 'custom/places.md', '--boxes', module]);
      expect(code).toBe(1);
      expect(results[0]!.boxes).toBe(2);
      expect(brief(results[0])).toEqual(['4:1 error missing-attribute', '4:13 error unknown-attribute']);
      expect(results[0]!.messages[1]!.message).toContain('unknown attribute "contry"; did you mean "country"?');
    }
    // Without the module, :::location is no box of ours: left alone.
    expect(await json(['check', 'custom/places.md'])).toEqual({ code: 0, results: [{ path: 'custom/places.md', boxes: 0, messages: [] }] });
  });

  test.each([
    ['no command', [], /Usage: fact-boxes check/],
    ['an unknown command', ['lint'], /unknown command "lint"/],
    ['an unknown option', ['check', '--bogus'], /Unknown option '--bogus'/],
    ['an unknown format', ['check', 'clean', '--format', 'xml'], /--format must be "stylish" or "json"; got "xml"/],
    ['a glob that matches nothing', ['check', 'nothing/**/*.md'], /no \.md or \.mdx files found in nothing\/\*\*\/\*\.md/],
    ['a --boxes module that is missing', ['check', 'clean', '--boxes', 'custom/missing.mjs'], /Cannot find module .*missing\.mjs/],
    ['a --boxes module that exports no list of boxes', ['check', 'clean', '--boxes', 'custom/not-boxes.mjs'], /must export an array of boxes/],
  ])('should exit 2 on bad usage: %s', async (_, args, said) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(`${stderr}${stdout}`).toMatch(said);
    expect(stdout).not.toMatch(/errors?, \d+ warnings?/);
  });

  test('should print its usage and exit 0 with --help', async () => {
    const { code, stdout } = await run(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: fact-boxes check \[paths or globs\.\.\.\] \[options\]/);
    expect(stdout).toContain('--format <stylish|json>');
  });
});

describe('fact-boxes check on a folder with dependencies and build output', () => {
  let root: string;

  beforeAll(async () => {
    // Made here: node_modules and dist are ignored by git, so they cannot be committed fixtures.
    root = await mkdtemp(join(tmpdir(), 'fact-boxes-check-'));
    const broken = ':::claim{date="nope"}\n:::\n';
    for (const folder of ['node_modules/some-package', 'dist', '.git', 'content/posts']) await mkdir(join(root, folder), { recursive: true });
    await writeFile(join(root, 'node_modules/some-package/readme.md'), broken);
    await writeFile(join(root, 'dist/copy.md'), broken);
    await writeFile(join(root, '.git/notes.md'), broken);
    await writeFile(join(root, 'content/posts/ok.md'), ':::claim{by="x"}\nQuote.\n:::\n');
    await writeFile(join(root, 'content/posts/bad.mdx'), broken);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('should search folders for .md and .mdx files, skipping node_modules, dist and .git', async () => {
    const { code, results } = await json(['check'], root);
    expect(code).toBe(1);
    expect(results.map((result) => [result.path, brief(result)])).toEqual([
      ['content/posts/bad.mdx', ['1:1 error missing-attribute', '1:10 error invalid-attribute']],
      ['content/posts/ok.md', []],
    ]);
  });
});
