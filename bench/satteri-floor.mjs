// What a Sätteri mdast plugin pays before doing any work of its own, per article of the bench corpus
// (8 boxes each): visiting every container directive, reading every node of each box (which makes
// Sätteri build them in JavaScript), copying each box out of Sätteri, handing the copy back; against
// Sätteri alone and against fact-boxes. CPU time, median of alternating rounds.
//   node bench/satteri-floor.mjs        (after npm run build:package)
import { mdxToJs } from 'satteri';
import factBoxes from 'fact-boxes/satteri';
import { article } from './corpus.mjs';
import { copy } from './satteri-copy.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));

/** Read every node of a box (its type, value and children), as any plugin that looks inside a box must. */
let read = 0; // what was read adds up here, so no read can be optimised away
function walk(node) {
  read += node.type.length + (typeof node.value === 'string' ? node.value.length : 0);
  if (node.children) for (const child of node.children) walk(child);
}

const plugin = (containerDirective) => ({ mdastPlugins: [() => ({ name: 'floor', options: { position: true }, containerDirective })], hastPlugins: [] });
const VARIANTS = {
  'Sätteri alone': {},
  'visit each container': plugin(() => {}),
  'visit and read every node of each box': plugin((node) => walk(node)),
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
