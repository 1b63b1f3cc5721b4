/**
 * The Astro integration: one line in `astro.config.mjs` gives `.md` and `.mdx`
 * pages and content collections fact boxes, the default theme, and the
 * records on each page's frontmatter as `factBoxes`.
 *
 * It finds the Markdown processor the site uses: on Astro 7's default,
 * Sätteri, it adds the Sätteri adapter and switches on the `directive`
 * feature; on `unified()` from `@astrojs/markdown-remark` it adds the remark
 * plugin; on Astro 6 it adds the remark plugin to `markdown.remarkPlugins`.
 * Astro 6 and 7 are supported (`peerDependencies`), each built in the suite.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as z from 'zod';
import type { FactBoxRecord } from '../boxes/define.js';
import { FactBoxesError } from '../engine/errors.js';
import { type FactBoxesOptions, INTEGRATION_OPTIONS, resolveOptions } from '../engine/options.js';
import type { Entity, EntityInput } from '../entities/entity.js';
import { readEntityFiles } from './entity-files.js';
import type { FrontmatterRecords } from '../outputs/records.js';
import { FailureNote, StoredRecords } from './cache.js';
import { contentStoreInPieces } from './content-store.js';
import { missingEntryHtmlError } from './entry-html.js';
import { type Pending, forBuild, throwFileErrors } from './errors.js';
import { pathLanguageOf } from './languages.js';
import { astroMajor, isRemarkDirectiveEntry, isSatteriProcessor, isUnifiedProcessor, placeBeforeRestoration } from './plugins.js';
import { remarkLeftOutFor, remarkPluginsFor } from './remark.js';
import { type SatteriOptions, type UnifiedOptions, renderersWithoutDirectives, satteriWithoutSyntax, sitesSatteri, sitesUnified, unifiedWithoutSyntax } from './renderers.js';
import { Prepassed, satteriLeftOutForAstro, satteriPluginForAstro } from './satteri.js';
import { isCollectionEntry, recordsOfEveryFile, type AstroPluginSettings } from './settings.js';
import { siteStore } from '../outputs/site-store.js';
import { type PageFiles, entryPointPath, mdxPageImport, slashes, stylesOnEveryPage } from './styles.js';

/** Options of the Astro integration. */
export interface AstroFactBoxesOptions extends Omit<FactBoxesOptions, 'development' | 'entities'> {
  /**
   * The site's actors (see `entitySchema`): entity objects, or the path
   * (from the project root) of a folder of YAML/JSON files, one entity each,
   * or of one file listing them. Default: the folder `content/entities/` in
   * `srcDir`, when there is one (where an Astro data collection of them lives).
   * `false`: none. Read when the config loads; under `astro dev` a change
   * to a file restarts the server.
   */
  entities?: readonly EntityInput[] | string | false;
  /**
   * Add `fact-boxes/styles.css` to every page. Default `true`; set `false` to
   * style the boxes yourself (the HTML and class names stay the same).
   */
  injectStyles?: boolean;
  /**
   * Show each invalid box's problems inside it. Default: on under `astro dev`,
   * off for `astro build`.
   */
  development?: boolean;
  /**
   * How each page's records go on its frontmatter as `factBoxes` (read them
   * with `readFactBoxes()`, which takes every form): `'json'` one JSON
   * string; `'objects'` an array; `'store'` the page's file, its records
   * kept by the build and read from there; `false` none. Default, in what is
   * compiled into a module (MDX files, Markdown pages): `'store'` on a site
   * without an adapter, where every page renders in the build's process, and
   * one JSON string with an adapter; an array on the Markdown entries of
   * content collections, which Astro keeps between builds.
   */
  records?: FrontmatterRecords;
}

/** The entities of the `entities` option: given, read from a path, or from `content/entities/` in srcDir when it exists. */
function loadEntities(option: AstroFactBoxesOptions['entities'], root: string, srcDir: string): { entities: Entity[] | undefined; files: string[] } {
  if (option === false) return { entities: undefined, files: [] };
  if (Array.isArray(option)) return { entities: option as Entity[], files: [] };
  const path = typeof option === 'string' ? resolve(root, option) : resolve(srcDir, 'content/entities');
  if (option === undefined && !existsSync(path)) return { entities: undefined, files: [] };
  return readEntityFiles(path);
}

/** Sixteen hex digits of a text's SHA-256: a key that changes when the text does. */
/** Whether Astro's unified pipeline keeps a Markdown page's raw HTML: it passes `allowDangerousHtml: true` unless the site's `remarkRehype` options say otherwise. */
function keepsRawHtml(remarkRehype: { allowDangerousHtml?: boolean } | undefined): boolean {
  return remarkRehype?.allowDangerousHtml !== false;
}

function shortDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** This package's version: a new one may render the built-in boxes differently. */
const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * What the boxes of a build are rendered with, as a short digest: this
 * package's version and the options, entities included (functions by their
 * source, a box's zod schema by its JSON Schema). Astro compares its config
 * as JSON between runs to decide whether cached content collection entries
 * are still good; this is what our entries in it give, so a change to an
 * option, a box's code or an entity file renders them again.
 */
function renderDigest(options: FactBoxesOptions): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify([VERSION, options], (_key, value: unknown) => {
    if (typeof value === 'function') return `function ${String(value)}`;
    if (value === null || typeof value !== 'object') return value;
    // A zod schema is a web of internals: what it accepts is its JSON Schema (the attributes' names, types, enums).
    if ('_zod' in value) {
      try {
        return z.toJSONSchema(value as z.ZodType, { io: 'input', unrepresentable: 'any' });
      } catch {
        return '[schema]';
      }
    }
    if (seen.has(value)) return '[seen]';
    seen.add(value);
    return value;
  });
  return shortDigest(text);
}

/**
 * The Astro integration.
 *
 * @example
 *   // astro.config.mjs
 *   import { defineConfig } from 'astro/config';
 *   import mdx from '@astrojs/mdx';
 *   import { unified } from '@astrojs/markdown-remark';
 *   import factBoxes from 'fact-boxes/astro';
 *
 *   export default defineConfig({
 *     markdown: { processor: unified() },
 *     integrations: [mdx(), factBoxes({ boxes: [attacks] })],
 *   });
 */
