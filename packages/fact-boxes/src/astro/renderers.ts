/**
 * Pages without a box render as they would without fact-boxes. The integration switches on the directive
 * syntax for boxes (Sätteri's `directive` feature, remark-directive on unified()), and with it prose such as
 * `10:30`, `3:1` or `re:Invent` is read as directives, which the plugin then has to give back as text. On a
 * page where no line can hold a box (no `::` before a name), nothing needs the syntax: such a page is
 * rendered by a second renderer made without it, as the site set its processor up, so its prose is never
 * taken apart and the plugin does no work.
 *
 * Only where fact-boxes alone asked for the syntax: not when the site switched it on itself, nor, on
 * Sätteri, when the site runs other Markdown plugins (one of them may handle directives of its own).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Features } from 'satteri';
import { mayHoldBlockDirective } from '../engine/syntax.js';
import { isRemarkDirectiveEntry, type RemarkPluginEntry } from './plugins.js';

type MarkdownProcessor = NonNullable<AstroConfig['markdown']['processor']>;
type Renderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
type MdxRenderer = Awaited<ReturnType<NonNullable<MarkdownProcessor['createMdxRenderer']>>>;

/** Sätteri's processor options (@astrojs/markdown-satteri). */
export interface SatteriOptions {
  mdastPlugins: unknown[];
  hastPlugins?: unknown[];
  features: Features;
}

/** unified's processor options (@astrojs/markdown-remark). */
export interface UnifiedOptions {
  remarkPlugins: unknown[];
  [option: string]: unknown;
}

/** `satteri()` of @astrojs/markdown-satteri, `unified()` of @astrojs/markdown-remark. */
export type ProcessorFactory<Options> = (options: Options) => MarkdownProcessor;

/** A processor factory from the package of that name the site renders with; `undefined` where it cannot be found. */
async function sitesProcessor<Options>(root: URL, name: string, exported: string): Promise<ProcessorFactory<Options> | undefined> {
  try {
    const fromSite = createRequire(new URL('package.json', root));
    let path: string;
    try {
      path = fromSite.resolve(name);
    } catch {
      // Not a dependency of the site's own: the one its Astro brings.
      path = createRequire(fromSite.resolve('astro/package.json')).resolve(name);
    }
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    return typeof module[exported] === 'function' ? (module[exported] as ProcessorFactory<Options>) : undefined;
  } catch {
    return undefined;
  }
}

/** `satteri()` from the @astrojs/markdown-satteri the site renders with. */
export function sitesSatteri(root: URL): Promise<ProcessorFactory<SatteriOptions> | undefined> {
  return sitesProcessor(root, '@astrojs/markdown-satteri', 'satteri');
}

/** `unified()` from the @astrojs/markdown-remark the site renders with. */
export function sitesUnified(root: URL): Promise<ProcessorFactory<UnifiedOptions> | undefined> {
  return sitesProcessor(root, '@astrojs/markdown-remark', 'unified');
}

/**
 * On Sätteri: the processor without the syntax, as the site set Sätteri up, while fact-boxes' `entry` is the
 * only Markdown plugin and the site did not switch the `directive` feature on itself; `leftOut` in its place.
 */
export function satteriWithoutSyntax(
  options: SatteriOptions,
  { entry, leftOut, siteDirective, satteri }: { entry: unknown; leftOut: unknown; siteDirective: boolean | undefined; satteri: () => Promise<ProcessorFactory<SatteriOptions> | undefined> },
): () => Promise<MarkdownProcessor | undefined> {
  return async () => {
    if (siteDirective === true || options.mdastPlugins.length !== 1 || options.mdastPlugins[0] !== entry) return undefined;
    const make = await satteri();
    return make?.({ mdastPlugins: [leftOut], hastPlugins: [...(options.hastPlugins ?? [])], features: { ...options.features, directive: false } });
  };
}

/**
 * On unified(): the processor without fact-boxes' own entries (`ours`: remark-directive, when fact-boxes
 * added it, the transform and the restoration), with the site's other plugins and `leftOut` after them,
 * while the site did not list remark-directive itself and no one added it since.
 */
export function unifiedWithoutSyntax(
  options: UnifiedOptions,
  { ours, leftOut, siteDirective, unified }: { ours: readonly unknown[]; leftOut: unknown; siteDirective: boolean; unified: () => Promise<ProcessorFactory<UnifiedOptions> | undefined> },
): () => Promise<MarkdownProcessor | undefined> {
  return async () => {
    if (siteDirective) return undefined;
    const theirs = options.remarkPlugins.filter((entry) => !ours.includes(entry));
    if (theirs.some((entry) => isRemarkDirectiveEntry(entry as RemarkPluginEntry))) return undefined;
    const make = await unified();
    return make?.({ ...options, remarkPlugins: [...theirs, leftOut] });
  };
}

