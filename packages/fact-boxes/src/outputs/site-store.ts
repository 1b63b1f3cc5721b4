/**
 * The site-wide store the Astro integration fills as pages go through the
 * Markdown processor, read by `fact-boxes/astro/records`. Internal: the
 * public entry exports the getters and the types of what they give.
 */
import type { FactBoxRecord } from '../boxes/define.js';
import type { Entity } from '../entities/entity.js';

/** One page's records, with the file it comes from. */
export interface FactBoxPage {
  /** The Markdown or MDX file, relative to the project root, with `/` (as an Astro entry's `filePath`). */
  file: string;
  /** Its records, in document order. */
  records: FactBoxRecord[];
}

/** One box that names an entity. */
export interface EntityMention {
  /** The file the box is in (as `FactBoxPage.file`). */
  file: string;
  record: FactBoxRecord;
  /** The attributes that name the entity (`by`, `party`, `title`…). */
  attributes: string[];
}

/** What the integration shares with the build, on `globalThis`: one store per process, whichever copy of the package reads it. */
export interface SiteStore {
  /**
   * Each page's records as one JSON string. Strings a plugin reads from a
   * document are often slices of its whole source, and a record holding one
   * keeps that source alive for the rest of the build (bench/profile.md).
   */
  pages: Map<string, string>;
  /** Records read back, by file: each stored string is parsed once. */
  read?: Map<string, { json: string; records: FactBoxRecord[] }>;
  entities: Entity[];
  /** Changes when a page's records change, so derived indexes are rebuilt only then. */
  version: number;
  byEntity?: { version: number; mentions: Map<string, EntityMention[]> };
  /** The static HTML of compiled pages' boxes, kept out of their modules (`keepPageHtml`). */
  html?: PageHtml;
  /** The static HTML of content collection entries' boxes, kept out of Astro's content store (`keepEntryHtml`). */
  entryHtml?: EntryHtml;
}

/** Entries' box HTML: each piece by its key (a digest of it), and the keys of each entry's file. */
interface EntryHtml {
  pieces: Map<string, string>;
  files: Map<string, readonly string[]>;
  /** Keys a store's module asked for and did not find (the build fails at its end). */
  missing?: Set<string>;
}

/** Pages' box HTML by key: a prefix of this process's own, then a number for each compiled page. */
interface PageHtml {
  prefix: string;
  next: number;
  pages: Map<string, readonly string[]>;
  /** The keys of each file's latest compiles, oldest first, where only those are kept (`keepPageHtml`). */
  latest?: Map<string, string[]>;
}

/**
 * How many compiles of one file keep their HTML where a file is compiled again as it changes (`astro dev`): the
 * latest, and the one before it, which a render that began before the change may still ask for.
 */
export const KEPT_COMPILES = 2;

// Versioned: a copy of the package with another shape of store keeps its own.
const KEY = Symbol.for('fact-boxes.site-store.2');

/** Each page's records as JSON, written once for the frontmatter and the site-wide store alike. */
const written = new WeakMap<readonly FactBoxRecord[], string>();

/**
 * A page's records as one JSON string (remembered for the same array, which
 * the integration puts on the frontmatter and in its store).
 */
export function recordsJson(records: readonly FactBoxRecord[]): string {
  let json = written.get(records);
  if (json === undefined) written.set(records, (json = JSON.stringify(records)));
  return json;
}

/** The store of this process (created empty when the integration has not run). */
export function siteStore(): SiteStore {
  const holder = globalThis as { [KEY]?: SiteStore };
  return (holder[KEY] ??= { pages: new Map(), entities: [], version: 0 });
}

/**
 * Keep a page's records (none: forget the page, unless it had some, which are
 * now none). Whether the store changed.
 */
export function putRecords(store: SiteStore, file: string, records: readonly FactBoxRecord[]): boolean {
  if (records.length === 0 && !store.pages.has(file)) return false;
  const json = recordsJson(records);
  if (store.pages.get(file) === json) return false;
  store.pages.set(file, json);
  store.version++;
  return true;
}

