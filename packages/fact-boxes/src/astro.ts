/**
 * The Astro integration: one line in `astro.config.mjs` gives `.md` and `.mdx`
 * pages and content collections fact boxes, the default theme, and the
 * records on each page's frontmatter as `factBoxes`.
 *
 * It works on the unified Markdown processor (`unified()` from
 * `@astrojs/markdown-remark`). Astro 7's default processor, Sätteri, does not
 * run remark plugins; the integration stops with a message saying how to switch.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import type { Processor } from 'unified';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import remarkFactBoxes, { remarkRestoreDirectives, type FactBoxesError } from './adapters/remark.js';
import type { FactBoxRecord } from './define.js';
import { resolveOptions, type FactBoxesOptions } from './registry.js';

/** Options of the Astro integration. */
export interface AstroFactBoxesOptions extends Omit<FactBoxesOptions, 'development'> {
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
}

/** Problems waiting to be reported, by file; shared by the remark plugin and the hooks. */
interface Pending {
  errors: Map<string, FactBoxesError>;
  /** Called when a file fails, e.g. to show the error in the dev overlay. */
  onError?: (error: FactBoxesError) => void;
  /** Called when the set of failing files changes. */
  onChange?: () => void;
}

/** How far the parsed text lies from the start of the file on disk. */
interface Shift {
  lines: number;
  /** Extra columns on the first line of the parsed text (when it starts mid-line). */
  columns: number;
}

type RemarkPluginEntry = unknown;

const SWITCH_TO_UNIFIED = [
  'Use the unified processor in astro.config.mjs:',
  "  import { unified } from '@astrojs/markdown-remark';   // npm install @astrojs/markdown-remark",
  '  export default defineConfig({ markdown: { processor: unified() }, integrations: [factBoxes()] });',
  'A Sätteri adapter (fact-boxes/satteri) is planned.',
].join('\n');

function pluginOf(entry: RemarkPluginEntry): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

function isRemarkDirective(entry: RemarkPluginEntry): boolean {
  const plugin = pluginOf(entry);
  return plugin === remarkDirective || plugin === 'remark-directive' || (typeof plugin === 'function' && plugin.name === 'remarkDirective');
}

/**
 * Where the text the processor parsed starts in the file. Pages are parsed
 * whole (frontmatter blanked), so nothing moves; content collections parse the
 * trimmed body, so their positions count from the body's first line, not the
 * file's. Reading the file gives the real lines back to error messages and records.
 */
function shiftOf(file: VFile): Shift | undefined {
  if (!file.path || typeof file.value !== 'string') return undefined;
  let raw: string;
  try {
    raw = readFileSync(file.path, 'utf8');
  } catch {
    return undefined;
  }
  const body = file.value.trimEnd();
  if (body === '' || raw.length === file.value.length) return undefined;
  const trimmed = raw.trimEnd();
  const start = trimmed.endsWith(body) ? trimmed.length - body.length : raw.indexOf(body);
  if (start <= 0) return undefined;
  const before = raw.slice(0, start);
  const lines = before.split('\n').length - 1;
  const columns = start - (before.lastIndexOf('\n') + 1);
  return lines === 0 && columns === 0 ? undefined : { lines, columns };
}

function shiftPoint(point: Point | undefined, shift: Shift): void {
  if (!point) return;
  if (point.line === 1) point.column += shift.columns;
  point.line += shift.lines;
}

