/** The Sätteri adapter as Astro runs it. */
import { fileURLToPath } from 'node:url';
import type { Features, PluginFactoryContext } from 'satteri';
import { createSatteriPlugin } from '../adapters/satteri-plugin.js';
import { problemLine } from '../engine/errors.js';
import type { ResolvedOptions } from '../engine/options.js';
import { shiftOf } from '../engine/positions.js';
import { mayHoldDirective } from '../engine/syntax.js';
import { forget, remember } from './errors.js';
import { type AstroPluginSettings, leaveOut, recordsFormOf, resolveForAstro, storeKeyOf, storeRecords } from './settings.js';
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
function leaveOutDocument(settings: AstroPluginSettings, document: PluginFactoryContext): null {
  const astro = (document.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  leaveOut(settings, document.fileURL ? fileURLToPath(document.fileURL) : undefined, astro?.frontmatter);
  return null;
}

/**
 * The plugin's entry for documents rendered without the directive syntax (see `renderersWithoutDirectives`):
 * it leaves the plugin out of each, as of a document where no directive can be.
 */
export function satteriLeftOutForAstro(settings: AstroPluginSettings) {
  return (document: PluginFactoryContext) => leaveOutDocument(settings, document);
}