/** A page's records, as stored (`undefined` for a page with none). */
export function recordsOf(store: SiteStore, file: string): FactBoxRecord[] | undefined {
  const json = store.pages.get(file);
  if (json === undefined) return undefined;
  const read = (store.read ??= new Map());
  const known = read.get(file);
  if (known?.json === json) return known.records;
  const records = JSON.parse(json) as FactBoxRecord[];
  read.set(file, { json, records });
  return records;
}

/**
 * A page's records read from the store, as new objects on each call (a
 * layout that reads every page's records does not keep them all): what
 * `readFactBoxes()` gives for records the frontmatter holds as `{ file }`.
 */
export function storedRecords(file: string): FactBoxRecord[] {
  const json = siteStore().pages.get(file);
  if (json === undefined) {
    throw new Error(
      `fact-boxes: the records of ${file} are kept by the Astro build that compiled it (records: 'store'), and this process has none. ` +
        "Read them where the page renders at build time (its layout, getStaticPaths, an endpoint), or set factBoxes({ records: 'json' }) to put them on the frontmatter.",
    );
  }
  return JSON.parse(json) as FactBoxRecord[];
}

/**
 * Keep the static HTML of a compiled page's boxes, in order; the key its module asks for them with
 * (`factBoxHtml(key, index)`). A module compiled in another process asks with another key, and gets none.
 * `replacing`: the page's file, where each change compiles it again (`astro dev`): the HTML of its older compiles
 * is dropped, all but the last `KEPT_COMPILES`, so a long session does not keep every version of every page.
 * Without it (`astro build`, which compiles each module once) the HTML stays until the process ends.
 */
export function keepPageHtml(pieces: readonly string[], replacing?: string): string {
  const html: PageHtml = (siteStore().html ??= { prefix: Math.random().toString(36).slice(2, 8), next: 0, pages: new Map() });
  const key = `${html.prefix}.${html.next++}`;
  html.pages.set(key, pieces);
  if (replacing !== undefined) {
    const keys = (html.latest ??= new Map()).get(replacing) ?? [];
    keys.push(key);
    while (keys.length > KEPT_COMPILES) html.pages.delete(keys.shift()!);
    html.latest.set(replacing, keys);
  }
  return key;
}

/** Forget a page's box HTML (its module was not used). */
export function forgetPageHtml(key: string): void {
  siteStore().html?.pages.delete(key);
}

/** One piece of a page's box HTML, or `undefined` when this process has none under `key`. */
export function pageHtml(key: string, index: number): string | undefined {
  return siteStore().html?.pages.get(key)?.[index];
}

function entryHtmlOf(store: SiteStore): EntryHtml {
  return (store.entryHtml ??= { pieces: new Map(), files: new Map() });
}

/**
 * Keep the static HTML of a content collection entry's boxes, each piece under its key (none: the entry has none
 * kept out). Whether the file's keys changed, so the store on disk is to be written again.
 */
export function keepEntryHtml(store: SiteStore, file: string, pieces: ReadonlyMap<string, string>): boolean {
  const html = entryHtmlOf(store);
  for (const [key, piece] of pieces) html.pieces.set(key, piece);
  const keys = [...pieces.keys()];
  const before = html.files.get(file);
  if (before === undefined ? keys.length === 0 : before.length === keys.length && before.every((key, index) => key === keys[index])) return false;
  if (keys.length === 0) html.files.delete(file);
  else html.files.set(file, keys);
  return true;
}

/** One piece of an entry's box HTML by its key, or `undefined` when this process has none. */
export function entryHtml(key: string): string | undefined {
  return siteStore().entryHtml?.pieces.get(key);
}

/** Note a key that a store's module asked for and did not find. */
export function missingEntryHtml(key: string): void {
  (entryHtmlOf(siteStore()).missing ??= new Set()).add(key);
}

/** Each file's kept pieces, by key: what the store on disk holds for the next run. */
export function entryHtmlByFile(store: SiteStore): Map<string, Map<string, string>> {
  const byFile = new Map<string, Map<string, string>>();
  const pieces = store.entryHtml?.pieces;
  for (const [file, keys] of store.entryHtml?.files ?? []) {
    const kept = new Map<string, string>();
    for (const key of keys) {
      const piece = pieces?.get(key);
      if (piece !== undefined) kept.set(key, piece);
    }
    byFile.set(file, kept);
  }
  return byFile;
}
