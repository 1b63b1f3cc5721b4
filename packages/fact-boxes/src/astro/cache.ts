/**
 * What the integration keeps in Astro's cache folder between runs: the
 * files that failed (so their cached entries are rendered again) and the
 * site-wide records.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FactBoxRecord } from '../boxes/define.js';
import { entryHtmlByFile, keepEntryHtml, siteStore } from '../outputs/site-store.js';

/**
 * Content collection entries are cached by content digest, in `.astro/` (dev)
 * and the cache directory (build): an entry whose render failed would be
 * skipped, its error forgotten and its page built empty on the next run. So
 * failing files are written down, and the next run that finds the note drops
 * the cache before the content is loaded, which renders (and reports) them again.
 */
export class FailureNote {
  private readonly file: string;
  private readonly caches: readonly URL[];

  constructor(cacheDir: URL, root: URL) {
    this.file = fileURLToPath(new URL('fact-boxes/failed-files.json', cacheDir));
    this.caches = [cacheDir, new URL('.astro/', root)];
  }

  /** At startup: drop the cached content if the last run left failures. */
  forgetCacheIfFailed(): void {
    if (!existsSync(this.file)) return;
    this.forgetCache();
    rmSync(this.file, { force: true });
  }

  /**
   * Drop Astro's cached content, so every entry is rendered again: the caches of
   * both `astro build` (the cache directory) and `astro dev` (`.astro/`), or of one.
   */
  forgetCache(command?: string): void {
    const caches = command === undefined ? this.caches : [this.caches[command === 'dev' ? 1 : 0]!];
    for (const directory of caches) {
      for (const name of ['data-store.json', 'data-store/']) rmSync(fileURLToPath(new URL(name, directory)), { recursive: true, force: true });
    }
  }

  write(files: readonly string[]): void {
    try {
      if (files.length === 0) {
        rmSync(this.file, { force: true });
        return;
      }
      mkdirSync(fileURLToPath(new URL('.', pathToFileURL(this.file))), { recursive: true });
      writeFileSync(this.file, `${JSON.stringify(files, null, 2)}\n`);
    } catch {
      // Without the note the next run may reuse a cached failure; the build itself still fails now.
    }
  }
}

/** How long after the last change of the store it is saved (Astro's content store: 500 ms). */
const SAVE_DELAY_MS = 100;

/**
 * The site-wide records (`fact-boxes/astro/records`) between runs, and the
 * box HTML that collection entries keep out of Astro's store. Astro
 * takes unchanged content collection entries from its cache without running
 * the Markdown processor, so their records are kept in the cache folder too,
 * under a key of the entities (their links and ids are in the records). With
 * no stored records, or another key, Astro's content cache is dropped, so
 * every entry goes through fact-boxes and the store is whole.
 */
export class StoredRecords {
  private readonly file: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onExit: (() => void) | undefined;
  /**
   * Whether the store differs from the file: a build from Astro's cache that changes nothing does not write it
   * again (at 6,000 entries it is some 80 MB, made into one string at the end of the build).
   */
  private changed = true;

  constructor(cacheDir: URL) {
    this.file = fileURLToPath(new URL('fact-boxes/records.json', cacheDir));
  }

  /**
   * Save a moment after the last change. Astro writes its content store half a
   * second after its own last change, and its cached entries hold only their
   * file's place in this store: saved first, the records on disk are as new as
   * the entries that point at them, even when the run ends without its done
   * hook (a build that fails, a dev server killed, `astro sync`).
   */
  saveSoon(key: string): void {
    this.changed = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(key), SAVE_DELAY_MS);
    // A command that ends with process.exit() (`astro sync`) never fires the timer: save on the way out.
    if (!this.onExit) process.once('exit', (this.onExit = () => this.save(key)));
  }

  /** Fill the store from the last run; `false` when there was nothing usable for this key. */
  load(key: string, root: string): boolean {
    const store = siteStore();
    this.changed = true;
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { key?: string; pages?: Record<string, FactBoxRecord[]>; html?: Record<string, Record<string, string>> };
      if (stored.key !== key || typeof stored.pages !== 'object' || stored.pages === null) return false;
      // The store is then the file, unless the store already had a file's records (a dev server's config reloaded) or
      // a file is gone.
      let same = store.pages.size === 0 && (store.entryHtml?.files.size ?? 0) === 0;
      for (const [file, records] of Object.entries(stored.pages)) {
        // A file deleted since has no page.
        if (!store.pages.has(file) && existsSync(resolve(root, file))) store.pages.set(file, JSON.stringify(records));
        else same = false;
      }
      // The box HTML that cached entries ask for (astro/entry-html.ts).
      for (const [file, pieces] of Object.entries(stored.html ?? {})) {
        if (!store.entryHtml?.files.has(file) && existsSync(resolve(root, file))) keepEntryHtml(store, file, new Map(Object.entries(pieces)));
        else same = false;
      }
      store.version++;
      this.changed = !same;
      return true;
    } catch {
      return false;
    }
  }

  /** Write the store, if it changed since it was loaded or last written. */
  save(key: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.onExit) process.removeListener('exit', this.onExit);
    this.onExit = undefined;
    if (!this.changed) return;
    try {
      mkdirSync(fileURLToPath(new URL('.', pathToFileURL(this.file))), { recursive: true });
      // The pages are JSON already: written as they are, not parsed and written again.
      const store = siteStore();
      const pages = [...store.pages].map(([file, json]) => `${JSON.stringify(file)}:${json}`);
      const html = JSON.stringify(Object.fromEntries(entryHtmlByFile(store)));
      writeFileSync(this.file, `{"key":${JSON.stringify(key)},"pages":{${pages.join(',')}},"html":${html}}`);
      this.changed = false;
    } catch {
      // Without it the next run drops Astro's content cache and renders every entry again.
    }
  }
}
