// `node bench/core.mjs [false|raw|fragment]`: the core's own work per box (processDocument on parsed
// trees of the bench corpus, no parser and no serialiser around it), best of 12 rounds, wall time.
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
// The engine itself, not a public entry point: from the built files.
import { processDocument } from '../packages/fact-boxes/dist/engine/document.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const parse = unified().use(remarkParse).use(remarkDirective);
const trees = corpus.map((text) => parse.parse(text));
const form = process.argv[2] ?? 'raw';
const options = resolveOptions({ staticHtml: form === 'false' ? false : form });
const copies = 8;
let best = Infinity;
for (let round = 0; round < 12; round++) {
  const sets = Array.from({ length: copies }, () => trees.map((tree) => structuredClone(tree)));
  const start = performance.now();
  for (const set of sets) set.forEach((tree, index) => processDocument(tree, corpus[index], options));
  best = Math.min(best, ((performance.now() - start) * 1000) / (copies * corpus.length * 8));
}
console.log(`staticHtml ${form}: ${best.toFixed(1)} µs a box (processDocument, best of 12 rounds)`);
