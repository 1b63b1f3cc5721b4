/**
 * Prose where a directive nobody handled took the markup around it: its label
 * the text of a link (`3:1[report](url)`), a footnote reference (`10:30[^1]`),
 * its name the start of an address GFM links (`mailto:desk@example.com`), its
 * attributes an MDX expression. Given back as source text alone, the link's
 * markup showed as written and the footnote vanished with its reference. The
 * block is now what the page holds without fact-boxes, on unified and on
 * Sätteri as the Astro integration runs it (DESIGN §5: nothing the author
 * wrote disappears).
 */
import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { markdownToHtml, mdxToJs, type Features, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { unified, type Plugin, type Processor } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkFactBoxes, { remarkRestoreDirectives } from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';
import { astroSatteriPlugins, satteriPage } from '../helpers/astro-satteri.js';
import { createSatteriPlugin, resolveOptions } from '../helpers/internal.js';

const BOX = ':::claim[At 10:30]{by="The ministry" status=confirmed}\nThey met.\n:::\n\n';

/** Prose that renders differently when a directive takes its markup, in news copy. */
const PROSE: readonly [what: string, text: string][] = [
  ['a footnote after a time', 'The convoy left at 10:30[^1] and was hit.\n\n[^1]: Baghdad time.\n'],
  ['a link after a score', 'The vote passed 3:1[the record](https://example.com/vote) in committee.\n'],
  ['a reference link after a colon', 'See re:Invent[the keynote][k] for more.\n\n[k]: https://example.com/k\n'],
  ['a shortcut reference after a colon', 'See re:Invent[k] for more.\n\n[k]: https://example.com/k\n'],
  ['an e-mail address after mailto:', 'Write to mailto:desk@example.com with tips.\n'],
  ['an e-mail address after a word and a colon', 'Tips:desk.news@example.com or by post.\n'],
  ['a www address after a colon', 'Search site:www.example.com for it.\n'],
  ['in a heading', '## Update at 10:30[^1]\n\n[^1]: Local time.\n'],
  ['in a list item', '- arrived at 10:30[^1]\n- left at mailto:desk@example.com\n\n[^1]: Local time.\n'],
  ['in a quote', '> Ratio 3:1[source](https://example.com/s), said the desk.\n'],
  ['in a table cell', '| time | note |\n| --- | --- |\n| 10:30[^1] | 3:1[s](https://example.com/s) |\n\n[^1]: Local time.\n'],
  ['with emphasis and a plain time around it', 'At *07:13:47* the score was 3:1[report](https://example.com/r), at 10:30 or later.\n'],
];

const GFM: Features = { gfm: true, smartPunctuation: true };

/** unified with GFM, with fact-boxes or without (and without directives). */
async function unifiedHtml(text: string, withPlugin: boolean): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkGfm) as unknown as Processor;
  if (withPlugin) processor.use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
  return String(await processor.use(remarkRehype).use(rehypeStringify).process(text));
}

/** Sätteri with fact-boxes as the Astro integration makes it (the features known), or without. */
function satteriHtml(text: string, withPlugin: boolean, format: 'markdown' | 'mdx' = 'markdown'): string {
  const options = resolveOptions({ onInvalid: 'warn', staticHtml: format === 'mdx' ? 'fragment' : 'raw' });
  const features = withPlugin ? { ...GFM, directive: true } : GFM;
  const mdastPlugins = withPlugin ? [(document: PluginFactoryContext) => createSatteriPlugin(options, document, { features })] : [];
  const result = format === 'mdx' ? mdxToJs(text, { features, mdastPlugins }) : markdownToHtml(text, { features, mdastPlugins });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  return 'html' in result ? result.html : result.code;
}

/** Sätteri with `before` run first, then fact-boxes after them (the features known), or `before` alone. */
function satteriAfter(text: string, before: MdastPluginDefinition[], withPlugin: boolean): string {
  const options = resolveOptions({ onInvalid: 'warn', staticHtml: 'raw' });
  const features = withPlugin ? { ...GFM, directive: true } : GFM;
  const mdastPlugins = withPlugin ? [...before, (document: PluginFactoryContext) => createSatteriPlugin(options, document, { features, othersBefore: true })] : before;
  const result = markdownToHtml(text, { features, mdastPlugins });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  return result.html;
}

