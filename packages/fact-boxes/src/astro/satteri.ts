/** The Sätteri adapter as Astro runs it. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Features, PluginFactoryContext } from 'satteri';
import { createSatteriPlugin } from '../adapters/satteri-plugin.js';
import { prepassMdx, type PrepassedPage } from '../adapters/satteri-prepass.js';
import { prepassMarkdown, unglue } from '../adapters/satteri-prepass-md.js';
import { problemLine } from '../engine/errors.js';
import type { ResolvedOptions } from '../engine/options.js';
import { shiftOf } from '../engine/positions.js';
import { DocumentState } from '../engine/state.js';
import { mayHoldDirective } from '../engine/syntax.js';
import { forgetPageHtml, keepEntryHtml, keepPageHtml, siteStore } from '../outputs/site-store.js';
import { ENTRY_HTML_MARKER, keepBoxesOut } from './entry-html.js';
import { HTML_OF_PAGE, htmlEsm } from './page-html.js';
import { forget, remember } from './errors.js';
import { type AstroPluginSettings, isCollectionEntry, leaveOut, recordsFormOf, resolveForAstro, storeKeyOf, storeRecords } from './settings.js';
import { STYLESHEET_IMPORT, pageImportingStyles } from './styles.js';

/** Sätteri's processor as Astro runs it: its plugin list (which this plugin is put in) and its features. */
export interface SatteriPipeline {
  plugins: readonly unknown[];
  /** The features Astro parses documents with (its `gfm` and `smartypants`, then the processor's own). */
  features(): Features;
}

/**
 * The Sätteri adapter as Astro runs it: positions on file lines, records on
 * the frontmatter (the adapter does that), errors remembered for content
 * collections, warnings through Astro's logger. With the `pipeline` it is
 * put in, it knows the features Astro parses with, and reads boxes from their own text when it runs first.
 */
export function satteriPluginForAstro(settings: AstroPluginSettings, pipeline?: SatteriPipeline) {
  const resolved = resolveForAstro(settings);
  // Static parts of a box as one string each: `<Fragment set:html>` in MDX, raw HTML in Markdown.
  const forMdx: ResolvedOptions = { ...resolved, staticHtml: 'fragment' };
  const forMarkdown: ResolvedOptions = { ...resolved, staticHtml: 'raw' };
  const { pending } = settings;
  const factory = (document: PluginFactoryContext) => {
    if (!mayHoldDirective(document.source)) return leaveOutDocument(settings, document);
    const path = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
    const key = path ?? '<unknown file>';
    const records = recordsFormOf(settings, path);
    const stored = storeKeyOf(settings, path);
    // An MDX page imports the stylesheet from its own module, written by the plugin (see PageFiles.styled).
    const styledPage = pageImportingStyles(settings.styles, path, document.sourceFormat === 'mdx');
    const shift = shiftOf(path, document.source);
    const plugin = createSatteriPlugin(document.sourceFormat === 'mdx' ? forMdx : forMarkdown, document, {
      ...(shift ? { shift } : {}),
      records,
      storedAs: stored,
      // Thrown by the integration itself (see Pending).
      throwErrors: false,
      ...(styledPage !== undefined ? { esm: STYLESHEET_IMPORT } : {}),
      // The features Astro parses with; first in the list, no plugin has changed the tree, so a box's text says what its nodes are.
      ...(pipeline ? { features: pipeline.features(), ...(pipeline.plugins[0] === factory ? {} : { othersBefore: true }) } : {}),
      done: ({ records, problems, error }) => {
        if (styledPage !== undefined) settings.styles?.styled?.add(styledPage);
        storeRecords(settings, stored, records);
        if (error) remember(pending, key, error);
        else forget(pending, key);
        for (const problem of problems) {
          if (error && problem.severity !== 'warning') continue;
          settings.warn(problemLine(problem, path));
        }
      },
    });
    // Astro only logs what a content collection entry throws: remember any failure, ours or not, so the build still fails.
    const record = (error: unknown) => {
      if (!pending.errors.has(key)) remember(pending, key, error);
    };
    const guarded = plugin as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(guarded)) {
      if (typeof value !== 'function') continue;
      guarded[name] = function (this: unknown, ...args: unknown[]) {
        try {
          return (value as (...parameters: unknown[]) => unknown).apply(this, args);
        } catch (error) {
          record(error);
          throw error;
        }
      };
    }
    return plugin;
  };
  return factory;
}

