/**
 * The records and entries' box HTML the integration keeps beside Astro's cache (src/astro/cache.ts): written when
 * they change, and not again by a build from the cache that changes nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, test } from 'vitest';
import { StoredRecords } from '../../packages/fact-boxes/src/astro/cache.js';
import { keepEntryHtml, putRecords, siteStore } from '../../packages/fact-boxes/src/outputs/site-store.js';
import type { FactBoxRecord } from '../../packages/fact-boxes/src/boxes/define.js';

const record = (id: string) => ({ type: 'claim', id, title: id, attributes: {} }) as unknown as FactBoxRecord;

/** A site's root with two entries, and its cache folder. */
function site() {
  const root = mkdtempSync(join(tmpdir(), 'fact-boxes-stored-'));
  mkdirSync(join(root, 'src/content'), { recursive: true });
  for (const name of ['a.md', 'b.md']) writeFileSync(join(root, 'src/content', name), 'words\n');
  const cache = pathToFileURL(join(root, 'cache/'));
  return { root, cache, file: join(root, 'cache/fact-boxes/records.json') };
}

/** The store of a new process: what a run starts with. */
function newProcess() {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('fact-boxes.site-store.2')];
}

/** A first build: both entries rendered, their records and box HTML kept, the store written. */
function firstBuild({ root, cache }: ReturnType<typeof site>) {
  const stored = new StoredRecords(cache);
  expect(stored.load('k', root)).toBe(false);
  putRecords(siteStore(), 'src/content/a.md', [record('a')]);
  putRecords(siteStore(), 'src/content/b.md', [record('b')]);
  keepEntryHtml(siteStore(), 'src/content/a.md', new Map([['key-a', '<section>a</section>']]));
  stored.save('k');
}

describe('the store beside Astro’s cache', () => {
  beforeEach(newProcess);

  test('should not write the store again when a build from the cache changes nothing', () => {
    const paths = site();
    firstBuild(paths);
    const written = readFileSync(paths.file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ key: 'k', pages: { 'src/content/a.md': [{ id: 'a' }] }, html: { 'src/content/a.md': { 'key-a': '<section>a</section>' } } });
    // A mark the store would not write: it stays while nobody writes the file.
    writeFileSync(paths.file, `${written}\n`);
    newProcess();
    const stored = new StoredRecords(paths.cache);
    expect(stored.load('k', paths.root)).toBe(true);
    stored.save('k');
    expect(readFileSync(paths.file, 'utf8')).toBe(`${written}\n`);
    rmSync(paths.root, { recursive: true, force: true });
  });

  test('should write the store when an entry changed, a file is gone, or the key is another', () => {
    const paths = site();
    firstBuild(paths);
    const written = readFileSync(paths.file, 'utf8');
    const reload = (key = 'k') => {
      newProcess();
      writeFileSync(paths.file, `${written}\n`);
      const stored = new StoredRecords(paths.cache);
      return { stored, loaded: stored.load(key, paths.root) };
    };
    // An entry rendered again with other records: the change is saved (as the integration does, `saveSoon`).
    let { stored } = reload();
    putRecords(siteStore(), 'src/content/b.md', [record('b2')]);
    stored.saveSoon('k');
    stored.save('k');
    expect(JSON.parse(readFileSync(paths.file, 'utf8')).pages['src/content/b.md']).toEqual([record('b2')]);
    // A file deleted since: the store without it.
    rmSync(join(paths.root, 'src/content/b.md'));
    ({ stored } = reload());
    stored.save('k');
    expect(Object.keys(JSON.parse(readFileSync(paths.file, 'utf8')).pages)).toEqual(['src/content/a.md']);
    // Entities changed (another key): nothing loaded, and the store of this run written.
    const other = reload('other');
    expect(other.loaded).toBe(false);
    other.stored.save('other');
    expect(JSON.parse(readFileSync(paths.file, 'utf8'))).toEqual({ key: 'other', pages: {}, html: {} });
    rmSync(paths.root, { recursive: true, force: true });
  });
});
