/**
 * Sätteri: a box read again from its own text (satteri-reread.ts) must be the
 * nodes Sätteri's plugin API hands over, positions included, and the pages
 * the same, HTML, records and messages; where the text alone cannot say what
 * the nodes are, the box is read from Sätteri's nodes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { markdownToHtml, markdownToMdast, mdxToJs, type Features, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { describe, expect, test } from 'vitest';
import { markdownFixtures } from '../helpers/fixtures.js';
import { article } from '../../bench/corpus.mjs';
import { astroSatteriPlugins, satteriPage } from '../helpers/astro-satteri.js';
import { boxReader, createSatteriPlugin, findBoxes, readTogether, resolveOptions } from '../helpers/internal.js';
import { documentArbitrary, toMarkdown } from '../robustness/documents.js';

const root = fileURLToPath(new URL('../../', import.meta.url));


const GFM: Features = { directive: true, gfm: true, smartPunctuation: true };

const MDX = [
  ':::claim[A *bold* {title}]{by="The ministry" status=confirmed}\nThey met at 10:30 with <Person name="Ada" /> and {count} others, re:Invent style.\n\n- one\n- two\n:::\n',
  // Invalid: the messages, with their places, must be the same whichever way the box is read.
  'Intro at 10:30.\n\n:::claim[A <em>"quoted"</em> title]{by="Desk" status=maybe}\nSaid {count} times.\n:::\n\n:::casualties[Raid]{killed="two dozen"}\n:::\n',
  'export const count = 4;\n\n:::timeline[Days]\n- 2023-10-17: Attacks begin, "the first" -- at 3:1.\n- 2023-10-26: Strikes with <abbr title="United States">US</abbr> forces.\n:::\n\n:::casualties[Toll]{killed=3 source="Officials"}\n:::\n',
];

/** Whether each box was read from its text, and what the reader gave beside Sätteri's own nodes. */
function readings(source: string, format: 'markdown' | 'mdx', parseWith: Features, readWith: Features | undefined) {
  const seen: { read: unknown; nodes: unknown }[] = [];
  const plugin = (document: PluginFactoryContext): MdastPluginDefinition => {
    const read = boxReader(document.source, document.sourceFormat, readWith);
    return {
      name: 'readings',
      options: { position: true },
      containerDirective(node, ctx) {
        if (ctx.parent(node)?.type !== 'root') return;
        seen.push({ read: read?.(node, ctx), nodes: JSON.parse(JSON.stringify(node)) });
      },
    };
  };
  if (format === 'mdx') mdxToJs(source, { features: parseWith, mdastPlugins: [plugin] });
  else markdownToHtml(source, { features: parseWith, mdastPlugins: [plugin] });
  return seen;
}

/** A page through fact-boxes, with boxes read from their text or from Sätteri's nodes (the features known either way, unless `known` is false). */
function page(source: string, format: 'markdown' | 'mdx', features: Features, reread: boolean, staticHtml: false | 'raw' | 'fragment', known = true) {
  const options = resolveOptions({ onInvalid: 'warn', staticHtml });
  const plugin = (document: PluginFactoryContext) => createSatteriPlugin(options, document, known ? { features, readBoxesFromText: reread } : {});
  const result = format === 'mdx' ? mdxToJs(source, { features, mdastPlugins: [plugin] }) : markdownToHtml(source, { features, mdastPlugins: [plugin] });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  const output = 'html' in result ? result.html : result.code;
  return { output, records: JSON.stringify(result.data.factBoxes), problems: JSON.stringify(result.data.factBoxesProblems) };
}

const documents: [string, string, 'markdown' | 'mdx'][] = [
  ...markdownFixtures(join(root, 'tests')).map((file): [string, string, 'markdown'] => [file.slice(root.length), readFileSync(file, 'utf8'), 'markdown']),
  ...Array.from({ length: 6 }, (_, index): [string, string, 'markdown'] => [`bench article ${index}`, article(index), 'markdown']),
  ...Array.from({ length: 3 }, (_, index): [string, string, 'mdx'] => [`bench article ${index} as MDX`, article(index), 'mdx']),
  ...MDX.map((source, index): [string, string, 'mdx'] => [`MDX ${index}`, source, 'mdx']),
];

