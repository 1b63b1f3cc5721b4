/**
 * Pages without a box render as they would without fact-boxes. The integration switches on Sätteri's
 * `directive` feature for boxes, and with it prose such as `10:30`, `3:1` or `re:Invent` is read as
 * directives, which the plugin then has to give back as text. On a page where no line can hold a box
 * (no `::` before a name), nothing needs the syntax: such a page is rendered by a second renderer made
 * without it, as the site set Sätteri up, so its prose is never taken apart and the plugin does no work.
 *
 * Only where fact-boxes alone asked for the syntax: not when the site switched the feature on itself, nor
 * when the site runs other Markdown plugins (one of them may handle directives of its own).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Features } from 'satteri';

type MarkdownProcessor = NonNullable<AstroConfig['markdown']['processor']>;
type Renderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
type MdxRenderer = Awaited<ReturnType<NonNullable<MarkdownProcessor['createMdxRenderer']>>>;

/** Sätteri's processor options (@astrojs/markdown-satteri). */
export interface SatteriOptions {
  mdastPlugins: unknown[];
  hastPlugins?: unknown[];
  features: Features;
}

/** `satteri()` of @astrojs/markdown-satteri: a processor of its own for the renderers without the syntax. */
export type SatteriProcessorFactory = (options: SatteriOptions) => MarkdownProcessor;

/** Whether a page may hold a box, or any leaf or container directive: `::` before what can start a name. */
export function mayHoldBlockDirective(source: string): boolean {
  return /::[^\s\p{P}\p{S}]/u.test(source);
}

/** `satteri()` from the @astrojs/markdown-satteri the site's Astro uses; `undefined` where it cannot be found. */
export async function sitesSatteri(root: URL): Promise<SatteriProcessorFactory | undefined> {
  try {
    const fromSite = createRequire(new URL('package.json', root));
    const fromAstro = createRequire(fromSite.resolve('astro/package.json'));
    const module = (await import(pathToFileURL(fromAstro.resolve('@astrojs/markdown-satteri')).href)) as { satteri?: SatteriProcessorFactory };
    return typeof module.satteri === 'function' ? module.satteri : undefined;
  } catch {
    return undefined;
  }
}

export interface WithoutDirectives {
  /** fact-boxes' entry in the list: the renderers without the syntax are made only while it is the only one. */
  entry: unknown;
  /** The entry of those renderers, which leaves each page as one without boxes (its records, the store). */
  leftOut: unknown;
  /** Whether the site had the `directive` feature on before fact-boxes switched it on. */
  siteDirective: boolean | undefined;
  /** `satteri()`, to make a processor without the syntax (no such renderers when it gives `undefined`). */
  satteri: () => Promise<SatteriProcessorFactory | undefined>;
  /**
   * ESM to end the module of an MDX file rendered without the syntax with (the stylesheet's import, on a page),
   * as the plugin writes it into the pages it runs on: no Vite plugin has to hand the page back for it.
   */
  mdxEsm?: (path: string) => string | undefined;
}

/**
 * Make `processor`'s renderers render each page that cannot hold a box with a renderer without the directive
 * syntax. Which renderers to make is decided when Astro asks for them, after every integration added its
 * plugins; each page's choice is one regular expression over its text.
 */
export function renderersWithoutDirectives(processor: MarkdownProcessor & { options: object }, { entry, leftOut, siteDirective, satteri, mdxEsm }: WithoutDirectives): void {
  const options = processor.options as SatteriOptions;
  /** A processor as the site set Sätteri up, without the syntax; `undefined` where fact-boxes is not alone in asking for it. */
  const withoutSyntax = async (): Promise<MarkdownProcessor | undefined> => {
    if (siteDirective === true || options.mdastPlugins.length !== 1 || options.mdastPlugins[0] !== entry) return undefined;
    const make = await satteri();
    return make?.({ mdastPlugins: [leftOut], hastPlugins: [...(options.hastPlugins ?? [])], features: { ...options.features, directive: false } });
  };

  const createRenderer = processor.createRenderer;
  if (typeof createRenderer !== 'function') return;
  processor.createRenderer = async function (this: unknown, shared) {
    const [full, plainProcessor] = await Promise.all([createRenderer.call(this, shared), withoutSyntax()]);
    if (!plainProcessor) return full;
    const plain = await plainProcessor.createRenderer(shared);
    return { ...full, render: (content, renderOptions) => (mayHoldBlockDirective(content) ? full : plain).render(content, renderOptions) } satisfies Renderer;
  };

  const createMdxRenderer = processor.createMdxRenderer;
  if (!createMdxRenderer) return;
  processor.createMdxRenderer = async function (this: unknown, shared, mdx) {
    const [full, plainProcessor] = await Promise.all([createMdxRenderer.call(this, shared, mdx), withoutSyntax()]);
    const plain = await plainProcessor?.createMdxRenderer?.(shared, mdx);
    if (!plain) return full;
    return {
      ...full,
      process: async (content, path, frontmatter) => {
        if (mayHoldBlockDirective(content)) return full.process(content, path, frontmatter);
        const result = await plain.process(content, path, frontmatter);
        const esm = mdxEsm?.(path);
        // At the end, so no line of the module moves.
        return esm === undefined ? result : { ...result, code: `${result.code}\n${esm}\n` };
      },
    } satisfies MdxRenderer;
  };
}
