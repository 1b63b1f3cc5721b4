/**
 * The records and entries' box HTML the integration keeps beside Astro's cache (src/astro/cache.ts): written when
 * they change, and not again by a build from the cache that changes nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { readStoreFile, STORE_FILE, StoredRecords, storeFileText } from '../../packages/fact-boxes/src/astro/cache.js';
import { keepEntryHtml, putRecords, siteStore } from '../../packages/fact-boxes/src/outputs/site-store.js';
import type { FactBoxRecord } from '../../packages/fact-boxes/src/boxes/define.js';

const record = (id: string) => ({ type: 'claim', id, title: id, attributes: {} }) as unknown as FactBoxRecord;

/** A site's root with two entries, and its cache folder. */
function site() {
  const root = mkdtempSync(join(tmpdir(), 'fact-boxes-stored-'));
  mkdirSync(join(root, 'src/content'), { recursive: true });
  for (const name of ['a.md', 'b.md']) writeFileSync(join(root, 'src/content', name), 'words\n');
  const cache = pathToFileURL(join(root, 'cache/'));
  return { root, cache, file: join(root, 'cache', STORE_FILE) };
}

/** The store on disk, as plain objects. */
function onDisk(file: string) {
  const stored = readStoreFile(readFileSync(file))!;
  return {
    key: stored.key,
    pages: Object.fromEntries([...stored.pages].map(([name, json]) => [name, JSON.parse(json) as unknown])),
    html: Object.fromEntries([...stored.html].map(([name, pieces]) => [name, Object.fromEntries(pieces)])),
  };
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
    expect(onDisk(paths.file)).toMatchObject({ key: 'k', pages: { 'src/content/a.md': [{ id: 'a' }] }, html: { 'src/content/a.md': { 'key-a': '<section>a</section>' } } });
    // The store is written to a new file put in its place: the same file (inode) afterwards is the one not written again.
    const inode = statSync(paths.file).ino;
    newProcess();
    const stored = new StoredRecords(paths.cache);
    expect(stored.load('k', paths.root)).toBe(true);
    stored.save('k');
    expect(statSync(paths.file).ino).toBe(inode);
    expect(readFileSync(paths.file, 'utf8')).toBe(written);
    rmSync(paths.root, { recursive: true, force: true });
  });

  test('should write the store when an entry changed, a file is gone, or the key is another', () => {
    const paths = site();
    firstBuild(paths);
    const written = readFileSync(paths.file, 'utf8');
    const reload = (key = 'k') => {
      newProcess();
      writeFileSync(paths.file, written);
      const stored = new StoredRecords(paths.cache);
      return { stored, loaded: stored.load(key, paths.root) };
    };
    // An entry rendered again with other records: the change is saved (as the integration does, `saveSoon`).
    let { stored } = reload();
    putRecords(siteStore(), 'src/content/b.md', [record('b2')]);
    stored.saveSoon('k');
    stored.save('k');
    expect(onDisk(paths.file).pages['src/content/b.md']).toEqual([record('b2')]);
    // A file deleted since: the store without it.
    rmSync(join(paths.root, 'src/content/b.md'));
    ({ stored } = reload());
    stored.save('k');
    expect(Object.keys(onDisk(paths.file).pages)).toEqual(['src/content/a.md']);
    // Entities changed (another key): nothing loaded, and the store of this run written.
    const other = reload('other');
    expect(other.loaded).toBe(false);
    other.stored.save('other');
    expect(onDisk(paths.file)).toEqual({ key: 'other', pages: {}, html: {} });
    rmSync(paths.root, { recursive: true, force: true });
  });
});

describe('the store’s file', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '\n', '"', '\\', '<p>', 'é', '💥', '{', ']') });
  const store = fc.record({
    key: text,
    pages: fc.dictionary(text, text).map((pages) => new Map(Object.entries(pages))),
    html: fc.dictionary(text, fc.dictionary(text, text).map((pieces) => new Map(Object.entries(pieces)))).map((html) => new Map(Object.entries(html))),
  });

  test('should read back the store it was written from, whatever its text', () => {
    fc.assert(
      fc.property(store, (written) => {
        expect(readStoreFile(Buffer.from(storeFileText(written)))).toEqual(written);
      }),
    );
  });

  test('should read nothing from a file cut short, mixed from two, or of another form', () => {
    const file = storeFileText({ key: 'k', pages: new Map([['a.md', '[{"id":"a"}]']]), html: new Map([['a.md', new Map([['key', '<section>a</section>']])]]) });
    const read = (text: string) => readStoreFile(Buffer.from(text));
    expect(read(file)?.pages.get('a.md')).toBe('[{"id":"a"}]');
    expect(read(file.slice(0, -1))).toBeUndefined();
    expect(read(`${file}x`)).toBeUndefined();
    // Two stores mixed (two builds writing at once): the head of one, what follows it from the other.
    const other = storeFileText({ key: 'k', pages: new Map([['a.md', '[{"id":"ab"}]']]), html: new Map([['a.md', new Map([['key', '<section>a</section>']])]]) });
    expect(read(file.slice(0, file.indexOf('\n') + 1) + other.slice(other.indexOf('\n') + 1))).toBeUndefined();
    expect(read(file.slice(0, file.indexOf('\n')))).toBeUndefined();
    // The form before this one: one JSON object.
    expect(read('{"key":"k","pages":{"a.md":[{"id":"a"}]},"html":{}}')).toBeUndefined();
    expect(read(file.replace('"format":2', '"format":3'))).toBeUndefined();
  });
});