describe('a box read from its text is the box Sätteri hands over', () => {
  test.each(documents)('%s', (_name, source, format) => {
    for (const { read, nodes } of readings(source, format, GFM, GFM)) if (read !== undefined) expect(read).toEqual(nodes);
  });

  test('every box of the bench articles is read from its text, in Markdown and in MDX', () => {
    for (let index = 0; index < 4; index++) {
      for (const format of ['markdown', 'mdx'] as const) {
        const seen = readings(article(index), format, GFM, GFM);
        expect(seen).toHaveLength(8);
        expect(seen.every(({ read }) => read !== undefined)).toBe(true);
      }
    }
  });

  test('with JSX and expressions inside, in MDX', () => {
    const seen = MDX.flatMap((source) => readings(source, 'mdx', GFM, GFM));
    expect(seen).toHaveLength(5);
    expect(seen.every(({ read }) => read !== undefined)).toBe(true);
  });

  test('positions are moved to the lines of the file (content collections)', () => {
    const source = 'Intro.\n\n:::claim[T]{by="X"}\nSaid so.\n:::\n';
    let read: unknown;
    markdownToHtml(source, {
      features: GFM,
      mdastPlugins: [(document: PluginFactoryContext) => {
        const reader = boxReader(document.source, document.sourceFormat, GFM, { lines: 4, columns: 0 });
        return { name: 'shifted', options: { position: true }, containerDirective(node, ctx) { read = reader?.(node, ctx); } };
      }],
    });
    expect(read).toMatchObject({ position: { start: { line: 7, column: 1, offset: 8 }, end: { line: 9, column: 4, offset: 40 } } });
    expect((read as { children: { position: unknown }[] }).children[1]!.position).toEqual({ start: { line: 8, column: 1, offset: 28 }, end: { line: 8, column: 9, offset: 36 } });
  });
});

