import { restoreUnhandledDirectives } from '../helpers/internal.js';
import { astroSatteriPlugins, satteriPage } from '../helpers/astro-satteri.js';
import factBoxes from 'fact-boxes/satteri';
import { fromHtml } from 'hast-util-from-html';
import { markdownToHtml, type MdastPluginList } from 'satteri';
import remarkFactBoxes, { remarkRestoreDirectives } from 'fact-boxes/remark';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin, type Processor } from 'unified';
import { describe, expect, test } from 'vitest';
import { describeMessages, render, textOf } from '../helpers/pipeline.js';

/** Prose from real news copy that remark-directive would read as directives. */
const PROSE: readonly [what: string, text: string][] = [
  ['a time', 'The convoy left at 10:30 and was hit.'],
  ['a time with seconds', 'The first rocket landed at 07:13:47 local time.'],
  ['a ratio', 'The vote passed 3:1 in committee.'],
  ['a verse reference', 'He quoted Col. 3:17 in the sermon.'],
  ['a brand name', 'Amazon announced it at re:Invent in Las Vegas.'],
  ['a mailto address', 'Write to mailto:desk@example.com with tips.'],
  ['a URL with a port and colons', 'The feed is at https://host:8080/a:b for now.'],
  ['a missing space after a colon', 'Note:this figure is disputed.'],
  ['Arabic with a colon', 'قال المتحدث:الهجوم كان محدودا'],
  ['a text directive with a label and attributes', 'An :abbr[HTML]{title="x"} element.'],
  ['a text directive with Markdown in its label and shortcuts', 'See :span[a *b* c]{.c #d e=f} here.'],
  ['a word followed by a directive', 'Text:dir[x]{y} and a lone colon :'],
  ['colons everywhere', ':a :b: c: and ::d in a line'],
];

/** Render Markdown through the plugin with the given extra plugins before or after it. */
async function renderWith(markdown: string, before: Plugin[] = [], after: Plugin[] = []): Promise<string> {
  let processor = unified().use(remarkParse) as unknown as Processor;
  for (const plugin of before) processor = processor.use(plugin) as unknown as Processor;
  processor = processor.use(remarkFactBoxes, { onInvalid: 'warn' }) as unknown as Processor;
  for (const plugin of after) processor = processor.use(plugin) as unknown as Processor;
  return String(await processor.use(remarkRehype).use(rehypeStringify).process(markdown));
}

/** Call `each` on every text directive of a tree. */
function eachTextDirective(node: MdastNodes, each: (directive: TextDirective) => void): void {
  if (node.type === 'textDirective') each(node);
  if ('children' in node) for (const child of node.children) eachTextDirective(child, each);
}

