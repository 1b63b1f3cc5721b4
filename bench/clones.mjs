// What remark-rehype clones for fact-boxes: `node bench/clones.mjs [<dist> …]` runs the bench corpus through
// unified (remark-parse, remark-directive, fact-boxes, remark-rehype, rehype-stringify) and counts the
// `structuredClone` calls per article, with and without fact-boxes. mdast-util-to-hast clones the
// `data.hProperties` of every node it turns into an element, a few µs each. Each <dist> is a build of the
// package (packages/fact-boxes/dist of a commit, or a copy of it); none: the package as built here.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { article } from './corpus.mjs';

const corpus = Array.from({ length: 20 }, (_, index) => article(index));
const native = globalThis.structuredClone;
let calls = 0;
globalThis.structuredClone = (value, options) => {
  calls++;
  return native(value, options);
};

/** structuredClone calls per article through the pipeline with `plugin` (none: without fact-boxes). */
async function perArticle(plugin) {
  const pipeline = unified().use(remarkParse).use(remarkDirective);
  if (plugin) pipeline.use(plugin);
  pipeline.use(remarkRehype).use(rehypeStringify);
  calls = 0;
  for (const text of corpus) await pipeline.process(text);
  return calls / corpus.length;
}

const dists = process.argv.slice(2);
console.log(`${await perArticle(null)} structuredClone calls per article without fact-boxes`);
for (const dist of dists.length > 0 ? dists : [null]) {
  const { default: plugin } = await import(dist ? pathToFileURL(resolve(dist, 'adapters/remark.js')).href : 'fact-boxes/remark');
  console.log(`${await perArticle(plugin)} with fact-boxes ${dist ?? '(fact-boxes/remark)'}`);
}
