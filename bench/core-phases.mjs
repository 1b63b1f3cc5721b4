// `node bench/core-phases.mjs`: where the core's time per box goes, on the bench corpus (best of 15 rounds, wall
// time): a whole box built (`buildBox`: attributes read and validated, body parsed, rendered), its attributes
// alone, zod's `safeParse` alone, and the built box turned into what the host compiles (`toMdast`). Each part in a
// loop of its own, so each runs warm: a build runs them colder (bench/profile.md).
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
// The engine itself, not a public entry point: from the built files.
import { readAttributes } from '../packages/fact-boxes/dist/engine/attributes.js';
import { buildBox } from '../packages/fact-boxes/dist/engine/build.js';
import { resolveOptions } from '../packages/fact-boxes/dist/engine/options.js';
import { DocumentState } from '../packages/fact-boxes/dist/engine/state.js';
import { toCamelCase } from '../packages/fact-boxes/dist/text/case.js';
import { toMdast } from '../packages/fact-boxes/dist/render/to-mdast.js';
import { article } from './corpus.mjs';

const options = resolveOptions({ staticHtml: 'fragment' });
const parse = unified().use(remarkParse).use(remarkDirective);
/** Every box of 20 articles, with its article's text. */
const boxes = Array.from({ length: 20 }, (_, index) => article(index)).flatMap((text) =>
  parse.parse(text).children.filter((node) => node.type === 'containerDirective').map((node) => ({ node, text })),
);
const copies = 4;

/** Best of 15 rounds of `run` over `copies` sets of boxes, in µs a box. */
function time(label, prepare, run) {
  let best = Infinity;
  for (let round = 0; round < 15; round++) {
    const sets = Array.from({ length: copies }, prepare);
    const start = performance.now();
    for (const set of sets) run(set);
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${label.padEnd(44)} ${((best * 1000) / (copies * boxes.length)).toFixed(1).padStart(6)} µs a box`);
}

/** Boxes copied (the core changes the tree it is given), each with a document state shared by its article's boxes. */
const fresh = () => {
  const states = new Map();
  return boxes.map(({ node, text }) => {
    let state = states.get(text);
    if (!state) states.set(text, (state = new DocumentState(text, options.headingLevel, options.locales?.forDocument({ source: text }), options)));
    return { node: structuredClone(node), state, definition: options.boxes.get(node.name) };
  });
};
let built = [];
time('buildBox (validated and rendered)', fresh, (set) => (built = set.map(({ node, state, definition }) => buildBox(definition, node, state).element)));
time('  of which readAttributes (zod included)', fresh, (set) => set.forEach(({ node, state, definition }) => readAttributes(definition, node, state, () => {})));
time('  of which zod safeParse alone', fresh, (set) => set.forEach(({ node, definition }) => definition.attributes.safeParse(Object.fromEntries(Object.entries(node.attributes).map(([name, value]) => [toCamelCase(name), value])))));
time('toMdast (the static parts as HTML strings)', () => built, (set) => set.forEach((element) => toMdast(element, 'fragment')));