describe('restoring prose that looks like directives (DESIGN §5)', () => {
  test.each(PROSE)('should give back %s exactly as written', async (_what, text) => {
    const rendered = await render(`${text}\n`, {});
    expect(describeMessages(rendered)).toEqual([]);
    expect(textOf(rendered.tree, 'p')).toBe(text);
    // Nothing was turned into an element: the paragraph holds only text.
    expect(select('p *', rendered.tree)).toBeUndefined();
  });

  test('should give back a text directive nobody handled byte for byte, not re-serialised', async () => {
    const { html } = await render('An :abbr[HTML]{title="x"} and :x[y]{a=b   c=\'d\'}.\n', {});
    expect(html).toBe('<p>An :abbr[HTML]{title="x"} and :x[y]{a=b   c=\'d\'}.</p>');
  });

  test('should give back a leaf directive line as a paragraph', async () => {
    const rendered = await render('Before.\n\n::video{id=1}\n\n::video[Clip at 10:30]{src="a b" x=y}\n\nAfter.\n', {});
    expect(describeMessages(rendered)).toEqual([]);
    expect(selectAll('p', rendered.tree).map((node) => toString(node))).toEqual(['Before.', '::video{id=1}', '::video[Clip at 10:30]{src="a b" x=y}', 'After.']);
  });

  test('should restore in headings, emphasis, links and lists', async () => {
    const rendered = await render('# Talks at re:Invent 3:1\n\n- at 10:30\n  - and *07:13:47*\n\n[re:Invent](https://example.com/a:b) **Col:3**\n', {});
    expect(textOf(rendered.tree, 'h1')).toBe('Talks at re:Invent 3:1');
    const items = selectAll('li', rendered.tree).map((node) => toString(node).trim());
    expect(items[0]?.startsWith('at 10:30\n')).toBe(true);
    expect(items[1]).toBe('and 07:13:47');
    expect(textOf(rendered.tree, 'li li em')).toBe('07:13:47');
    expect(textOf(rendered.tree, 'a')).toBe('re:Invent');
    expect(select('a', rendered.tree)?.properties.href).toBe('https://example.com/a:b');
    expect(textOf(rendered.tree, 'strong')).toBe('Col:3');
  });

  test('should restore inside a box: title, the claim quote, the context and the record', async () => {
    const markdown = [
      ':::claim[Strike at 10:30]{by="Ashab al-Kahf"}',
      'قال المتحدث:الهجوم at 10:30, odds 3:1, see re:Invent and :abbr[HTML]{title="x"}.',
      '',
      '::video{id=1}',
      '',
      'Context: Note:this.',
      ':::',
      '',
    ].join('\n');
    const rendered = await render(markdown, {});
    expect(describeMessages(rendered)).toEqual([]);
    expect(textOf(rendered.tree, '.fact-box__title')).toBe('Strike at 10:30');
    expect(textOf(rendered.tree, 'blockquote.fact-box__quote')).toBe('قال المتحدث:الهجوم at 10:30, odds 3:1, see re:Invent and :abbr[HTML]{title="x"}.');
    expect(selectAll('.fact-box__body p', rendered.tree).map((node) => toString(node))).toEqual(['::video{id=1}', 'Context: Note:this.']);
    const record = rendered.file.data.factBoxes?.[0];
    expect(record?.title).toBe('Strike at 10:30');
    expect(record?.text).toBe('قال المتحدث:الهجوم at 10:30, odds 3:1, see re:Invent and :abbr[HTML]{title="x"}.\n::video{id=1}\nContext: Note:this.');
  });

  test('should restore inside a casualties box and its records', async () => {
    const rendered = await render(':::casualties[Toll as of 18:00]{killed=3 source="the Pentagon"}\n::group[Base at Tower 22]{killed=3}\n\nUpdated at 18:00; ratio 3:1.\n:::\n', {});
    expect(describeMessages(rendered)).toEqual([]);
    expect(textOf(rendered.tree, '.fact-box__title')).toBe('Toll as of 18:00');
    expect(textOf(rendered.tree, '.fact-box__body')).toBe('Updated at 18:00; ratio 3:1.');
    expect(rendered.file.data.factBoxes?.[0]?.text).toBe('Updated at 18:00; ratio 3:1.');
  });

  test('should not touch code', async () => {
    const rendered = await render('`10:30 :abbr[x]{y}`\n\n```\n::video{id=1}\nre:Invent\n```\n', {});
    expect(textOf(rendered.tree, 'p code')).toBe('10:30 :abbr[x]{y}');
    expect(textOf(rendered.tree, 'pre code')).toBe('::video{id=1}\nre:Invent\n');
  });
});

