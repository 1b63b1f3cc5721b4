/**
 * What the integration keeps in Astro's cache folder between runs: the
 * files that failed (so their cached entries are rendered again) and the
 * site-wide records.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** The store's file in Astro's cache folder. */
export const STORE_FILE = 'fact-boxes/store.txt';
/** The form of that file (`storeFileText`): another form is not read, and the next build renders every entry again. */
const FORMAT = 2;

/** What the store's file holds: each page's records as JSON, and each entry's box HTML by key. */
export interface StoreFile {
  key: string;
  pages: ReadonlyMap<string, string>;
  html: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

type Span = [start: number, end: number];
interface StoreFileHead {
  format: number;
  key: string;
  /** The bytes after the head's line: a file cut short, or mixed from two, is not read. */
  bytes: number;
  pages: Record<string, Span>;
  html: Record<string, Record<string, Span>>;
}

/**
 * The store as the text of its file: a line of JSON (the form, the key, and where each page's records and each
 * piece of HTML are in the rest, in bytes), then the records' JSON and the pieces one after another, as they are.
 * Nothing in the rest is escaped or parsed: at 6,000 `.md` entries the pieces are some 50 MB of HTML, which JSON
 * escaped on every save and parsed again, with the records, on every build from Astro's cache.
 */
export function storeFileText(store: StoreFile): string {
  const parts: string[] = [];
  let at = 0;
  const place = (text: string): Span => {
    const bytes = Buffer.byteLength(text);
    parts.push(text);
    at += bytes;
    return [at - bytes, at];
  };
  const head: StoreFileHead = { format: FORMAT, key: store.key, bytes: 0, pages: {}, html: {} };
  for (const [file, json] of store.pages) head.pages[file] = place(json);
  for (const [file, pieces] of store.html) {
    const spans: Record<string, Span> = (head.html[file] = {});
    for (const [key, piece] of pieces) spans[key] = place(piece);
  }
  head.bytes = at;
  return `${JSON.stringify(head)}\n${parts.join('')}`;
}

/**
 * The store in its file's bytes; `undefined` when they are of another form, or cut short. Each string is read
 * from the bytes on its own: none keeps the whole file alive, as a slice of its text would.
 */
export function readStoreFile(bytes: Buffer): StoreFile | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline === -1) return undefined;
  const head = JSON.parse(bytes.toString('utf8', 0, newline)) as Partial<StoreFileHead>;
  if (head.format !== FORMAT || typeof head.key !== 'string' || typeof head.pages !== 'object' || head.pages === null || typeof head.html !== 'object' || head.html === null) return undefined;
  const body = newline + 1;
  const length = bytes.length - body;
  if (head.bytes !== length) return undefined;
  const valid = (span: unknown): span is Span => Array.isArray(span) && Number.isInteger(span[0]) && Number.isInteger(span[1]) && 0 <= span[0] && span[0] <= span[1] && span[1] <= length;
  const read = (span: unknown): string | undefined => (valid(span) ? bytes.toString('utf8', body + span[0], body + span[1]) : undefined);
  const pages = new Map<string, string>();
  for (const [file, span] of Object.entries(head.pages)) {
    const json = read(span);
    if (json === undefined) return undefined;
    pages.set(file, json);
  }
  const html = new Map<string, Map<string, string>>();
  for (const [file, spans] of Object.entries(head.html)) {
    const pieces = new Map<string, string>();
    for (const [key, span] of Object.entries(spans ?? {})) {
      const piece = read(span);
      if (piece === undefined) return undefined;
      pieces.set(key, piece);
    }
    html.set(file, pieces);
  }
  return { key: head.key, pages, html };
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
    this.file = fileURLToPath(new URL(STORE_FILE, cacheDir));
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
    let stored: StoreFile | undefined;
    try {
      stored = readStoreFile(readFileSync(this.file));
    } catch {
      return false;
    }
    if (stored?.key !== key) return false;
    // The store is then the file, unless the store already had a file's records (a dev server's config reloaded) or
    // a file is gone.
    let same = store.pages.size === 0 && (store.entryHtml?.files.size ?? 0) === 0;
    for (const [file, json] of stored.pages) {
      // A file deleted since has no page.
      if (!store.pages.has(file) && existsSync(resolve(root, file))) store.pages.set(file, json);
      else same = false;
    }
    // The box HTML that cached entries ask for (astro/entry-html.ts).
    for (const [file, pieces] of stored.html) {
      if (!store.entryHtml?.files.has(file) && existsSync(resolve(root, file))) keepEntryHtml(store, file, pieces);
      else same = false;
    }
    store.version++;
    this.changed = !same;
    return true;
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
      const store = siteStore();
      // Written whole, then put in place: a build beside another (or a dev server) reads one store or the other.
      const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      try {
        writeFileSync(temporary, storeFileText({ key, pages: store.pages, html: entryHtmlByFile(store) }));
        renameSync(temporary, this.file);
      } finally {
        rmSync(temporary, { force: true });
      }
      this.changed = false;
    } catch {
      // Without it the next run drops Astro's content cache and renders every entry again.
    }
  }
}
