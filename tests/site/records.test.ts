/**
 * Site-wide facts (issue #16): `fact-boxes/astro/records` gives every page's
 * records and the boxes that name each entity to an endpoint, without
 * rendering any entry again, on both processors; and still does when Astro
 * takes unchanged entries from its content cache, or when the entities change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astro, ROOT } from './astro-cli.ts';

const SITE = join(ROOT, 'tests/fixtures/sites/entities');
const ENTITY = join(SITE, 'src/content/entities/kataib-hezbollah.yaml');
const PROCESSORS = ['satteri', 'unified'] as const;

interface Store {
  pages: { file: string; boxes: { id: string; entities: Record<string, string> | null }[] }[];
  mentions: Record<string, string[]>;
  entities: string[];
}

describe.each(PROCESSORS)('getAllFactBoxes() on %s', (processor) => {
  const out = join(SITE, `.tmp/${processor}/dist`);
  const build = async () => {
    const run = await astro(['build', '--root', SITE, '--outDir', out], ROOT, { FACT_BOXES_PROCESSOR: processor });
    expect(run.code, run.output).toBe(0);
    return JSON.parse(readFileSync(join(out, 'records.json'), 'utf8')) as Store;
  };

  test('should give every page’s records and each entity’s mentions, again from the cache, and anew when the entities change', async () => {
    rmSync(join(SITE, '.tmp', processor), { recursive: true, force: true });
    const first = await build();
    const expected: Store = {
      pages: [
        { file: 'src/content/notes/profile.md', boxes: [{ id: 'kataib-hezbollah', entities: { title: 'kataib-hezbollah' } }, { id: 'toll', entities: null }] },
        { file: 'src/content/notes/vow.md', boxes: [{ id: 'vow', entities: { by: 'kataib-hezbollah' } }] },
      ],
      mentions: { 'kataib-hezbollah': ['src/content/notes/profile.md#kataib-hezbollah', 'src/content/notes/vow.md#vow'] },
      entities: ['kataib-hezbollah'],
    };
    expect(first).toEqual(expected);
    const page = readFileSync(join(out, 'notes/vow/index.html'), 'utf8');
    expect(page).toContain('<a href="/actors/kataib-hezbollah/" class="fact-box__entity">KH</a>');

    // Unchanged entries come from Astro's content cache, without going through the processor: their records are kept.
    expect(await build()).toEqual(expected);

    // Another entity list: the cached entries are rendered again, with the new names.
    const original = readFileSync(ENTITY, 'utf8');
    try {
      writeFileSync(ENTITY, original.replace('aliases: [KH]', 'aliases: [Hezbollah Brigades]'));
      const changed = await build();
      expect(changed.pages[1]).toEqual({ file: 'src/content/notes/vow.md', boxes: [{ id: 'vow', entities: null }] });
      expect(changed.mentions).toEqual({ 'kataib-hezbollah': ['src/content/notes/profile.md#kataib-hezbollah'] });
      expect(readFileSync(join(out, 'notes/vow/index.html'), 'utf8')).not.toContain('fact-box__entity');
    } finally {
      writeFileSync(ENTITY, original);
    }
  });
});
