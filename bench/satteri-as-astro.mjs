// The Sätteri plugin as the Astro integration makes it for each document when it is the first plugin in
// Sätteri's list: with the features the document is parsed with, so it reads each box from its own text
// (src/adapters/satteri-reread.ts). `fact-boxes/satteri` on its own cannot know them and reads Sätteri's nodes.
// `modules` holds the package's internal createSatteriPlugin and resolveOptions: from the built files
// (`builtPackage`), or from any dist folder, as bench/ab.mjs loads them.
import { markdownToHtml, mdxToJs } from 'satteri';
import { createSatteriPlugin } from '../packages/fact-boxes/dist/adapters/satteri-plugin.js';
import { prepassMdx } from '../packages/fact-boxes/dist/adapters/satteri-prepass.js';
import { prepassMarkdown, unglue } from '../packages/fact-boxes/dist/adapters/satteri-prepass-md.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';

export const builtPackage = { createSatteriPlugin, resolveOptions, prepassMdx, prepassMarkdown, unglue };

/** What to spread into Sätteri's options, with `features` the same object given to Sätteri. */
export function satteriAsAstro(staticHtml, features, modules = builtPackage) {
  const options = modules.resolveOptions({ staticHtml });
  return { mdastPlugins: [(document) => modules.createSatteriPlugin(options, document, { features })], hastPlugins: [] };
}

/**
 * An MDX page compiled as the Astro integration compiles it while fact-boxes is the only Markdown plugin: its
 * boxes written into its text where they can be (src/adapters/satteri-prepass.ts), then compiled without the
 * directive feature; else through the plugin. `features` as given to Sätteri, the directive feature on. A package
 * without the pre-pass (`modules` of an older build) compiles every page through the plugin.
 */
export function astroMdx(features, modules = builtPackage) {
  const options = modules.resolveOptions({ staticHtml: 'fragment' });
  const plugins = satteriAsAstro('fragment', features, modules);
  const plain = { ...features, directive: false };
  const prepass = (text) => modules.prepassMdx?.(text, features, options);
  const compile = (text) => {
    const page = prepass(text);
    return page ? mdxToJs(page.text, { features: plain }) : mdxToJs(text, { features, ...plugins });
  };
  compile.writes = (text) => prepass(text) !== undefined;
  return compile;
}

/**
 * A Markdown page rendered as the Astro integration renders it while fact-boxes is the only Markdown plugin: its
 * boxes written into its text where they can be (src/adapters/satteri-prepass-md.ts), then rendered without the
 * directive feature and its seams taken out; else through the plugin. A package without that pre-pass renders
 * every page through the plugin.
 */
export function astroMarkdown(features, modules = builtPackage) {
  const options = modules.resolveOptions({ staticHtml: 'raw' });
  const plugins = satteriAsAstro('raw', features, modules);
  const plain = { ...features, directive: false };
  const prepass = (text) => modules.prepassMarkdown?.(text, features, options);
  const render = (text) => {
    const page = prepass(text);
    const html = page && modules.unglue(markdownToHtml(page.text, { features: plain }).html, page);
    return html ?? markdownToHtml(text, { features, ...plugins }).html;
  };
  render.writes = (text) => prepass(text) !== undefined;
  return render;
}
