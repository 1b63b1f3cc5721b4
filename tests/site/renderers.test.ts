/**
 * Astro's own renderers (`satteri()` of @astrojs/markdown-satteri, `unified()` of @astrojs/markdown-remark)
 * with the integration set up on them. Pages that cannot hold a box render without the directive syntax,
 * exactly as the same site without fact-boxes renders them; box titles are no headings Astro collects; and
 * an MDX page says the same on both processors.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { MdastPluginDefinition } from 'satteri';
import { describe, expect, test, vi } from 'vitest';
import factBoxes from 'fact-boxes/astro';
import { defineFactBox, readFactBoxes } from 'fact-boxes';
import type { AstroFactBoxesOptions } from 'fact-boxes/astro';
import * as z from 'zod';
import { factBoxHtml } from 'fact-boxes/astro/html';
import remarkDirective from 'remark-directive';
import { documentArbitrary, toMarkdown } from '../robustness/documents.js';
import { readAlike } from '../helpers/read-alike.js';
import { withBoxHtml } from '../helpers/box-html.js';
import { Prepassed, renderersWithoutDirectives, satteriWithoutSyntax, unifiedWithoutSyntax } from '../helpers/internal.js';
import { asCalled, type TransformHook } from './vite-hook.js';

type Processor = NonNullable<AstroConfig['markdown']['processor']> & { options: object };
// Loaded by name: its types would widen Sätteri's data types for every test of the suite.
const satteriPackage = '@astrojs/markdown-satteri';
const { satteri } = (await import(satteriPackage)) as { satteri: (options?: { mdastPlugins?: unknown[] }) => Processor };
const root = new URL('../../', import.meta.url);
const cacheDir = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'fact-boxes-renderers-'))}/`);
const shared = { gfm: true, smartypants: true, syntaxHighlight: false as const };
const mdxOptions = { optimize: false, srcDir: new URL('src/', root), sourcemap: false };

type StylesPlugin = { name: string; transform: TransformHook<{ code: string } | undefined> };
/** The integration's Vite plugin that adds the stylesheet to pages whose module does not import it, its hook as the bundler calls it. */
let stylesPlugin: { name: string; transform: (this: object, code: string, id: string) => { code: string } | undefined } | undefined;

/** A Sätteri processor with the integration set up on it, as Astro does before it asks for renderers. */
/** The integration `withFactBoxes` set up last: its hooks, as Astro calls them. */
let integration: ReturnType<typeof factBoxes>;

function withFactBoxes(processor: Processor = satteri(), markdown: object = {}, warn: (message: string) => void = vi.fn(), config: object = {}, options: AstroFactBoxesOptions = {}): Processor {
  integration = factBoxes({ onInvalid: 'warn', ...options });
  const updateConfig = vi.fn();
  (integration.hooks['astro:config:setup'] as unknown as (options: object) => void)({
    config: { markdown: { ...markdown, processor }, cacheDir, root, srcDir: new URL('src/', root) },
    command: 'build',
    injectScript: vi.fn(),
    updateConfig,
    logger: { info: vi.fn(), warn, error: vi.fn() },
  });
  const added = updateConfig.mock.calls.flatMap(([config]) => (config as { vite?: { plugins?: StylesPlugin[] } }).vite?.plugins ?? []).find((plugin) => plugin.name === 'fact-boxes:styles');
  stylesPlugin = added && { name: added.name, transform: asCalled(added.transform) };
  (integration.hooks['astro:config:done'] as unknown as (options: object) => void)({ config });
  return processor;
}

async function render(processor: Processor, text: string) {
  const frontmatter: Record<string, unknown> = {};
  const { code } = await (await processor.createRenderer(shared)).render(text, { frontmatter, fileURL: new URL('src/pages/page.md', root) });
  return { html: code, frontmatter };
}

/** An MDX page compiled: its module as compiled, and as it renders (`code`, its boxes' HTML written back where it asks for it). */
async function compile(processor: Processor, text: string, file = 'src/pages/page.mdx') {
  const frontmatter: Record<string, unknown> = {};
  const { code } = await (await processor.createMdxRenderer!(shared, mdxOptions)).process(text, new URL(file, root).pathname, frontmatter);
  return { code: withBoxHtml(code), module: code, frontmatter };
}

const STYLESHEET = '\nimport "fact-boxes/styles.css";\n';

