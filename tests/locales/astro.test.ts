/**
 * The Astro integration and the page's language: the `locale` option, the
 * frontmatter `lang` Astro reads, and Astro's i18n routing (a page in
 * `pages/fr/` is in French; the default locale is the site's), on both
 * processors. Runs the plugins the integration adds, without building a site.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test, vi } from 'vitest';
import factBoxes from 'fact-boxes/astro';

const ROOT = new URL('file:///sites/news/');
const I18N = { defaultLocale: 'en', locales: ['en', 'fr', { path: 'arabic', codes: ['ar', 'ar-IQ'] }], routing: { prefixDefaultLocale: false } };
const BOX = ':::casualties{injured=">24" source="x"}\n:::\n';

type Setup = (options: Record<string, unknown>) => void;

function setUp(processor: { name: string; options: Record<string, unknown> }, options: Parameters<typeof factBoxes>[0] = {}, i18n: unknown = I18N) {
  const integration = factBoxes({ injectStyles: false, ...options });
  (integration.hooks['astro:config:setup'] as unknown as Setup)({
    config: { markdown: { processor }, cacheDir: new URL('cache/', ROOT), root: ROOT, srcDir: new URL('src/', ROOT), ...(i18n ? { i18n } : {}) },
    command: 'build',
    injectScript: vi.fn(),
    updateConfig: vi.fn(),
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  });
  return processor.options;
}

/** A page through the remark plugin as the integration adds it to unified(). */
async function throughUnified(path: string, markdown: string, frontmatter: Record<string, unknown> = {}, options: Parameters<typeof factBoxes>[0] = {}, i18n: unknown = I18N) {
  const { remarkPlugins } = setUp({ name: 'unified', options: { remarkPlugins: [], rehypePlugins: [] } }, options, i18n) as { remarkPlugins: unknown[] };
  const pipeline = unified().use(remarkParse);
  for (const entry of remarkPlugins) pipeline.use(...((Array.isArray(entry) ? entry : [entry]) as [Plugin]));
  const file = new VFile({ value: markdown, path: fileURLToPath(new URL(path, ROOT)), data: { astro: { frontmatter } } });
  // As Astro's Markdown pipeline: raw HTML kept (a box's static parts are HTML on its Markdown pages).
  const html = String(await pipeline.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(file));
  return fromHtml(html, { fragment: true });
}

/** The same page through the Sätteri adapter as the integration adds it. */
function throughSatteri(path: string, markdown: string, frontmatter: Record<string, unknown> = {}) {
  const options = setUp({ name: 'satteri', options: { mdastPlugins: [], features: {} } }) as { mdastPlugins: unknown[]; features: Record<string, unknown> };
  const { html } = markdownToHtml(markdown, { ...options, fileURL: pathToFileURL(fileURLToPath(new URL(path, ROOT))), data: { astro: { frontmatter } } } as never);
  return fromHtml(html, { fragment: true });
}

const injured = (tree: ReturnType<typeof fromHtml>) => [toString(select('dt', tree)!), toString(select('dd', tree)!)];

describe('Astro: the page’s language', () => {
  test('should take a page’s language from its locale folder under i18n routing, on both processors', async () => {
    expect(injured(await throughUnified('src/pages/fr/article.md', BOX))).toEqual(['Blessés', 'plus de 24']);
    expect(injured(throughSatteri('src/pages/fr/article.md', BOX))).toEqual(['Blessés', 'plus de 24']);
    // A locale given as { path, codes } is in its first code.
    expect(injured(await throughUnified('src/content/news/arabic/article.md', BOX))).toEqual(['الجرحى', 'أكثر من 24']);
    expect(injured(throughSatteri('src/content/news/arabic/article.md', BOX))).toEqual(['الجرحى', 'أكثر من 24']);
  });

  test('should put pages outside a locale folder in the default locale', async () => {
    expect(injured(await throughUnified('src/pages/article.md', BOX))).toEqual(['Injured', 'more than 24']);
    expect(injured(await throughUnified('src/pages/fr/article.md', BOX, {}, {}, { defaultLocale: 'de', locales: ['de', 'fr'] }))).toEqual(['Blessés', 'plus de 24']);
    expect(injured(await throughUnified('src/pages/article.md', BOX, {}, {}, { defaultLocale: 'de', locales: ['de', 'fr'] }))).toEqual(['Verletzt', 'mehr als 24']);
  });

  test('should take the frontmatter lang Astro read over the folder, and the locale option without i18n', async () => {
    expect(injured(await throughUnified('src/pages/fr/article.md', BOX, { lang: 'ru' }))).toEqual(['Раненые', 'более 24']);
    expect(injured(throughSatteri('src/pages/fr/article.md', BOX, { lang: 'ru' }))).toEqual(['Раненые', 'более 24']);
    expect(injured(await throughUnified('src/pages/article.md', BOX, {}, { locale: 'es' }, undefined))).toEqual(['Heridos', 'más de 24']);
  });

  test('should mark a box whose language is not the page’s', async () => {
    const tree = await throughUnified('src/pages/fr/article.md', ':::casualties{lang=he injured=3 source=x}\n:::\n');
    const box = selectAll('[data-fact-box]', tree)[0]!;
    expect([box.properties.lang, box.properties.dir]).toEqual(['he', 'rtl']);
  });
});
