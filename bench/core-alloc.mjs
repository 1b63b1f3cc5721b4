// `node bench/core-alloc.mjs [dist]`: what the core allocates a box (processDocument over the bench corpus's boxes,
// read by Sätteri as the pre-pass reads them), collected objects included, with the functions that allocate most.
// V8's sampling heap profiler (one sample per 256 bytes) over 20 rounds after 30 of warm-up. `dist`: a built
// packages/fact-boxes/dist (default: this one), e.g. of an earlier commit, to compare.
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToMdast } from 'satteri';
import { article, eachBox } from './corpus.mjs';

const dist = resolve(process.argv[2] ?? new URL('../packages/fact-boxes/dist', import.meta.url).pathname);
const { processDocument } = await import(pathToFileURL(`${dist}/engine/document.js`).href);
const { resolveOptions } = await import(pathToFileURL(`${dist}/engine/options.js`).href);
/** Each article's boxes alone, as the MDX pre-pass reads them. */
const texts = Array.from({ length: 20 }, (_, index) => {
  const boxes = [];
  eachBox(article(index), (box) => boxes.push(box) && box);
  return boxes.join('\n');
});
const options = resolveOptions({ staticHtml: 'fragment' });
const parse = (text) => mdxToMdast(text, { features: { directive: true }, position: true });
for (let round = 0; round < 30; round++) texts.forEach((text) => processDocument(parse(text), text, options));
const ROUNDS = 20;
const sets = Array.from({ length: ROUNDS }, () => texts.map(parse));
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (const set of sets) set.forEach((tree, index) => processDocument(tree, texts[index], options));
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
const bySelf = new Map();
let total = 0;
const walk = (node) => {
  const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
  total += node.selfSize;
  bySelf.set(key, (bySelf.get(key) ?? 0) + node.selfSize);
  node.children.forEach(walk);
};
walk(profile.head);
const boxes = ROUNDS * texts.length * 8;
console.log(`the core allocates ${(total / boxes / 1024).toFixed(2)} KiB a box (${dist})`);
for (const [key, bytes] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.TOP ?? 12))) console.log(`${String(Math.round(bytes / boxes)).padStart(7)} B  ${key}`);
