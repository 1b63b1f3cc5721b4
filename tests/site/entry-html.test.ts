/**
 * A `.md` content collection entry keeps its boxes' HTML out of Astro's
 * content store in a build without an adapter (src/astro/entry-html.ts): the
 * store holds a marker for each static part of a box, and its module puts the
 * parts back when it runs. Pages, and what any code reads from an entry, are
 * the same as with the HTML in the store, on a first build and on a build
 * from Astro's cache.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readStoreFile, STORE_FILE, storeFileText } from '../../packages/fact-boxes/src/astro/cache.js';
import { ENTRY_HTML_MARKER, fillEntryHtml, keepBoxesOut } from '../../packages/fact-boxes/src/astro/entry-html.js';
import { astro, ROOT } from './astro-cli.ts';

const section = (words: string) => `<section class="fact-box fact-box--claim" id="a"><header><p class="fact-box__kind">Claim</p></header><dl class="fact-box__facts"><dt>By</dt><dd>${words}</dd></dl></section>`;

describe('markers for the boxes of an entry', () => {
  test('should give the page back as it was, whatever the boxes and what is around them', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '"', '\n', 'é', '<!--', '-->', '<p>', '</section>') });
    // A box: its parts of static HTML, the author's content between them.
    const box = fc.array(fc.oneof(text, text.map(section)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, box, fc.array(text, { minLength: 2, maxLength: 2 })), { maxLength: 5 }), text, (boxes, tail) => {
        const html = boxes.map(([before, parts, [between]]) => before + parts.join(between!)).join('') + tail;
        const out = keepBoxesOut(html, boxes.map(([, parts]) => parts));
        expect(out).toBeDefined();
        expect(fillEntryHtml({ html: out!.html }, (key) => out!.kept.get(key)).html).toBe(html);
        expect(out!.html.match(/<!--fact-boxes:html:/g)?.length ?? 0).toBe(boxes.length);
      }),
      { numRuns: 500 },
    );
  });

  test('should take each box out whole, the author\'s content in it included', () => {
    const html = `<p>Before.</p><section class="fact-box"><h2>The <em>title</em></h2><p>Body.</p></section><p>After.</p>`;
    const out = keepBoxesOut(html, [['<section class="fact-box"><h2>', '</h2><p>Body.</p></section>']])!;
    expect(out.html).toMatch(/^<p>Before\.<\/p><!--fact-boxes:html:[\w-]{24}--><p>After\.<\/p>$/);
    expect([...out.kept.values()]).toEqual(['<section class="fact-box"><h2>The <em>title</em></h2><p>Body.</p></section>']);
  });

  test('should leave a page whose boxes are not where they are expected', () => {
    expect(keepBoxesOut(`<p>x</p>${section('A')}`, [[section('B')]])).toBeUndefined();
    // In page order: the second box before the first is not found after it.
    expect(keepBoxesOut(`${section('B')}${section('A')}`, [[section('A')], [section('B')]])).toBeUndefined();
  });

  test('should fill every string of the store, in arrays and objects, and hand on a box it lacks', () => {
    const out = keepBoxesOut(`<h2>t</h2>${section('Ashab al-Kahf')}`, [[section('Ashab al-Kahf')]])!;
    const data = [{ rendered: 1 }, out.html, ['x', { html: out.html }]];
    expect(fillEntryHtml(data, (key) => out.kept.get(key))).toEqual([{ rendered: 1 }, `<h2>t</h2>${section('Ashab al-Kahf')}`, ['x', { html: `<h2>t</h2>${section('Ashab al-Kahf')}` }]]);
    // A box it lacks: the marker stays, and is handed on (Astro would give an empty store for a module that throws).
    const missing: string[] = [];
    expect(fillEntryHtml([out.html], () => undefined, (key) => missing.push(key))).toEqual([out.html]);
    expect(missing).toEqual([...out.kept.keys()]);
    // An author's comment that only starts like a marker is left alone.
    expect(fillEntryHtml(`${ENTRY_HTML_MARKER}mine-->`, () => undefined)).toBe(`${ENTRY_HTML_MARKER}mine-->`);
  });
});

describe('a build whose collection entries keep their boxes out of the content store', () => {
  test('should give the pages the plugin gives, on a first build and from the cache', async () => {
    // The cache test's site, built twice: as it is (entries written beforehand, boxes kept out), and with a
    // Markdown plugin of the site's own (RENDERS_LOG), which sends every entry through fact-boxes' plugin.
    const sites = ['out', 'plugin'].map((name) => join(ROOT, 'tests/fixtures/sites/.tmp', `entry-html-${name}`));
    for (const site of sites) {
      rmSync(site, { recursive: true, force: true });
      cpSync(join(ROOT, 'tests/fixtures/sites/cached'), site, { recursive: true });
      writeFileSync(join(site, 'src/content/notes/e-list.md'), `---\ntitle: A list\n---\n:::casualties[Toll & "count"]{killed=12 injured=~40 source="Health ministry"}\n- civilians: 4\n- *fighters*: 8\n:::\n\nAfter the box.\n`);
      // A Markdown file a page imports is compiled into a module, not kept in the store: its boxes stay in it.
      mkdirSync(join(site, 'src/extra'), { recursive: true });
      writeFileSync(join(site, 'src/extra/boxed.md'), `---\ntitle: Imported\n---\n:::claim[An imported vow]{by="Ashab al-Kahf" date=2023-11-07}\nThe imported words, long enough to be a box of their own in the page.\n:::\n`);
      writeFileSync(join(site, 'src/pages/extra.astro'), `---\nimport { Content } from '../extra/boxed.md';\n---\n<html lang="en"><head><title>Extra</title></head><body><Content /></body></html>\n`);
    }
    const [out, plugin] = sites as [string, string];
    const build = async (site: string, env: Record<string, string> = {}) => {
      const run = await astro(['build', '--root', site], ROOT, { FACT_BOXES_PROCESSOR: 'satteri', ...env });
      return run;
    };
    const page = (site: string) => readFileSync(join(site, '.tmp/satteri/dist/index.html'), 'utf8');
    const store = (site: string) => readFileSync(join(site, '.tmp/satteri/cache/data-store.json'), 'utf8');

    for (const [site, env] of [[out, {}], [plugin, { RENDERS_LOG: join(plugin, 'renders.log') }]] as const) {
      const run = await build(site, env);
      expect(run.code, run.output).toBe(0);
    }
    const first = page(out);
    expect(first).toBe(page(plugin));
    expect(first.match(/data-fact-box="/g)).toHaveLength(3);
    expect(first).not.toContain('fact-boxes:html:');
    // The store holds markers where the plugin's holds the boxes.
    expect(store(out)).toContain('fact-boxes:html:');
    expect(store(out)).not.toContain('fact-box__facts');
    expect(store(plugin)).toContain('fact-box__facts');
    const extra = (site: string) => readFileSync(join(site, '.tmp/satteri/dist/extra/index.html'), 'utf8');
    expect(extra(out)).toBe(extra(plugin));
    expect(extra(out)).toContain('The imported words');
    expect(extra(out).match(/data-fact-box="/g)).toHaveLength(1);

    // From the cache: the entries are not rendered again, and their boxes come from what fact-boxes kept beside it.
    const records = join(out, '.tmp/satteri/cache', STORE_FILE);
    // The store is written to a new file put in its place: a build that changes nothing leaves the same file.
    const inode = statSync(records).ino;
    const again = await build(out);
    expect(again.code, again.output).toBe(0);
    expect(page(out)).toBe(first);
    expect(statSync(records).ino).toBe(inode);
    const kept = readStoreFile(readFileSync(records))!;
    expect([...kept.html.keys()].sort()).toEqual(['src/content/notes/a-vow.md', 'src/content/notes/b-toll.md', 'src/content/notes/e-list.md']);
    // Without them, a build from the cache fails and says what to do, rather than giving pages without boxes; it
    // drops Astro's cache, so the next build renders every entry again and has them.
    writeFileSync(records, storeFileText({ ...kept, html: new Map() }));
    const lacking = await build(out);
    expect(lacking.code).not.toBe(0);
    expect(lacking.output).toContain("fact-boxes has dropped Astro's content cache: build again");
    const healed = await build(out);
    expect(healed.code, healed.output).toBe(0);
    expect(page(out)).toBe(first);
  }, 360_000);
});
