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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { remarkRestoreDirectives } from '../adapters/remark.js';
import { createTransform, hasDirectiveSyntax, isRemarkDirective } from '../adapters/remark-transform.js';
import { createSatteriPlugin } from '../adapters/satteri-plugin.js';
import { entryPointPath, MARKDOWN_FILE, stylesOnEveryPage, type PageFiles } from './styles.js';
import { FactBoxesError, problemLine } from '../engine/errors.js';
import type { Features, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import type { FactBoxRecord } from '../boxes/define.js';
import { shiftOf, shiftPositions } from '../engine/positions.js';
import { INTEGRATION_OPTIONS, resolveOptions, type FactBoxesOptions, type ResolvedOptions } from '../engine/options.js';
import { recordsForFrontmatter, type FrontmatterRecords } from '../outputs/records.js';
import { mayHoldDirective } from '../engine/syntax.js';
import { siteStore } from './store.js';
import type { Entity, EntityInput } from '../entities/entity.js';
import { readEntityFiles } from '../entities/files.js';


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
   * How each page's records go on its frontmatter as `factBoxes`: `'json'`
   * (default) one JSON string, read with `readFactBoxes()`, which keeps the
   * compiled pages and the content layer's store of a large site far smaller;
   * `'objects'` an array, compiled into every page as an object literal; `false` none.
   */
  records?: FrontmatterRecords;
}

/**
 * Errors waiting to be reported, by file; shared by the plugins, the Vite
 * plugin and the hooks. The processors never throw a file's `FactBoxesError`
 * inside Astro's renderers: @astrojs/markdown-remark would `console.error` it
 * and prefix its message, @astrojs/mdx would rename it, give it a stack and a
 * `loc` for Astro's "Location:", and the content loader would log it before
 * the build fails. The integration throws it itself, once: from its Vite
 * plugin for a page or an `.mdx` module, from `astro:build:start` for the
 * `.md` entries of content collections.
 */
interface Pending {
  errors: Map<string, FactBoxesError>;
  /** Called when a file fails, e.g. to show the error in the dev overlay. */
  onError?: (error: FactBoxesError) => void;
  /** Called when the set of failing files changes. */
  onChange?: () => void;
}

/** An entry of a list of remark plugins in Astro's config: a plugin, a package name, or either with its options. */
type RemarkPluginEntry = NonNullable<AstroConfig['markdown']['remarkPlugins']>[number];

function pluginOf(entry: unknown): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

function isRemarkDirectiveEntry(entry: RemarkPluginEntry): boolean {
  return isRemarkDirective(pluginOf(entry));
}

/** The frontmatter object Astro reads back, for pages (`frontmatter`) and collections (`remarkPluginFrontmatter`). */
function frontmatterOf(file: VFile): Record<string, unknown> {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  return data.astro.frontmatter;
}

interface AstroPluginSettings {
  options: FactBoxesOptions;
  pending: Pending;
  /** Astro never prints vfile messages: warnings (and errors under `onInvalid: 'warn'`) go through its logger. */
  warn: (message: string) => void;
  records: FrontmatterRecords;
  /** A page's language from its path, under the site's i18n routing. */
  pathLanguage?: (path: string) => string | undefined;
  /** The project root, as a path: the store keys files by their path from it. */
  root?: string;
}

/** Put a file's records in the site-wide store (`fact-boxes/astro/records`). */
function storeRecords(settings: AstroPluginSettings, path: string | undefined, records: readonly FactBoxRecord[]): void {
  if (!path || !settings.root) return;
  const file = relative(settings.root, path).split(sep).join('/');
  if (file.startsWith('..')) return;
  const store = siteStore();
  if (records.length === 0 && !store.pages.has(file)) return;
  store.pages.set(file, [...records]);
  store.version++;
}

/** Resolved options, with the page languages of the site's i18n routing. */
function resolveForAstro(settings: AstroPluginSettings): ResolvedOptions {
  const resolved = resolveOptions(settings.options);
  return settings.pathLanguage ? { ...resolved, locales: resolved.locales.withPathLanguage(settings.pathLanguage) } : resolved;
}

/** Astro's `i18n` config. */
type AstroI18n = NonNullable<AstroConfig['i18n']>;

