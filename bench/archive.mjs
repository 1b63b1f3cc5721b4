// `node bench/archive.mjs [articles]` (default 20,000): issue #11's newsroom archive. Builds a site of
// that many MDX articles, 8 boxes each, with fact-boxes on Astro's default processor, in a child process
// (`buildSite` in site.mjs), and writes what it measured to bench/archive.json: BENCHMARKS.md reports it
// under its goals, with the commit and the date it was measured at. Nothing else may run beside it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSite } from './site.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const articles = Number(process.argv[2] ?? 20000);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`archive: expected a number of articles, got "${process.argv[2]}"`);
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: root, encoding: 'utf8' }).trim() !== '';
const result = buildSite('satteri + fact-boxes', articles);
const archive = {
  articles,
  variant: result.variant,
  seconds: Number(result.seconds.toFixed(1)),
  peakMiB: Math.round(result.peakMiB),
  machineMiB: Math.round(totalmem() / 2 ** 20),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  node: process.version,
  commit: dirty ? `${commit} with uncommitted changes` : commit,
  date: new Date().toISOString().slice(0, 10),
  command: `node bench/archive.mjs ${articles}`,
};
writeFileSync(`${root}bench/archive.json`, `${JSON.stringify(archive, null, 2)}\n`);
console.log(JSON.stringify(archive));
