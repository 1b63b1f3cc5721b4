// `node bench/prepass.mjs [mdx|md]`: what a source pre-pass on Sätteri would cost per article, in parts, against
// the plugin as the Astro integration runs it. A pre-pass would rewrite each box in the page's text before Sätteri
// parses it, outside Sätteri's plugin API: read the box's slice natively (`mdxToMdast`/`markdownToMdast`), run the
// core on it, write the box back as text, and compile the page with no fact-boxes plugin and no `directive`
// feature (so prose like `10:30` needs no restoring). The parts timed here:
// - read: each box's slice parsed natively;
// - read + core: the same, and `processDocument` on it (the box validated and rendered);
// - the written page: the page holding the MDX (or HTML) fact-boxes makes of each box, compiled with no plugin
//   and no features (the page a pre-pass would hand Sätteri);
// against the floor (the page through Sätteri with the `directive` feature, no plugin) and the plugin.
// Writing the box back as text is not timed: no pre-pass exists yet. Best of 15 rounds, wall time.
import { markdownToHtml, markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';
// The engine itself, not a public entry point: from the built files.
import { processDocument } from '../packages/fact-boxes/dist/engine/document.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';
import { article, eachBox } from './corpus.mjs';
import { asFactBoxesMdx } from './profile.mjs';
import { satteriAsAstro } from './satteri-as-astro.mjs';

const mdx = process.argv[2] !== 'md';
const staticHtml = mdx ? 'fragment' : 'raw';
const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const boxes = corpus.map((text) => {
  const list = [];
  eachBox(text, (box) => list.push(box) && box);
  return list;
});
if (boxes.some((list) => list.length !== 8)) throw new Error('bench: expected 8 boxes per article');

// The page as a pre-pass would hand it on: each box as what fact-boxes makes of it (MDX: the pages of profile.mjs's
// "the MDX fact-boxes makes of each box, written by hand"; Markdown: its HTML).
const written = corpus.map((text) =>
  mdx ? asFactBoxesMdx(text) : eachBox(text, (box) => markdownToHtml(box, { features: { directive: true }, ...satteriAsAstro('raw', { directive: true }) }).html),
);

const features = { directive: true };
const plugins = satteriAsAstro(staticHtml, features);
const options = resolveOptions({ staticHtml });
const parse = mdx ? mdxToMdast : markdownToMdast;
const compile = mdx ? mdxToJs : markdownToHtml;
const forEachBox = (work) => boxes.forEach((list) => list.forEach(work));
const tasks = {
  'the floor (Sätteri, directive feature, no plugin)': () => corpus.forEach((text) => compile(text, { features })),
  'fact-boxes (the plugin as Astro runs it)': () => corpus.forEach((text) => compile(text, { features, ...plugins })),
  'pre-pass: read each box': () => forEachBox((box) => parse(box, { features, position: true })),
  'pre-pass: read each box, and the core': () => forEachBox((box) => processDocument(parse(box, { features, position: true }), box, options)),
  'pre-pass: compile the written page': () => written.forEach((text) => compile(text, {})),
};
const best = Object.fromEntries(Object.keys(tasks).map((name) => [name, Infinity]));
for (let round = 0; round < 15; round++) {
  for (const [name, task] of Object.entries(tasks)) {
    const start = performance.now();
    for (let repeat = 0; repeat < 5; repeat++) task();
    best[name] = Math.min(best[name], ((performance.now() - start) * 1000) / (5 * corpus.length));
  }
}
console.log(`${mdx ? 'MDX (mdxToJs)' : 'Markdown (markdownToHtml)'}, µs per article of 8 boxes, best of 15 rounds:`);
for (const [name, value] of Object.entries(best)) console.log(`  ${name.padEnd(52)} ${value.toFixed(0).padStart(6)}`);
const floor = best['the floor (Sätteri, directive feature, no plugin)'];
const plugin = best['fact-boxes (the plugin as Astro runs it)'];
const prepass = best['pre-pass: read each box, and the core'] + best['pre-pass: compile the written page'];
console.log(`  per box: the plugin ${((plugin - floor) / 8).toFixed(0)} µs; a pre-pass at least ${((prepass - floor) / 8).toFixed(0)} µs (its parts above, without writing the box back)`);
