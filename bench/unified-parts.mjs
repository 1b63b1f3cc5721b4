// Where the unified pipeline's time goes with and without fact-boxes: `node bench/unified-parts.mjs`
// (after npm run build:package). The bench corpus goes through remark-parse, remark-directive,
// [fact-boxes,] remark-rehype and rehype-stringify under V8's sampling profiler, in this process;
// each sample's time goes to the part its stack is in. Prints ms per article by part.
import { Session } from 'node:inspector/promises';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkFactBoxes from 'fact-boxes/remark';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const PASSES = 30;
const PARTS = [
  ['fact-boxes', /\/fact-boxes\/dist\//],
  ['remark-rehype and rehype-stringify (mdast-util-to-hast, hast-util-to-html)', /node_modules\/(?:mdast-util-to-hast|hast-util-to-html|remark-rehype|rehype-stringify|stringify-entities|property-information|zwitch|comma-separated-tokens|space-separated-tokens|html-void-elements|ccount)\//],
  ['parsing (micromark, mdast-util-from-markdown, directives)', /node_modules\/(?:micromark[^/]*|mdast-util-from-markdown|mdast-util-directive|remark-parse|remark-directive|decode-named-character-reference|character-entities[^/]*|parse-entities)\//],
];

async function parts(processor) {
  for (let pass = 0; pass < 5; pass++) for (const text of corpus) processor.processSync(text); // warm up
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let pass = 0; pass < PASSES; pass++) for (const text of corpus) processor.processSync(text);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totals = new Map();
  for (let index = 0; index < profile.samples.length; index++) {
    let part;
    for (let id = profile.samples[index]; id !== undefined && !part; id = parentOf.get(id)) {
      const { url, functionName } = nodes.get(id).callFrame;
      if (functionName === '(garbage collector)') part = 'garbage collection';
      else part = PARTS.find(([, pattern]) => pattern.test(url))?.[0];
    }
    part ??= 'the rest (unified, vfile, the harness)';
    totals.set(part, (totals.get(part) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000 / (PASSES * corpus.length));
  }
  return totals;
}

const without = await parts(unified().use(remarkParse).use(remarkDirective).use(remarkRehype).use(rehypeStringify).freeze());
const withBoxes = await parts(unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).freeze());
const names = [...new Set([...withBoxes.keys(), ...without.keys()])].sort((a, b) => (withBoxes.get(b) ?? 0) - (without.get(b) ?? 0) - ((withBoxes.get(a) ?? 0) - (without.get(a) ?? 0)));
const sum = (map) => [...map.values()].reduce((total, value) => total + value, 0);
console.log('| part (ms per article of 8 boxes) | without fact-boxes | with fact-boxes | added |\n| --- | ---: | ---: | ---: |');
for (const name of names) console.log(`| ${name} | ${(without.get(name) ?? 0).toFixed(3)} | ${(withBoxes.get(name) ?? 0).toFixed(3)} | ${((withBoxes.get(name) ?? 0) - (without.get(name) ?? 0)).toFixed(3)} |`);
console.log(`| total | ${sum(without).toFixed(3)} | ${sum(withBoxes).toFixed(3)} | ${(sum(withBoxes) - sum(without)).toFixed(3)} |`);
