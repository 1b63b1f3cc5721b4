/**
 * Astro's Markdown processors and their plugin lists: which processor a site
 * uses (type guards over Astro's own types), which entries are remark-directive
 * or a directive restoration, and where fact-boxes goes among them.
 */
import { createRequire } from 'node:module';
import type { AstroConfig } from 'astro';
import type { Features, MdastPluginEntry } from 'satteri';
import { isRemarkDirective } from '../adapters/directive-syntax.js';

/** An entry of a list of remark plugins in Astro's config: a plugin, a package name, or either with its options. */
export type RemarkPluginEntry = NonNullable<AstroConfig['markdown']['remarkPlugins']>[number];

/** The plugin of an entry, without its options. */
function pluginOf(entry: unknown): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

/** Whether an entry of a plugin list is remark-directive. */
export function isRemarkDirectiveEntry(entry: RemarkPluginEntry): boolean {
  return isRemarkDirective(pluginOf(entry));
}

/** The major version of the site's own Astro (not the one fact-boxes was installed beside). */
export function astroMajor(root: URL): number | undefined {
  try {
    const manifest = createRequire(new URL('package.json', root))('astro/package.json') as { version?: string };
    const major = Number(manifest.version?.split('.')[0]);
    return Number.isFinite(major) ? major : undefined;
  } catch {
    return undefined;
  }
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
export function placeBeforeRestoration<Entry>(list: Entry[], entries: readonly Entry[]): void {
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
  /** remark-rehype's options, which Astro spreads over its own (`allowDangerousHtml: true`) for Markdown pages. */
  remarkRehype?: { allowDangerousHtml?: boolean };
}

/** Astro 7's default processor, Sätteri (`satteri()`, named `satteri`, as @astrojs/markdown-satteri tells it). */
export function isSatteriProcessor(processor: MarkdownProcessor): processor is MarkdownProcessor & { options: SatteriProcessorOptions } {
  return processor.name === 'satteri';
}

/** `unified()` of @astrojs/markdown-remark (named `unified`, as it tells it). */
export function isUnifiedProcessor(processor: MarkdownProcessor): processor is MarkdownProcessor & { options: UnifiedProcessorOptions } {
  return processor.name === 'unified';
}