describe('restoreUnhandledDirectives on its own', () => {
  test('should leave directives that a plugin handled, and container directives', () => {
    const source = 'a :handled[x] b :nobody[y]{z}\n\n:::note\nin\n:::\n';
    const tree = unified().use(remarkParse).use(remarkDirective).parse(source) as MdastRoot;
    eachTextDirective(tree, (node) => {
      if (node.name === 'handled') node.data = { hName: 'mark' };
    });
    restoreUnhandledDirectives(tree, source);
    const paragraph = tree.children[0];
    expect(paragraph?.type).toBe('paragraph');
    const kinds = paragraph?.type === 'paragraph' ? paragraph.children.map((child) => (child.type === 'text' ? `text:${child.value}` : child.type)) : [];
    expect(kinds).toEqual(['text:a ', 'textDirective', 'text: b :nobody[y]{z}']);
    expect(tree.children[1]?.type).toBe('containerDirective');
  });

  test('should give prose back as one text node, as written, positioned over all of it', () => {
    const source = 'At 10:30 the score was 3:1.';
    const tree = unified().use(remarkParse).use(remarkDirective).parse(source) as MdastRoot;
    restoreUnhandledDirectives(tree, source);
    const paragraph = tree.children[0];
    const children = paragraph?.type === 'paragraph' ? paragraph.children : [];
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ type: 'text', value: source, position: { start: { offset: 0 }, end: { offset: source.length } } });
  });
});

describe('remark-directive, added or not', () => {
  const markdown = 'At 10:30, re:Invent.\n\n:::claim[Vow]{by="x"}\nQuote at 3:1.\n:::\n\n::video{id=1}\n';

  test('should work when remark-directive was not added', async () => {
    const html = await renderWith(markdown);
    expect(html).toContain('data-fact-box="claim"');
    expect(html).toContain('<p>At 10:30, re:Invent.</p>');
    expect(html).toContain('<p>::video{id=1}</p>');
  });

  test('should give the same output when remark-directive was added before or after it', async () => {
    const alone = await renderWith(markdown);
    expect(await renderWith(markdown, [remarkDirective])).toBe(alone);
    expect(await renderWith(markdown, [], [remarkDirective])).toBe(alone);
  });

  test.each<[what: string, build: () => Processor]>([
    ['not added', () => unified().use(remarkParse).use(remarkFactBoxes) as unknown as Processor],
    ['added before', () => unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes) as unknown as Processor],
    ['added after', () => unified().use(remarkParse).use(remarkFactBoxes).use(remarkDirective) as unknown as Processor],
    [
      'added by another plugin before',
      () =>
        unified()
          .use(remarkParse)
          .use(function otherDirectivePlugin(this: Processor) {
            remarkDirective.call(this);
          })
          .use(remarkFactBoxes) as unknown as Processor,
    ],
  ])('should register the directive syntax exactly once when remark-directive was %s', (_what, build) => {
    const processor = build().freeze();
    expect(processor.data('micromarkExtensions')).toHaveLength(1);
  });
});

describe('restore: false, for pipelines with other directive plugins', () => {
  /** A plugin that handles `:abbr[…]{title}` after fact-boxes. */
  function remarkAbbr() {
    return (tree: MdastRoot) => {
      eachTextDirective(tree, (node) => {
        if (node.name !== 'abbr') return;
        node.data = { hName: 'abbr', hProperties: { title: node.attributes?.title ?? undefined } };
      });
    };
  }

  test('should leave directives for a later plugin, and remarkRestoreDirectives restores the rest', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkFactBoxes, { restore: false })
        .use(remarkAbbr)
        .use(remarkRestoreDirectives)
        .use(remarkRehype)
        .use(rehypeStringify)
        .process('An :abbr[HTML]{title="HyperText"} talk at re:Invent, 10:30.\n'),
    );
    expect(html).toBe('<p>An <abbr title="HyperText">HTML</abbr> talk at re:Invent, 10:30.</p>');
  });

  test('should lose the later plugin’s directives when restoring early, which is why the option exists', async () => {
    const html = String(
      await unified().use(remarkParse).use(remarkFactBoxes).use(remarkAbbr).use(remarkRehype).use(rehypeStringify).process('An :abbr[HTML]{title="HyperText"} talk.\n'),
    );
    expect(html).toBe('<p>An :abbr[HTML]{title="HyperText"} talk.</p>');
  });
});

