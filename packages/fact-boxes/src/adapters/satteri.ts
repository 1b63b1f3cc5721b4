/**
 * `fact-boxes/satteri`: the same boxes, schemas, messages, records and
 * restoration as the remark plugin, for Astro 7's native Markdown processor.
 *
 *   markdownToHtml(source, { features: { directive: true }, ...factBoxes() })
 *   satteri({ features: { directive: true }, ...factBoxes() })   // in astro.config.mjs
 */
import type { HastPluginList, MdastPluginList, PluginFactoryContext } from 'satteri';
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

/** Options of the Sätteri adapter: the same as the remark plugin's. */
export type SatteriFactBoxesOptions = FactBoxesOptions;

/** What to spread into Sätteri's options. */
export interface SatteriPlugins {
  mdastPlugins: MdastPluginList;
  hastPlugins: HastPluginList;
}

/**
 * Fact boxes for Sätteri: spread the result into Sätteri's options, with the
 * `directive` feature on. Records land on `data.factBoxes` (and on Astro's
 * frontmatter as `factBoxes`); problems on `data.factBoxesProblems`.
 *
 * @example
 *   import { markdownToHtml } from 'satteri';
 *   import factBoxes from 'fact-boxes/satteri';
 *   const { html, data } = markdownToHtml(source, { features: { directive: true }, ...factBoxes() });
 */
export default function factBoxes(options: SatteriFactBoxesOptions = {}): SatteriPlugins {
  const resolved = resolveOptions(options);
  const factory = (document: PluginFactoryContext) => (mayHoldDirective(document.source) ? createSatteriPlugin(resolved, document) : null);
  return { mdastPlugins: [factory], hastPlugins: [] };
}
