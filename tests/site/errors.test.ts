/**
 * Invalid boxes fail `astro build` like a compiler error: the file, the real
 * line and column in the .md/.mdx file (not the line in the body Astro
 * hands to the processor), what is wrong, and the fix. One small fixture
 * site per way Astro renders Markdown.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
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

async function build(root: string, processor: ProcessorName) {
  return astro(['build', '--root', root, '--outDir', join(root, `.tmp/${processor}/dist`)], ROOT, { FACT_BOXES_PROCESSOR: processor });
}

/**
 * A fresh copy of a fixture site for one processor. Builds of one site run
 * side by side on both processors, and Astro writes its data store under the
 * site's own `.astro/`, which no option moves: two builds in one folder race
 * on its files.
 */
function copySite(site: string, processor: ProcessorName): string {
  const parent = join(SITES, '.tmp', `errors-${processor}`);
  const root = join(parent, site);
  rmSync(root, { recursive: true, force: true });
  cpSync(join(SITES, site), root, { recursive: true, filter: (path) => !/[\\/]\.(tmp|astro)$/.test(path) });
  // The fixtures' configs import ../processor.mjs.
  cpSync(join(SITES, 'processor.mjs'), join(parent, 'processor.mjs'));
  return root;
}

describe.concurrent.each(PROCESSORS)('invalid fact boxes on %s', (processor) => {
  for (const item of CASES) {
    test(`should fail the build of ${item.name} with file:line:column and the fix`, async () => {
      const root = copySite(item.site, processor);
      const run = await build(root, processor);
      expect(run.code, run.output).not.toBe(0);
      const where = `${join(root, item.file)}:${item.line}:${item.column}`;
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
        const again = await build(root, processor);
        expect(again.code, again.output).not.toBe(0);
        expect(again.output).toContain(`${where}: `);
      }
    });
  }
});

describe.each(PROCESSORS)('onInvalid: warn on %s', (processor) => {
  test('should keep building and print every problem with file:line:column through Astro’s logger', async () => {
    const root = copySite('warn', processor);
    const run = await build(root, processor);
    expect(run.code, run.output).toBe(0);
    const file = join(root, 'src/pages/index.md');
    expect(run.output).toContain(`[WARN] [fact-boxes] ${file}:7:1: casualty: there is no box called "casualty"; did you mean "casualties"?`);
    expect(run.output).toContain(`[WARN] [fact-boxes] ${file}:10:32: casualties: "injured" must be a count`);
    expect(readFileSync(join(root, `.tmp/${processor}/dist/index.html`), 'utf8')).toContain('At 10:30 the figures came in.');
  });
});
