/**
 * Sätteri as the Astro integration runs it, without building a site: the site's own mdast plugins
 * (`before`), then fact-boxes' plugin as the integration makes it for that list, knowing the features.
 */
import { markdownToHtml, mdxToJs, type Features, type MdastPluginList } from 'satteri';
import type { FactBoxesOptions } from 'fact-boxes/remark';
import { satteriPluginForAstro } from './internal.js';

/** The list Astro hands Sätteri: `before`, then fact-boxes (`place` puts its entry elsewhere). */
export function astroSatteriPlugins(features: Features, { before = [], options = {}, place }: { before?: unknown[]; options?: FactBoxesOptions; place?: (entry: unknown) => unknown[] } = {}): MdastPluginList {
  const settings = { options, pending: { errors: new Map() }, warn: () => {}, records: 'json', pagesDir: '/site/src/pages/', root: '/site' };
  const plugins: unknown[] = [];
  const entry = satteriPluginForAstro(settings as never, { plugins, features: () => features });
  plugins.push(...(place ? place(entry) : [...before, entry]));
  return plugins as MdastPluginList;
}

/** A page compiled by Sätteri with Astro's data (a frontmatter to write records on): its HTML, or its module for MDX. */
export function satteriPage(text: string, features: Features, mdastPlugins: MdastPluginList, format: 'markdown' | 'mdx' = 'markdown'): string {
  const options = { features, mdastPlugins, data: { astro: { frontmatter: {} } } };
  const result = format === 'mdx' ? mdxToJs(text, options) : markdownToHtml(text, options);
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  return 'html' in result ? result.html : result.code;
}
