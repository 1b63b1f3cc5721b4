// Two builds of the package side by side: `node bench/ab.mjs <dist A> <dist B>` loads each (e.g.
// packages/fact-boxes/dist of two commits, or a copy of it kept before a change) and runs the bench
// corpus through it in alternation in one process, on four pipelines: Sätteri as Astro runs it (MDX, with
// the boxes written into the page beforehand where the package can; Markdown with raw HTML), unified
// (remark-parse, remark-directive, the plugin, remark-rehype, rehype-stringify), and the core alone
// (processDocument on trees parsed beforehand). The side listed first can run a little faster: run both
// orders. It prints CPU
// milliseconds per article, median of the rounds, with each pipeline's baseline without fact-boxes,
// and µs a box over it. Both sides see the same machine at the same moments, so load slows both alike.
// `AB_BOXES=0 node bench/ab.mjs …` runs the articles with their boxes taken out (pages without boxes).
// `AB_GFM=1 node bench/ab.mjs …` parses with GFM and smart punctuation (remark-smartypants on unified), as Astro does by default.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { markdownToHtml, mdxToJs } from 'satteri';
import { unified } from 'unified';
import { article, stripBoxes } from './corpus.mjs';
import { astroMarkdown, astroMdx } from './satteri-as-astro.mjs';

// AB_BOXES=0: the same articles with their boxes taken out (prose like `10:30` left in), as most pages of an archive are.
const withoutBoxes = process.env.AB_BOXES === '0';
const corpus = Array.from({ length: 20 }, (_, index) => (withoutBoxes ? stripBoxes(article(index)) : article(index)));
const BOXES = withoutBoxes ? 0 : 8;
// AB_GFM=1: GFM and smart punctuation on both sides, as Astro parses (its addresses are links, so prose where a directive took one is read again).
const gfm = process.env.AB_GFM === '1';
// Without AB_GFM, GFM off on Sätteri too (it is on unless switched off), so both sides parse the same syntax.
const features = gfm ? { directive: true, gfm: true, smartPunctuation: true } : { directive: true, gfm: false };
/** remark-parse, GFM and remark-smartypants when asked (Astro runs it before the site's plugins), remark-directive. */
const remark = () => (gfm ? unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants) : unified().use(remarkParse)).use(remarkDirective);
const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error('usage: node bench/ab.mjs <dist> [<dist> …]');
const load = (dist, file) => import(pathToFileURL(resolve(dist, file)).href);
const parser = unified().use(remarkParse).use(remarkDirective);
const trees = corpus.map((text) => parser.parse(text));

/** What bench/satteri-as-astro.mjs needs of a package build (a build before the pre-pass has none of it). */
async function satteriModules(dist) {
  const prepass = await load(dist, 'adapters/satteri-prepass.js').then((module) => ({ ...module }), () => ({}));
  const markdown = await load(dist, 'adapters/satteri-prepass-md.js').then((module) => ({ ...module }), () => ({}));
  return { ...(await load(dist, 'adapters/satteri-plugin.js')), ...(await load(dist, 'engine/options.js')), ...prepass, ...markdown };
}

/** One pipeline: its baseline without fact-boxes (run `null`), and a run per dist. */
const pipelines = {
  // Each as the Astro integration runs the package, first (and only) in Sätteri's list: with the features, which
  // a package that reads boxes from their text uses (and an older one ignores).
  'Sätteri, MDX (boxes written into the page beforehand, where the package can)': {
    baseline: () => {
      for (const text of corpus) mdxToJs(text, { features });
    },
    async side(dist) {
      const mdx = astroMdx(features, await satteriModules(dist));
      return () => {
        for (const text of corpus) mdx(text);
      };
    },
  },
  'Sätteri, Markdown (boxes written into the page beforehand, where the package can)': {
    baseline: () => {
      for (const text of corpus) markdownToHtml(text, { features });
    },
    async side(dist) {
      const md = astroMarkdown(features, await satteriModules(dist));
      return () => {
        for (const text of corpus) md(text);
      };
    },
  },
  unified: {
    baseline: (() => {
      const processor = remark().use(remarkRehype).use(rehypeStringify).freeze();
      return () => {
        for (const text of corpus) processor.processSync(text);
      };
    })(),
    async side(dist) {
      const { default: remarkFactBoxes } = await load(dist, 'adapters/remark.js');
      const processor = remark().use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).freeze();
      return () => {
        for (const text of corpus) processor.processSync(text);
      };
    },
  },
  'the core alone (processDocument)': {
    baseline: undefined,
    async side(dist) {
      const { processDocument } = await load(dist, 'engine/document.js');
      const { resolveOptions } = await load(dist, 'engine/options.js');
      const options = resolveOptions({ staticHtml: 'fragment' });
      // The trees are copied before the clock starts (processDocument replaces boxes in place).
      let copies = [];
      return {
        prepare: () => (copies = trees.map((tree) => structuredClone(tree))),
        run: () => copies.forEach((tree, index) => processDocument(tree, corpus[index], options)),
      };
    },
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const [name, pipeline] of Object.entries(pipelines)) {
  const sides = [];
  if (pipeline.baseline) sides.push({ name: 'without fact-boxes', run: pipeline.baseline, samples: [] });
  for (const dist of dists) {
    const made = await pipeline.side(dist);
    sides.push({ name: dist, ...(typeof made === 'function' ? { run: made } : made), samples: [] });
  }
  // Warm up.
  for (const side of sides) {
    for (let pass = 0; pass < 10; pass++) {
      side.prepare?.();
      side.run();
    }
  }
  for (let round = 0; round < 16; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      let used = 0;
      for (let pass = 0; pass < 4; pass++) {
        side.prepare?.();
        const before = process.cpuUsage();
        side.run();
        const spent = process.cpuUsage(before);
        used += spent.user + spent.system;
      }
      side.samples.push(used / 1000 / (4 * corpus.length));
    }
  }
  const base = pipeline.baseline ? median(sides[0].samples) : 0;
  console.log(`\n${name}`);
  for (const side of sides) {
    const ms = median(side.samples);
    const over = BOXES > 0 ? `, ${(((ms - base) / BOXES) * 1000).toFixed(0)} µs a box` : base ? `, ${((ms - base) * 1000).toFixed(0)} µs over it` : '';
    console.log(`${ms.toFixed(3)} ms per article${side.name === 'without fact-boxes' ? '' : `${over}${base ? ` (${(ms / base).toFixed(2)}×)` : ''}`}  ${side.name}`);
  }
}