/** The page's HTML from the first box's end on: the prose after the box. */
const after = (html: string) => html.slice(html.indexOf('</section>') + '</section>'.length).trim();

describe('prose whose directives took markup reads as without fact-boxes', () => {
  test.each(PROSE)('unified: %s', async (_what, text) => {
    expect(await unifiedHtml(text, true)).toBe(await unifiedHtml(text, false));
    // After a box too: the document's boxes do not change how its prose is read.
    expect(after(await unifiedHtml(BOX + text, true))).toBe((await unifiedHtml(text, false)).trim());
  });

  test.each(PROSE)('Sätteri: %s', (_what, text) => {
    expect(satteriHtml(text, true)).toBe(satteriHtml(text, false));
    expect(after(satteriHtml(BOX + text, true))).toBe(satteriHtml(text, false).trim());
  });

  test.each([
    ['quotes and dashes around a footnote after a time', 'Counted at 18:05[^a] by hand, "the final 2:0" -- at 89:14...\n\n[^a]: Local time.\n'],
    ['a quoted link after a score', 'He called it \'a 3:1[rout](https://example.com/r)\' -- twice.\n'],
    ['an address in a quote', '"Write to mailto:desk@example.com," she said.\n'],
  ])('unified after remark-smartypants, as Astro runs it: %s', async (_what, text) => {
    // Astro's unified pipeline runs remark-smartypants before the site's plugins: a block read again must get its quotes and dashes too.
    const html = async (withPlugin: boolean) => {
      const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants) as unknown as Processor;
      if (withPlugin) processor.use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
      return String(await processor.use(remarkRehype).use(rehypeStringify).process(text));
    };
    expect(await html(true)).toBe(await html(false));
    expect(await html(true)).toMatch(/[“‘]/);
  });

  test('a block read again after remark-smartypants is what the page holds without fact-boxes, whatever punctuation its words hold', async () => {
    // A block whose words hold nothing smart punctuation changes is not handed to it again (adapters/plain-reading.ts):
    // any quote, backtick, dash or dot it could change, written or as a character reference, must still be made.
    const html = async (text: string, withPlugin: boolean) => {
      const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants) as unknown as Processor;
      if (withPlugin) processor.use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
      return String(await processor.use(remarkRehype).use(rehypeStringify).process(text));
    };
    const piece = fc.constantFrom('word', 'the desk', ' ', '"', "'", '`', '``', "''", '-', '--', '---', '.', '..', '...', '. . .', '\u2014-', '\u2013-', '&quot;', '&#39;', '&#x60;', '*said*', '10:30');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), async (before, after) => {
        // The address makes its block one to read again (GFM links it; remark-directive takes `:desk` from it).
        const text = `${before.join('')} mailto:desk@example.com ${after.join('')}\n`;
        expect(await html(text, true)).toBe(await html(text, false));
      }),
      { numRuns: 150 },
    );
  });

  test('a block read again whose words hold no quote, dash or dots is not handed to remark-smartypants again', () => {
    let calls = 0;
    // Named as the plugin is: the plain reading finds text plugins by name.
    const counted = {
      remarkSmartypants(this: Processor) {
        const transform = (remarkSmartypants as unknown as (this: Processor) => (tree: unknown) => void).call(this);
        return (tree: unknown) => {
          calls++;
          transform(tree);
        };
      },
    }.remarkSmartypants;
    const processor = unified().use(remarkParse).use(remarkGfm).use(counted as unknown as Plugin).use(remarkDirective).use(remarkFactBoxes) as unknown as Processor;
    const run = (text: string) => {
      calls = 0;
      const file = new VFile(text);
      processor.runSync(processor.parse(file), file);
      return calls;
    };
    // Once for the page; the block read again adds none, then one when it holds a quote.
    expect(run('Write to mailto:desk@example.com with tips.\n')).toBe(1);
    expect(run('Write to mailto:desk@example.com with "tips".\n')).toBe(2);
  });

  /** Directives whose own text holds what smart punctuation changes: the host never saw it as text. */
  const PUNCTUATION: readonly [what: string, text: string][] = [
    ['a dash right after a score and a time (wire copy)', 'The home side won 3:1--a rout--before 10:30--when the rain came.\n'],
    ['quotes in a directive\'s attributes', 'The :abbr[WHO]{title="World Health Organization"} said so at 10:30...\n'],
  ];

  test.each(PUNCTUATION)('Sätteri with smart punctuation: %s', (_what, text) => {
    expect(satteriHtml(text, true)).toBe(satteriHtml(text, false));
    expect(after(satteriHtml(BOX + text, true))).toBe(satteriHtml(text, false).trim());
    expect(satteriHtml(text, true)).not.toMatch(/--|"/);
    // Inside a box too.
    expect(satteriHtml(`:::claim{by="x"}\n${text}:::\n`, true)).toContain(satteriHtml(text, false).trim().replace(/^<p>|<\/p>$/g, ''));
  });

  test.each(PUNCTUATION)('unified after remark-smartypants, as Astro runs it: %s', async (_what, text) => {
    const html = async (source: string, withPlugin: boolean) => {
      const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants) as unknown as Processor;
      if (withPlugin) processor.use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
      return String(await processor.use(remarkRehype).use(rehypeStringify).process(source));
    };
    expect(await html(text, true)).toBe(await html(text, false));
    expect(after(await html(BOX + text, true))).toBe((await html(text, false)).trim());
    // Inside a box too.
    const boxed = await html(`:::claim{by="x"}\n${text}:::\n`, true);
    expect(boxed).toContain((await html(text, false)).trim().replace(/^<p>|<\/p>$/g, ''));
  });

  /**
   * Words a box holds outside its body's blocks: a title, on the box's own line, and a timeline event's words after
   * its date. A title's directives were given back as written, without the dashes and quotes the host makes; an
   * event read again by its place got its date back.
   */
  const PLACES: readonly [what: string, box: (words: string) => string][] = [
    ['a box title', (words) => `:::claim[${words}]{by="x"}\nThey met.\n:::\n`],
    ['a timeline event after its date', (words) => `:::timeline\n- 2024-05-01: ${words}\n- 2024-05-02: Calm.\n:::\n`],
  ];
  const PLACED = PLACES.flatMap(([place, box]) => PUNCTUATION.map(([what, text]) => [`${what}, in ${place}`, box(text.trimEnd()), text] as const));

  test.each(PLACED)('Sätteri with smart punctuation: %s', (_what, page, text) => {
    const words = satteriHtml(text, false).trim().replace(/^<p>|<\/p>$/g, '');
    // MDX reads `{…}` as an expression, directives or not.
    for (const format of text.includes('{') ? (['markdown'] as const) : (['markdown', 'mdx'] as const)) {
      const html = satteriHtml(page, true, format);
      expect(html).toContain(words);
      expect(html).not.toMatch(/(?<!fact-box|fact-box__[a-z]+)--|2024-05-01:/);
    }
  });

  test.each(PLACED)('unified after remark-smartypants, as Astro runs it: %s', async (_what, page, text) => {
    const html = async (source: string, withPlugin: boolean) => {
      const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants) as unknown as Processor;
      if (withPlugin) processor.use(remarkDirective).use(remarkFactBoxes, { onInvalid: 'warn' });
      return String(await processor.use(remarkRehype).use(rehypeStringify).process(source));
    };
    const boxed = await html(page, true);
    expect(boxed).toContain((await html(text, false)).trim().replace(/^<p>|<\/p>$/g, ''));
    expect(boxed).not.toMatch(/(?<!fact-box|fact-box__[a-z]+)--|2024-05-01:/);
  });

  test.each(PROSE)('fact-boxes/satteri on its own, given the features: %s', (_what, text) => {
    const page = (source: string) => {
      const result = markdownToHtml(source, factBoxes({ onInvalid: 'warn', features: GFM }));
      if (result instanceof Promise) throw new Error('expected a synchronous compile');
      return result.html;
    };
    expect(page(text)).toBe(satteriHtml(text, false));
    expect(after(page(BOX + text))).toBe(satteriHtml(text, false).trim());
  });

  test('fact-boxes/satteri hands back the features it was given, with directive on', () => {
    expect(factBoxes({ features: GFM }).features).toEqual({ ...GFM, directive: true });
    expect(factBoxes().features).toBeUndefined();
  });

  test('an address with a port, in brackets on a box line that is none (a space before {), links whole on both processors', async () => {
    // remark-directive reads `:8080` there as a directive, which cut GFM's link short: its block is read again.
    const text = ':::claim[See http://x.test:8080/path] {class="wide"}\n:::\n';
    for (const html of [await unifiedHtml(text, true), satteriHtml(text, true)]) expect(html).toContain('<a href="http://x.test:8080/path">http://x.test:8080/path</a>');
    expect(await unifiedHtml(text, true)).toBe(await unifiedHtml(text, false));
  });

  test('the footnote of a time keeps its text on both processors', async () => {
    const text = 'The convoy left at 10:30[^1].\n\n[^1]: Baghdad time.\n';
    for (const html of [await unifiedHtml(text, true), satteriHtml(text, true)]) {
      expect(html).toContain('Baghdad time.');
      expect(html).toContain('href="#user-content-fn-1"');
      expect(html).not.toContain('[^1]');
    }
  });

  test('a time followed by a link in a box reads as a link in the box (unified and Sätteri)', async () => {
    const text = ':::claim[Vote]{by="The ministry" status=confirmed}\nIt passed 3:1.\n\nSee 3:1[the record](https://example.com/vote).\n:::\n';
    for (const html of [await unifiedHtml(text, true), satteriHtml(text, true)]) {
      expect(html).toContain('<p>See 3:1<a href="https://example.com/vote">the record</a>.</p>');
    }
  });

  test('in a box of a document with footnotes, its first and last paragraphs too (unified and Sätteri)', async () => {
    const text = ':::claim[Vote]{by="The council" status=unverified}\nCounted at 18:00[^a] by hand.\n\nRead 7:2[the tally](https://example.org/tally) online.\n:::\n\n[^a]: Local time in Basra.\n';
    for (const html of [await unifiedHtml(text, true), satteriHtml(text, true)]) {
      expect(html).toMatch(/<blockquote class="fact-box__quote" dir="auto"><p>Counted at 18:00<sup><a href="#user-content-fn-a"/);
      expect(html).toContain('<p>Read 7:2<a href="https://example.org/tally">the tally</a> online.</p>');
      expect(html).toContain('Local time in Basra.');
      expect(html).not.toContain('[^a]');
    }
  });

  test('remarkRestoreDirectives called as a plain function, without a processor, restores by text', () => {
    const text = 'At 10:30[^1].\n\n[^1]: Local time.\n';
    const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(text);
    (remarkRestoreDirectives as unknown as () => (tree: unknown, file: VFile) => void)()(tree, new VFile(text));
    const paragraph = tree.children[0] as { children: { type: string; value?: string }[] };
    expect(paragraph.children).toEqual([expect.objectContaining({ type: 'text', value: 'At 10:30[^1].' })]);
  });

  test('without GFM an address stays text, as without fact-boxes', async () => {
    const text = 'Write to mailto:desk@example.com with tips.\n';
    const plain = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(text));
    const boxed = String(await unified().use(remarkParse).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).process(text));
    expect(boxed).toBe(plain);
    expect(boxed).toBe('<p>Write to mailto:desk@example.com with tips.</p>');
  });

  test('a directive another plugin handled keeps its block as read with directives', async () => {
    // A plugin before fact-boxes turns `:abbr[…]` into <abbr>: reading the block again would lose it.
    const abbr: Plugin = () => (tree) => {
      const visit = (node: { type: string; name?: string; data?: Record<string, unknown>; children?: unknown[] }) => {
        if (node.type === 'textDirective' && node.name === 'abbr') node.data = { hName: 'abbr' };
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(tree as never);
    };
    const text = 'An :abbr[HTML] page at 3:1[s](https://example.com/s).\n';
    const html = String(await unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(abbr).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify).process(text));
    expect(html).toBe('<p>An <abbr>HTML</abbr> page at 3:1[s](<a href="https://example.com/s">https://example.com/s</a>).</p>');
  });

  describe('on Sätteri after other plugins', () => {
    // A plugin that changes nothing in prose: the page is as without fact-boxes.
    const quiet: MdastPluginDefinition = { name: 'quiet', heading() {} };
    // One that marks every paragraph (data on the block), and one that handles `:abbr[…]`.
    const mark: MdastPluginDefinition = { name: 'mark', paragraph(node, ctx) { ctx.setProperty(node, 'data', { hProperties: { className: ['marked'] } }); } };
    const abbr: MdastPluginDefinition = { name: 'abbr', textDirective(node, ctx) { if (node.name === 'abbr') ctx.setProperty(node, 'data', { hName: 'abbr' }); } };

    test.each(PROSE)('%s', (_what, text) => {
      expect(satteriAfter(text, [quiet], true)).toBe(satteriAfter(text, [quiet], false));
      expect(after(satteriAfter(BOX + text, [quiet], true))).toBe(satteriAfter(text, [quiet], false).trim());
    });

    test('in Astro, the integration reads prose again after the site\'s other Markdown plugins too', () => {
      const features = { ...GFM, directive: true };
      const text = 'The convoy left at 10:30[^1] and was hit.\n\n[^1]: Baghdad time.\n';
      const html = satteriPage(text, features, astroSatteriPlugins(features, { before: [quiet] }));
      expect(html).toBe(satteriAfter(text, [quiet], false));
      expect(html).toContain('Baghdad time.');
    });

    test('in a box of a document with footnotes, as when fact-boxes runs first', () => {
      const text = ':::claim[Vote]{by="The council" status=unverified}\nCounted at 18:00[^a] by hand.\n\nRead 7:2[the tally](https://example.org/tally) online.\n:::\n\n[^a]: Local time in Basra.\n';
      expect(satteriAfter(text, [quiet], true)).toBe(satteriHtml(text, true));
    });

    test('a block another plugin marked keeps its mark, its directive restored by text', () => {
      const html = satteriAfter('The vote passed 3:1[the record](https://example.com/vote) in committee.\n', [mark], true);
      expect(html).toContain('<p class="marked">The vote passed 3:1[the record](');
    });

    test('inside a box, a block whose words another plugin marked keeps them, its directive restored by text', () => {
      const emphasis: MdastPluginDefinition = { name: 'emphasis', emphasis(node, ctx) { ctx.setProperty(node, 'data', { hProperties: { className: ['marked'] } }); } };
      const text = ':::claim[Vote]{by="The council" status=unverified}\nIt passed.\n\nRead *now* 7:2[the tally](https://example.org/tally).\n\nOr 7:2[the list](https://example.org/list).\n:::\n';
      const html = satteriAfter(text, [emphasis], true);
      expect(html).toContain('<p>Read <em class="marked">now</em> 7:2[the tally](');
      // The next paragraph, which nothing marked, is read again.
      expect(html).toContain('<p>Or 7:2<a href="https://example.org/list">the list</a>.</p>');
    });

    test('a directive another plugin handled keeps its block', () => {
      const html = satteriAfter('An :abbr[HTML] page at 3:1[s](https://example.com/s).\n', [abbr], true);
      expect(html).toContain('<abbr>HTML</abbr>');
      expect(html).toContain('3:1[s](');
    });
  });

  test('MDX: attributes after a time are an expression, as without fact-boxes (@mdx-js/mdx and Sätteri)', async () => {
    const text = 'export const approx = "about";\n\nAt 10:30{approx} they met.\n';
    const compiled = async (withPlugin: boolean) => {
      const file = new VFile({ value: text, path: 'a.mdx' });
      const plugins = withPlugin ? [remarkGfm, remarkDirective, [remarkFactBoxes, { onInvalid: 'warn' }]] : [remarkGfm];
      return String(await compile(file, { remarkPlugins: plugins as never }));
    };
    expect(await compiled(true)).toBe(await compiled(false));
    expect(await compiled(true)).toContain('approx');
    expect(satteriHtml(text, true, 'mdx')).toBe(satteriHtml(text, false, 'mdx'));
  });

  test('MDX: a one-line paragraph is read alone when the whole page cannot be read without directives (@mdx-js/mdx and Sätteri)', async () => {
    // Without directive syntax a row's `{killed=12 injured="30-40"}` is an MDX expression that does not compile, so
    // the page has no whole reading; a list item's address is still linked, as on the page without fact-boxes.
    const box = ':::casualties{source="Local health authority"}\n::group[Civilians]{killed=12 injured="30-40"}\n:::\n\n';
    const text = '1. Numbered at 10:30 and mailto:desk@example.com\n2. Second item\n';
    const link = /href="mailto:desk@example\.com"/;
    const compiled = async (source: string, withPlugin: boolean) => {
      const file = new VFile({ value: source, path: 'a.mdx' });
      const plugins = withPlugin ? [remarkGfm, remarkDirective, [remarkFactBoxes, { onInvalid: 'warn' }]] : [remarkGfm];
      return String(await compile(file, { remarkPlugins: plugins as never, jsx: true }));
    };
    expect(await compiled(text, false)).toMatch(link);
    expect(await compiled(box + text, true)).toMatch(link);
    const options = resolveOptions({ onInvalid: 'warn', staticHtml: 'fragment' });
    const features = { ...GFM, directive: true };
    const quiet: MdastPluginDefinition = { name: 'quiet', heading() {} };
    const result = mdxToJs(box + text, { features, mdastPlugins: [quiet, (document: PluginFactoryContext) => createSatteriPlugin(options, document, { features, othersBefore: true })] });
    if (result instanceof Promise) throw new Error('expected a synchronous compile');
    expect(result.code).toMatch(/href: "mailto:desk@example.com"/);
  });

  test('several blocks of a document read again are each what the page holds without fact-boxes, positions included (unified)', async () => {
    const text = [
      '# Vote at 3:1[the tally](https://example.com/t)',
      'Write to mailto:desk@example.com with tips.',
      'A plain paragraph at 10:30 in between.',
      '> Quoted at 07:13[the wire](https://example.com/w).',
      'Search site:www.example.com, or see 3:1[the record](https://example.com/r)\nand *more* on a second line.',
    ].join('\n\n') + '\n';
    expect(await unifiedHtml(text, true)).toBe(await unifiedHtml(text, false));
    // Each link where the document has it, as parsed without fact-boxes.
    const links = (tree: unknown) => {
      const found: unknown[] = [];
      const visit = (node: { type: string; position?: unknown; children?: unknown[] }) => {
        if (node.type === 'link') found.push(node.position);
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit(tree as never);
      return found;
    };
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFactBoxes);
    const tree = processor.parse(text);
    await processor.run(tree, new VFile(text));
    const plain = unified().use(remarkParse).use(remarkGfm).parse(text);
    expect(links(tree)).toHaveLength(5);
    expect(links(tree)).toEqual(links(plain));
  });

  test('positions of the prose read again are the document’s (unified)', async () => {
    const text = '# Title\n\nLine one.\nAt 10:30[^1] they met.\n\n[^1]: Local time.\n';
    const tree = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFactBoxes).parse(text);
    const file = new VFile(text);
    await unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFactBoxes).run(tree, file);
    const paragraph = (tree.children[1] as { children: { type: string; position: { start: { line: number; column: number; offset: number } } }[] }).children;
    const reference = paragraph.find((node) => node.type === 'footnoteReference');
    expect(reference?.position.start).toEqual({ line: 4, column: 9, offset: 27 });
    expect(text.slice(reference!.position.start.offset, reference!.position.start.offset + 4)).toBe('[^1]');
  });
});
