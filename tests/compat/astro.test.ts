/**
 * Compatibility: one minimal site (a .md page and an .mdx page with boxes)
 * built with Astro 6 (remark plugins through markdown.remarkPlugins) and with
 * Astro 7 on each of its Markdown processors. Every build must render the
 * same boxes and keep the prose colons.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, test } from 'vitest';
import { astro, ROOT } from '../site/astro-cli.ts';

const COMPAT = join(ROOT, 'tests/fixtures/compat');
const ASTRO6 = join(COMPAT, 'astro6');

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    const child = spawn(command, args, { cwd, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function installedMajor(dir: string): number | undefined {
  const manifest = join(dir, 'node_modules/astro/package.json');
  return existsSync(manifest) ? Number((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version.split('.')[0]) : undefined;
}

interface Pages {
  index: string;
  mdx: string;
}

const built: Record<string, Pages> = {};

function pagesOf(dist: string): Pages {
  return { index: readFileSync(join(dist, 'index.html'), 'utf8'), mdx: readFileSync(join(dist, 'mdx/index.html'), 'utf8') };
}

beforeAll(async () => {
  // Astro 6 lives in the fixture's own node_modules, installed from the npm registry on first use.
  if (installedMajor(ASTRO6) !== 6) {
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], ASTRO6);
    if (install.code !== 0) throw new Error(`npm install of the Astro 6 fixture failed:\n${install.output}`);
  }
  rmSync(join(ASTRO6, '.tmp'), { recursive: true, force: true });
  rmSync(join(COMPAT, 'site/.tmp'), { recursive: true, force: true });
  const astro6 = await run(process.execPath, [join(ASTRO6, 'node_modules/astro/bin/astro.mjs'), 'build'], ASTRO6);
  if (astro6.code !== 0) throw new Error(`Astro 6 build failed:\n${astro6.output}`);
  built['astro 6'] = pagesOf(join(ASTRO6, '.tmp/dist'));
  for (const processor of ['satteri', 'unified'] as const) {
    const astro7 = await astro(['build', '--root', join(COMPAT, 'site')], ROOT, { FACT_BOXES_PROCESSOR: processor });
    if (astro7.code !== 0) throw new Error(`Astro 7 build on ${processor} failed:\n${astro7.output}`);
    built[`astro 7 ${processor}`] = pagesOf(join(COMPAT, `site/.tmp/${processor}/dist`));
  }
}, 600_000);

const boxes = (html: string) => selectAll('[data-fact-box]', fromHtml(html)).map((box) => toHtml(box));

describe.each(['astro 6', 'astro 7 satteri', 'astro 7 unified'])('a minimal site on %s', (name) => {
  test('should render the boxes of the .md page and keep the prose colons', () => {
    const { index } = built[name]!;
    expect(boxes(index).map((box) => /data-fact-box="(\w+)"/.exec(box)?.[1])).toEqual(['claim', 'casualties']);
    expect(index).toContain('At 10:30 on Sunday, re:Invent and Note:this stayed as written.');
    expect(index).not.toContain(':::');
  });

  test('should render boxes holding JSX and expressions in the .mdx page', () => {
    const { mdx } = built[name]!;
    expect(boxes(mdx)).toHaveLength(1);
    expect(mdx).toContain('<strong>Kataib Hezbollah</strong> said so at 10:30');
  });

  test('should link the stylesheet and ship no client script', () => {
    const { index } = built[name]!;
    expect(index).toMatch(/<link rel="stylesheet" href="[^"]+\.css"/);
    expect(index).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  test('should render the same boxes as Astro 7 on Sätteri', () => {
    expect(boxes(built[name]!.index)).toEqual(boxes(built['astro 7 satteri']!.index));
    expect(boxes(built[name]!.mdx)).toEqual(boxes(built['astro 7 satteri']!.mdx));
  });
});
