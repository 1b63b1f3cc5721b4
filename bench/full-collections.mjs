// V8's full collections over a build: `node bench/full-collections.mjs [articles] [variant;variant…]`
// builds profile sites (bench/profile.mjs; default: the MDX fact-boxes makes written by hand, and
// fact-boxes) in a child process with `--trace-gc`, and prints for each its mark-compacts: how large
// the heap had grown before each, and what it still held after (the live heap at that moment). V8 lets
// the heap grow to a multiple of what the last full collection left before it collects again, so what
// a build holds at that moment counts several times in its peak. NODE_ARGS="…" passes more flags.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeArgs, profileSite } from './profile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'the MDX fact-boxes makes, written by hand, and the stylesheet imported as ESM;fact-boxes').split(';');

for (const name of names) {
  const dir = profileSite(name, count);
  const script = `const { build } = await import('astro'); const t = performance.now(); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024 })); process.exit(0);`;
  const out = execFileSync(process.execPath, ['--trace-gc', ...nodeArgs(), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  // `Mark-Compact 1200.5 (1310.2) -> 420.1 (480.3) MB`: heap used before (committed) -> after (committed).
  const collections = [...out.matchAll(/Mark-Compact[^\n]*? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g)].map((match) => ({ before: Number(match[1]), after: Number(match[2]) }));
  const { seconds, peakMiB } = JSON.parse(out.split('\n').find((line) => line.startsWith('{"seconds"')));
  const largest = (field) => Math.round(Math.max(...collections.map((collection) => collection[field])));
  console.log(
    JSON.stringify({
      variant: name,
      articles: count,
      seconds: Number(seconds.toFixed(1)),
      peakMiB: Math.round(peakMiB),
      scavenges: (out.match(/Scavenge/g) ?? []).length,
      fullCollections: collections.length,
      largestHeapBeforeMB: largest('before'),
      largestLiveAfterMB: largest('after'),
      liveAfterEachMB: collections.map((collection) => Math.round(collection.after)).join(' '),
    }),
  );
}
