/**
 * `fact-boxes check` as users run it: the package as published (`npm pack`),
 * installed with Astro into a new site outside the repository, whose
 * astro.config.mjs gives factBoxes() a box of its own; run through an npm
 * script, `npx` and the linked command. A folder of the site without Astro
 * has a fact-boxes.config.mjs. One install serves every case.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const PACKAGE = fileURLToPath(new URL('../../packages/fact-boxes/', import.meta.url));
/** The Astro the repository uses, so npm finds it in its cache. */
const ASTRO = (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;

/** The environment of a user's shell: Node 22 first on the PATH, none of the variables `npm test` sets for its own scripts. */
const env = Object.fromEntries([
  ...Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
  ['PATH', `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`],
  ['NO_COLOR', '1'],
]);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const result = await run('npm', args, cwd);
  if (result.code !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
  return result.stdout;
}

const LOCATION = `// The site's own box.
import { z } from 'astro/zod';
import { defineFactBox, textAttribute } from 'fact-boxes';

export const location = defineFactBox({
  name: 'location',
  attributes: z.object({ country: textAttribute(), region: textAttribute().optional() }),
  defaultTitle: (attributes) => \`Location: \${attributes.country}\`,
  render: ({ attributes, h }) => h('p', {}, attributes.country),
});
`;

const STRIKES = `---
title: Strikes
---

# Strikes

:::location{country="Iraq" region="Anbar"}
:::

:::location{contry="Syria"}
:::

:::claim{by=Police spokesperson dat="2023-11-05" status=disproved}
A statement.
:::
`;

const STRIKES_FIXED = STRIKES.replace('contry=', 'country=').replace('by=Police spokesperson dat=', 'by="Police spokesperson" date=');

let root: string;
let site: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fact-boxes-installed-'));
  const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', root], PACKAGE)) as [{ filename: string }];
  site = join(root, 'news-site');
  for (const folder of ['boxes', 'src/content/articles', 'handbook', 'drafts']) await mkdir(join(site, folder), { recursive: true });
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'news-site', private: true, type: 'module', scripts: { check: 'fact-boxes check', 'check:ci': 'fact-boxes check --format github' } }, null, 2),
    'boxes/location.mjs': LOCATION,
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      "import factBoxes from 'fact-boxes/astro';",
      "import { location } from './boxes/location.mjs';",
      '',
      'export default defineConfig({ integrations: [factBoxes({ boxes: [location] })] });',
      '',
    ].join('\n'),
    'src/content/articles/strikes.md': STRIKES,
    'src/content/articles/places.mdx': "import Note from './note.astro';\n\n:::location{country=\"Iraq\"}\n:::\n\n<Note />\n",
    'handbook/fact-boxes.config.mjs': "// This part of the site is built without Astro.\nimport { location } from '../boxes/location.mjs';\n\nexport default { boxes: [location] };\n",
    'handbook/guide.md': ':::location{region="Anbar"}\n:::\n',
  };
  for (const [path, text] of Object.entries(files)) await writeFile(join(site, path), text);
  await npm(['install', join(root, packed.filename), `astro@${ASTRO}`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], site);
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** `file line:col rule` of each message of a stylish report. */
function places(stdout: string): string[] {
  const found: string[] = [];
  let file = '';
  for (const line of stdout.split('\n')) {
    if (line !== '' && !line.startsWith(' ') && !/^[✓✖⚠]/.test(line)) file = line;
    const message = /^ {2}(\d+:\d+) +(?:error|warning) .* ([a-z-]+)$/.exec(line);
    if (message) found.push(`${file} ${message[1]} ${message[2]}`);
  }
  return found;
}

