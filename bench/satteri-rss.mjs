// A trap when measuring memory (`node --expose-gc bench/satteri-rss.mjs`): 8,000 articles through
// Sätteri with a plugin that reads every node of each box, resident memory after each 1,000, first
// yielding to the event loop every 50 documents, then never yielding. Sätteri's buffers are
// freed by finalizers that run on the event loop: without turns, memory looks as if it leaked.
import { mdxToJs } from 'satteri';
import { article } from './corpus.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const walk = (node) => node.children?.forEach(walk);
const options = { features: { directive: true }, mdastPlugins: [() => ({ name: 'read', options: { position: true }, containerDirective: walk })], hastPlugins: [] };
const resident = () => {
  globalThis.gc();
  return Math.round(process.memoryUsage().rss / 2 ** 20);
};

for (const yielding of [true, false]) {
  const seen = [resident()];
  for (let thousand = 0; thousand < 8; thousand++) {
    for (let index = 0; index < 1000; index++) {
      mdxToJs(article(index), options);
      if (yielding && index % 50 === 0) await new Promise(setImmediate);
    }
    seen.push(resident());
  }
  console.log(`${yielding ? 'yielding every 50 documents' : 'never yielding'}: resident MiB ${seen.join(' → ')}`);
}
