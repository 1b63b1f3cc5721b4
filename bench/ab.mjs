// Two builds of the package side by side: `node bench/ab.mjs <dist A> <dist B>` loads the Sätteri
// adapter of each (e.g. packages/fact-boxes/dist of two commits, built with tsc into two checkouts),
// runs the bench corpus through each in alternation in one process (MDX as Astro compiles it and
// Markdown with raw HTML), and prints CPU milliseconds per article, median of the rounds. Both sides
// see the same machine at the same moments, so load slows both alike.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error('usage: node bench/ab.mjs <dist> [<dist> …]');
const sides = [{ name: 'Sätteri alone', mdx: {}, md: {}, samples: [] }];
for (const dist of dists) {
  const { default: factBoxes } = await import(pathToFileURL(resolve(dist, 'adapters/satteri.js')).href);
  sides.push({ name: dist, mdx: factBoxes({ staticHtml: 'fragment' }), md: factBoxes({ staticHtml: 'raw' }), samples: [] });
}
const run = (side, passes) => {
  for (let pass = 0; pass < passes; pass++) {
    for (const text of corpus) {
      mdxToJs(text, { features: { directive: true }, ...side.mdx });
      markdownToHtml(text, { features: { directive: true }, ...side.md });
    }
  }
};
for (const side of sides) run(side, 20); // warm up
for (let round = 0; round < 16; round++) {
  for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
    const before = process.cpuUsage();
    run(side, 4);
    const used = process.cpuUsage(before);
    side.samples.push((used.user + used.system) / 1000 / (4 * corpus.length));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const side of sides) console.log(`${median(side.samples).toFixed(3)} ms per article  ${side.name}`);