export interface WithoutDirectives {
  /** The processor to make the renderers without the syntax from; `undefined` where there are to be none. */
  plainProcessor: () => Promise<MarkdownProcessor | undefined>;
  /**
   * ESM to end the module of an MDX file rendered without the syntax with (the stylesheet's import, on a page),
   * as the plugin writes it into the pages it runs on: no Vite plugin has to hand the page back for it.
   */
  mdxEsm?: (path: string) => string | undefined;
  /**
   * MDX pages with boxes written into their text beforehand, compiled by the renderer without the syntax
   * (`Prepassed` in astro/satteri.ts); a page it does not write goes to the renderer with the plugin.
   */
  mdxPrepass?: {
    /** The page's MDX, and ESM for the end of its module (what the text calls for its boxes' HTML). */
    rewrite(content: string, path: string, frontmatter: Record<string, unknown>): { text: string; esm?: string } | undefined;
    drop(path: string): void;
  };
  /**
   * Markdown pages with boxes written into their text beforehand, rendered by the renderer without the syntax
   * (`Prepassed#markdown` in astro/satteri.ts): `finish` checks the rendered page (`undefined` where it did not
   * render) and gives its HTML, or `undefined`, and the renderer with the plugin renders it.
   */
  markdownPrepass?: {
    markdown(content: string, path: string, frontmatter: Record<string, unknown>): { text: string; finish(html: string | undefined): string | undefined } | undefined;
  };
}

/**
 * Make `processor`'s renderers render each page that cannot hold a box with a renderer without the directive
 * syntax. Which renderers to make is decided when Astro asks for them, after every integration added its
 * plugins; each page's choice is one regular expression over its text.
 */
export function renderersWithoutDirectives(processor: MarkdownProcessor, { plainProcessor, mdxEsm, mdxPrepass, markdownPrepass }: WithoutDirectives): void {
  const createRenderer = processor.createRenderer;
  if (typeof createRenderer !== 'function') return;
  processor.createRenderer = async function (this: unknown, shared) {
    const [full, plainOne] = await Promise.all([createRenderer.call(this, shared), plainProcessor()]);
    if (!plainOne) return full;
    const plain = await plainOne.createRenderer(shared);
    return {
      ...full,
      render: async (content, renderOptions) => {
        if (!mayHoldBlockDirective(content)) return plain.render(content, renderOptions);
        const fileURL = renderOptions?.fileURL;
        // The frontmatter the renderer hands back, which the page's records go on once it is rendered.
        const withFrontmatter = { ...renderOptions, frontmatter: renderOptions?.frontmatter ?? {} };
        // Whatever fails here (a custom box's renderer that throws) fails again in the plugin, which reports it as
        // the page's own failure: Astro only logs what a collection entry's render throws.
        const written = fileURL && attempt(() => markdownPrepass?.markdown(content, fileURLToPath(fileURL), withFrontmatter.frontmatter));
        if (!written) return full.render(content, renderOptions);
        let result: Awaited<ReturnType<Renderer['render']>>;
        try {
          result = await plain.render(written.text, withFrontmatter);
        } catch {
          // The renderer with the plugin renders the page, and reports what is wrong with it.
          written.finish(undefined);
          return full.render(content, renderOptions);
        }
        const code = attempt(() => written.finish(result.code));
        return code === undefined ? full.render(content, renderOptions) : { ...result, code };
      },
    } satisfies Renderer;
  };

  const createMdxRenderer = processor.createMdxRenderer;
  if (!createMdxRenderer) return;
  processor.createMdxRenderer = async function (this: unknown, shared, mdx) {
    const [full, plainOne] = await Promise.all([createMdxRenderer.call(this, shared, mdx), plainProcessor()]);
    const plain = await plainOne?.createMdxRenderer?.(shared, mdx);
    if (!plain) return full;
    return {
      ...full,
      process: async (content, path, frontmatter) => {
        let text = content;
        let written: { text: string; esm?: string } | undefined;
        if (mayHoldBlockDirective(content)) {
          written = attempt(() => mdxPrepass?.rewrite(content, path, frontmatter ?? {}));
          if (written === undefined) return full.process(content, path, frontmatter);
          text = written.text;
        }
        let result: Awaited<ReturnType<MdxRenderer['process']>>;
        try {
          result = await plain.process(text, path, frontmatter);
        } catch (error) {
          if (text === content) throw error;
          // The page's own mistake: the renderer with the plugin reports it, at its place in the file.
          mdxPrepass?.drop(path);
          return full.process(content, path, frontmatter);
        }
        const esm = [written?.esm, mdxEsm?.(path)].filter((line) => line !== undefined);
        // At the end, so no line of the module moves.
        return esm.length === 0 ? result : { ...result, code: `${result.code}\n${esm.join('\n')}\n` };
      },
    } satisfies MdxRenderer;
  };
}

/** What `work` gives, or `undefined` where it throws: the renderer with the plugin then renders the page, and reports it. */
function attempt<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}
