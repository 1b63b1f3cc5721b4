/**
 * `fact-boxes check`, end to end: the built command run as a child process on
 * the fixture folders in ./fixtures, as an author or a CI job would run it.
 * (./fixtures/package.json marks the project's root: no configuration above it is read.)
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
  // Only notes of what was loaded, never an error.
  expect(result.stderr).toMatch(/^(?:fact-boxes: (?:using|--boxes|checking) .*\n)*$/);
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
    const match = /^ {2}(\d+:\d+) +(error|warning|fixed) +(.+?) {2}([a-z][a-z-]*)$/.exec(line);
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
    // The sentence a build fails with, the place written once.
    expect(report.messages[0]!.message).toBe(
      'casualties: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
    );
    expect(report.messages[1]!.message).toContain('unknown attribute "dat"; did you mean "date"?');
    expect(report.summary).toBe('✖ 7 errors, 1 warning in 6 files (6 boxes); 2 fixable with --fix (--fix-dry-run shows how)');
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
        message: 'casualties: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
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
    expect(readStylish(loud.stdout)).toMatchObject({ files: ['warnings/near-miss.md'], messages: [{ place: '1:1', severity: 'warning', rule: 'unknown-box' }], summary: '⚠ 0 errors, 1 warning in 1 file (1 box); 1 fixable with --fix (--fix-dry-run shows how)' });
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

  test.each([
    ['custom/boxes.mjs', 'its default export'],
    ['custom/named-boxes.mjs', 'its export boxes'],
    ['custom/site-boxes.mjs', 'its exports location, siteBoxes'],
  ])('should load custom boxes with --boxes %s, say what it loaded, and check them like the built-ins', async (module, from) => {
    const { code, results } = await json(['check', 'custom/places.md', '--boxes', module]);
    expect(code).toBe(1);
    expect(results[0]!.boxes).toBe(2);
    expect(brief(results[0])).toEqual(['4:1 error missing-attribute', '4:13 error unknown-attribute']);
    expect(results[0]!.messages[1]!.message).toContain('unknown attribute "contry"; did you mean "country"?');
    const said = await run(['check', 'custom/places.md', '--boxes', module]);
    expect(said.stderr).toBe(`fact-boxes: --boxes ${module}: box location, from ${from}\n`);
  });

  test('should report a box that nothing defines where it stands, and not count it as a box', async () => {
    const { code, results } = await json(['check', 'undefined/attacks.md']);
    expect(code).toBe(0);
    expect(brief(results[0])).toEqual(['3:1 warning undefined-box']);
    expect(results[0]!.messages[0]).toMatchObject({ endLine: 4, endColumn: 4 });
    expect(results[0]!.messages[0]!.message).toContain('attacks: no box called "attacks" is defined (the boxes are claim, casualties, timeline, actor)');
    expect(results[0]!.messages[0]!.fix).toContain('factBoxes({ boxes }) in astro.config.mjs, boxes in fact-boxes.config.mjs, or --boxes <module>');
    const { stdout } = await run(['check', 'undefined']);
    expect(readStylish(stdout).summary).toBe('⚠ 0 errors, 1 warning in 1 file (0 boxes, 1 not defined)');
    // Without its definition, a custom box is reported too, in place of being skipped.
    expect(brief((await json(['check', 'custom/places.md'])).results[0])).toEqual(['1:1 warning undefined-box', '4:1 warning undefined-box']);
  });

  test.each([
    ['no command', [], /Usage: fact-boxes check/],
    ['an unknown command', ['lint'], /unknown command "lint"/],
    ['an unknown option', ['check', '--bogus'], /Unknown option '--bogus'/],
    ['an unknown format', ['check', 'clean', '--format', 'xml'], /--format must be "stylish", "json" or "github"; got "xml"/],
    ['a glob that matches nothing', ['check', 'nothing/**/*.md'], /no \.md or \.mdx files found in nothing\/\*\*\/\*\.md/],
    ['a --boxes module that is missing', ['check', 'clean', '--boxes', 'custom/missing.mjs'], /the --boxes module .*custom\/missing\.mjs does not exist/],
    ['a --boxes module that exports no boxes', ['check', 'clean', '--boxes', 'custom/not-boxes.mjs'], /custom\/not-boxes\.mjs exports no boxes: it needs a default export or named exports made with defineFactBox\(\) \(a box, or an array of boxes\); its exports are default/],
    ['a --config file that is missing', ['check', 'clean', '--config', 'nowhere.config.mjs'], /the configuration .*nowhere\.config\.mjs does not exist/],
    ['--fix with --fix-dry-run', ['check', 'clean', '--fix', '--fix-dry-run'], /--fix and --fix-dry-run cannot be used together/],
    ['--watch with --fix', ['check', 'clean', '--watch', '--fix'], /--watch and --fix cannot be used together/],
    ['--watch with --format json', ['check', 'clean', '--watch', '--format', 'json'], /--watch prints the stylish format only/],
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
    for (const option of ['--format <stylish|json|github>', '--config <file>', '--no-config', '--boxes <module>', '--fix ', '--fix-dry-run', '--watch', '--quiet']) expect(stdout).toContain(option);
    expect(stdout).toContain('Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage or configuration.');
  });
});