// Prose a directive would take apart: times, scores, a name, a footnote after a time, an image description.
const PROSE = [
  'The convoy left at 10:30 and the vote passed 3:1 at re:Invent.',
  'Counted at 18:05[^a] by hand, "the final 2:0" -- at 89:14...\n\n[^a]: Local time in Basra.',
  '![Rescuers at 10:30, a **3:1** lead](photo.jpg)',
  'Note:this and that:1 and :abbr[HTML]{title="x"} too.',
];

describe('pages without a box, on Sätteri', () => {
  test.each(PROSE)('a Markdown page renders as without fact-boxes: %s', async (text) => {
    const page = await render(withFactBoxes(), text);
    expect(page.html).toBe((await render(satteri(), text)).html);
    // Layouts still find the page's (empty) list of records.
    expect(readFactBoxes(page.frontmatter)).toEqual([]);
  });

  test.each(PROSE)('an MDX page compiles as without fact-boxes: %s', async (text) => {
    const mdx = text.replace(':abbr[HTML]{title="x"}', ':abbr[HTML]');
    const page = await compile(withFactBoxes(), mdx);
    // The same module, but for the (empty) records on its frontmatter, and the stylesheet imported at its end, as
    // the plugin writes it into the pages it runs on (no Vite plugin hands the page back for it).
    expect(page.code.replace(/"factBoxes":"\[\]"/, '')).toBe((await compile(satteri(), mdx)).code + STYLESHEET);
    expect(stylesPlugin!.transform.call({ environment: { name: 'prerender' } }, page.code, new URL('src/pages/page.mdx', root).pathname)).toBeUndefined();
    expect(readFactBoxes(page.frontmatter)).toEqual([]);
    // An MDX file that is not a page (a collection entry) imports no stylesheet.
    const entry = await compile(withFactBoxes(), mdx, 'src/content/news/entry.mdx');
    expect(entry.code.replace(/"factBoxes":("\[\]"|\[\])/, '')).toBe((await compile(satteri(), mdx, 'src/content/news/entry.mdx')).code);
  });

  test('a page with a box still gets it, and its prose its times', async () => {
    const text = 'At 10:30 they met.\n\n:::claim[Vow]{by="The ministry"}\nIt said so at 3:1.\n:::\n';
    const page = await render(withFactBoxes(), text);
    expect(page.html).toContain('data-fact-box="claim"');
    expect(page.html).toContain('At 10:30 they met.');
    expect(page.html).toContain('It said so at 3:1.');
    expect(readFactBoxes(page.frontmatter)).toHaveLength(1);
    const mdx = await compile(withFactBoxes(), text);
    expect(mdx.code).toContain('data-fact-box=\\"claim\\"');
  });

  test('an MDX page with boxes is compiled with them written in, without the syntax, where it can be', async () => {
    const text = 'At 10:30 they met.\n\n:::claim[Vow]{by="The ministry" by="The minister"}\nIt said so at 3:1.\n:::\n';
    const warnings: string[] = [];
    const page = await compile(withFactBoxes(undefined, {}, (message) => warnings.push(message)), text);
    // Prose is one string, as without the syntax (the plugin gives `10:30` back in pieces), and the box is there.
    expect(page.code).toContain('"At 10:30 they met."');
    expect(page.code).toContain('data-fact-box=\\"claim\\"');
    expect(page.code.endsWith(STYLESHEET)).toBe(true);
    expect(readFactBoxes(page.frontmatter)).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/page\.mdx:3:\d+.*"by" is given more than once/)]);
    // A file given by a relative path (the renderer makes a URL of it): its records still reach its frontmatter.
    const frontmatter: Record<string, unknown> = {};
    const renderer = await withFactBoxes().createMdxRenderer!(shared, mdxOptions);
    const relative = await renderer.process(text, 'src/pages/relative.mdx', frontmatter);
    expect(relative.code).toContain('"At 10:30 they met."');
    expect(readFactBoxes(frontmatter)).toHaveLength(1);
  });

  test('an MDX page keeps its boxes\' HTML out of its module where every page renders in the build\'s process, and in it with an adapter', async () => {
    const text = 'At 10:30 they met.\n\n:::claim[Vow]{by="The ministry"}\nIt said so at 3:1.\n:::\n';
    const page = await compile(withFactBoxes(), text);
    // The module asks for each static part of the box by its place in the page; the build's store gives it when the page renders.
    expect(page.module).not.toMatch(/class=|fact-box__/);
    expect(page.module).toMatch(/"set:html": __factBoxHtml\(0\)/);
    expect(page.module).toContain('from "fact-boxes/astro/html"');
    expect(page.code).toContain('<section class=\\"fact-box fact-box--claim\\"');
    // The author's words stay in the module, as MDX.
    expect(page.module).toContain('"It said so at 3:1."');
    // With an adapter a page may render in another process: the HTML is in the module.
    const served = await compile(withFactBoxes(undefined, {}, vi.fn(), { adapter: { name: '@astrojs/node' } }), text);
    expect(served.module).toContain('<section class=\\"fact-box fact-box--claim\\"');
    expect(served.module).not.toContain('fact-boxes/astro/html');
  });

  test('a Markdown page with boxes is rendered with them written in, without the syntax, where it can be: the plugin\'s page, records and warnings', async () => {
    const written = vi.spyOn(Prepassed.prototype, 'markdown');
    try {
      const text = 'At 10:30 they met.\n\n:::claim[The *vow*]{by="The ministry" by="The minister"}\nIt said so at 3:1.\n\n- one\n- two\n:::\n\n:::timeline\n- 2023-10-07: Attack on **the** town.\n:::\n';
      const warnings: string[] = [];
      const page = await render(withFactBoxes(undefined, {}, (message) => warnings.push(message)), text);
      expect(written).toHaveReturnedWith(expect.objectContaining({ text: expect.stringContaining('<!--fact-boxes:seam-->') }));
      // What the plugin renders, on a site with a Markdown plugin of its own beside fact-boxes (which keeps every page on the plugin).
      const idle: MdastPluginDefinition = { name: 'idle' };
      const viaPlugin = await render(withFactBoxes(satteri({ mdastPlugins: [idle] })), text);
      expect(written).toHaveBeenCalledTimes(1);
      expect(page.html).toBe(viaPlugin.html);
      expect(page.html).toContain('<p>At 10:30 they met.</p>');
      expect(readFactBoxes(page.frontmatter)).toEqual(readFactBoxes(viaPlugin.frontmatter));
      expect(readFactBoxes(page.frontmatter)).toHaveLength(2);
      expect(warnings).toEqual([expect.stringMatching(/page\.md:3:\d+.*"by" is given more than once/)]);

      // A collection entry's body, handed over without its frontmatter: records and warnings name the file's lines.
      const file = join(mkdtempSync(join(tmpdir(), 'fact-boxes-entry-')), 'entry.md');
      writeFileSync(file, `---\ntitle: Vow\ndate: 2023-11-05\n---\n\n${text}`);
      const entryWarnings: string[] = [];
      const frontmatter: Record<string, unknown> = {};
      const renderer = await withFactBoxes(undefined, {}, (message) => entryWarnings.push(message)).createRenderer(shared);
      const entry = await renderer.render(text, { frontmatter, fileURL: pathToFileURL(file) });
      expect(entry.code).toBe(viaPlugin.html);
      expect(entryWarnings).toEqual([expect.stringMatching(/entry\.md:8:\d+.*"by" is given more than once/)]);
      expect(readFactBoxes(frontmatter).map((record) => record.position?.start.line)).toEqual([8, 15]);
    } finally {
      written.mockRestore();
    }
  });

  test('a box whose own renderer throws fails its page through the plugin, which fails the build with it, on Markdown and MDX pages', async () => {
    const broken = defineFactBox({ name: 'broken', attributes: z.object({}), render: () => { throw new Error('the renderer broke'); } });
    const written = vi.spyOn(Prepassed.prototype, 'markdown');
    try {
      const text = 'Before.\n\n:::broken\nText.\n:::\n';
      const processor = withFactBoxes(undefined, {}, vi.fn(), {}, { boxes: [broken] });
      await expect(render(processor, text)).rejects.toThrow(/the renderer broke/);
      // The pre-pass met the box first; the plugin rendered the page again, and remembered its failure for the build
      // (Astro only logs what a collection entry's render throws).
      expect(written).toHaveBeenCalledTimes(1);
      expect(() => (integration.hooks['astro:build:start'] as () => void)()).toThrow(/the renderer broke/);
      const mdx = withFactBoxes(undefined, {}, vi.fn(), {}, { boxes: [broken] });
      await expect(compile(mdx, text)).rejects.toThrow(/the renderer broke/);
      expect(() => (integration.hooks['astro:build:start'] as () => void)()).toThrow(/the renderer broke/);
    } finally {
      written.mockRestore();
    }
  });

  test('a page module that renders in a process that did not compile it says where its boxes are', () => {
    expect(() => factBoxHtml('elsewhere.0', 0)).toThrow(/kept by the Astro process that compiled it .*add the adapter it renders with/);
  });

  test('an MDX page with boxes that does not compile is reported by the plugin\'s renderer, at its place in the file', async () => {
    const text = ':::claim[Vow]{by="The ministry"}\nIt said so.\n:::\n\nA <b>broken tag.\n';
    const error = await compile(withFactBoxes(), text).then(() => undefined, (thrown: unknown) => thrown as { line?: number; loc?: { line?: number }; message: string });
    expect(error).toBeDefined();
    const plain = await compile(satteri(), text.replace(/:::claim[\s\S]*?:::\n/, '\n\n\n')).then(() => undefined, (thrown: unknown) => thrown as { message: string });
    expect(error!.message).toBe(plain!.message);
  });

  test('a site plugin of its own keeps the syntax on every page', async () => {
    const abbr: MdastPluginDefinition = { name: 'abbr', textDirective(node, ctx) { if (node.name === 'abbr') ctx.setProperty(node, 'data', { hName: 'abbr' }); } };
    const page = await render(withFactBoxes(satteri({ mdastPlugins: [abbr] })), 'An :abbr[HTML] page at 10:30.');
    expect(page.html.trim()).toBe('<p>An <abbr>HTML</abbr> page at 10:30.</p>');
  });
});

