/**
 * MDX pages in `src/pages`, built by the real Astro. On Sätteri, when fact-boxes is the only Markdown plugin, the
 * integration writes a page's boxes into its text, and on a site without an adapter keeps their HTML in the
 * build's store: the page's module asks for it when it renders. The pages must read as the plugin renders them
 * (a site with a Markdown plugin of its own) and as unified() renders them, the author's JSX and expressions
 * inside the boxes included.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, test } from 'vitest';
import { astro, ROOT } from './astro-cli.ts';

const SITE = join(ROOT, 'tests/fixtures/sites/mdx-pages');
const SETUPS = {
  // The integration writes the boxes in, their HTML kept out of the module.
  written: { FACT_BOXES_PROCESSOR: 'satteri', out: 'satteri' },
  // A Markdown plugin of the site's beside fact-boxes: the plugin renders every box.
  plugin: { FACT_BOXES_PROCESSOR: 'satteri', FACT_BOXES_SITE_PLUGIN: '1', out: 'satteri-site-plugin' },
  unified: { FACT_BOXES_PROCESSOR: 'unified', out: 'unified' },
} as const;
type Setup = keyof typeof SETUPS;

interface Built {
  page(name: string): string;
  /** What each `.mdx` module held when the bundler got it. */
  modules: { page: string; html: boolean; store: boolean }[];
}
const built: Partial<Record<Setup, Built>> = {};

async function build(setup: Setup): Promise<Built> {
  const { out, ...env } = SETUPS[setup];
  const log = join(SITE, '.tmp', `${out}-modules.log`);
  rmSync(join(SITE, '.tmp', out), { recursive: true, force: true });
  rmSync(log, { force: true });
  const run = await astro(['build', '--root', SITE], ROOT, { ...env, MODULES_LOG: log });
  if (run.code !== 0) throw new Error(`astro build (${setup}) failed (${run.code}):\n${run.output}`);
  return {
    page: (name) => readFileSync(join(SITE, '.tmp', out, 'dist', name, 'index.html'), 'utf8'),
    modules: existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Built['modules'][number]) : [],
  };
}

beforeAll(async () => {
  for (const setup of Object.keys(SETUPS) as Setup[]) built[setup] = await build(setup);
}, 240_000);

/** The page's boxes, as HTML; Sätteri makes `--` an en dash where remark-smartypants makes an em dash. */
const boxes = (html: string) => selectAll('[data-fact-box]', fromHtml(html)).map((box) => toHtml(box).replaceAll('—', '–'));

describe('MDX pages with boxes, written in by the integration', () => {
  test('keep their boxes\' HTML out of the module the bundler gets, on Sätteri where the integration writes them in, and on unified()', () => {
    expect(built.written!.modules).toContainEqual({ page: 'talks.mdx', html: false, store: true });
    // A box in a list: the plugin renders the page, and its boxes' HTML is in its module.
    expect(built.written!.modules).toContainEqual({ page: 'listed.mdx', html: true, store: false });
    expect(built.plugin!.modules.filter((module) => module.store)).toEqual([]);
    // unified() keeps them out of the module too, whether the page's boxes could be written in or not.
    expect(built.unified!.modules).toContainEqual({ page: 'talks.mdx', html: false, store: true });
    expect(built.unified!.modules).toContainEqual({ page: 'listed.mdx', html: false, store: true });
  });

  test.each(['talks', 'listed'])('%s reads as the plugin renders it, byte for byte, and as unified() renders it', (name) => {
    const html = built.written!.page(name);
    expect(html).toBe(built.plugin!.page(name));
    expect(boxes(html)).toEqual(boxes(built.unified!.page(name)));
  });

  test('keep the author\'s JSX and expressions inside a box, and every box of the page', () => {
    const page = boxes(built.written!.page('talks'));
    expect(page.map((box) => /data-fact-box="(\w+)"/.exec(box)?.[1])).toEqual(['claim', 'casualties', 'timeline', 'actor']);
    expect(page[0]).toContain('<span class="note" data-tone="quote">Said by the foreign minister on state TV.</span>');
    expect(page[0]).toContain('<strong>noon</strong>');
    expect(page[3]).toContain('said 2 sources');
  });
});