describe('fact-boxes check with the site’s configuration', () => {
  test('should read the boxes of factBoxes() in astro.config.mjs, and check the srcDir when given no paths', async () => {
    const site = join(FIXTURES, 'astro-site');
    const { code, stdout, stderr } = await run(['check'], site);
    expect(code).toBe(1);
    expect(stderr).toBe('fact-boxes: using astro.config.mjs, factBoxes(): boxes location\nfact-boxes: checking src, the srcDir of astro.config.mjs\n');
    const report = readStylish(stdout);
    expect(report.files).toEqual(['src/content/places.md']);
    expect(report.messages.map(({ place, rule }) => `${place} ${rule}`)).toEqual(['4:1 missing-attribute', '4:13 unknown-attribute']);
    expect(report.summary).toMatch(/^✖ 2 errors, 0 warnings in 1 file \(2 boxes\)/);
  });

  test('should find the configuration from a folder below it, and check only the paths named', async () => {
    const { code, results } = await json(['check', 'places.md'], join(FIXTURES, 'astro-site/src/content'));
    expect(code).toBe(1);
    expect(results.map((result) => [result.path, result.boxes])).toEqual([['places.md', 2]]);
    const outside = await json(['check', 'notes.md'], join(FIXTURES, 'astro-site'));
    expect(brief(outside.results[0])).toEqual(['3:1 error missing-attribute', '3:10 error invalid-attribute']);
  });

  test('should read fact-boxes.config.mjs in a site without Astro', async () => {
    const { code, stdout, stderr } = await run(['check'], join(FIXTURES, 'plain-site'));
    expect(code).toBe(1);
    expect(stderr).toBe('fact-boxes: using fact-boxes.config.mjs: boxes location\n');
    expect(readStylish(stdout).messages.map(({ place, rule }) => `${place} ${rule}`)).toEqual(['4:1 missing-attribute']);
  });

  test('should keep the options on the integration object, under Symbol.for("fact-boxes.options"), out of Astro’s sight', async () => {
    const { default: factBoxes } = await import('fact-boxes/astro');
    const integration = factBoxes({ replace: ['claim'], headingLevel: 3 });
    expect((integration as unknown as Record<symbol, unknown>)[Symbol.for('fact-boxes.options')]).toEqual({ replace: ['claim'], headingLevel: 3 });
    expect(Object.keys(integration)).toEqual(['name', 'hooks']);
  });

  test('should exit 2 when the configuration’s options are not valid', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fact-boxes-config-'));
    try {
      await writeFile(join(root, 'package.json'), '{}');
      await writeFile(join(root, 'a.md'), 'Text.\n');
      await writeFile(join(root, 'fact-boxes.config.mjs'), "import { claim } from 'fact-boxes';\nexport default { boxes: [claim] };\n".replace("'fact-boxes'", JSON.stringify(createRequire(import.meta.url).resolve('fact-boxes'))));
      const { code, stderr } = await run(['check'], root);
      expect(code).toBe(2);
      expect(stderr).toContain('fact-boxes: the options in fact-boxes.config.mjs are not valid: a box named "claim" already exists; to replace the built-in, pass replace: [\'claim\']');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('should read the file --config names, and none with --no-config', async () => {
    const named = await json(['check', 'custom/places.md', '--config', 'plain-site/fact-boxes.config.mjs']);
    expect(named.results[0]!.boxes).toBe(2);
    const none = await json(['check', 'src/content/places.md', '--no-config'], join(FIXTURES, 'astro-site'));
    expect(brief(none.results[0])).toEqual(['1:1 warning undefined-box', '4:1 warning undefined-box']);
  });
});

describe('fact-boxes check with entities', () => {
  const ARTICLE = [
    ':::claim[Vow]{by="Kataib Hezbolla"}',
    'We will answer.',
    ':::',
    '',
    ':::actor{ref="kataib-hezbollah"}',
    ':::',
    '',
    ':::actor{ref="kataib-hezbolah"}',
    ':::',
    '',
  ].join('\n');
  const ENTITY = 'name: Kataib Hezbollah\ntype: militia\naliases: [KH]\n';

  test('should read the entities folder of an Astro site and check names and refs across its content', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fact-boxes-entities-'));
    try {
      await writeFile(join(root, 'package.json'), '{}');
      const integration = createRequire(import.meta.url).resolve('fact-boxes/astro');
      await writeFile(join(root, 'astro.config.mjs'), `import factBoxes from ${JSON.stringify(integration)};\nexport default { integrations: [factBoxes({ entityUrl: (id) => '/actors/' + id + '/' })] };\n`);
      await mkdir(join(root, 'src/content/entities'), { recursive: true });
      await mkdir(join(root, 'src/content/articles'), { recursive: true });
      await writeFile(join(root, 'src/content/entities/kataib-hezbollah.yaml'), ENTITY);
      await writeFile(join(root, 'src/content/articles/vow.md'), ARTICLE);
      const { code, results } = await json(['check'], root);
      expect(code).toBe(1);
      expect(results.map((result) => result.path)).toEqual(['src/content/articles/vow.md']);
      expect(results[0]!.messages).toEqual([
        expect.objectContaining({ line: 1, column: 15, severity: 'warning', ruleId: 'entity-near-miss', message: 'claim: "Kataib Hezbolla" is not the name of a known actor; did you mean "Kataib Hezbollah" (kataib-hezbollah)? Fix: write by="Kataib Hezbollah", or leave it if it is another actor.', fix: 'write by="Kataib Hezbollah", or leave it if it is another actor' }),
        expect.objectContaining({ line: 8, column: 10, severity: 'error', ruleId: 'unknown-entity', message: 'actor: there is no entity with the id "kataib-hezbolah"; did you mean "kataib-hezbollah"? Fix: write ref="kataib-hezbollah".', fix: 'write ref="kataib-hezbollah"' }),
      ]);
      const { stderr } = await run(['check'], root);
      expect(stderr).toContain('fact-boxes: using astro.config.mjs, factBoxes(): no boxes of its own, 1 entity');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('should read entities from the path fact-boxes.config.mjs gives, and say which file is wrong', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fact-boxes-entities-'));
    try {
      await writeFile(join(root, 'package.json'), '{}');
      await writeFile(join(root, 'fact-boxes.config.mjs'), "export default { entities: 'data/actors.json' };\n");
      await mkdir(join(root, 'data'));
      await writeFile(join(root, 'data/actors.json'), JSON.stringify({ 'kataib-hezbollah': { name: 'Kataib Hezbollah', type: 'militia' } }));
      await writeFile(join(root, 'vow.md'), ARTICLE);
      const { results } = await json(['check', 'vow.md'], root);
      expect(results[0]!.messages.map((message) => message.ruleId)).toEqual(['entity-near-miss', 'unknown-entity']);
      await writeFile(join(root, 'data/actors.json'), JSON.stringify({ kh: { name: 'Kataib Hezbollah', type: 'gang' } }));
      const broken = await run(['check', 'vow.md'], root);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/actors\.json:1:\d+: entity "kh": "type" must be one of .+; got "gang"\. Fix: /);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('fact-boxes check --format github', () => {
  test('should print one workflow command per problem, with the file, its place and the rule, then the summary', async () => {
    const { code, stdout } = await run(['check', 'errors/article.md', 'warnings', '--format', 'github']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '::error file=errors/article.md,line=3,col=15,title=fact-boxes invalid-attribute::casualties: "injured" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count). Fix: write it like injured="24".',
    );
    expect(lines[2]).toMatch(/^::warning file=errors\/article\.md,line=10,col=1,endLine=11,title=fact-boxes unknown-box::casualty: there is no box called/);
    expect(lines[3]).toMatch(/^::warning file=warnings\/near-miss\.md,line=1,col=1,/);
    expect(lines[4]).toBe('✖ 2 errors, 2 warnings in 2 files (3 boxes)');
  });

  test('should escape what would end a property or a command', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fact-boxes-github-'));
    try {
      await writeFile(join(root, 'a, b: 100%.md'), ':::claim{by="x" date="50%\nnope"}\n:::\n');
      await writeFile(join(root, 'c.md'), ':::claim{by="x" date="50%"}\n:::\n');
      const { stdout } = await run(['check', '.', '--format', 'github'], root);
      expect(stdout).toContain('::error file=c.md,line=1,col=17,title=fact-boxes invalid-attribute::claim: "date" must be');
      expect(stdout).toContain('got "50%25"');
      expect(stdout).toMatch(/^::\w+ file=a%2C b%3A 100%25\.md,line=1,/m);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('fact-boxes check --fix', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'fact-boxes-fix-'));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** A copy of a fixture in a fresh folder, to fix. */
  async function copyOf(...names: string[]): Promise<string> {
    const folder = await mkdtemp(join(work, 'case-'));
    for (const name of names) await copyFile(join(FIXTURES, 'fix', name), join(folder, name));
    await writeFile(join(folder, 'package.json'), '{}');
    return folder;
  }

  test.each(['article.md', 'bom-crlf.md'])('should apply only the safe fixes to %s, every other byte as it was', async (name) => {
    const folder = await copyOf(name);
    const before = await readFile(join(folder, name));
    const { code, stdout } = await run(['check', name, '--fix'], folder);
    const after = await readFile(join(folder, name));
    expect(after.equals(await readFile(join(FIXTURES, 'fix', name.replace('.md', '.fixed.md'))))).toBe(true);
    expect(after.equals(before)).toBe(false);
    // What is left is reported as usual, and sets the exit code.
    const report = readStylish(stdout);
    if (name === 'bom-crlf.md') {
      expect(code).toBe(0);
      expect(report.summary).toBe('✓ 0 errors, 0 warnings in 1 file (2 boxes); fixed 3 problems');
    } else {
      expect(code).toBe(1);
      expect(report.summary).toBe('✖ 2 errors, 1 warning in 1 file (4 boxes); fixed 7 problems');
    }
  });

  test('should list what it fixed before what is left', async () => {
    const folder = await copyOf('article.md');
    const { stdout } = await run(['check', 'article.md', '--fix'], folder);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'article.md',
      '  7:4      fixed   renamed box "casualty" to "casualties"  unknown-box',
      '  7:15     fixed   renamed attribute "kiled" to "killed"  unknown-attribute',
      '  7:23     fixed   renamed attribute "sorce" to "source"  unknown-attribute',
      '  7:50     fixed   quoted the value of "party": "US army personnel"  unquoted-value-with-spaces',
      '  10:27    fixed   renamed attribute "dat" to "date"  unknown-attribute',
      '  14:13    fixed   quoted the value of "by": "Ashab al-Kahf"  unquoted-value-with-spaces',
      '  24:23    fixed   closed the timeline box of line 22 at the end of the file  unclosed-box',
      '  10:45    error   claim: "status" must be one of unverified, confirmed, disputed, denied, retracted; got "confirmd"; did you mean "confirmed"? Fix: write status="confirmed".  invalid-attribute',
    ]);
  });

  test('should leave a box open where only the author knows where it ends, and a file with nothing to fix untouched', async () => {
    const folder = await copyOf('open-in-the-middle.md');
    const { code, stdout } = await run(['check', '.', '--fix'], folder);
    expect(code).toBe(1);
    expect(await readFile(join(folder, 'open-in-the-middle.md'), 'utf8')).toBe(await readFile(join(FIXTURES, 'fix/open-in-the-middle.md'), 'utf8'));
    expect(readStylish(stdout).messages.map(({ place, rule }) => `${place} ${rule}`)).toEqual(['1:1 unclosed-box']);
  });

  test('should print the fixes as a unified diff with --fix-dry-run, change nothing, and report what would be left', async () => {
    const folder = await copyOf('bom-crlf.md', 'open-in-the-middle.md');
    const { code, stdout } = await run(['check', '.', '--fix-dry-run'], folder);
    expect(code).toBe(1);
    expect(await readFile(join(folder, 'bom-crlf.md'))).toEqual(await readFile(join(FIXTURES, 'fix/bom-crlf.md')));
    expect(stdout.startsWith(
      [
        '--- a/bom-crlf.md',
        '+++ b/bom-crlf.md',
        '@@ -1,6 +1,7 @@',
        '-\uFEFF:::claim{by=Police spokesperson date=2023-11-05}\r',
        '+\uFEFF:::claim{by="Police spokesperson" date=2023-11-05}\r',
        ' The quote.\r',
        ' :::\r',
        ' \r',
        '-:::claims{by="x"}\r',
        '+:::claim{by="x"}\r',
        ' Q\r',
        '+:::\r',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(readStylish(stdout).summary).toBe('✖ 1 error, 0 warnings in 2 files (3 boxes); --fix would fix 3 problems');
    const asJson = await json(['check', 'bom-crlf.md', '--fix-dry-run'], folder);
    expect(asJson.results[0]).toMatchObject({ path: 'bom-crlf.md', messages: [], fixes: [{ line: 1, column: 13, ruleId: 'unquoted-value-with-spaces' }, { line: 5, ruleId: 'unknown-box' }, { ruleId: 'unclosed-box' }] });
    expect((asJson.results[0] as unknown as { diff: string }).diff).toContain('+:::claim{by="x"}\r\n');
  });

  test('should give a diff that git apply accepts', async () => {
    const folder = await copyOf('article.md');
    const { stdout } = await run(['check', 'article.md', '--fix-dry-run'], folder);
    const diff = stdout.slice(0, stdout.indexOf('\narticle.md\n') + 1);
    await writeFile(join(folder, 'fixes.diff'), diff);
    await new Promise<void>((done, fail) => execFile('git', ['apply', '--unsafe-paths', '-p1', 'fixes.diff'], { cwd: folder }, (error) => (error ? fail(error) : done())));
    expect(await readFile(join(folder, 'article.md'), 'utf8')).toBe(await readFile(join(FIXTURES, 'fix/article.fixed.md'), 'utf8'));
  });
});

describe('fact-boxes check --watch', () => {
  test('should check a file again when it is saved, clear the problems fixed, and stop on SIGTERM with 0', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fact-boxes-watch-'));
    try {
      await writeFile(join(folder, 'package.json'), '{}');
      await cp(join(FIXTURES, 'errors/article.md'), join(folder, 'content/article.md'), { recursive: true });
      const child = spawn(process.execPath, [cli, 'check', 'content', '--watch'], { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      /** Wait, at most 20 s, for the output to say something. */
      const until = async (test: () => boolean, what: string) => {
        for (const start = Date.now(); !test(); await new Promise((done) => setTimeout(done, 50))) {
          if (Date.now() - start > 20_000) throw new Error(`waited 20 s for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
        }
      };
      await until(() => stderr.includes('watching content for changes'), 'the watcher');
      expect(readStylish(stdout).summary).toMatch(/^✖ 2 errors, 1 warning in 1 file \(2 boxes\)/);
      // The author corrects the typo in an attribute name and saves.
      const source = await readFile(join(folder, 'content/article.md'), 'utf8');
      await writeFile(join(folder, 'content/article.md'), source.replace(' dat=', ' date='));
      await until(() => stdout.includes('checked again: content/article.md'), 'the second check');
      await until(() => stdout.trimEnd().endsWith(')') || /fixable with --fix[^\n]*\n$/.test(stdout), 'its report');
      const second = stdout.slice(stdout.indexOf('checked again'));
      expect(second).not.toContain('unknown-attribute');
      expect(readStylish(second.slice(second.indexOf('\n') + 1)).summary).toMatch(/^✖ 1 error, 1 warning in 1 file \(2 boxes\)/);
      // A new file is checked as soon as it is saved.
      await writeFile(join(folder, 'content/new.md'), ':::claim{by="x"}\nQ\n:::\n');
      await until(() => stdout.includes('checked again: content/new.md'), 'the new file');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the fact-boxes command', () => {
  test('should say what to do in a checkout of the repository that is not built yet', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fact-boxes-unbuilt-'));
    try {
      await mkdir(join(root, 'bin'));
      await writeFile(join(root, 'package.json'), '{ "type": "module" }');
      await copyFile(cli, join(root, 'bin/fact-boxes.js'));
      const result = await new Promise<Run>((done) => {
        execFile(process.execPath, [join(root, 'bin/fact-boxes.js'), 'check'], (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }));
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `fact-boxes: this copy of fact-boxes is not built (${join(root, 'dist/cli.js')} is missing).\nIn the fact-boxes repository, run \`npm run build:package\` (\`npm install\` runs it too).\n`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
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
