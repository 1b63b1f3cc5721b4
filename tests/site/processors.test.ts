/**
 * The demo site on Astro 7's two Markdown processors: built on Sätteri (its
 * default, which the demo uses) and on unified(), the article page must come
 * out the same — the same boxes, byte for byte, the same records and the
 * same article text.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astro, ROOT } from './astro-cli.ts';

interface Built {
  out: string;
  article: ReturnType<typeof fromHtml>;
  facts: unknown;
}

const builds: Partial<Record<'satteri' | 'unified', Built>> = {};
const temporary: string[] = [];

async function build(processor: 'satteri' | 'unified'): Promise<Built> {
  const out = mkdtempSync(join(tmpdir(), `fact-boxes-${processor}-`));
  temporary.push(out);
  // The demo's own config, with the processor chosen and a cache of its own (other tests build the demo at the same time).
  const dir = join(ROOT, 'tests/site/.tmp', processor);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { unified } from '@astrojs/markdown-remark';",
      "import config from '../../../../astro.config.mjs';",
      `export default { ...config, cacheDir: './tests/site/.tmp/${processor}/cache', markdown: { ...config.markdown, ${processor === 'unified' ? 'processor: unified() ' : ''}} };`,
      '',
    ].join('\n'),
  );
  // Astro resolves --config from the root.
  const args = ['build', '--outDir', out, '--config', `tests/site/.tmp/${processor}/astro.config.mjs`];
  const run = await astro(args, ROOT);
  if (run.code !== 0) throw new Error(`astro build on ${processor} failed (${run.code}):\n${run.output}`);
  const [slug] = readdirSync(join(out, 'articles'));
  return {
    out,
    article: fromHtml(readFileSync(join(out, 'articles', slug!, 'index.html'), 'utf8')),
    facts: JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8')),
  };
}

beforeAll(async () => {
  builds.satteri = await build('satteri');
  builds.unified = await build('unified');
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  rmSync(join(ROOT, 'tests/site/.tmp'), { recursive: true, force: true });
});

const boxesOf = (built: Built) => selectAll('[data-fact-box]', built.article).map((box) => toHtml(box));
const bodyOf = (built: Built) => toString(select('main', built.article) ?? built.article).replace(/\s+/g, ' ').trim();

describe('the demo article on Sätteri and on unified', () => {
  test('should render the same boxes, byte for byte', () => {
    const satteri = boxesOf(builds.satteri!);
    expect(satteri.length).toBeGreaterThan(10);
    expect(satteri).toEqual(boxesOf(builds.unified!));
  });

  test('should give the same records in /facts.json', () => {
    expect(builds.satteri!.facts).toEqual(builds.unified!.facts);
  });

  test('should give the same article text', () => {
    expect(bodyOf(builds.satteri!)).toBe(bodyOf(builds.unified!));
  });
});
