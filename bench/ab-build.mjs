// Two builds of the package, each in whole-site builds: `node bench/ab-build.mjs <dist A> <dist B> [articles]
// [rounds] ["<variant>;<variant>;…"]`. Each round copies one dist folder into packages/fact-boxes/dist and builds
// the variants of bench/profile.mjs with it (default `fact-boxes`; `md:<name>` for one of its `.md` collection
// variants, e.g. `md:fact-boxes`), then the other, the order swapped every other
// round; at the end the dist folder that was there is put back. One line a build, then the means: seconds, CPU
// seconds of every thread, peak resident MiB. A dist folder of an earlier commit: check it out, `npm run
// build:package`, and copy packages/fact-boxes/dist away (e.g. to bench/.work/dist-before).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profile, profileMd } from './profile.mjs';

const [a, b, articles = '1000', rounds = '5', list = 'fact-boxes'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/ab-build.mjs <dist A> <dist B> [articles] [rounds] ["<variant>;…"]');
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/fact-boxes/dist');
const saved = join(root, 'bench/.work/ab-build-dist-saved');
const sides = [a, b].map((folder) => resolve(folder));
for (const side of sides) if (!existsSync(join(side, 'astro.js'))) throw new Error(`ab-build: ${side} is not a built packages/fact-boxes/dist`);
const variants = list.split(';').map((name) => name.trim()).filter(Boolean);

rmSync(saved, { recursive: true, force: true });
cpSync(dist, saved, { recursive: true });
const results = [];
try {
  for (let round = 0; round < Number(rounds); round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      rmSync(dist, { recursive: true, force: true });
      cpSync(side, dist, { recursive: true });
      for (const variant of variants) {
        const run = variant.startsWith('md:') ? profileMd(variant.slice(3), Number(articles)) : profile(variant, Number(articles));
        results.push({ side, variant, ...run });
        console.log(JSON.stringify({ dist: side, variant, round: round + 1, seconds: +run.seconds.toFixed(2), cpuSeconds: +run.cpuSeconds.toFixed(2), peakMiB: Math.round(run.peakMiB) }));
      }
    }
  }
} finally {
  rmSync(dist, { recursive: true, force: true });
  cpSync(saved, dist, { recursive: true });
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
console.log(`\n| dist | variant (${articles} MDX articles) | builds | seconds | CPU seconds | peak MiB |\n| --- | --- | ---: | ---: | ---: | ---: |`);
for (const side of sides) {
  for (const variant of variants) {
    const runs = results.filter((run) => run.side === side && run.variant === variant);
    console.log(`| ${side} | ${variant} | ${runs.length} | ${mean(runs.map((run) => run.seconds)).toFixed(2)} | ${mean(runs.map((run) => run.cpuSeconds)).toFixed(2)} | ${mean(runs.map((run) => run.peakMiB)).toFixed(0)} |`);
  }
}