describe('the boxes of a document read together, in one text', () => {
  test('the bench articles\' boxes are found and read together, each as read on its own', () => {
    for (let index = 0; index < 4; index++) {
      const source = article(index);
      const ranges = findBoxes(source, false)!;
      expect(ranges).toHaveLength(8);
      const read = readTogether(source, ranges, (text) => markdownToMdast(text, { features: GFM, position: true }) as unknown as Root)!;
      expect(read.boxes).toHaveLength(8);
      for (const [at, { box, by }] of read.boxes.entries()) {
        const alone = markdownToMdast(source.slice(ranges[at]!.start, ranges[at]!.end), { features: GFM, position: true }) as unknown as Root;
        // The same nodes but for where they are: read together, lines are the document's and offsets the text's.
        const where = (node: unknown) => JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value));
        expect(where(box)).toBe(where(alone.children[0]));
        expect(box.position?.start.offset! + by).toBe(ranges[at]!.start);
      }
    }
  });

  const TRICKY: [what: string, text: string][] = [
    ['a box line in fenced code before the boxes', '```md\n:::claim{by="x"}\n```\n\n:::claim[T]{by="x"}\nSaid so.\n:::\n\n:::actor[A]{type=militia}\nA group.\n:::\n'],
    ['a box in a list between boxes', ':::claim[T]{by="x"}\nSaid so.\n:::\n\n- item\n\n  :::claim{by="y"}\n  Quote.\n  :::\n\n:::actor[A]{type=militia}\nA group.\n:::\n'],
    ['a box right after a paragraph, and one after another box', 'Before.\n:::claim[T]{by="x"}\nSaid so.\n:::\n:::actor[A]{type=militia}\nA group.\n:::\n'],
    ['HTML around a box', '<div class="grid">\n\n:::claim[T]{by="x"}\nSaid so.\n:::\n\n</div>\n'],
    ['CRLF, and a carriage return alone', 'Intro.\r\n\r\n:::claim[T]{by="x"}\r\nSaid so.\r\n:::\r\nA line.\rAnother.\n\n:::actor[A]{type=militia}\nA group.\n:::\n'],
    ['a closing fence in code inside a box', ':::claim[T]{by="x"}\n```\n:::\n```\n:::\n\n:::actor[A]{type=militia}\nA group.\n:::\n'],
  ];

  test.each(TRICKY)('%s: each box read is Sätteri\'s', (_what, source) => {
    for (const { read, nodes } of readings(source, 'markdown', GFM, GFM)) if (read !== undefined) expect(read).toEqual(nodes);
  });

  test('generated documents (fast-check): each box read is Sätteri\'s, in Markdown and in MDX', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('valid' as const, 'mixed' as const).chain((mode) => documentArbitrary(mode)),
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.constantFrom('markdown' as const, 'mdx' as const),
        (blocks, lineEnding, format) => {
          // U+0000 as micromark reads it (U+FFFD; Sätteri drops it).
          const source = toMarkdown(blocks, lineEnding).markdown.replaceAll('\0', '\uFFFD');
          let seen: ReturnType<typeof readings>;
          try {
            seen = readings(source, format, GFM, GFM);
          } catch {
            return; // not MDX
          }
          for (const { read, nodes } of seen) if (read !== undefined) expect(read, source).toEqual(nodes);
        },
      ),
      { numRuns: Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('where the text alone cannot say what the nodes are, the box is read from the nodes', () => {
  const box = ':::claim[Title]{by="X"}\nSaid "so" -- twice.\n:::\n';
  const fallsBack = (source: string, parseWith = GFM, readWith: Features | null = GFM) => readings(source, 'markdown', parseWith, readWith ?? undefined).map(({ read }) => read === undefined);

  test('the features are not known', () => {
    expect(fallsBack(box, GFM, null)).toEqual([true]);
  });
  test('the document has a definition or a footnote', () => {
    expect(fallsBack(`${box}\n[ref]: https://example.com\n`)).toEqual([true]);
    expect(fallsBack(`${box}\nA note.[^1]\n\n[^1]: The note.\n`)).toEqual([true]);
  });
  test('the box is inside a list or a quote', () => {
    expect(readings(`- item\n\n  ${box.replaceAll('\n', '\n  ')}`, 'markdown', GFM, GFM).every(({ read }) => read === undefined)).toBe(true);
    expect(readings(`> ${box.replaceAll('\n', '\n> ')}`, 'markdown', GFM, GFM).every(({ read }) => read === undefined)).toBe(true);
  });
  test('other features read its text otherwise (smart punctuation, tables, strikethrough)', () => {
    expect(fallsBack(box, GFM, { ...GFM, smartPunctuation: false })).toEqual([true]);
    expect(fallsBack(':::claim[T]{by="X"}\n| a | b |\n| - | - |\n| 1 | 2 |\n:::\n', GFM, { ...GFM, gfm: false })).toEqual([true]);
    expect(fallsBack(':::claim[T]{by="X"}\nIt was ~~not~~ so.\n:::\n', { ...GFM, gfm: false }, GFM)).toEqual([true]);
    // The same features: read from the text.
    expect(fallsBack(box)).toEqual([false]);
  });
  test('a bare address, which only GFM reads as a link', () => {
    expect(fallsBack(':::claim[T]{by="X" source-url="https://example.com"}\nSee www.example.com today.\n:::\n')).toEqual([true]);
    expect(fallsBack(':::claim[T]{by="X" source-url="https://example.com"}\nSee [the site](https://example.com).\n:::\n')).toEqual([false]);
  });
});

describe('pages are the same whichever way boxes are read', () => {
  test('messages keep their places in the file: an invalid box in MDX, read from its text', () => {
    type Place = { line: number; column: number };
    const problems = JSON.parse(page(MDX[1]!, 'mdx', GFM, true, 'fragment').problems) as { ruleId: string; place: Place | { start: Place } }[];
    const at = (place: Place | { start: Place }) => ('start' in place ? place.start : place);
    expect(problems.map((problem) => [problem.ruleId, at(problem.place).line, at(problem.place).column])).toEqual([
      ['invalid-attribute', 3, 47],
      ['invalid-attribute', 7, 21],
      ['missing-attribute', 7, 1],
    ]);
  });

  test.each(documents)('%s', (_name, source, format) => {
    for (const staticHtml of format === 'mdx' ? (['fragment', false] as const) : (['raw', false] as const)) {
      expect(page(source, format, GFM, true, staticHtml)).toEqual(page(source, format, GFM, false, staticHtml));
    }
  });
});

describe('in Astro, boxes are read from their text only when fact-boxes runs first', () => {
  // A plugin that marks the author's paragraphs without changing their words: run before fact-boxes, its mark must reach the box.
  const mark: MdastPluginDefinition = { name: 'mark', paragraph(node, ctx) { ctx.setProperty(node, 'data', { hProperties: { className: ['marked'] } }); } };
  const render = (place: (entry: unknown) => unknown[]) => satteriPage(':::claim[Title]{by="X"}\nSaid so at 10:30.\n:::\n', GFM, astroSatteriPlugins(GFM, { place }));

  test('a plugin before it has changed the nodes: they are read from Sätteri', () => {
    expect(render((entry) => [mark, entry])).toContain('<p class="marked">Said so at 10:30.</p>');
  });
  test('first, it reads the text; later plugins still see the box', () => {
    const html = render((entry) => [entry, mark]);
    expect(html).toContain('<p class="marked">Said so at 10:30.</p>');
    expect(html).toContain('data-fact-box="claim"');
  });
});