/** Sätteri's document as `leaveOut` takes it: its file, and the frontmatter Astro reads back. */
function leaveOutDocument(settings: AstroPluginSettings, document: PluginFactoryContext, prepassed?: Prepassed): null {
  const astro = (document.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  const path = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
  // A Markdown page written beforehand: its records are handed on once its rendered page is checked.
  if (path !== undefined && prepassed?.rendersMarkdown(path)) return null;
  const page = path === undefined ? undefined : prepassed?.take(path);
  if (page && path !== undefined) finishPrepassed(settings, path, page, astro?.frontmatter);
  else leaveOut(settings, path, astro?.frontmatter);
  return null;
}

/**
 * The plugin's entry for documents rendered without the directive syntax (see `renderersWithoutDirectives`):
 * it leaves the plugin out of each, as of a document where no directive can be, and gives an MDX page whose
 * boxes were written into it beforehand (`Prepassed`) its records.
 */
export function satteriLeftOutForAstro(settings: AstroPluginSettings, prepassed?: Prepassed) {
  return (document: PluginFactoryContext) => leaveOutDocument(settings, document, prepassed);
}

/**
 * MDX pages whose boxes are written into their text before Sätteri reads them (adapters/satteri-prepass.ts),
 * when fact-boxes is the only Markdown plugin: the page is compiled by the renderer without the directive
 * syntax, and its records wait here, by file, for that renderer's entry (`satteriLeftOutForAstro`). Markdown
 * pages too (`markdown`), whose records are handed on once their rendered page is checked.
 */
export class Prepassed {
  /** Pages written, by file, with the key their boxes' HTML is kept under (none: it is in the page). */
  private readonly pages = new Map<string, { page: PrepassedPage; key: string | undefined }>();
  private readonly options: ResolvedOptions;
  private readonly markdownOptions: ResolvedOptions;
  /** Markdown pages written here and being rendered, by file. */
  private readonly markdownPages = new Set<string>();
  /**
   * Content collection entries keep their boxes' HTML out of Astro's content store (astro/entry-html.ts): set by
   * the integration in `astro build` on a site without an adapter whose store is one file, while Astro syncs its
   * content (until `astro:build:start`; Markdown rendered after that is compiled into a module).
   */
  entryHtmlOut = false;

  constructor(
    private readonly settings: AstroPluginSettings,
    private readonly features: () => Features,
  ) {
    const resolved = resolveForAstro(settings);
    this.options = { ...resolved, staticHtml: 'fragment' };
    this.markdownOptions = { ...resolved, staticHtml: 'raw' };
  }

  /**
   * The page's MDX with its boxes written in, and the ESM its compiled module ends with; `undefined`: the plugin
   * renders it. Where every page renders in this process, the static HTML of its boxes stays out of its module:
   * kept in the build's store, and asked for by the module when it renders.
   */
  rewrite(content: string, path: string, frontmatter: Record<string, unknown>): { text: string; esm?: string } | undefined {
    // A file whose text does not start at its first line (a collection entry's body): its places are the plugin's.
    if (shiftOf(path, content)) return undefined;
    const options = this.options;
    const locale = options.locales?.forDocument({ data: { astro: { frontmatter } }, source: content, path });
    const pieces: string[] | undefined = this.settings.rendersHere ? [] : undefined;
    const staticPart = pieces && ((html: string) => `<Fragment set:html={${HTML_OF_PAGE}(${pieces.push(html) - 1})} />`);
    const page = prepassMdx(content, this.features(), options, () => new DocumentState(content, options.headingLevel, locale, options), staticPart);
    if (!page) return undefined;
    // As the renderer's entry will know the file: from the URL Sätteri is handed (an absolute path, as written).
    const file = asFilePath(path);
    const key = pieces && pieces.length > 0 ? keepPageHtml(pieces, this.settings.recompiles ? file : undefined) : undefined;
    this.pages.set(file, { page, key });
    return key === undefined ? { text: page.text } : { text: page.text, esm: htmlEsm(key) };
  }

  /**
   * A Markdown page (or a content collection's entry) with its boxes written in (adapters/satteri-prepass-md.ts),
   * and `finish`, which takes the rendered page (`undefined`: it did not render): it gives the page's HTML and hands
   * its records and warnings on as the plugin's `done` does, or `undefined` when the page has to go through the
   * plugin after all. `undefined`: the plugin renders it.
   */
  markdown(content: string, path: string, frontmatter: Record<string, unknown>): { text: string; finish(html: string | undefined): string | undefined } | undefined {
    const options = this.markdownOptions;
    const locale = options.locales?.forDocument({ data: { astro: { frontmatter } }, source: content, path });
    // A collection entry's body, without its frontmatter: records and messages name the file's lines.
    const shift = shiftOf(path, content);
    const page = prepassMarkdown(content, this.features(), options, () => new DocumentState(content, options.headingLevel, locale, options), shift);
    if (!page) return undefined;
    // Its records and warnings are handed on here once it is rendered, not by the renderer's entry.
    this.markdownPages.add(path);
    return {
      text: page.text,
      finish: (html) => {
        this.markdownPages.delete(path);
        const glued = html === undefined ? undefined : unglue(html, page);
        if (glued === undefined) return undefined;
        finishPrepassed(this.settings, path, page, frontmatter);
        return this.withBoxesKeptOut(content, path, glued, page.html);
      },
    };
  }

  /**
   * A content collection entry's rendered page, with its boxes' HTML kept out of it where the site's pages all
   * render in this build (astro/entry-html.ts); any other page as it is.
   */
  private withBoxesKeptOut(content: string, path: string, html: string, boxes: readonly (readonly string[])[]): string {
    const settings = this.settings;
    const file = storeKeyOf(settings, path);
    if (!this.entryHtmlOut || file === undefined || settings.pagesDir === undefined || !isCollectionEntry(path, settings.pagesDir)) return html;
    // A page that holds a marker's text of its own keeps its HTML: only markers written here are filled.
    const out = content.includes(ENTRY_HTML_MARKER) ? undefined : keepBoxesOut(html, boxes);
    if (keepEntryHtml(siteStore(), file, out?.kept ?? new Map())) settings.recordsChanged?.();
    return out?.html ?? html;
  }

  /** Whether a Markdown page written here is being rendered: `finish` hands on its records, not the renderer's entry. */
  rendersMarkdown(path: string): boolean {
    return this.markdownPages.has(path);
  }

  /** A page's boxes, once: `undefined` when it was not written here. */
  take(path: string): PrepassedPage | undefined {
    const written = this.pages.get(path);
    this.pages.delete(path);
    return written?.page;
  }

  /** Forget a page that did not compile (the plugin renders it, and reports why). */
  drop(path: string): void {
    const file = asFilePath(path);
    const key = this.pages.get(file)?.key;
    if (key !== undefined) forgetPageHtml(key);
    this.pages.delete(file);
  }
}

/** A path as `fileURLToPath` gives it back from the URL the renderer makes of it. */
const asFilePath = (path: string) => fileURLToPath(pathToFileURL(path));

/** What the plugin's `done` does for a page, for one whose boxes were written into it: records, store, warnings. */
function finishPrepassed(settings: AstroPluginSettings, path: string, page: Pick<PrepassedPage, 'records' | 'problems'>, frontmatter: Record<string, unknown> | undefined): void {
  leaveOut(settings, path, frontmatter, page.records);
  for (const problem of page.problems) settings.warn(problemLine(problem, path));
}
