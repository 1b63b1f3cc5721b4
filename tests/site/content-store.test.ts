/**
 * Astro's single-file content store reaches a build as one module holding one
 * string literal as long as the store; fact-boxes cuts it into literals of
 * about 1 MiB (src/astro/content-store.ts), since V8 compiles one literal in
 * time quadratic in its length. The pieces joined must be the literal's text,
 * character for character, wherever the cuts fall.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentStoreInPieces, storeInPieces } from '../../packages/fact-boxes/src/astro/content-store.js';
import { astro, ROOT } from './astro-cli.ts';
import { asCalled } from './vite-hook.js';

/** Astro's module of a store holding `json`, as its content plugin writes it. */
const storeModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
/** What a module of that form gives when it runs. */
const run = (code: string): unknown => new Function(code.replace(/^export default /, 'return '))();

// Text with every escape JSON.stringify writes (quotes, backslashes, control characters, \uXXXX), runs of
// backslashes, characters outside the BMP (a cut must not split a pair's escapes), and HTML as the store holds it.
const unit = fc.constantFrom('a', ' ', '"', '\\', '\\\\', '\n', '\t', '\u0001', '\u2028', '😀', '\ud800', '<p class="x">', 'é', '\\u003C');

describe('the content store in pieces', () => {
  test('should give the same store wherever the cuts fall', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (units, size) => {
        const json = JSON.stringify({ html: units.join(''), list: units });
        const code = storeModule(json);
        const cut = storeInPieces(code, size);
        if (cut === undefined) {
          expect(code.length).toBeLessThanOrEqual(size + 'export default JSON.parse("")'.length);
          return;
        }
        expect(run(cut)).toEqual(run(code));
      }),
      { numRuns: 2000 },
    );
  });

  test('should give the same text for any literal, escapes of every kind included', () => {
    // Astro's literal holds JSON, where control characters and lone surrogates are escaped already; any text here,
    // so that the literal holds \uXXXX escapes too, and what the module gives is compared as text.
    const asText = (code: string) => run(code.replace('JSON.parse(', 'String('));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (units, size) => {
        const code = `export default JSON.parse(${JSON.stringify(units.join(''))})`;
        const cut = storeInPieces(code, size);
        if (cut !== undefined) expect(asText(cut)).toBe(asText(code));
      }),
      { numRuns: 2000 },
    );
  });

  test('should cut a long store into pieces of about the size asked', () => {
    const json = JSON.stringify([...Array(2000).keys()].map((index) => `<section class="fact-box" id="a-${index}">Words at 10:30.</section>\n`));
    const cut = storeInPieces(storeModule(json), 4096)!;
    const pieces = cut.slice('export default JSON.parse(["'.length, -`"].join(''))`.length).split('","');
    expect(pieces.length).toBeGreaterThan(json.length / 4096 - 1);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(4096);
    expect(run(cut)).toEqual(JSON.parse(json));
  });

  test('should leave other modules, and a short store, as they are', () => {
    const plugin = { transform: asCalled(contentStoreInPieces().transform) };
    const long = storeModule(JSON.stringify('x'.repeat((3 << 20) - 100)));
    expect(plugin.transform(long, '/site/src/page.js')).toBeUndefined();
    expect(plugin.transform('export default new Map()', '\0astro:data-layer-content')).toBeUndefined();
    expect(plugin.transform(storeModule('[]'), '\0astro:data-layer-content')).toBeUndefined();
    const transformed = plugin.transform(long, '\0astro:data-layer-content');
    expect(transformed?.code.split('","')).toHaveLength(3);
  });

  test('should have a store whose entries hold markers put their boxes back, and fail on a module it does not know', () => {
    const plugin = { transform: asCalled(contentStoreInPieces().transform) };
    // devalue writes `<` as \u003C, and the module's literal escapes the backslash again.
    const json = JSON.stringify(['<p>a</p>\\u003C!--fact-boxes:html:abcdefghijklmnopqrstuvwx-->']);
    const fill = "import { fillFactBoxHtml } from 'fact-boxes/astro/html';\n";
    expect(plugin.transform(storeModule(json), '\0astro:data-layer-content')?.code).toBe(`${fill}export default fillFactBoxHtml(JSON.parse(${JSON.stringify(json)}))`);
    const long = storeModule(JSON.stringify(['x'.repeat((3 << 20) - 100), '\\u003C!--fact-boxes:html:abcdefghijklmnopqrstuvwx-->']));
    const cut = plugin.transform(long, '\0astro:data-layer-content')!.code;
    expect(cut.startsWith(`${fill}export default fillFactBoxHtml(JSON.parse(["`)).toBe(true);
    expect(run(cut.slice(fill.length).replace('fillFactBoxHtml(', '('))).toEqual(run(long));
    expect(() => plugin.transform(`export default new Map([["a", "!--fact-boxes:html:abcdefghijklmnopqrstuvwx-->"]])`, '\0astro:data-layer-content')).toThrow(/a form fact-boxes does not know/);
  });

  test("should match the module Astro writes for a single-file store", () => {
    // If Astro writes the store another way, the plugin leaves it alone: this test says so first.
    const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const source = readFileSync(join(astro, 'dist/content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(source).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
    expect(readFileSync(join(astro, 'dist/content/consts.js'), 'utf8')).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content"');
  });
});

describe('a build whose content store is cut', () => {
  test('should render every entry, boxes and prose, from the pieces', async () => {
    // The cache test's site, with an entry long enough for a store of several pieces (about 3 MiB).
    const site = join(ROOT, 'tests/fixtures/sites/.tmp/content-store');
    rmSync(site, { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/sites/cached'), site, { recursive: true });
    const paragraph = 'The statement came at 10:30, said re:Invent staff, and the "quotes" and \\backslashes\\ stayed.\n\n';
    writeFileSync(join(site, 'src/content/notes/d-long.md'), `---\ntitle: A long note\n---\n\n${paragraph.repeat(12_000)}:::claim[The last vow]{by="Ashab al-Kahf" date=2023-11-06}\nThe last words.\n:::\n`);
    // Which form the store's module had when the bundler wrote it.
    mkdirSync(join(site, 'spy'), { recursive: true });
    const spy = join(site, 'spy/store.txt');
    writeFileSync(
      join(site, 'astro.config.mjs'),
      readFileSync(join(site, 'astro.config.mjs'), 'utf8').replace(
        'vite: { cacheDir: `./.tmp/${processor}/vite` },',
        `vite: { cacheDir: \`./.tmp/\${processor}/vite\`, plugins: [{ name: 'spy', generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.moduleIds.includes('\\0astro:data-layer-content')) appendFileSync(${JSON.stringify(spy)}, String(chunk.code.match(/"\\s*,\\s*"/g)?.length ?? 0) + '\\n');
  } }] },`,
      ),
    );
    const run = await astro(['build', '--root', site], ROOT, { FACT_BOXES_PROCESSOR: 'satteri' });
    expect(run.code, run.output).toBe(0);
    // Pieces of 1 MiB, the literals between them counted as the bundler wrote them: at least three for the long note.
    expect(1 + Math.max(...readFileSync(spy, 'utf8').split('\n').filter(Boolean).map(Number))).toBeGreaterThanOrEqual(3);
    const page = readFileSync(join(site, '.tmp/satteri/dist/index.html'), 'utf8');
    expect(page.match(/data-fact-box="/g)).toHaveLength(3);
    expect(page.split('said re:Invent staff, and the “quotes” and \\backslashes\\ stayed.').length - 1).toBe(12_000);
    expect(page).toContain('The last words.');
  }, 240_000);
});
