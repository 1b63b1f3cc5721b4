// What V8's young generation hands to the old one over a build: `node bench/gc-trace.mjs [articles]
// [variant;variant…]` builds profile sites (bench/profile.mjs; default: the boxes' HTML by hand, and
// fact-boxes) in a child process with `--trace-gc-nvp`, and adds up each scavenge's promoted bytes.
// Objects still alive when a scavenge runs are copied, and promoted on their second survival: the more
// a build allocates, the more scavenges run, and the more of whatever is in flight at those moments
// (Vite's modules, Astro's pages) lands in the old generation, which then grows until a full collection.
// For each full collection it also reads how large the heap had grown before it and what it still held
// after (the live heap then): V8 lets the heap grow to a multiple of that before the next one, so what a
// build holds at that moment counts several times in its peak. NODE_ARGS="…" passes more flags.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeArgs, profileSite } from './profile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'boxes as one HTML string each, no plugin;fact-boxes').split(';');

function trace(name) {
  const dir = profileSite(name, count);
  const script = `const { build } = await import('astro'); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); console.log('peak ' + process.resourceUsage().maxRSS); process.exit(0);`;
  const out = execFileSync(process.execPath, ['--trace-gc-nvp', ...nodeArgs(), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  const totals = { scavenges: 0, full: 0, promoted: 0, largestBefore: 0, largestAfter: 0, peakKiB: Number(/^peak (\d+)$/m.exec(out)?.[1] ?? 0) };
  for (const line of out.split('\n')) {
    const kind = /\bgc=(\w+)/.exec(line)?.[1];
    if (kind === undefined) continue;
    if (kind !== 's') {
      totals.full++;
      totals.largestBefore = Math.max(totals.largestBefore, Number(/\btotal_size_before=(\d+)/.exec(line)?.[1] ?? 0));
      totals.largestAfter = Math.max(totals.largestAfter, Number(/\btotal_size_after=(\d+)/.exec(line)?.[1] ?? 0));
    } else {
      totals.scavenges++;
      totals.promoted += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
    }
  }
  return totals;
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
console.log(`| variant (${count} MDX articles) | peak MiB | scavenges | full collections | promoted MiB | largest heap before a full collection, MiB | largest live heap after one, MiB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const name of names) {
  const { scavenges, full, promoted, largestBefore, largestAfter, peakKiB } = trace(name);
  console.log(`| ${name} | ${(peakKiB / 1024).toFixed(0)} | ${scavenges} | ${full} | ${mib(promoted)} | ${mib(largestBefore)} | ${mib(largestAfter)} |`);
}