describe('pages without a box, on unified()', () => {
  const remarkPackage = '@astrojs/markdown-remark';
  const unifiedProcessor = async (options: { remarkPlugins?: unknown[] } = {}) => ((await import(remarkPackage)) as { unified: (options?: object) => Processor }).unified(options);

  test.each(PROSE)('a Markdown page renders as without fact-boxes: %s', async (text) => {
    const page = await render(withFactBoxes(await unifiedProcessor()), text);
    expect(page.html).toBe((await render(await unifiedProcessor(), text)).html);
    expect(readFactBoxes(page.frontmatter)).toEqual([]);
  });

  test.each(PROSE)('an MDX page compiles as without fact-boxes: %s', async (text) => {
    const mdx = text.replace(':abbr[HTML]{title="x"}', ':abbr[HTML]');
    const page = await compile(withFactBoxes(await unifiedProcessor()), mdx);
    // The same module, but for the (empty) records on its frontmatter and the stylesheet imported at its end.
    expect(page.code.replace(/\{\n\s*"factBoxes": "\[\]"\n\}/, '{}')).toBe((await compile(await unifiedProcessor(), mdx)).code + STYLESHEET);
    expect(stylesPlugin!.transform.call({ environment: { name: 'prerender' } }, page.code, new URL('src/pages/page.mdx', root).pathname)).toBeUndefined();
    expect(readFactBoxes(page.frontmatter)).toEqual([]);
  });

  test('a page with a box still gets it, and its prose its times', async () => {
    const text = 'At 10:30 they met.\n\n:::claim[Vow]{by="The ministry"}\nIt said so at 3:1.\n:::\n';
    const page = await render(withFactBoxes(await unifiedProcessor()), text);
    expect(page.html).toContain('data-fact-box="claim"');
    expect(page.html).toContain('At 10:30 they met.');
    expect(readFactBoxes(page.frontmatter)).toHaveLength(1);
  });

  test('a site that lists remark-directive itself keeps it on every page', async () => {
    // A plugin of the site's that handles :abbr[…]; it needs the syntax on pages without boxes too.
    const abbr = () => (tree: { children: unknown[] }) => {
      const visit = (node: { type?: string; name?: string; data?: object; children?: unknown[] }) => {
        if (node.type === 'textDirective' && node.name === 'abbr') node.data = { hName: 'abbr' };
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(tree);
    };
    const page = await render(withFactBoxes(await unifiedProcessor({ remarkPlugins: [remarkDirective, abbr] })), 'An :abbr[HTML] page at 10:30.');
    expect(page.html.trim()).toBe('<p>An <abbr>HTML</abbr> page at 10:30.</p>');
  });
});

describe('renderersWithoutDirectives', () => {
  /** A processor that counts the renderers made, and a processor factory that counts the processors made. */
  function counting() {
    const made = { renderers: 0, processors: 0 };
    const processor = { name: 'satteri', options: {}, createRenderer: async () => ({ render: async () => ({ code: '', metadata: {} }) }) } as unknown as Processor;
    const original = processor.createRenderer;
    processor.createRenderer = async (sharedOptions) => {
      made.renderers++;
      return original(sharedOptions);
    };
    const make = async () => () => {
      made.processors++;
      return satteri();
    };
    return { processor, made, make };
  }
  const entry = () => null;

  test('on Sätteri, makes no renderer without the syntax where the site asked for it, or runs other plugins', async () => {
    const cases: [mdastPlugins: unknown[], siteDirective: boolean | undefined, processors: number][] = [
      [[entry], true, 0],
      [[{ name: 'other' }, entry], undefined, 0],
      [[entry], undefined, 1],
    ];
    for (const [mdastPlugins, siteDirective, processors] of cases) {
      const { processor, made, make } = counting();
      const plainProcessor = satteriWithoutSyntax({ mdastPlugins, features: { directive: true } }, { entry, leftOut: () => null, siteDirective, satteri: make });
      renderersWithoutDirectives(processor, { plainProcessor });
      await processor.createRenderer(shared);
      expect(made).toEqual({ renderers: 1, processors });
    }
  });

  test('on unified(), makes none where the site listed remark-directive, or another plugin added it since', async () => {
    const cases: [remarkPlugins: unknown[], siteDirective: boolean, processors: number][] = [
      [[remarkDirective, entry], true, 0],
      [[entry, remarkDirective], false, 0],
      [[{ name: 'other' }, entry], false, 1],
    ];
    for (const [remarkPlugins, siteDirective, processors] of cases) {
      const { processor, made, make } = counting();
      const plainProcessor = unifiedWithoutSyntax({ remarkPlugins }, { ours: [entry], leftOut: () => null, siteDirective, unified: make });
      renderersWithoutDirectives(processor, { plainProcessor });
      await processor.createRenderer(shared);
      expect(made).toEqual({ renderers: 1, processors });
    }
  });
});

describe('a box title is a heading in the page that Astro does not collect (getHeadings, Starlight\'s table of contents)', () => {
  const remarkPackage = '@astrojs/markdown-remark';
  const unifiedProcessor = async (options: object = {}) => ((await import(remarkPackage)) as { unified: (options?: object) => Processor }).unified(options);
  const text = '## 10:30: the convoy\n\n:::claim[The *vow*]{by="The ministry"}\nIt said so.\n:::\n\n## Reactions\n';
  const ARTICLE = [{ depth: 2, slug: '1030-the-convoy', text: '10:30: the convoy' }, { depth: 2, slug: 'reactions', text: 'Reactions' }];
  const processors: readonly [name: string, make: () => Promise<Processor>][] = [
    ['Sätteri', async () => satteri()],
    ['unified()', () => unifiedProcessor()],
  ];

  test.each(processors)('a Markdown page on %s', async (_name, make) => {
    const processor = withFactBoxes(await make());
    const { code, metadata } = await (await processor.createRenderer(shared)).render(text, { frontmatter: {}, fileURL: new URL('src/pages/page.md', root) });
    expect(code).toMatch(/<h2 class="fact-box__title" id="the-vow-title">The <em>vow<\/em><\/h2>/);
    expect((metadata as { headings: unknown[] }).headings).toEqual(ARTICLE);
  });

  test.each(processors)('an MDX page on %s', async (_name, make) => {
    const { code } = await compile(withFactBoxes(await make()), text);
    expect(code).toContain('fact-box__title');
    const headings = /export function getHeadings\(\) \{\s*return (\[[\s\S]*?\]);\s*\}/.exec(code)?.[1];
    expect(JSON.parse(headings ?? 'null')).toEqual(ARTICLE);
  });

  test('a unified() site that turned raw HTML off keeps its boxes whole', async () => {
    const processor = withFactBoxes(await unifiedProcessor({ remarkRehype: { allowDangerousHtml: false } }));
    const { code } = await (await processor.createRenderer(shared)).render(text, { frontmatter: {}, fileURL: new URL('src/pages/page.md', root) });
    expect(code).toContain('<dl class="fact-box__facts">');
  });
});

describe('an MDX page says the same on Sätteri and on unified() (fast-check over generated articles)', () => {
  const remarkPackage = '@astrojs/markdown-remark';
  // What the page renders, as text: the strings of its content function, in order (how each compiler splits
  // them into JSX children, and the white space between blocks, aside); Sätteri's smart dashes are en dashes.
  const said = (code: string) => {
    const start = code.indexOf('return ', code.indexOf('function _createMdxContent'));
    const end = Math.min(...['\nfunction ', '\nexport ', '\nconst '].map((next) => code.indexOf(next, start)).filter((at) => at !== -1));
    const strings = Array.from(code.slice(start, end).matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) => JSON.parse(`"${match[1]!.replaceAll('\t', '\\t')}"`) as string);
    return strings.filter((text) => text !== 'utf-8' && text !== 'charset').join('').replace(/\s+/g, '').replaceAll('—', '–');
  };

  test('the same text, boxes included, whatever the author wrote', async () => {
    const unifiedProcessor = ((await import(remarkPackage)) as { unified: () => Processor }).unified();
    const onSatteri = await withFactBoxes(satteri()).createMdxRenderer!(shared, mdxOptions);
    const onUnified = await withFactBoxes(unifiedProcessor).createMdxRenderer!(shared, mdxOptions);
    let page = 0;
    await fc.assert(
      // Where the two parsers read the containers alike (tests/helpers/read-alike.ts), and no box line is misread: MDX
      // reads its `{…}` as an expression on unified, as without fact-boxes, and Sätteri's plugin keeps it as text.
      // U+0000 as micromark reads it (U+FFFD; Sätteri drops it).
      fc.asyncProperty(documentArbitrary('mixed').map((blocks) => toMarkdown(blocks).markdown.replaceAll('\0', '\uFFFD')).filter((text) => readAlike(text, false)), async (text) => {
        const path = (processor: string) => new URL(`src/pages/parity-${processor}-${page}.mdx`, root).pathname;
        page++;
        // MDX that @mdx-js/mdx cannot compile (`{…}` broken over lines is no expression) fails on unified as without fact-boxes.
        const b = await onUnified.process(text, path('unified'), {}).catch(() => undefined);
        if (!b) return;
        const a = await onSatteri.process(text, path('satteri'), {});
        expect(said(withBoxHtml(a.code)), text).toBe(said(withBoxHtml(b.code)));
      }),
      { numRuns: Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 200) },
    );
  });
});

