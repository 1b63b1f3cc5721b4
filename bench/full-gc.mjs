// Memory without the garbage: preloaded into a build's node (NODE_ARGS="--expose-gc
// --import=./bench/full-gc.mjs", with bench/profile.mjs, rss-timeline.mjs or gc-trace.mjs), it runs a
// full collection every 300 ms (GC_EVERY=ms) and prints, when the build ends, the largest of each
// field of process.memoryUsage() and all of them at the largest resident set, in MiB. What is left at
// the peak is what the build holds, not what V8 has yet to collect: single builds then vary far less.
if (typeof globalThis.gc !== 'function') throw new Error('bench/full-gc.mjs needs node --expose-gc');
const mib = (bytes) => Math.round(bytes / 2 ** 20);
const largest = {};
let atPeak = {};
setInterval(() => {
  globalThis.gc();
  const usage = process.memoryUsage();
  for (const [field, bytes] of Object.entries(usage)) largest[field] = Math.max(largest[field] ?? 0, mib(bytes));
  if (mib(usage.rss) >= largest.rss) atPeak = Object.fromEntries(Object.entries(usage).map(([field, bytes]) => [field, mib(bytes)]));
}, Number(process.env.GC_EVERY ?? 300)).unref();
process.on('exit', () => process.stderr.write(`full-gc: largest ${JSON.stringify(largest)}; at the largest resident set ${JSON.stringify(atPeak)}\n`));