/**
 * The language of a file from the folders of its path, under Astro's i18n
 * routing: `src/pages/fr/…` or `src/content/docs/fr/…` is in `fr` (a locale
 * given as `{ path, codes }` is in its first code). Files in no locale folder
 * are in the site's language (its `defaultLocale`).
 */
function pathLanguageOf(i18n: AstroI18n, root: URL): (path: string) => string | undefined {
  const byFolder = new Map<string, string>();
  for (const locale of i18n.locales) {
    if (typeof locale === 'string') byFolder.set(locale, locale);
    else if (locale.codes[0]) byFolder.set(locale.path, locale.codes[0]);
  }
  const base = fileURLToPath(root);
  return (path) => {
    const folders = relative(base, path).split(sep).slice(0, -1);
    for (let index = folders.length - 1; index >= 0; index--) {
      const found = byFolder.get(folders[index]!);
      if (found) return found;
    }
    return undefined;
  };
}

/**
 * The remark plugin as Astro runs it: positions corrected to file lines,
 * records on the frontmatter, errors remembered so a content collection entry
 * (whose render errors Astro only logs) still fails the build.
 */
function remarkAstroFactBoxes(this: Processor, settings: AstroPluginSettings) {
  if (!hasDirectiveSyntax(this)) this.use(remarkDirective);
  // A box's static parts go into MDX pages as `<Fragment set:html>`, which Astro's MDX compiles to one
  // string, instead of a `_jsx()` call per element; Markdown pages are HTML strings already.
  const resolved = resolveForAstro(settings);
  const forMdx = createTransform({ ...resolved, staticHtml: 'fragment' }, false);
  const forMarkdown = createTransform(resolved, false);
  const transform = (tree: Root, file: VFile) => (file.extname === '.mdx' ? forMdx : forMarkdown)(tree, file);
  const { pending } = settings;
  return function transformForAstro(tree: Root, file: VFile): void {
    const shift = typeof file.value === 'string' ? shiftOf(file.path, file.value) : undefined;
    if (shift) shiftPositions(tree, shift);
    const key = file.path || '<unknown file>';
    try {
      transform(tree, file);
      if (pending.errors.delete(key)) pending.onChange?.();
    } catch (error) {
      remember(pending, key, error);
      // Ours is thrown by the integration itself (see Pending); anything else is the host's to report.
      if (!(error instanceof FactBoxesError)) throw error;
    }
    for (const message of file.messages) {
      if (message.source !== 'fact-boxes' || message.fatal) continue;
      settings.warn(problemLine({ ruleId: message.ruleId ?? '', reason: message.reason, ...(message.place ? { place: message.place } : {}) }, file.path || undefined));
    }
    storeRecords(settings, file.path || undefined, file.data.factBoxes ?? []);
    const value = recordsForFrontmatter((file.data.factBoxes ?? []) satisfies FactBoxRecord[], settings.records);
    if (value !== undefined) frontmatterOf(file).factBoxes = value;
  };
}

/** A file's failure as a `FactBoxesError`: ours as it is, anything else as one problem of the file. */
function asFactBoxesError(error: unknown, key: string): FactBoxesError {
  if (error instanceof FactBoxesError) return error;
  return new FactBoxesError([{ ruleId: 'build-error', reason: error instanceof Error ? error.message : String(error) }], key);
}

/** Note a file's failure. */
function remember(pending: Pending, key: string, error: unknown): void {
  const failure = asFactBoxesError(error, key);
  pending.errors.set(key, failure);
  pending.onChange?.();
  pending.onError?.(failure);
}

/**
 * The error `astro build` fails with. Astro prints an error's `loc` under
 * "Location:" after the message (astro/dist/core/messages/runtime.js); every
 * line of the message has its place already, so this copy has no `loc`
 * (`astro dev` keeps it: the overlay points at the line with it).
 */
function forBuild(error: FactBoxesError): FactBoxesError {
  const copy = new FactBoxesError(error.problems);
  Object.defineProperty(copy, 'loc', { value: undefined, enumerable: false, writable: true, configurable: true });
  return copy;
}

const slashes = (path: string) => path.replaceAll('\\', '/');

/**
 * The Vite plugin that fails a page or `.mdx` module with its file's error,
 * after Astro has rendered it (see Pending): `astro build` stops there, and
 * `astro dev` shows it in the overlay.
 */
