// The Sätteri plugin as the Astro integration makes it for each document when it is the first plugin in
// Sätteri's list: with the features the document is parsed with, so it reads each box from its own text
// (src/adapters/satteri-reread.ts). `fact-boxes/satteri` on its own cannot know them and reads Sätteri's nodes.
// `modules` holds the package's internal createSatteriPlugin and resolveOptions: from the built files
// (`builtPackage`), or from any dist folder, as bench/ab.mjs loads them.
import { createSatteriPlugin } from '../packages/fact-boxes/dist/adapters/satteri-plugin.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';

export const builtPackage = { createSatteriPlugin, resolveOptions };

/** What to spread into Sätteri's options, with `features` the same object given to Sätteri. */
export function satteriAsAstro(staticHtml, features, modules = builtPackage) {
  const options = modules.resolveOptions({ staticHtml });
  return { mdastPlugins: [(document) => modules.createSatteriPlugin(options, document, { features })], hastPlugins: [] };
}
