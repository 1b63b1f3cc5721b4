// Does a box's HTML cost a build less outside the page's module? `node bench/html-outside.mjs <articles> <rounds>`
// builds three sites of the bench corpus in alternation, each in a child process: the floor (no boxes), the boxes'
// static HTML written into each MDX page as one string each (`<Fragment set:html={"…"} />`, the site bench's
// "static HTML"), and the same pages with each string replaced by a call that reads it, when the page renders,
// from a JSON file beside the site (`<Fragment set:html={fb(12)} />`, no plugin). Same HTML out; one line each:
// seconds and peak MiB.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './site.mjs';

const count = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 2);
const work = fileURLToPath(new URL('.work/', import.meta.url));
const floor = generate('floor', count);
const inModule = generate('static HTML', count);

// The same pages, each string asked for by its number.
const outside = join(work, `static-html-outside-${count}`);
rmSync(outside, { recursive: true, force: true });
cpSync(inModule, outside, { recursive: true, filter: (path) => !/\/(dist|node_modules|\.astro)(\/|$)/.test(path) });
const strings = [];
const pages = join(outside, 'src', 'pages', 'articles');
const store = join(outside, 'html.json');
writeFileSync(join(outside, 'src', 'html.mjs'), `import { readFileSync } from 'node:fs';\nlet all;\nexport function fb(index) {\n  all ??= JSON.parse(readFileSync(${JSON.stringify(store)}, 'utf8'));\n  return all[index];\n}\n`);
for (const name of readdirSync(pages)) {
  const file = join(pages, name);
  const text = readFileSync(file, 'utf8').replace(/<Fragment set:html=\{("(?:[^"\\]|\\.)*")\} \/>/g, (_, json) => `<Fragment set:html={fb(${strings.push(JSON.parse(json)) - 1})} />`);
  writeFileSync(file, `import { fb } from '../../html.mjs';\n\n${text}`);
}
writeFileSync(store, JSON.stringify(strings));

function build(dir) {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const script = `const { build } = await import('astro'); const t = performance.now(); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop());
}

const sites = [['floor', floor], ['static HTML in the module', inModule], ['static HTML outside it', outside]];
for (let round = 0; round < rounds; round++) {
  for (const [name, dir] of round % 2 === 0 ? sites : [...sites].reverse()) {
    const { seconds, peakMiB } = build(dir);
    console.log(JSON.stringify({ articles: count, site: name, round: round + 1, seconds: Number(seconds.toFixed(2)), peakMiB: Math.round(peakMiB) }));
  }
}
