/**
 * Invalid boxes fail `astro build` like a compiler error: the file, the real
 * line and column in the .md/.mdx file (not the line in the body Astro
 * hands to the processor), what is wrong, and the fix. One small fixture
 * site per way Astro renders Markdown.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astro, ROOT } from './astro-cli.ts';

const SITES = join(ROOT, 'tests/fixtures/sites');

interface Case {
  name: string;
  site: string;
  file: string;
  line: number;
  column: number;
  reason: string;
  fix: string;
}

const CASES: Case[] = [
  {
    name: 'a .md content collection entry (Astro only logs its render errors)',
    site: 'invalid',
    file: 'src/content/notes/toll.md',
    line: 9,
    column: 29,
    reason: '"injured" must be a count like 24',
    fix: 'Fix: write it like injured="24"',
  },
  {
    name: 'an .mdx content collection entry',
    site: 'invalid-mdx',
    file: 'src/content/notes/claim.mdx',
    line: 9,
    column: 65,
    reason: 'unknown attribute "stauts"; did you mean "status"?',
    fix: 'Fix: write status="confirmed"',
  },
  {
    name: 'a .md page',
    site: 'invalid-page',
    file: 'src/pages/index.md',
    line: 7,
    column: 1,
    reason: '"source" is required',
    fix: 'Fix: add source="…"',
  },
];

const PROCESSORS = ['satteri', 'unified'] as const;
type ProcessorName = (typeof PROCESSORS)[number];

async function build(site: string, processor: ProcessorName) {
  const root = join(SITES, site);
  return astro(['build', '--root', root, '--outDir', join(root, `.tmp/${processor}/dist`)], ROOT, { FACT_BOXES_PROCESSOR: processor });
}

describe.concurrent.each(PROCESSORS)('invalid fact boxes on %s', (processor) => {
  for (const item of CASES) {
    test(`should fail the build of ${item.name} with file:line:column and the fix`, async () => {
      rmSync(join(SITES, item.site, '.tmp', processor), { recursive: true, force: true });
      const run = await build(item.site, processor);
      expect(run.code, run.output).not.toBe(0);
      const where = `${join(SITES, item.site, item.file)}:${item.line}:${item.column}`;
      expect(run.output).toContain(`${where}: `);
      expect(run.output).toContain(item.reason);
      expect(run.output).toContain(item.fix);
      // The place once: no "Location:" of Astro's repeating it, no log of the renderer's before the error.
      expect(run.output.split(where).length - 1, run.output).toBe(1);
      expect(run.output).not.toContain('Location:');
      expect(run.output).not.toContain('Failed to parse Markdown file');
      expect(run.output).not.toContain('Stack trace:');
      if (item.site === 'invalid') {
        // Astro caches collection entries by content; the broken one must not slip through on the next build.
        const again = await build(item.site, processor);
        expect(again.code, again.output).not.toBe(0);
        expect(again.output).toContain(`${where}: `);
      }
    });
  }
});

describe.each(PROCESSORS)('onInvalid: warn on %s', (processor) => {
  test('should keep building and print every problem with file:line:column through Astro’s logger', async () => {
    rmSync(join(SITES, 'warn', '.tmp', processor), { recursive: true, force: true });
    const run = await build('warn', processor);
    expect(run.code, run.output).toBe(0);
    const file = join(SITES, 'warn/src/pages/index.md');
    expect(run.output).toContain(`[WARN] [fact-boxes] ${file}:7:1: casualty: there is no box called "casualty"; did you mean "casualties"?`);
    expect(run.output).toContain(`[WARN] [fact-boxes] ${file}:10:32: casualties: "injured" must be a count`);
    expect(readFileSync(join(SITES, `warn/.tmp/${processor}/dist/index.html`), 'utf8')).toContain('At 10:30 the figures came in.');
  });
});
