// What a Sätteri mdast plugin pays before doing any work of its own, per article of the bench corpus
// (8 boxes each): visiting every container directive, copying each box out of Sätteri, handing the
// copy back; against Sätteri alone and against fact-boxes. CPU time, median of alternating rounds.
//   node bench/satteri-floor.mjs        (after npm run build:package)
import { mdxToJs } from 'satteri';
import factBoxes from 'fact-boxes/satteri';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));

/** A plain copy of a node Sätteri hands to a visitor, as the adapter makes it. */
function copy(node) {
  if (Array.isArray(node)) return node.map(copy);
  if (node === null || typeof node !== 'object') return node;
  const plain = {};
  for (const key in node) if (key !== '_resolver' && key !== '_id') plain[key] = key === 'position' || key === 'attributes' || key === 'data' ? node[key] : copy(node[key]);
  return plain;
}

const plugin = (containerDirective) => ({ mdastPlugins: [() => ({ name: 'floor', options: { position: true }, containerDirective })], hastPlugins: [] });
const VARIANTS = {
  'Sätteri alone': {},
  'visit each container': plugin(() => {}),
  'visit and copy each box': plugin((node) => void copy(node)),
  'visit, copy and hand back each box': plugin((node, ctx) => ctx.replaceNode(node, copy(node))),
  'fact-boxes': factBoxes({ staticHtml: 'fragment' }),
};

const samples = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, []]));
for (let round = 0; round < 14; round++) {
  const names = round % 2 === 0 ? Object.keys(VARIANTS) : Object.keys(VARIANTS).reverse();
  for (const name of names) {
    const before = process.cpuUsage();
    for (let pass = 0; pass < 4; pass++) for (const text of corpus) mdxToJs(text, { features: { directive: true }, ...VARIANTS[name] });
    const used = process.cpuUsage(before);
    if (round >= 2) samples[name].push((used.user + used.system) / 1000 / (4 * corpus.length));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const alone = median(samples['Sätteri alone']);
console.log('| plugin | ms per article | µs per box over Sätteri alone |\n| --- | ---: | ---: |');
for (const [name, values] of Object.entries(samples)) console.log(`| ${name} | ${median(values).toFixed(3)} | ${name === 'Sätteri alone' ? '–' : (((median(values) - alone) / 8) * 1000).toFixed(0)} |`);
