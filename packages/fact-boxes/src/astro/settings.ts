/**
 * What both processor wrappers share: the integration's settings, the
 * options resolved with the page languages of i18n routing, and the
 * site-wide store of records.
 */
import { relative, sep } from 'node:path';
import type { FactBoxRecord } from '../boxes/define.js';
import { type FactBoxesOptions, type ResolvedOptions, resolveOptions } from '../engine/options.js';
import { type FrontmatterRecords, recordsForFrontmatter } from '../outputs/records.js';
import { type Pending, forget } from './errors.js';
import { putRecords, siteStore } from '../outputs/site-store.js';
import { type PageFiles, pageImportingStyles, slashes } from './styles.js';

/** What the integration hands its processor wrappers: the options, the errors pending, and how to warn. */
export interface AstroPluginSettings {
  options: FactBoxesOptions;
  pending: Pending;
  /** Astro never prints vfile messages: warnings (and errors under `onInvalid: 'warn'`) go through its logger. */
  warn: (message: string) => void;
  /** The `records` option; `undefined`: chosen per file (`recordsFormOf`). */
  records: FrontmatterRecords | undefined;
  /** The site's pages folder (`src/pages/`), as a path: Markdown there is compiled into a page module. */
  pagesDir?: string;
  /** A page's language from its path, under the site's i18n routing. */
  pathLanguage?: (path: string) => string | undefined;
  /** The project root, as a path: the store keys files by their path from it. */
  root?: string;
  /** The pages that get the stylesheet (`injectStyles`): MDX pages import it from their own module. */
  styles?: PageFiles;
  /**
   * Every page renders in this process, which fills the store: the site has
   * no adapter (set when Astro's config is done). With one, pages may render
   * elsewhere (a server, an adapter's own runtime) and need their records with them.
   */
  rendersHere?: boolean;
  /**
   * Pages are compiled again as their files change (`astro dev`): the box HTML kept for a file's older compiles
   * is dropped (`keepPageHtml`).
   */
  recompiles?: boolean;
  /** Called when a file's records (or entry HTML) in the store change (the integration keeps the store on disk for the next run). */
  recordsChanged?: () => void;
  /**
   * Markdown pages on unified keep raw HTML (Astro's pipeline, unless the site turned `allowDangerousHtml` off):
   * a box's static parts go in as HTML, so its title is a heading in the page that Astro's heading collector
   * (`getHeadings()`, Starlight's table of contents) leaves out, as on Sätteri and in MDX.
   */
  rawHtml?: boolean;
}

/**
 * How a file's records go on its frontmatter. By default, when every page
 * renders in this process (no adapter), the file's place in the store: the
 * records stay out of the page modules the bundler keeps, and out of the
 * content layer's store, which keeps every entry in memory, serialises it
 * and reuses it in the next build (the integration keeps its own store on
 * disk for that build: `StoredRecords`). With an adapter, where pages may
 * render in another process, the records go with the file: one JSON string
 * where the frontmatter is compiled into a module (every MDX file, Markdown
 * pages), an array on the entries of content collections, which the content
 * layer stores rather than compiles (bench/profile.md).
 */
export function recordsFormOf(settings: AstroPluginSettings, path: string | undefined): FrontmatterRecords {
  return recordsOfEveryFile(settings) ?? (path !== undefined && settings.pagesDir !== undefined && isCollectionEntry(path, settings.pagesDir) ? 'objects' : 'json');
}

/** The form every file's records take (the option, or the store when pages render here); `undefined`: each file's kind decides. */
export function recordsOfEveryFile(settings: AstroPluginSettings): FrontmatterRecords | undefined {
  if (settings.records !== undefined) return settings.records;
  return settings.rendersHere ? 'store' : undefined;
}

/**
 * Whether a file is a Markdown entry of a content collection, which the
 * content layer renders and stores, rather than a module Vite compiles
 * (every MDX file, and Markdown pages in the pages folder).
 */
export function isCollectionEntry(path: string, pagesDir: string): boolean {
  const file = slashes(path);
  return !file.endsWith('.mdx') && !file.startsWith(slashes(pagesDir));
}

/** The file the store keeps a page's records under: its path from the project root (`undefined` outside it). */
export function storeKeyOf(settings: AstroPluginSettings, path: string | undefined): string | undefined {
  if (!path || !settings.root) return undefined;
  const file = relative(settings.root, path).split(sep).join('/');
  return file.startsWith('..') ? undefined : file;
}

/** Put a file's records in the site-wide store (`fact-boxes/astro/records`), under its `storeKeyOf` (none: not kept). */
export function storeRecords(settings: AstroPluginSettings, file: string | undefined, records: readonly FactBoxRecord[]): void {
  if (file !== undefined && putRecords(siteStore(), file, records)) settings.recordsChanged?.();
}

/** Resolved options, with the page languages of the site's i18n routing. */
export function resolveForAstro(settings: AstroPluginSettings): ResolvedOptions {
  const resolved = resolveOptions(settings.options);
  return settings.pathLanguage ? { ...resolved, locales: resolved.locales.withPathLanguage(settings.pathLanguage) } : resolved;
}

/**
 * A file fact-boxes' plugin does not run on (no directive can be in it, or it is rendered without the
 * directive syntax; `records`: those of boxes written into it beforehand): layouts still find its list of
 * records on `frontmatter`, the store holds that list, a failure it had is over, and its module does not
 * import the stylesheet itself (a page gets it from the integration).
 */
export function leaveOut(settings: AstroPluginSettings, path: string | undefined, frontmatter: Record<string, unknown> | undefined, records: FactBoxRecord[] = []): void {
  pageImportingStyles(settings.styles, path, false);
  const stored = storeKeyOf(settings, path);
  const value = recordsForFrontmatter(records, recordsFormOf(settings, path), stored);
  if (frontmatter && value !== undefined) frontmatter.factBoxes = value;
  forget(settings.pending, path ?? '<unknown file>');
  storeRecords(settings, stored, records);
}
