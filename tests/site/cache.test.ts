/**
 * Astro's content layer keeps rendered entries between builds: with fact
 * boxes, a second build of unchanged `.md` entries must render none of them
 * again and give the same pages (records included), and a changed entry must
 * be rendered again alone. Built on both of Astro 7's Markdown processors.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astro, ROOT } from './astro-cli.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/sites/cached');

describe.each(['satteri', 'unified'] as const)('the content layer cache, on %s', (processor) => {
  test('should render unchanged entries once, and a changed entry again alone', async () => {
    // A copy of the fixture per processor: the test changes an entry.
    const site = join(ROOT, 'tests/fixtures/sites/.tmp', `cached-${processor}`);
    rmSync(site, { recursive: true, force: true });
    cpSync(FIXTURE, site, { recursive: true });
    const log = join(site, 'renders.log');
    const renders = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
    const page = () => readFileSync(join(site, `.tmp/${processor}/dist/index.html`), 'utf8');
    const build = async (env: Record<string, string> = {}) => {
      const run = await astro(['build', '--root', site], ROOT, { FACT_BOXES_PROCESSOR: processor, RENDERS_LOG: log, ...env });
      expect(run.code, run.output).toBe(0);
    };

    await build();
    expect(renders().map((path) => path.split('/').pop()).sort()).toEqual(['a-vow.md', 'b-toll.md', 'c-plain.md']);
    const first = page();
    expect(first.match(/data-fact-box="/g)).toHaveLength(2);
    expect(first).toContain('data-records="militia-vows-to-target-the-embassy"');
    expect(first).toContain('data-records="toll-of-the-strike"');
    expect(first).toContain('The statement came at 10:30, said re:Invent staff.');

    await build();
    expect(renders()).toHaveLength(3);
    expect(page()).toBe(first);

    appendFileSync(join(site, 'src/content/notes/b-toll.md'), '\nA second sentence.\n');
    await build();
    expect(renders().slice(3).map((path) => path.split('/').pop())).toEqual(['b-toll.md']);
    expect(page()).toContain('A second sentence.');
    expect(page()).toContain('data-records="toll-of-the-strike"');

    // Another option for fact-boxes in astro.config: every entry with boxes is rendered again with it.
    expect(page()).toContain('<h2 class="fact-box__title"');
    await build({ FACT_BOXES_HEADING_LEVEL: '3' });
    expect(renders().slice(4).map((path) => path.split('/').pop()).sort()).toEqual(['a-vow.md', 'b-toll.md', 'c-plain.md']);
    expect(page()).toContain('<h3 class="fact-box__title"');
    expect(page()).not.toContain('<h2 class="fact-box__title"');

    // `astro sync` renders a changed entry into the cache and ends without a build's hooks: the next build takes the
    // entry from the cache, and its records (kept by fact-boxes beside the cache) must be the new ones.
    const vow = join(site, 'src/content/notes/a-vow.md');
    writeFileSync(vow, readFileSync(vow, 'utf8').replace('Militia vows to target the embassy', 'Militia vows to strike the embassy'));
    const sync = await astro(['sync', '--root', site], ROOT, { FACT_BOXES_PROCESSOR: processor, RENDERS_LOG: log, FACT_BOXES_HEADING_LEVEL: '3' });
    expect(sync.code, sync.output).toBe(0);
    const rendered = renders().length;
    await build({ FACT_BOXES_HEADING_LEVEL: '3' });
    expect(renders()).toHaveLength(rendered);
    expect(page()).toContain('data-records="militia-vows-to-strike-the-embassy"');
  }, 360_000);
});