function throwFileErrors(pending: Pending, command: string) {
  return {
    name: 'fact-boxes:errors',
    enforce: 'post' as const,
    transform(_code: string, id: string): undefined {
      if (pending.errors.size === 0) return;
      const path = slashes(id.split('?')[0]!);
      if (!MARKDOWN_FILE.test(path)) return;
      for (const [file, error] of pending.errors) {
        if (slashes(file) === path) throw command === 'build' ? forBuild(error) : error;
      }
    },
  };
}

/**
 * Content collection entries are cached by content digest, in `.astro/` (dev)
 * and the cache directory (build): an entry whose render failed would be
 * skipped, its error forgotten and its page built empty on the next run. So
 * failing files are written down, and the next run that finds the note drops
 * the cache before the content is loaded, which renders (and reports) them again.
 */
class FailureNote {
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

/**
 * The site-wide records (`fact-boxes/astro/records`) between runs. Astro
 * takes unchanged content collection entries from its cache without running
 * the Markdown processor, so their records are kept in the cache folder too,
 * under a key of the entities (their links and ids are in the records). With
 * no stored records, or another key, Astro's content cache is dropped, so
 * every entry goes through fact-boxes and the store is whole.
 */
class StoredRecords {
  private readonly file: string;

  constructor(cacheDir: URL) {
    this.file = fileURLToPath(new URL('fact-boxes/records.json', cacheDir));
  }

  /** Fill the store from the last run; `false` when there was nothing usable for this key. */
  load(key: string, root: string): boolean {
    const store = siteStore();
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { key?: string; pages?: Record<string, FactBoxRecord[]> };
      if (stored.key !== key || typeof stored.pages !== 'object' || stored.pages === null) return false;
      for (const [file, records] of Object.entries(stored.pages)) {
        // A file deleted since has no page.
        if (!store.pages.has(file) && existsSync(resolve(root, file))) store.pages.set(file, records);
      }
      store.version++;
      return true;
    } catch {
      return false;
    }
  }

  save(key: string): void {
    try {
      mkdirSync(fileURLToPath(new URL('.', pathToFileURL(this.file))), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ key, pages: Object.fromEntries(siteStore().pages) }));
    } catch {
      // Without it the next run drops Astro's content cache and renders every entry again.
    }
  }
}

/** The entities of the `entities` option: given, read from a path, or from `content/entities/` in srcDir when it exists. */
function loadEntities(option: AstroFactBoxesOptions['entities'], root: string, srcDir: string): { entities: Entity[] | undefined; files: string[] } {
  if (option === false) return { entities: undefined, files: [] };
  if (Array.isArray(option)) return { entities: option as Entity[], files: [] };
  const path = typeof option === 'string' ? resolve(root, option) : resolve(srcDir, 'content/entities');
  if (option === undefined && !existsSync(path)) return { entities: undefined, files: [] };
  return readEntityFiles(path);
}

/** The major version of the site's own Astro (not the one fact-boxes was installed beside). */
function astroMajor(root: URL): number | undefined {
  try {
    const manifest = createRequire(new URL('package.json', root))('astro/package.json') as { version?: string };
    const major = Number(manifest.version?.split('.')[0]);
    return Number.isFinite(major) ? major : undefined;
  } catch {
    return undefined;
  }
}

/** The remark plugins to add after `existing`: remark-directive when missing, fact-boxes, and the restoration last. */
function remarkPluginsFor(existing: readonly RemarkPluginEntry[], settings: AstroPluginSettings): RemarkPluginEntry[] {
  return [
    ...(existing.some(isRemarkDirectiveEntry) ? [] : [remarkDirective]),
    [remarkAstroFactBoxes, settings],
    // Last, so directive plugins added before it (by the site or other integrations) get their turn first.
    remarkRestoreDirectives,
  ];
}

/**
 * Plugins that turn every directive no earlier plugin claimed back into text,
 * and every unclaimed container into a plain `<div>` (Starlight's, for Sätteri
 * and for unified): fact boxes must run before them, or each box is gone
 * before fact-boxes sees it. Matched by name; Starlight adds them from an
 * integration of its own, right after itself.
 */
function isDirectivesRestoration(entry: unknown): boolean {
  const plugin = pluginOf(entry);
  if (typeof plugin === 'function') return plugin.name === 'remarkDirectivesRestoration';
  return typeof plugin === 'object' && plugin !== null && (plugin as { name?: unknown }).name === 'starlight-directives-restoration';
}

