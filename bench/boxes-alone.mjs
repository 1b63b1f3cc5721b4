// `node bench/boxes-alone.mjs`: what reading a page's boxes natively costs, µs per bench article of 8 boxes (best of
// 20 rounds, wall time, after `npm run build:package`). For the MDX pre-pass: the page read whole (`mdxToMdast`, what
// it did before) against its boxes read alone (`readBoxesAlone`: found line by line, read in one text with the page's
// line endings between them, offsets moved back). For the Sätteri plugin's reading of `.md` boxes from their text:
// each box read on its own (a native call a box, what it did before) against all of them read together
// (`findBoxes` and `readTogether`, one call). src/adapters/satteri-boxes-alone.ts; bench/profile.md, session 35.
import { markdownToMdast, mdxToMdast } from 'satteri';
// The engine itself, not a public entry point: from the built files.
import { findBoxes, readBoxesAlone, readTogether } from '../packages/fact-boxes/dist/adapters/satteri-boxes-alone.js';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
// As Astro parses: GFM and smart punctuation.
const features = { gfm: true, smartPunctuation: true };
const withDirectives = { ...features, directive: true };
const ranges = corpus.map((text) => findBoxes(text, false));
if (corpus.some((text) => readBoxesAlone(text, features)?.children.length !== 8)) throw new Error('bench: expected every article\'s 8 boxes read alone');

const tasks = {
  'MDX: the page read whole': (text) => mdxToMdast(text, { features: withDirectives, position: true }),
  'MDX: its boxes read alone': (text) => readBoxesAlone(text, features),
  'Markdown: each box read on its own': (text, index) => ranges[index].forEach(({ start, end }) => markdownToMdast(text.slice(start, end), { features: withDirectives, position: true })),
  'Markdown: the boxes read together': (text) => readTogether(text, findBoxes(text, false), (read) => markdownToMdast(read, { features: withDirectives, position: true })),
};
const best = Object.fromEntries(Object.keys(tasks).map((name) => [name, Infinity]));
for (let round = 0; round < 20; round++) {
  for (const [name, task] of Object.entries(tasks)) {
    const start = performance.now();
    for (let repeat = 0; repeat < 4; repeat++) corpus.forEach(task);
    best[name] = Math.min(best[name], ((performance.now() - start) * 1000) / (4 * corpus.length));
  }
}
console.log('µs per article of 8 boxes, best of 20 rounds:');
for (const [name, value] of Object.entries(best)) console.log(`  ${name.padEnd(40)} ${value.toFixed(0).padStart(6)}`);
