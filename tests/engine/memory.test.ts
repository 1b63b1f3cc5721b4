/**
 * What the Astro integration keeps for the rest of a build holds no
 * article's text. Strings read from a document are mostly slices of its
 * whole source (Sätteri's string pool, micromark's chunks), so records kept
 * as they were made would keep every article of a newsroom build in memory
 * (bench/profile.md). Measured with the garbage collector: what stays
 * reachable once the documents are gone.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { FactBoxRecord } from 'fact-boxes';
import { markdownToHtml, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { KEPT_COMPILES, keepPageHtml, pageHtml, putRecords, recordsOf, remarkPluginsFor, satteriPluginForAstro, siteStore } from '../helpers/internal.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** MiB the heap grows by while what `make` gives, `count` times, is kept. */
async function retained<T>(count: number, make: (index: number) => T | Promise<T>): Promise<{ mib: number; kept: T[] }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: T[] = [];
  for (let index = 0; index < count; index++) kept.push(await make(index));
  gc();
  return { mib: (process.memoryUsage().heapUsed - before) / 2 ** 20, kept };
}

/** A text of about `size` characters, different for each index (no two share memory). */
const big = (index: number, size: number) => `${String(index).padStart(6, '0')} ${'Iraq militia statement embassy. '.repeat(size / 32)}`;

/** An article: its long text, then boxes whose titles, names and dates are the author's. */
const article = (index: number, size: number) =>
  `${big(index, size)}\n\n:::claim[Statement number ${index} of the militia]{by="Kataib Hezbollah spokesperson ${index}" date=2023-11-05}\nWe will achieve it in our own way.\n:::\n\n:::timeline[Escalation number ${index}]\n- 2023-10-17: Attacks on United States forces in Iraq and Syria begin.\n:::\n`;

const ROOT = '/site';
const settings = (records: 'json' | 'objects') => ({ options: {}, pending: { errors: new Map() }, warn: () => {}, records, pagesDir: `${ROOT}/src/pages/`, root: ROOT });

describe('the site store', () => {
  test('should give records back as they were put, holding none of the sources their strings came from', async () => {
    const store = { pages: new Map<string, string>(), entities: [], version: 0 };
    const recordOf = (index: number): FactBoxRecord => {
      const source = big(index, 1_000_000);
      return { box: 'claim', id: `c-${index}`, title: source.slice(0, 30), attributes: { by: source.slice(7, 40) } } as unknown as FactBoxRecord;
    };
    const { mib } = await retained(30, (index) => putRecords(store, `src/pages/${index}.md`, [recordOf(index)]));
    expect(mib).toBeLessThan(5);
    expect(recordsOf(store, 'src/pages/4.md')).toEqual([recordOf(4)]);
    // Read once per stored string, so the records of a page are the same objects each time.
    expect(recordsOf(store, 'src/pages/4.md')).toBe(recordsOf(store, 'src/pages/4.md'));
    expect(recordsOf(store, 'src/pages/missing.md')).toBeUndefined();
  });

  test("should keep the box HTML of a file's latest compiles only where files are compiled again (astro dev), and every compile's in a build", () => {
    const compiles = Array.from({ length: 6 }, (_, index) => keepPageHtml([`<p>edit ${index}</p>`, '<hr>'], '/site/src/pages/edited.mdx'));
    const other = keepPageHtml(['<p>another page</p>'], '/site/src/pages/other.mdx');
    const kept = compiles.slice(-KEPT_COMPILES);
    expect(KEPT_COMPILES).toBeGreaterThanOrEqual(2);
    for (const [index, key] of compiles.entries()) {
      expect(pageHtml(key, 0)).toBe(kept.includes(key) ? `<p>edit ${index}</p>` : undefined);
    }
    expect(pageHtml(kept.at(-1)!, 1)).toBe('<hr>');
    expect(pageHtml(other, 0)).toBe('<p>another page</p>');
    // A build compiles each module once: nothing is dropped.
    const built = Array.from({ length: 6 }, (_, index) => keepPageHtml([`<p>page ${index}</p>`]));
    for (const [index, key] of built.entries()) expect(pageHtml(key, 0)).toBe(`<p>page ${index}</p>`);
  });
});

describe('a build of many articles', () => {
  for (const [records, reread] of [['json', false], ['objects', false], ['json', true]] as const) {
    test(`should keep none of them, on Sätteri (records as ${records}${reread ? ', boxes read from their text' : ''})`, async () => {
      siteStore().pages.clear();
      const features = { directive: true };
      // First in Sätteri's list, with the features it parses with, the plugin reads boxes from their text.
      const plugins: unknown[] = [];
      const plugin = satteriPluginForAstro(settings(records), reread ? { plugins, features: () => features } : undefined);
      plugins.push(plugin);
      const { mib, kept } = await retained(30, async (index) => {
        const fileURL = pathToFileURL(`${ROOT}/src/content/news/${records}-${reread}-${index}.md`);
        const factory = (document: PluginFactoryContext) => plugin(document) as MdastPluginDefinition;
        const frontmatter: Record<string, unknown> = {};
        const { html } = await markdownToHtml(article(index, 1_000_000), { features, mdastPlugins: reread ? (plugins as MdastPluginDefinition[]) : [factory], fileURL, data: { astro: { frontmatter } } });
        // What a host keeps of each page: its records on the frontmatter (a collection's store), and whether the boxes are in it.
        return { frontmatter, rendered: html.includes(`Kataib Hezbollah spokesperson ${index}</dd>`) };
      });
      expect(kept.every((page) => page.rendered)).toBe(true);
      expect(recordsOf(siteStore(), `src/content/news/${records}-${reread}-7.md`)?.map((record) => record.title)).toEqual(['Statement number 7 of the militia', 'Escalation number 7']);
      expect(mib).toBeLessThan(5);
    });
  }

  test('should keep none of them, on unified', async () => {
    siteStore().pages.clear();
    const plugins = remarkPluginsFor([], settings('objects')) as PluggableList;
    const processor = unified().use(remarkParse).use(plugins).use(remarkRehype).use(rehypeStringify);
    const { mib, kept } = await retained(15, async (index) => {
      const file = new VFile({ path: `${ROOT}/src/content/news/${index}.md`, value: article(index, 300_000), data: { astro: { frontmatter: {} } } });
      const html = String(await processor.process(file));
      return { frontmatter: file.data.astro, rendered: html.includes(`Kataib Hezbollah spokesperson ${index}</dd>`) };
    });
    expect(kept.every((page) => page.rendered)).toBe(true);
    expect(recordsOf(siteStore(), 'src/content/news/7.md')?.map((record) => record.title)).toEqual(['Statement number 7 of the militia', 'Escalation number 7']);
    expect(mib).toBeLessThan(2);
  });
});