/**
 * Move `entries` (ours, in this order) to just before the first directive
 * restoration in `list`, or to its end: after every other plugin, whichever
 * order the integrations were listed in. Mutates `list`, which the processor reads lazily.
 */
function placeBeforeRestoration<Entry>(list: Entry[], entries: readonly Entry[]): void {
  for (const entry of entries) {
    const index = list.indexOf(entry);
    if (index !== -1) list.splice(index, 1);
  }
  const restoration = list.findIndex(isDirectivesRestoration);
  list.splice(restoration === -1 ? list.length : restoration, 0, ...entries);
}

/** The Markdown processor on an Astro 7 config (`markdown.processor`). */
type MarkdownProcessor = NonNullable<AstroConfig['markdown']['processor']>;

/** The options of Sätteri's processor that fact-boxes extends (as `satteri()` of @astrojs/markdown-satteri resolves them). */
interface SatteriProcessorOptions {
  mdastPlugins?: MdastPluginEntry[];
  features?: Features;
}

/** The options of unified's processor that fact-boxes extends (as `unified()` of @astrojs/markdown-remark resolves them). */
interface UnifiedProcessorOptions {
  remarkPlugins?: RemarkPluginEntry[];
}

/** Astro 7's default processor, Sätteri (`satteri()`, named `satteri`, as @astrojs/markdown-satteri tells it). */
function isSatteriProcessor(processor: MarkdownProcessor): processor is MarkdownProcessor & { options: SatteriProcessorOptions } {
  return processor.name === 'satteri';
}

/** `unified()` of @astrojs/markdown-remark (named `unified`, as it tells it). */
function isUnifiedProcessor(processor: MarkdownProcessor): processor is MarkdownProcessor & { options: UnifiedProcessorOptions } {
  return processor.name === 'unified';
}

/**
 * The Sätteri adapter as Astro runs it: positions on file lines, records on
 * the frontmatter (the adapter does that), errors remembered for content
 * collections, warnings through Astro's logger.
 */
