// What V8's young generation hands to the old one over a build: `node bench/gc-trace.mjs [articles]
// [variant;variant…]` builds profile sites (bench/profile.mjs; default: the boxes' HTML by hand, and
// fact-boxes) in a child process with `--trace-gc-nvp`, and adds up each scavenge's promoted bytes.
// Objects still alive when a scavenge runs are copied, and promoted on their second survival: the more
// a build allocates, the more scavenges run, and the more of whatever is in flight at those moments
// (Vite's modules, Astro's pages) lands in the old generation, which then grows until a full collection.
// NODE_ARGS="…" passes more flags to the build's node.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeArgs, profileSite } from './profile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'boxes as one HTML string each, no plugin;fact-boxes').split(';');

function trace(name) {
  const dir = profileSite(name, count);
  const script = `const { build } = await import('astro'); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); process.exit(0);`;
  const out = execFileSync(process.execPath, ['--trace-gc-nvp', ...nodeArgs(), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  const totals = { scavenges: 0, full: 0, promoted: 0 };
  for (const line of out.split('\n')) {
    const kind = /\bgc=(\w+)/.exec(line)?.[1];
    if (kind === undefined) continue;
    if (kind !== 's') totals.full++;
    else {
      totals.scavenges++;
      totals.promoted += Number(/\bpromoted=(\d+)/.exec(line)?.[1] ?? 0);
    }
  }
  return totals;
}

console.log(`| variant (${count} MDX articles) | scavenges | full collections | promoted MiB |\n| --- | ---: | ---: | ---: |`);
for (const name of names) {
  const { scavenges, full, promoted } = trace(name);
  console.log(`| ${name} | ${scavenges} | ${full} | ${(promoted / 2 ** 20).toFixed(0)} |`);
}