/** Move every position of the tree to the file's lines; offsets stay relative to the parsed text, which the slicing relies on. */
function shiftPositions(tree: Root, shift: Shift): void {
  const seen = new Set<Position>();
  const visit = (node: Nodes) => {
    const position = node.position;
    if (position && !seen.has(position)) {
      seen.add(position);
      shiftPoint(position.start, shift);
      shiftPoint(position.end, shift);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
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
}

/**
 * The remark plugin as Astro runs it: positions corrected to file lines,
 * records on the frontmatter, errors remembered so a content collection entry
 * (whose render errors Astro only logs) still fails the build.
 */
function remarkAstroFactBoxes(this: Processor, settings: AstroPluginSettings) {
  const transform = remarkFactBoxes.call(this, { ...settings.options, restore: false });
  const { pending } = settings;
  return function transformForAstro(tree: Root, file: VFile): void {
    const shift = shiftOf(file);
    if (shift) shiftPositions(tree, shift);
    const key = file.path || '<unknown file>';
    try {
      transform(tree, file);
    } catch (error) {
      pending.errors.set(key, error as FactBoxesError);
      pending.onChange?.();
      pending.onError?.(error as FactBoxesError);
      throw error;
    }
    if (pending.errors.delete(key)) pending.onChange?.();
    for (const message of file.messages) {
      if (message.source !== 'fact-boxes' || message.fatal) continue;
      settings.warn(`${file.path ?? ''}:${message.line ?? '?'}:${message.column ?? '?'}: ${message.reason}`);
    }
    frontmatterOf(file).factBoxes = (file.data.factBoxes ?? []) satisfies FactBoxRecord[];
  };
}

/** One error for every file that failed: each with file:line:column, reason and fix. */
function summarise(errors: Map<string, FactBoxesError>): Error & { loc?: FactBoxesError['loc'] } {
  const list = [...errors.values()];
  const lines = list.map((error) => `  ${error.reason}`);
  const error: Error & { loc?: FactBoxesError['loc'] } = new Error(
    `fact-boxes: ${list.length} file${list.length === 1 ? ' has' : 's have'} invalid fact boxes:\n${lines.join('\n')}`,
  );
  error.name = 'FactBoxesError';
  const first = list[0];
  if (first?.loc) error.loc = first.loc;
  // The stack would point into this integration, not at the author's file.
  error.stack = error.message;
  return error;
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
    for (const directory of this.caches) {
      for (const name of ['data-store.json', 'data-store/']) rmSync(fileURLToPath(new URL(name, directory)), { recursive: true, force: true });
    }
    rmSync(this.file, { force: true });
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
  const { injectStyles = true, development, ...shared } = options;
  if (typeof injectStyles !== 'boolean') throw new TypeError(`fact-boxes: injectStyles must be true or false; got ${JSON.stringify(injectStyles)}`);
  // Check the options now, so a mistake shows when the config loads rather than on the first file.
  resolveOptions(shared);
  const pending: Pending = { errors: new Map() };

  return {
    name: 'fact-boxes',
    hooks: {
      'astro:config:setup': ({ config, command, injectScript, logger }) => {
        const processor = config.markdown.processor as { name: string; options: { remarkPlugins?: RemarkPluginEntry[] } };
        if (processor.name !== 'unified') {
          const which = processor.name === 'satteri' ? "Astro's default Markdown processor, Sätteri," : `the Markdown processor "${processor.name}"`;
          throw new Error(`fact-boxes: ${which} does not run remark plugins, so fact boxes would not be rendered.\n${SWITCH_TO_UNIFIED}`);
        }
        // unified() builds its renderers from this very array, later and lazily: push into it, never replace it.
        const plugins = (processor.options.remarkPlugins ??= []);
        if (!plugins.some(isRemarkDirective)) plugins.push(remarkDirective);
        const settings: AstroPluginSettings = {
          options: { ...shared, development: development ?? command === 'dev' },
          pending,
          warn: (message) => logger.warn(message),
        };
        plugins.push([remarkAstroFactBoxes, settings]);
        // Last, so directive plugins added before it (by the site or other integrations) get their turn first.
        plugins.push(remarkRestoreDirectives);
        if (injectStyles) injectScript('page-ssr', "import 'fact-boxes/styles.css';");
        const note = new FailureNote(config.cacheDir, config.root);
        note.forgetCacheIfFailed();
        pending.onChange = () => note.write([...pending.errors.keys()]);
      },
      'astro:server:setup': ({ server }) => {
        const send = (error: FactBoxesError) => {
          server.environments.client.hot.send({
            type: 'error',
            err: { message: error.reason, stack: '', ...(error.loc ? { loc: error.loc } : {}), plugin: 'fact-boxes' } as never,
          });
        };
        pending.onError = send;
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
      // Content collections are rendered before the build starts, and their errors only logged: fail here.
      'astro:build:start': () => {
        if (pending.errors.size > 0) throw summarise(pending.errors);
      },
      'astro:build:done': () => {
        if (pending.errors.size > 0) throw summarise(pending.errors);
      },
    },
  };
}

export type { FactBoxesOptions, FactBoxRecord };