describe('on Sätteri, a page whose only directives are prose', () => {
  // Sätteri, like remark-directive, reads `:30` in `10:30` as a directive: a page where no colon is
  // followed by a Latin letter still needs the plugin, or the characters vanish.
  const features = { directive: true };
  const pipelines: readonly [name: string, plugins: () => MdastPluginList][] = [
    ['fact-boxes/satteri', () => factBoxes({ onInvalid: 'warn' }).mdastPlugins],
    ['the Astro integration', () => astroSatteriPlugins(features)],
  ];
  const cases = PROSE.filter(([what]) => !what.includes('Markdown in its label'));

  describe.each(pipelines)('%s', (_name, plugins) => {
    test.each(cases)('%s, alone on the page', (_what, text) => {
      expect(toString(fromHtml(satteriPage(text, features, plugins()), { fragment: true })).trim()).toBe(text);
    });

    test('in MDX, a time and a score', () => {
      const code = satteriPage('At 10:30 the vote was 3:1.\n', features, plugins(), 'mdx');
      // The page's strings in order (restored prose may stay pieces of text side by side).
      const strings = Array.from(code.matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) => JSON.parse(`"${match[1]}"`) as string).join('');
      expect(strings).toContain('At 10:30 the vote was 3:1.');
    });
  });
});

describe('image descriptions with directive-like text', () => {
  // The description is a string made while parsing: `:30` read as a directive there leaves nothing to restore.
  const IMAGES: readonly [what: string, text: string][] = [
    ['plain words', 'Rescuers at the site ![Rescuers at 10:30, after a 3:1 vote](photo.jpg) this morning.\n'],
    ['with emphasis', '![Crowd at *10:30* near re:Invent](crowd.jpg "The crowd")\n'],
    ['by reference', '![Flood at 07:13:47][flood]\n\n[flood]: flood.jpg\n'],
    ['in a heading, with quotes', '## Aftermath ![The "3:1" banner](banner.jpg)\n'],
    ['in a box', ':::claim[Vote]{by="The council" status=unverified}\nCounted by hand ![The count at 18:00](count.jpg).\n:::\n'],
  ];
  const alts = (html: string) => Array.from(html.matchAll(/alt="([^"]*)"/g), (match) => match[1]);

  test.each(IMAGES)('unified: %s', async (_what, text) => {
    const withoutDirectives = String(await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process(text));
    expect(alts(await renderWith(text, [remarkDirective as Plugin]))).toEqual(alts(withoutDirectives));
    expect(alts(withoutDirectives).join(' ')).toMatch(/\d:\d/);
  });

  test.each(IMAGES)('Sätteri, as the Astro integration runs it: %s', (_what, text) => {
    const features = { directive: true, smartPunctuation: true };
    const withFactBoxes = satteriPage(text, features, astroSatteriPlugins(features, { options: { onInvalid: 'warn' } }));
    expect(alts(withFactBoxes)).toEqual(alts(satteriPage(text, { smartPunctuation: true }, [])));
  });

  test('in a box read from Sätteri\'s nodes: after the site\'s own plugins, and with fact-boxes/satteri on its own', () => {
    const text = IMAGES[4]![1];
    const quiet = { name: 'quiet', heading() {} };
    const afterOthers = satteriPage(text, { directive: true }, astroSatteriPlugins({ directive: true }, { before: [quiet], options: { onInvalid: 'warn' } }));
    const alone = satteriPage(text, { directive: true }, factBoxes({ onInvalid: 'warn' }).mdastPlugins);
    expect([alts(afterOthers), alts(alone)]).toEqual([['The count at 18:00'], ['The count at 18:00']]);
  });

  test('fact-boxes/satteri on its own: a description of plain words', () => {
    const result = markdownToHtml(IMAGES[0]![1], { features: { directive: true }, ...factBoxes({ onInvalid: 'warn' }) });
    if (result instanceof Promise) throw new Error('expected a synchronous compile');
    expect(alts(result.html)).toEqual(['Rescuers at 10:30, after a 3:1 vote']);
  });
});

