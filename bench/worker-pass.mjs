// Would a worker thread take the boxes' work off a build's main thread? A Vite plugin (before
// @astrojs/mdx) sends each `.mdx` page to one worker and hands the page on when the worker answers,
// so the work overlaps with what the main thread does for other pages (Rolldown asks for every
// page's transform at once). Pages hold the MDX fact-boxes makes, written by hand, so the build's
// own work is that variant's; the worker does, for each page, what the plugin does on the main
// thread in a real build: the article through Sätteri's `mdxToJs` with fact-boxes as the Astro
// integration runs it (its output thrown away). `WORKER_PASS=empty` answers at once: the round trip
// alone. Used by bench/profile.mjs's variants "… a worker …"; `WORKER_PASS_REPORT=1` prints, when the
// build ends, how many pages were in flight at most and how long the worker took from first to last.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

let worker;
const waiting = new Map();
let next = 0;
let inFlight = 0;
let most = 0;
let first;
let last;

/** The page's code, handed back when the worker has done a page's work (`work`: 'boxes' or 'empty'). */
export function throughWorker(code, id, work = 'boxes') {
  if (!worker) {
    worker = new Worker(new URL(import.meta.url), { execArgv: [], workerData: { work } });
    worker.unref();
    worker.on('message', ({ n }) => {
      const [resolve, page] = waiting.get(n);
      waiting.delete(n);
      inFlight--;
      last = performance.now();
      resolve(page);
    });
    if (process.env.WORKER_PASS_REPORT === '1') process.on('exit', () => console.error(`worker-pass: ${most} pages in flight at most; the worker's answers from first to last request ${((last - first) / 1000).toFixed(2)} s`));
  }
  inFlight++;
  most = Math.max(most, inFlight);
  first ??= performance.now();
  const n = next++;
  return new Promise((resolve) => {
    waiting.set(n, [resolve, code]);
    worker.postMessage({ n, id });
  });
}

if (!isMainThread) {
  const { mdxToJs } = await import('satteri');
  const { article } = await import('./corpus.mjs');
  const { satteriAsAstro } = await import('./satteri-as-astro.mjs');
  // As Astro parses MDX by default.
  const features = { directive: true, gfm: true, smartPunctuation: true };
  const plugins = satteriAsAstro('fragment', features);
  parentPort.on('message', ({ n, id }) => {
    // The page is bench/profile.mjs's article of that number: the worker works on the article itself.
    if (workerData.work === 'boxes') mdxToJs(article(Number(/(\d+)\.mdx$/.exec(id)[1])), { features, ...plugins });
    parentPort.postMessage({ n });
  });
}