describe('a Markdown page reads the same on Sätteri and on unified() (fast-check over generated articles)', () => {
  const remarkPackage = '@astrojs/markdown-remark';
  // The page's HTML, white space between tags aside. Each serialiser escapes alike by the HTML they mean (`&#x3C;`
  // and `&lt;`): compared as parsed and written again. Without smart punctuation, which each host makes its own way
  // (Sätteri's dashes are en dashes, remark-smartypants' em dashes; they curl `''` and quotes by raw HTML differently).
  const normalise = (html: string) => toHtml(fromHtml(html, { fragment: true })).replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
  const straight = { ...shared, smartypants: false };

  test('the same HTML, boxes included, whatever the author wrote', async () => {
    const unifiedProcessor = ((await import(remarkPackage)) as { unified: () => Processor }).unified();
    const onSatteri = await withFactBoxes(satteri(), straight).createRenderer(straight);
    const onUnified = await withFactBoxes(unifiedProcessor, straight).createRenderer(straight);
    let page = 0;
    await fc.assert(
      // Without raw HTML from the author: rehype-raw mends it on unified (an unclosed `<b>`, a `<script>` that takes in
      // the HTML after it), Sätteri passes it on for the browser to mend. U+0000 as micromark reads it (U+FFFD; Sätteri drops it).
      fc.asyncProperty(documentArbitrary('mixed').map((blocks) => toMarkdown(blocks).markdown.replaceAll('\0', '\uFFFD')).filter((text) => readAlike(text) && !/<[A-Za-z!/?]/.test(text)), async (text) => {
        const fileURL = (processor: string) => new URL(`src/pages/parity-${processor}-${page}.md`, root);
        page++;
        const a = await onSatteri.render(text, { frontmatter: {}, fileURL: fileURL('satteri') });
        const b = await onUnified.render(text, { frontmatter: {}, fileURL: fileURL('unified') });
        expect(normalise(a.code), text).toBe(normalise(b.code));
      }),
      { numRuns: Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 200) },
    );
  });
});