/** Sätteri with the directive feature, as fact-boxes runs on it: as Astro runs it, after a site's own plugin, and on its own. */
const SATTERI_WAYS: readonly [name: string, plugins: () => MdastPluginList][] = [
  ['the Astro integration (boxes read from their text)', () => astroSatteriPlugins({ directive: true }, { options: { onInvalid: 'warn' } })],
  ['after a site plugin (boxes read from Sätteri\'s nodes)', () => astroSatteriPlugins({ directive: true }, { before: [{ name: 'quiet', heading() {} }], options: { onInvalid: 'warn' } })],
  ['fact-boxes/satteri', () => factBoxes({ onInvalid: 'warn' }).mdastPlugins],
];

/** Whether Sätteri's page is remark's, whitespace between tags aside. */
async function expectRemarksPage(text: string, plugins: MdastPluginList): Promise<void> {
  const remark = String(await unified().use(remarkParse).use(remarkFactBoxes, { onInvalid: 'warn' }).use(remarkRehype).use(rehypeStringify).process(text));
  const normalise = (html: string) => html.replace(/>\s+</g, '><').trim();
  expect(normalise(satteriPage(text, { directive: true }, plugins))).toBe(normalise(remark));
}

describe('on Sätteri, a container nobody handles keeps its words, inside a box too', () => {
  // Sätteri renders a container directive without an element name as nothing, content and all; remark-rehype makes it a <div>.
  const PAGES: readonly [what: string, text: string][] = [
    ['inside a claim', '::::claim{by="Police"}\nThe statement.\n\n:::note\nAt 10:30, *as said*.\n:::\n::::\n'],
    ['a near miss of a box name, inside a box', '::::claim{by="Police"}\n:::casualty\nKilled: three.\n:::\n::::\n'],
    ['inside another nobody handles', '::::note\n:::aside\nThe words.\n:::\n::::\n'],
  ];

  describe.each(SATTERI_WAYS)('%s', (_name, plugins) => {
    test.each(PAGES)('%s: the words and the <div> remark gives', async (_what, text) => {
      await expectRemarksPage(text, plugins());
    });
  });
});

describe('on Sätteri, a line like `::before to add content` runs on from the paragraph above it, as in micromark', () => {
  // With the directive feature on, Sätteri ends a paragraph at any line that starts like a leaf directive, even one
  // that is none; micromark ends it only at a leaf directive that is one (`::before` alone on its line).
  const PAGES: readonly [what: string, text: string][] = [
    ['prose, twice in a row, with a time', 'Use the selector\n::before to add content, at 10:30.\n::after *too*.\n\n:::claim{by="x"}\n:::\n'],
    ['inside a box', ':::claim{by="x"}\nSee\n::marker here.\n:::\n'],
    ['in a quote and a list item', '> Quote\n> ::before it.\n\n- item\n  ::after the *item*.\n\n:::claim{by="x"}\n:::\n'],
    ['a leaf directive that is one still ends the paragraph', 'Use\n::before\n\n:::claim{by="x"}\n:::\n'],
    ['right under a box\'s title, which is no paragraph', ':::claim[The vow]{by="x"}\n::10:30 was the time.\n:::\n'],
  ];

  describe.each(SATTERI_WAYS)('%s', (_name, plugins) => {
    test.each(PAGES)('%s: remark\'s paragraphs', async (_what, text) => {
      await expectRemarksPage(text, plugins());
    });

    test('in MDX', () => {
      const code = satteriPage('Use the selector\n::before to add content.\n\n:::claim{by="x"}\n:::\n', { directive: true }, plugins(), 'mdx');
      expect(code).toContain('"Use the selector\\n::before to add content."');
    });
  });
});
