// `node bench/entities.mjs`: what recognising entities adds to the core's work per box (processDocument on
// parsed trees of the bench corpus, no parser and no serialiser, as bench/core.mjs), without entities and
// with 300 of them (three the corpus names, 297 it does not; 600 names and aliases). Best of 12 rounds each,
// interleaved, wall time. The corpus has exact names (`by="Kataib Hezbollah"`), names of no entity
// (`by="A spokesperson"`) and near misses (`actor[Kataib Hezbollah 7]`), so every path of the matcher runs.
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
// The engine itself, not a public entry point: from the built files.
import { processDocument } from '../packages/fact-boxes/dist/engine/document.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';
import { article, benchEntities } from './corpus.mjs';

const entities = benchEntities();
const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const parse = unified().use(remarkParse).use(remarkDirective);
const trees = corpus.map((text) => parse.parse(text));
const variants = {
  'no entities': resolveOptions({ staticHtml: 'raw' }),
  '300 entities': resolveOptions({ staticHtml: 'raw', entities, entityUrl: (id) => `/actors/${id}/` }),
};
// Boxes in an article, on average (records of the whole corpus).
const boxes = trees.reduce((sum, tree, index) => sum + processDocument(structuredClone(tree), corpus[index], variants['no entities']).records.length, 0) / corpus.length;
const copies = 8;
const best = Object.fromEntries(Object.keys(variants).map((name) => [name, Infinity]));
for (let round = 0; round < 20; round++) {
  for (const [name, options] of Object.entries(variants)) {
    const sets = Array.from({ length: copies }, () => trees.map((tree) => structuredClone(tree)));
    const start = performance.now();
    for (const set of sets) set.forEach((tree, index) => processDocument(tree, corpus[index], options));
    best[name] = Math.min(best[name], ((performance.now() - start) * 1000) / (copies * corpus.length * boxes));
  }
}
const [without, withEntities] = Object.values(best);
for (const [name, value] of Object.entries(best)) console.log(`${name}: ${value.toFixed(1)} µs a box (best of 20 rounds, interleaved)`);
console.log(`difference: ${(withEntities - without).toFixed(1)} µs a box (${(((withEntities - without) / without) * 100).toFixed(1)} %)`);

// The matcher on its own, which the difference above is too noisy to resolve on a shared machine: every
// name the corpus's boxes show, matched as a build matches them (the index and its memory of near misses
// kept for the whole build), and a name no one has seen (the near-miss search, once per distinct name).
const index = variants['300 entities'].entities;
const shown = corpus.flatMap((text) => [...text.matchAll(/(?:by|party)="([^"]+)"|:::actor\[([^\]]+)\]/g)].map((match) => match[1] ?? match[2]));
let start = performance.now();
for (let round = 0; round < 200; round++) for (const name of shown) index.match(name);
const perName = ((performance.now() - start) * 1000) / (200 * shown.length);
const fresh = Array.from({ length: 5000 }, (_, n) => `A spokesperson for ministry ${n}`);
start = performance.now();
for (const name of fresh) index.match(name);
const perNew = ((performance.now() - start) * 1000) / fresh.length;
console.log(`matcher: ${perName.toFixed(2)} µs a name seen before, ${perNew.toFixed(1)} µs a name never seen (near-miss search); ${(shown.length / (corpus.length * boxes)).toFixed(2)} names a box`);
console.log(`matching adds about ${(((perName * shown.length) / (corpus.length * boxes) / without) * 100).toFixed(1)} % to the core's work per box once names repeat, at most ${(((perNew * shown.length) / (corpus.length * boxes) / without) * 100).toFixed(1)} % if every name were new`);
