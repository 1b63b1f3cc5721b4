// When a build's memory peaks: `node bench/rss-timeline.mjs [articles] [variant;variant…]` builds
// profile sites (bench/profile.mjs; default: the boxes' HTML by hand, and fact-boxes) in a child
// process and reads its resident set from /proc every 100 ms. A sampler inside the build would
// stall whenever the main thread is busy; this one does not. The build marks its phases (each Vite
// environment's transform, bundle and write; Astro's page generation), and the peak is told with the
// phase it fell in. NODE_ARGS="…" passes flags to the build's node (e.g. V8's heap settings). `md:<name>`: one
// of bench/profile.mjs's `.md` collection variants (e.g. `md:fact-boxes`), whose entries Astro renders while it
// syncs its content, before the build starts. RSS_SECOND=1: a collection is built once unsampled, and its second
// build (from Astro's content cache, nothing to render) is the one sampled.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MD_VARIANTS, nodeArgs, profileSite } from './profile.mjs';
import { generate } from './site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const names = (process.argv[3] ?? 'boxes as one HTML string each, no plugin;fact-boxes').split(';');

/** One build: its phases in order, and the resident set (MiB) sampled over time. */
function timeline(name, { again = false } = {}) {
  const md = name.startsWith('md:') ? MD_VARIANTS[name.slice(3)] : undefined;
  if (name.startsWith('md:') && !md) throw new Error(`rss-timeline: no .md variant ${name.slice(3)} (bench/profile.mjs MD_VARIANTS)`);
  const dir = again ? sites.get(name) : md ? generate(md.site, count) : profileSite(name, count);
  sites.set(name, dir);
  if (md && !again) writeFileSync(join(dir, 'astro.config.mjs'), md.config);
  const script = `const start = performance.now(); const mark = (phase) => process.stderr.write('phase ' + Math.round(performance.now() - start) + ' ' + phase + '\\n');
const phases = { name: 'rss-timeline', buildStart() { mark('transform, ' + (this.environment?.name ?? 'build')); }, renderStart() { mark('bundle, ' + (this.environment?.name ?? 'build')); }, writeBundle() { mark('written, ' + (this.environment?.name ?? 'build')); } };
const { build } = await import('astro');
await build({ root: ${JSON.stringify(dir)}, logLevel: 'error', integrations: [{ name: 'rss-timeline', hooks: { 'astro:config:setup': ({ updateConfig }) => updateConfig({ vite: { plugins: [phases] } }), 'astro:build:start': () => mark('build started (content synced)'), 'astro:build:generated': () => mark('pages generated') } }] });
mark('done'); process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(), '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const start = performance.now();
    const samples = [];
    const marks = [];
    child.stderr.setEncoding('utf8');
    let partial = '';
    child.stderr.on('data', (text) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        const found = /^phase (\d+) (.+)$/.exec(line);
        if (found) marks.push({ at: Number(found[1]), phase: found[2] });
        else if (line.trim()) process.stderr.write(`${line}\n`);
      }
    });
    const timer = setInterval(() => {
      try {
        const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        if (kib) samples.push({ at: performance.now() - start, mib: kib / 1024 });
      } catch {
        // The build has just ended.
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ marks, samples });
      else reject(new Error(`rss-timeline: the build of ${name} failed`));
    });
  });
}

/** The folder of the site last written for each name. */
const sites = new Map();
const second = process.env.RSS_SECOND === '1';

for (const name of names) {
  if (second && !name.startsWith('md:')) throw new Error('rss-timeline: RSS_SECOND=1 builds .md collections (md:<name>) only');
  if (second) await timeline(name);
  const { marks, samples } = await timeline(name, { again: second });
  // A sample belongs to the last phase marked before it (the child's clock starts a little after ours).
  const phaseAt = (at) => marks.filter((mark) => mark.at <= at).at(-1)?.phase ?? 'starting';
  const peak = samples.reduce((a, b) => (b.mib > a.mib ? b : a));
  console.log(`\n${name}, ${count} ${name.startsWith('md:') ? '.md entries' : 'MDX articles'}: ${second ? 'second build, ' : ''}peak ${peak.mib.toFixed(0)} MiB at ${(peak.at / 1000).toFixed(1)} s, in "${phaseAt(peak.at)}"`);
  console.log('| phase | from s | largest resident set MiB |\n| --- | ---: | ---: |');
  const phases = [{ at: 0, phase: 'starting' }, ...marks];
  phases.forEach(({ at, phase }, index) => {
    const end = phases[index + 1]?.at ?? Infinity;
    const inside = samples.filter((sample) => sample.at >= at && sample.at < end);
    if (inside.length > 0) console.log(`| ${phase} | ${(at / 1000).toFixed(1)} | ${Math.max(...inside.map((sample) => sample.mib)).toFixed(0)} |`);
  });
}
