// `node bench/store-literal.mjs [MB…]`: what V8 takes to compile a module holding one long string literal, the form
// in which Astro's single-file content store (`data-store.json`, every entry's rendered HTML) reaches a build
// (`export default JSON.parse("…")`), against the same module as fact-boxes cuts it (`storeInPieces` of
// src/astro/content-store.ts: literals of about 1 MiB; needs the package built). Each module is imported in a child
// process of its own; seconds from `import()` called to the module evaluated. The text is JSON of HTML, as in the
// store: tags and quoted attributes, escaped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeInPieces } from '../packages/fact-boxes/dist/astro/content-store.js';

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['10', '20', '40', '80']).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'store-literal-'));
const html = JSON.stringify(['<section class="fact-box" id="a-1"><p class="fact-box__kind">Claim</p><p>Words of the article, at 10:30.</p></section>\n']);

/** Seconds to import `file` in a fresh process. */
function importTime(file) {
  const script = `const start = performance.now(); await import(${JSON.stringify(file)}); console.log((performance.now() - start) / 1000);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

console.log('| store JSON, MB | one literal, s | as fact-boxes cuts it, s |\n| ---: | ---: | ---: |');
try {
  for (const megabytes of sizes) {
    // JSON of an array of HTML strings, of about the size asked: the module as Astro writes it, and as cut.
    const json = `[${Array(Math.ceil((megabytes * 1e6) / html.length)).fill(html.slice(1, -1)).join(',')}]`;
    const module = `export default JSON.parse(${JSON.stringify(json)})`;
    const one = join(dir, `one-${megabytes}.mjs`);
    const cut = join(dir, `cut-${megabytes}.mjs`);
    writeFileSync(one, module);
    writeFileSync(cut, storeInPieces(module));
    console.log(`| ${megabytes} | ${importTime(one).toFixed(2)} | ${importTime(cut).toFixed(2)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