function satteriPluginForAstro(settings: AstroPluginSettings) {
  const resolved = resolveForAstro(settings);
  // Static parts of a box as one string each: `<Fragment set:html>` in MDX, raw HTML in Markdown.
  const forMdx: ResolvedOptions = { ...resolved, staticHtml: 'fragment' };
  const forMarkdown: ResolvedOptions = { ...resolved, staticHtml: 'raw' };
  const { pending } = settings;
  return (document: PluginFactoryContext) => {
    const path = document.fileURL ? fileURLToPath(document.fileURL) : undefined;
    const key = path ?? '<unknown file>';
    const astro = (document.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (!mayHoldDirective(document.source)) {
      // No directive can be in this document: nothing to run, but layouts still find the (empty) list.
      const value = recordsForFrontmatter([], settings.records);
      if (astro?.frontmatter && value !== undefined) astro.frontmatter.factBoxes = value;
      if (pending.errors.delete(key)) pending.onChange?.();
      storeRecords(settings, path, []);
      return null;
    }
    const shift = shiftOf(path, document.source);
    const plugin = createSatteriPlugin(document.sourceFormat === 'mdx' ? forMdx : forMarkdown, document, {
      ...(shift ? { shift } : {}),
      records: settings.records,
      // Thrown by the integration itself (see Pending).
      throwErrors: false,
      done: ({ records, problems, error }) => {
        storeRecords(settings, path, records);
        if (error) remember(pending, key, error);
        else if (pending.errors.delete(key)) pending.onChange?.();
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
  const { injectStyles = true, development, records = 'json', entities: entitiesOption, ...shared } = options as AstroFactBoxesOptions & { entities?: unknown };
  if (entitiesOption !== undefined && entitiesOption !== false && typeof entitiesOption !== 'string' && !Array.isArray(entitiesOption)) {
    throw new TypeError(`fact-boxes: entities must be a list of entities, the path of a folder or file of them, or false; got ${JSON.stringify(entitiesOption)}`);
  }
  if (Array.isArray(entitiesOption)) resolveOptions({ ...shared, entities: entitiesOption });
  if (typeof injectStyles !== 'boolean') throw new TypeError(`fact-boxes: injectStyles must be true or false; got ${JSON.stringify(injectStyles)}`);
  if (records !== 'objects' && records !== 'json' && records !== false) throw new TypeError(`fact-boxes: records must be "objects", "json" or false; got ${JSON.stringify(records)}`);
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
  let storeKey = '';

  const integration: AstroIntegration = {
    name: 'fact-boxes',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig, addWatchFile }) => {
        // With i18n routing, pages are in the locale of their folder, else in the default locale.
        const i18n = config.i18n;
        const rootPath = fileURLToPath(config.root);
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
          root: rootPath,
          ...(i18n ? { pathLanguage: pathLanguageOf(i18n, config.root) } : {}),
        };
        // Check the entities now, so a mistake in a file shows when the config loads.
        const resolved = resolveOptions(settings.options);
        const store = siteStore();
        store.entities = resolved.entities ? [...resolved.entities.entities] : [];
        storeKey = createHash('sha256')
          .update(JSON.stringify([store.entities, String(shared.entityUrl ?? '')]))
          .digest('hex')
          .slice(0, 16);
        const processor = config.markdown.processor;
        if (processor && isSatteriProcessor(processor)) {
          // Astro 7's native processor: the Sätteri adapter, with the directive syntax switched on.
          const options = processor.options;
          options.features ??= {};
          options.features.directive = true;
          const entry = satteriPluginForAstro(settings);
          const list = (options.mdastPlugins ??= []);
          placeAgain = () => placeBeforeRestoration(list, [entry]);
          placeAgain();
        } else if (processor === undefined || (astroMajor(config.root) ?? 7) < 7) {
          // Astro 6: remark plugins in the Markdown config, which @astrojs/mdx before v8 reads
          // (Astro 6.4 has a unified processor too, and moves these plugins into it for .md files).
          updateConfig({ markdown: { remarkPlugins: remarkPluginsFor(config.markdown.remarkPlugins ?? [], settings) } });
        } else if (isUnifiedProcessor(processor)) {
          // unified() builds its renderers from this very array, later and lazily: push into it, never replace it.
          const plugins = (processor.options.remarkPlugins ??= []);
          const ours = remarkPluginsFor(plugins, settings);
          // remark-directive stays where it is; only the transform and the restoration move.
          const entries = ours.filter((entry) => !isRemarkDirectiveEntry(entry));
          plugins.push(...ours.filter(isRemarkDirectiveEntry));
          placeAgain = () => placeBeforeRestoration(plugins, entries);
          placeAgain();
        } else {
          throw new Error(`fact-boxes: the Markdown processor "${processor.name}" is not supported; use Sätteri (Astro's default) or unified() from @astrojs/markdown-remark.`);
        }
        pageFiles = { pagesDir: new URL('pages/', config.srcDir), injected: new Set() };
        root = config.root;
        const vitePlugins = [throwFileErrors(pending, command), ...(injectStyles ? [stylesOnEveryPage(pageFiles)] : [])];
        updateConfig({ vite: { plugins: vitePlugins } });
        const note = new FailureNote(config.cacheDir, config.root);
        note.forgetCacheIfFailed();
        stored = new StoredRecords(config.cacheDir);
        // Only the cache this command reads: another command's may be in use (a build beside a dev server).
        if (!stored.load(storeKey, rootPath)) note.forgetCache(command);
        pending.onChange = () => note.write([...pending.errors.keys()]);
        // Outside `astro build` (whose astro:build:start hook fails with it), an error of a content collection's
        // Markdown entry is printed here: nothing else would, as no module of it goes through Vite.
        if (command !== 'build') {
          const pagesDir = slashes(fileURLToPath(new URL('pages/', config.srcDir)));
          logCollectionError = (error) => {
            const file = error.file === undefined ? undefined : slashes(error.file);
            if (file && !file.endsWith('.mdx') && !file.startsWith(pagesDir)) logger.error(error.message);
          };
          pending.onError = logCollectionError;
        }
      },
      // Integrations after this one (Starlight's directive restoration among them) have added their plugins by now:
      // run before any restoration, and after every other plugin, whatever the order of `integrations`.
      'astro:config:done': () => {
        placeAgain?.();
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
        if (pending.errors.size > 0) throw forBuild(FactBoxesError.combine([...pending.errors.values()]));
      },
      'astro:build:done': () => {
        stored?.save(storeKey);
        if (pending.errors.size > 0) throw forBuild(FactBoxesError.combine([...pending.errors.values()]));
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
