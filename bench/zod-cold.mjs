// How long a box's zod validation takes where it runs (`node bench/zod-cold.mjs`, after npm run
// build:package): each `safeParse` of the built-in boxes' attributes timed inside the Sätteri pipeline
// (the bench corpus through `mdxToJs` with fact-boxes), then the same calls replayed on their own,
// then one call of each schema in a tight loop. The gap is what running cold, amid the rest of a
// page's work, costs a small function.
import { mdxToJs } from 'satteri';
import factBoxes from 'fact-boxes/satteri';
import { builtinBoxes } from '../packages/fact-boxes/dist/boxes/index.js';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const options = { features: { directive: true }, ...factBoxes({ staticHtml: 'fragment' }), jsxImportSource: 'astro' };
const originals = new Map(builtinBoxes.map((box) => [box, box.attributes.safeParse.bind(box.attributes)]));

// In the pipeline: every call timed, and recorded for the replay.
const calls = [];
let inPipeline = 0;
for (const [box, safeParse] of originals) {
  box.attributes.safeParse = (input) => {
    const start = performance.now();
    const result = safeParse(input);
    inPipeline += performance.now() - start;
    calls.push([safeParse, { ...input }]);
    return result;
  };
}
for (let round = 0; round < 10; round++) for (const text of corpus) mdxToJs(text, options); // warm up
calls.length = 0;
inPipeline = 0;
for (let round = 0; round < 30; round++) for (const text of corpus) mdxToJs(text, options);
const perCall = (ms, count) => `${((ms / count) * 1000).toFixed(1)} µs`;
console.log(`in the pipeline: ${perCall(inPipeline, calls.length)} a call (${calls.length} calls)`);
for (const [box, safeParse] of originals) box.attributes.safeParse = safeParse;

// The same calls on their own, in the same order.
let replayed = 0;
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  for (const [safeParse, input] of calls) safeParse(input);
  if (round > 0) replayed += performance.now() - start;
}
console.log(`the same calls replayed: ${perCall(replayed, 4 * calls.length)} a call`);

// Each schema's first recorded input, in a tight loop.
for (const [box, safeParse] of originals) {
  const input = calls.find(([call]) => call === safeParse)?.[1];
  if (!input) continue;
  for (let index = 0; index < 20_000; index++) safeParse(input);
  const start = performance.now();
  for (let index = 0; index < 100_000; index++) safeParse(input);
  console.log(`${box.name}, one input in a loop: ${perCall(performance.now() - start, 100_000)} a call`);
}
