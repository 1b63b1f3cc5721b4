// What the Sätteri pipeline allocates per article of the bench corpus, with and without fact-boxes,
// collected objects included: `node bench/alloc.mjs` (after npm run build:package). V8's sampling
// heap profiler (one sample per KiB allocated) over 20 rounds of 20 articles after a warm-up; the
// functions that allocate most are listed for the run with fact-boxes, and the first line splits its total by package.
// Also measured: a plugin that copies each box and hands it back, the floor of reading a box.
import { Session } from 'node:inspector/promises';
import { mdxToJs } from 'satteri';
import factBoxes from 'fact-boxes/satteri';
import { satteriAsAstro } from './satteri-as-astro.mjs';
import { article } from './corpus.mjs';
import { copyBack, copyBackAndAllocate } from './satteri-copy.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const ROUNDS = 20;
const FEATURES = { directive: true };

async function allocated(plugins) {
  const run = () => { for (const text of corpus) mdxToJs(text, { features: FEATURES, ...plugins }); };
  for (let round = 0; round < 30; round++) run();
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let round = 0; round < ROUNDS; round++) run();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const byFunction = new Map();
  const byPackage = new Map();
  let total = 0;
  const walk = (node) => {
    total += node.selfSize;
    const { url, functionName, lineNumber } = node.callFrame;
    // Built-ins (no url) count as native: strings joined, maps grown, keys listed, for whichever caller.
    const where = /fact-boxes\/dist/.test(url) ? 'fact-boxes' : /satteri/.test(url) ? 'Sätteri' : url ? 'other JavaScript' : 'native';
    byPackage.set(where, (byPackage.get(where) ?? 0) + node.selfSize);
    const key = `${url.replace(/.*\/(satteri|fact-boxes\/dist|node_modules)\//, '$1/') || '(native)'} ${functionName || '(anonymous)'}:${lineNumber + 1}`;
    if (node.selfSize) byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const perArticle = (bytes) => bytes / 1024 / (ROUNDS * corpus.length);
  return { total: perArticle(total), byPackage: [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${perArticle(bytes).toFixed(1)}`).join(', '), top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ALLOC_ROWS ?? 15)).map(([key, bytes]) => [key, perArticle(bytes)]) };
}

const alone = await allocated({});
// What any plugin that reads a box and hands a copy back allocates (bench/satteri-copy.mjs), before work of its own.
const copied = await allocated({ mdastPlugins: [() => copyBack] });
// The same with garbage of its own per box, about what fact-boxes' work adds (bench/profile.mjs builds it too).
const garbage = await allocated({ mdastPlugins: [() => copyBackAndAllocate] });
const standalone = await allocated(factBoxes({ staticHtml: 'fragment' }));
// As the Astro integration runs it, first in Sätteri's list: it knows the features and reads each box from its text.
const withBoxes = await allocated(satteriAsAstro('fragment', FEATURES));
console.log(`KiB allocated per article: Sätteri alone ${alone.total.toFixed(1)}, each box copied and handed back ${copied.total.toFixed(1)} (with garbage of its own ${garbage.total.toFixed(1)}), with fact-boxes as Astro runs it ${withBoxes.total.toFixed(1)} (${withBoxes.byPackage}), with fact-boxes/satteri ${standalone.total.toFixed(1)} (boxes read from Sätteri's nodes)`);
console.log('| with fact-boxes as Astro runs it, allocated by | KiB per article |\n| --- | ---: |');
for (const [key, kib] of withBoxes.top) console.log(`| ${key} | ${kib.toFixed(1)} |`);
