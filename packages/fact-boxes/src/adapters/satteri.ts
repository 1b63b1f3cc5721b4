/**
 * `fact-boxes/satteri`: the same boxes, schemas, messages, records and
 * restoration as the remark plugin, for Astro 7's native Markdown processor.
 *
 *   markdownToHtml(source, factBoxes({ features: { gfm: true } }))
 *   markdownToHtml(source, { features: { directive: true }, ...factBoxes() })
 *   satteri({ features: { directive: true }, ...factBoxes() })   // in astro.config.mjs
 */
import type { Features, HastPluginList, MdastPluginList, PluginFactoryContext } from 'satteri';
import { FactBoxesError } from '../engine/errors.js';
import { resolveOptions, type FactBoxesOptions } from '../engine/options.js';
import { mayHoldDirective } from '../engine/syntax.js';
import { createSatteriPlugin } from './satteri-plugin.js';

export { FactBoxesError };
export type { FactBoxesOptions };
import type { FactBoxRecord, Problem } from '../boxes/define.js';

export type { FactBoxRecord };

declare module 'satteri' {
  interface DataMap {
    /** One record per fact box, in document order. */
    factBoxes: FactBoxRecord[];
    /** Every problem of the document, warnings included. */
    factBoxesProblems: Problem[];
  }
}

/** Options of the Sätteri adapter: the same as the remark plugin's, and the features you compile with. */
export interface SatteriFactBoxesOptions extends FactBoxesOptions {
  /**
   * The features you compile with (Sätteri's `features`, such as `{ gfm: true }`). Given, they come back
   * with `directive` on, to spread with the plugins, and prose where a directive took the markup next to
   * it (a footnote after `10:30`, a link after `3:1`) is read again as without directives; otherwise it is
   * restored by its text alone.
   */
  features?: Features;
}

/** What to spread into Sätteri's options. */
export interface SatteriPlugins {
  mdastPlugins: MdastPluginList;
  hastPlugins: HastPluginList;
  /** The `features` option with `directive` on, when it was given. */
  features?: Features;
}

/**
 * Fact boxes for Sätteri: spread the result into Sätteri's options. Given the
 * `features` you compile with, it holds them with `directive` on; otherwise
 * switch that feature on yourself. Records land on `data.factBoxes` (and on
 * Astro's frontmatter as `factBoxes`); problems on `data.factBoxesProblems`.
 *
 * @example
 *   import { markdownToHtml } from 'satteri';
 *   import factBoxes from 'fact-boxes/satteri';
 *   const { html, data } = markdownToHtml(source, factBoxes({ features: { gfm: true } }));
 */
export default function factBoxes(options: SatteriFactBoxesOptions = {}): SatteriPlugins {
  const { features, ...rest } = options;
  const resolved = resolveOptions(rest);
  const compiledWith = features ? { ...features, directive: true } : undefined;
  // Other plugins may run before these (the list is yours): prose is read again only where they changed nothing.
  const hooks = compiledWith ? { features: compiledWith, othersBefore: true } : {};
  const factory = (document: PluginFactoryContext) => (mayHoldDirective(document.source) ? createSatteriPlugin(resolved, document, hooks) : null);
  return { mdastPlugins: [factory], hastPlugins: [], ...(compiledWith ? { features: compiledWith } : {}) };
}
