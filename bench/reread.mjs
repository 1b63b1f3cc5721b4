// What reading prose again costs on unified: `node bench/reread.mjs [dist]`. The bench articles parsed
// with GFM and remark-directive (their `mailto:desk@example.com` is prose where a directive took an
// address), then the directives nobody handled restored in two ways on the same trees, in alternation:
// by their text alone, and with the processor's plain reading (blocks where a directive took markup
// read again without directives, engine/restore.ts). CPU ms per article, best and median of 40 rounds,
// and how many blocks an article has read again. `dist` defaults to packages/fact-boxes/dist.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { article } from './corpus.mjs';

const dist = resolve(process.argv[2] ?? new URL('../packages/fact-boxes/dist', import.meta.url).pathname);
const { restoreUnhandledDirectives } = await import(pathToFileURL(resolve(dist, 'engine/restore.js')).href);
const { plainReading } = await import(pathToFileURL(resolve(dist, 'adapters/plain-reading.js')).href);
const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

let parses = 0;
/** The processor's plain reading, counting the blocks it reads. */
const counted = () => {
  const reading = plainReading(processor);
  const parse = reading.parse.bind(reading);
  return Object.assign(reading, { parse: (text) => (parses++, parse(text)) });
};
const ways = { 'by text': () => undefined, 'read again': counted };
const times = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
for (let round = 0; round < 40; round++) {
  const names = round % 2 === 0 ? Object.keys(ways) : Object.keys(ways).reverse();
  for (const way of names) {
    const trees = corpus.map((text) => processor.parse(text));
    const start = process.cpuUsage();
    trees.forEach((tree, index) => restoreUnhandledDirectives(tree, corpus[index], ways[way]()));
    const used = process.cpuUsage(start);
    times[way].push((used.user + used.system) / 1000 / corpus.length);
  }
}
for (const [way, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  console.log(`${way}: best ${list[0].toFixed(3)} ms, median ${list[list.length / 2].toFixed(3)} ms per article`);
}
console.log(`blocks read again: ${(parses / (40 * corpus.length)).toFixed(2)} per article`);