describe('fact-boxes check installed in a site', () => {
  test('should run from an npm script, read the boxes of factBoxes() in astro.config.mjs and check the srcDir', async () => {
    const { code, stdout, stderr } = await run('npm', ['run', '--silent', 'check'], site);
    expect(stderr).toBe('fact-boxes: using astro.config.mjs, factBoxes(): boxes location\nfact-boxes: checking src, the srcDir of astro.config.mjs\n');
    expect(code).toBe(1);
    expect(places(stdout)).toEqual([
      'src/content/articles/strikes.md 10:1 missing-attribute',
      'src/content/articles/strikes.md 10:13 unknown-attribute',
      'src/content/articles/strikes.md 13:10 unquoted-value-with-spaces',
      'src/content/articles/strikes.md 13:33 unknown-attribute',
      'src/content/articles/strikes.md 13:50 invalid-attribute',
    ]);
    // No value of another meaning is offered for "disproved".
    expect(stdout).toContain('got "disproved". Fix: choose one of unverified, confirmed, disputed, denied, retracted.');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 5 errors, 0 warnings in 2 files (4 boxes); 3 fixable with --fix (--fix-dry-run shows how)');
  });

  test('should run with npx, in each format', async () => {
    const asJson = await run('npx', ['--no', 'fact-boxes', 'check', '--format', 'json', '--quiet'], site);
    expect(asJson.code).toBe(1);
    const results = JSON.parse(asJson.stdout) as { path: string; boxes: number; messages: { ruleId: string }[] }[];
    expect(results.map(({ path, boxes, messages }) => [path, boxes, messages.length])).toEqual([
      ['src/content/articles/places.mdx', 1, 0],
      ['src/content/articles/strikes.md', 3, 5],
    ]);
    const github = await run('npm', ['run', '--silent', 'check:ci'], site);
    expect(github.code).toBe(1);
    expect(github.stdout.split('\n')[0]).toBe(
      '::error file=src/content/articles/strikes.md,line=10,col=1,endLine=11,title=fact-boxes missing-attribute::location: "country" is required. Fix: add country="…" inside the {…} after :::location.',
    );
  });

  test('should read fact-boxes.config.mjs in a part of the site without Astro', async () => {
    const { code, stdout, stderr } = await run('npx', ['--no', 'fact-boxes', 'check'], join(site, 'handbook'));
    expect(stderr).toBe('fact-boxes: using fact-boxes.config.mjs: boxes location\n');
    expect(code).toBe(1);
    expect(places(stdout)).toEqual(['guide.md 1:1 missing-attribute']);
  });

  test('should report the site’s box where it stands when the configuration is left out', async () => {
    const { code, stdout } = await run('npx', ['--no', 'fact-boxes', 'check', 'src/content/articles/places.mdx', '--no-config'], site);
    expect(code).toBe(0);
    expect(places(stdout)).toEqual(['src/content/articles/places.mdx 3:1 undefined-box']);
    expect(stdout).toContain('(0 boxes, 1 not defined)');
  });

  test('should print the safe fixes with --fix-dry-run, then apply exactly those with --fix', async () => {
    await writeFile(join(site, 'drafts/strikes.md'), STRIKES);
    const dry = await run('npx', ['--no', 'fact-boxes', 'check', 'drafts', '--fix-dry-run'], site);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(['--- a/drafts/strikes.md', '+++ b/drafts/strikes.md', '@@ -7,9 +7,9 @@'].join('\n'));
    expect(dry.stdout).toContain('-:::claim{by=Police spokesperson dat="2023-11-05" status=disproved}\n+:::claim{by="Police spokesperson" date="2023-11-05" status=disproved}\n');
    expect(await readFile(join(site, 'drafts/strikes.md'), 'utf8')).toBe(STRIKES);
    const fixed = await run('npx', ['--no', 'fact-boxes', 'check', 'drafts', '--fix'], site);
    expect(await readFile(join(site, 'drafts/strikes.md'), 'utf8')).toBe(STRIKES_FIXED);
    expect(fixed.code).toBe(1);
    expect(places(fixed.stdout)).toEqual(['drafts/strikes.md 13:53 invalid-attribute']);
    expect(fixed.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 error, 0 warnings in 1 file (3 boxes); fixed 3 problems');
  });

  test('should watch: check a saved file again and clear what was fixed, within a bounded wait', async () => {
    await writeFile(join(site, 'drafts/watched.md'), ':::location{contry="Syria"}\n:::\n');
    const child = spawn(join(site, 'node_modules/.bin/fact-boxes'), ['check', 'drafts/watched.md', '--watch'], { cwd: site, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const until = async (test: () => boolean, what: string) => {
        for (const start = Date.now(); !test(); await new Promise((done) => setTimeout(done, 50))) {
          if (Date.now() - start > 20_000) throw new Error(`waited 20 s for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
        }
      };
      await until(() => stderr.includes('watching drafts/watched.md for changes'), 'the watcher');
      expect(stdout).toContain('unknown-attribute');
      await writeFile(join(site, 'drafts/watched.md'), ':::location{country="Syria"}\n:::\n');
      await until(() => stdout.includes('✓ 0 errors, 0 warnings in 1 file (1 box)'), 'the problems to clear');
      expect(stdout.slice(stdout.indexOf('checked again: drafts/watched.md'))).not.toContain('unknown-attribute');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