export default function factBoxes(options: AstroFactBoxesOptions = {}): AstroIntegration {
  const { injectStyles = true, development, records, entities: entitiesOption, ...shared } = options as AstroFactBoxesOptions & { entities?: unknown };
  if (entitiesOption !== undefined && entitiesOption !== false && typeof entitiesOption !== 'string' && !Array.isArray(entitiesOption)) {
    throw new TypeError(`fact-boxes: entities must be a list of entities, the path of a folder or file of them, or false; got ${JSON.stringify(entitiesOption)}`);
  }
  if (Array.isArray(entitiesOption)) resolveOptions({ ...shared, entities: entitiesOption });
  if (typeof injectStyles !== 'boolean') throw new TypeError(`fact-boxes: injectStyles must be true or false; got ${JSON.stringify(injectStyles)}`);
  if (records !== undefined && records !== 'objects' && records !== 'json' && records !== 'store' && records !== false) {
    throw new TypeError(`fact-boxes: records must be "objects", "json", "store" or false; got ${JSON.stringify(records)}`);
  }
  // Check the options now, so a mistake shows when the config loads rather than on the first file.
  resolveOptions(shared);
  const pending: Pending = { errors: new Map() };
  /** Where pages are, for the stylesheet: the pages folder, and injected routes once resolved. */
  let pageFiles: PageFiles | undefined;
  let root: URL | undefined;
  /** Under `astro dev` (and `astro sync`): print the error of a content collection's Markdown entry. */
  let logCollectionError: ((error: FactBoxesError) => void) | undefined;
  /** Places our entries in the processor's plugin list again, once every integration has added its own. */
  let placeAgain: (() => void) | undefined;
  /** The site-wide records between runs, and the key of the entities they were made with. */
  let stored: StoredRecords | undefined;
  /** What the processor wrappers are given; told in astro:config:done whether pages render in this process. */
  let pluginSettings: AstroPluginSettings | undefined;
  let storeKey = '';
  /** Failed files and Astro's cache. */
  let note: FailureNote | undefined;
  /** Markdown and MDX pages written beforehand, on Sätteri. */
  let prepassed: Prepassed | undefined;
  /** Whether the command is `astro build`. */
  let building = false;

  const integration: AstroIntegration = {
    name: 'fact-boxes',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig, addWatchFile }) => {
        // With i18n routing, pages are in the locale of their folder, else in the default locale.
        const i18n = config.i18n;
        const rootPath = fileURLToPath(config.root);
        building = command === 'build';
        // The site's entities, read now: the Markdown processors run in this process and need them whole.
        let loaded: ReturnType<typeof loadEntities>;
        try {
          loaded = loadEntities(entitiesOption as AstroFactBoxesOptions['entities'], rootPath, fileURLToPath(config.srcDir));
        } catch (error) {
          // Each problem has its place already: no "Location:" under it in a build (see forBuild).
          throw error instanceof FactBoxesError && command === 'build' ? forBuild(error) : error;
        }
        // Under `astro dev`, a change to an entity file restarts the server, which reads them again.
        for (const file of loaded.files) addWatchFile?.(file);
        const pagesUrl = new URL('pages/', config.srcDir);
        const pagesDir = fileURLToPath(pagesUrl);
        pageFiles = { pagesDir: slashes(pagesDir), injected: new Set(), styled: new Set() };
        const settings: AstroPluginSettings = {
          options: {
            ...shared,
            development: development ?? command === 'dev',
            ...(i18n && shared.locale === undefined ? { locale: i18n.defaultLocale } : {}),
            ...(loaded.entities ? { entities: loaded.entities } : {}),
          },
          pending,
          warn: (message) => logger.warn(message),
          records,
          pagesDir,
          root: rootPath,
          ...(i18n ? { pathLanguage: pathLanguageOf(i18n, config.root) } : {}),
          ...(injectStyles ? { styles: pageFiles } : {}),
          recordsChanged: () => stored?.saveSoon(storeKey),
          recompiles: command === 'dev',
        };
        pluginSettings = settings;
        // Check the entities now, so a mistake in a file shows when the config loads.
        const resolved = resolveOptions(settings.options);
        const store = siteStore();
        store.entities = resolved.entities ? [...resolved.entities.entities] : [];
        storeKey = shortDigest(JSON.stringify([store.entities, String(shared.entityUrl ?? '')]));
        // Astro's content layer keeps rendered entries while its config digest (the config as JSON) stays the same.
        // Our entries hide what they render with (functions, entities read from files): show a digest of it instead.
        const rendered = renderDigest(settings.options);
        // And where an entry's records go (`recordsFormOf`), which depends on the adapter: Astro leaves it out of its digest.
        const asDigest = { value: () => ({ 'fact-boxes': rendered, records: recordsOfEveryFile(settings) ?? 'by the kind of file' }) };
        Object.defineProperty(settings, 'toJSON', asDigest);
        const processor = config.markdown.processor;
        if (processor && isSatteriProcessor(processor)) {
          // Astro 7's native processor: the Sätteri adapter, with the directive syntax switched on.
          const options = processor.options;
          options.features ??= {};
          const siteDirective = options.features.directive;
          options.features.directive = true;
          const list = (options.mdastPlugins ??= []);
          // As Astro's Sätteri processor merges them (@astrojs/markdown-satteri): its defaults, then the processor's features.
          const markdown = config.markdown;
          const features = () => ({ gfm: markdown.gfm !== false, smartPunctuation: markdown.smartypants !== false, ...options.features });
          const entry = satteriPluginForAstro(settings, { plugins: list, features });
          Object.defineProperty(entry, 'toJSON', asDigest);
          // Pages that cannot hold a box render without the directive syntax, as without fact-boxes.
          // MDX and Markdown pages whose boxes can be written into their text go to that renderer too
          // (adapters/satteri-prepass.ts, adapters/satteri-prepass-md.ts).
          prepassed = new Prepassed(settings, features);
          const plainProcessor = satteriWithoutSyntax(options as SatteriOptions, { entry, leftOut: satteriLeftOutForAstro(settings, prepassed), siteDirective, satteri: () => sitesSatteri(config.root) });
          renderersWithoutDirectives(processor, { plainProcessor, mdxEsm: (path) => mdxPageImport(settings.styles, path), mdxPrepass: prepassed, markdownPrepass: prepassed });
          placeAgain = () => placeBeforeRestoration(list, [entry]);
          placeAgain();
        } else if (processor === undefined || (astroMajor(config.root) ?? 7) < 7) {
          // Astro 6: remark plugins in the Markdown config, which @astrojs/mdx before v8 reads
          // (Astro 6.4 has a unified processor too, and moves these plugins into it for .md files).
          settings.rawHtml = keepsRawHtml(config.markdown.remarkRehype);
          updateConfig({ markdown: { remarkPlugins: remarkPluginsFor(config.markdown.remarkPlugins ?? [], settings) } });
        } else if (isUnifiedProcessor(processor)) {
          // unified() builds its renderers from this very array, later and lazily: push into it, never replace it.
          settings.rawHtml = keepsRawHtml(processor.options.remarkRehype);
          const plugins = (processor.options.remarkPlugins ??= []);
          const siteDirective = plugins.some(isRemarkDirectiveEntry);
          const ours = remarkPluginsFor(plugins, settings);
          // remark-directive stays where it is; only the transform and the restoration move.
          const entries = ours.filter((entry) => !isRemarkDirectiveEntry(entry));
          plugins.push(...ours.filter(isRemarkDirectiveEntry));
          // Pages that cannot hold a box render without remark-directive, as without fact-boxes.
          const plainProcessor = unifiedWithoutSyntax(processor.options as UnifiedOptions, { ours, leftOut: remarkLeftOutFor(settings), siteDirective, unified: () => sitesUnified(config.root) });
          renderersWithoutDirectives(processor, { plainProcessor, mdxEsm: (path) => mdxPageImport(settings.styles, path) });
          placeAgain = () => placeBeforeRestoration(plugins, entries);
          placeAgain();
        } else {
          throw new Error(`fact-boxes: the Markdown processor "${processor.name}" is not supported; use Sätteri (Astro's default) or unified() from @astrojs/markdown-remark.`);
        }
        root = config.root;
        const vitePlugins = [throwFileErrors(pending, command), ...(injectStyles ? [stylesOnEveryPage(pageFiles)] : []), contentStoreInPieces()];
        updateConfig({ vite: { plugins: vitePlugins } });
        const failures = new FailureNote(config.cacheDir, config.root);
        note = failures;
        failures.forgetCacheIfFailed();
        stored = new StoredRecords(config.cacheDir);
        // Only the cache this command reads: another command's may be in use (a build beside a dev server).
        if (!stored.load(storeKey, rootPath)) failures.forgetCache(command);
        pending.onChange = () => failures.write([...pending.errors.keys()]);
        // Outside `astro build` (whose astro:build:start hook fails with it), an error of a content collection's
        // Markdown entry is printed here: nothing else would, as no module of it goes through Vite.
        if (command !== 'build') {
          logCollectionError = (error) => {
            if (error.file !== undefined && isCollectionEntry(error.file, pagesDir)) logger.error(error.message);
          };
          pending.onError = logCollectionError;
        }
      },
      // Integrations after this one (Starlight's directive restoration among them) have added their plugins by now:
      // run before any restoration, and after every other plugin, whatever the order of `integrations`.
      'astro:config:done': ({ config }) => {
        placeAgain?.();
        // Without an adapter every page renders in this process, after its module was compiled here: records can stay in the store.
        if (pluginSettings) pluginSettings.rendersHere = config.adapter === undefined;
        // A build's collection entries, rendered before the build starts, can keep their boxes' HTML out of a content
        // store of one file (astro/entry-html.ts). Not in the settings: Astro's content layer digests every enumerable
        // property of the processor's options, and `astro sync` and `astro build` must keep sharing its cache.
        const storage = (config.experimental as { collectionStorage?: string } | undefined)?.collectionStorage;
        if (prepassed) prepassed.entryHtmlOut = building && config.adapter === undefined && (storage === undefined || storage === 'single-file');
      },
      // Routes that integrations inject (Starlight's pages) are pages too: they get the stylesheet.
      'astro:routes:resolved': ({ routes }) => {
        if (!pageFiles || !root) return;
        pageFiles.injected.clear();
        for (const route of routes) {
          if (route.type !== 'page' || route.origin === 'project') continue;
          const path = entryPointPath(route.entrypoint, root);
          if (path) pageFiles.injected.add(path);
        }
      },
      'astro:server:setup': ({ server }) => {
        const send = (error: FactBoxesError) => {
          server.environments.client.hot.send({
            type: 'error',
            err: { message: error.message, stack: '', ...(error.loc ? { loc: error.loc } : {}), plugin: 'fact-boxes' },
          });
        };
        pending.onError = (error) => {
          logCollectionError?.(error);
          send(error);
        };
        for (const error of pending.errors.values()) send(error);
        // Astro only logs the errors of content collection entries: show them again on every page load until fixed.
        server.middlewares.use((request, _response, next) => {
          if (pending.errors.size > 0 && request.headers.accept?.includes('text/html')) {
            const first = pending.errors.values().next().value;
            if (first) setTimeout(() => send(first), 200);
          }
          next();
        });
      },
      // Content collections' Markdown entries are rendered before the build starts, and their errors not thrown: fail here.
      'astro:build:start': () => {
        // Collection entries are rendered by now (Astro syncs its content first): Markdown rendered from here on is
        // compiled into modules (`.md` pages, `.md` files a page imports), where nothing would put boxes back.
        if (prepassed) prepassed.entryHtmlOut = false;
        if (pending.errors.size > 0) throw forBuild(FactBoxesError.combine([...pending.errors.values()]));
      },
      'astro:build:done': () => {
        stored?.save(storeKey);
        if (pending.errors.size > 0) throw forBuild(FactBoxesError.combine([...pending.errors.values()]));
        // Entries from Astro's cache whose boxes' HTML was not kept (astro/entry-html.ts): the next build renders them anew.
        const missing = siteStore().entryHtml?.missing;
        if (missing && missing.size > 0) {
          note?.forgetCache('build');
          throw missingEntryHtmlError(missing.size);
        }
      },
      'astro:server:done': () => {
        stored?.save(storeKey);
      },
    },
  };
  // `fact-boxes check` reads the site's options from here (not enumerable: Astro sees a plain integration).
  Object.defineProperty(integration, INTEGRATION_OPTIONS, { value: Object.freeze({ ...options }) });
  return integration;
}

export type { FactBoxesOptions, FactBoxRecord };
