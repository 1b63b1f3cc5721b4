// Main-thread CPU of whole builds, by package: `node bench/cpu-by-package.mjs <dir> <dir> …`, each dir
// holding one `--cpu-prof` profile (e.g. from `NODE_ARGS="--cpu-prof --cpu-prof-dir=…" node bench/profile.mjs`).
// Self time of every sample goes to the package its function comes from (fact-boxes by its dist
// folder, node's internals, V8's own rows such as the garbage collector and idle time); rows are
// sorted by what the last profile adds over the first, in seconds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Seconds of self time by package, in one profile. */
function byPackage(dir) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`cpu-by-package: no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const seconds = new Map();
  for (let index = 0; index < profile.samples.length; index++) {
    const { url, functionName } = nodes.get(profile.samples[index]).callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const key = /packages\/fact-boxes\/dist\//.test(url) ? 'fact-boxes' : pkg ?? (url.startsWith('node:') ? 'node (internals)' : url ? 'the site’s own code (pages, chunks)' : `(${functionName.replace(/[()]/g, '')})`);
    seconds.set(key, (seconds.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1e6);
  }
  return seconds;
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: node bench/cpu-by-package.mjs <profile dir> [<profile dir> …]');
const tables = dirs.map(byPackage);
const keys = [...new Set(tables.flatMap((table) => [...table.keys()]))];
const added = (key) => (tables.at(-1).get(key) ?? 0) - (tables[0].get(key) ?? 0);
keys.sort((a, b) => added(b) - added(a));
const cell = (value) => value.toFixed(2);
console.log(`| main thread, seconds | ${dirs.join(' | ')} | added by the last |`);
console.log(`| --- |${' ---: |'.repeat(dirs.length + 1)}`);
for (const key of keys.slice(0, Number(process.env.ROWS ?? 15))) console.log(`| ${key} | ${tables.map((table) => cell(table.get(key) ?? 0)).join(' | ')} | ${cell(added(key))} |`);
const totals = tables.map((table) => [...table.values()].reduce((sum, value) => sum + value, 0));
console.log(`| total | ${totals.map(cell).join(' | ')} | ${cell(totals.at(-1) - totals[0])} |`);
