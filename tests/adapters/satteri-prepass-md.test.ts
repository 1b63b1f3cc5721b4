/**
 * Boxes written into a Markdown page's text before Sätteri renders it (src/adapters/satteri-prepass-md.ts), as the
 * Astro integration does for `.md` pages and collection entries when fact-boxes is the only Markdown plugin: the
 * page readers get is the page the plugin gives, byte for byte, and every page the pre-pass cannot write as the
 * plugin would is left to the plugin.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { readFileSync } from 'node:fs';
import { markdownToHtml, markdownToMdast, mdxToMdast, type Features } from 'satteri';
import { describe, expect, test } from 'vitest';
import { article } from '../../bench/corpus.mjs';
import { astroSatteriPlugins, satteriPage } from '../helpers/astro-satteri.js';
import { GLUE, prepassMarkdown, resolveOptions, startsAsParagraph, unglue } from '../helpers/internal.js';
import { eligible, filesIn } from '../helpers/prepass-pages.js';
import { documentArbitrary, toMarkdown } from '../robustness/documents.js';

/** As Astro parses Markdown by default. */
const ASTRO: Features = { gfm: true, smartPunctuation: true };
const options = resolveOptions({ staticHtml: 'raw' });

function prepass(text: string, features: Features = ASTRO) {
  return prepassMarkdown(text, features, options);
}

/** The page as the plugin gives it, as Astro runs it. */
function throughPlugin(text: string, features: Features = ASTRO) {
  const withDirectives = { ...features, directive: true };
  return satteriPage(text, withDirectives, astroSatteriPlugins(withDirectives, { options: { onInvalid: 'warn' } }));
}

/** The page with its boxes written in, rendered without the directive syntax or a plugin, its seams taken out. */
function written(text: string, features: Features = ASTRO) {
  const page = prepass(text, features);
  if (!page) throw new Error('expected the pre-pass to write this page');
  const html = unglue(markdownToHtml(page.text, { features }).html, page);
  if (html === undefined) throw new Error(`expected ${page.seams} seams in the page rendered from\n${page.text}`);
  return html;
}

/** The records and problems the plugin gives a page. */
function pluginOutcome(text: string) {
  const features = { ...ASTRO, directive: true };
  const result = markdownToHtml(text, { features, mdastPlugins: astroSatteriPlugins(features, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
  if (result instanceof Promise) throw new Error('expected a synchronous render');
  return result.data as { factBoxes?: unknown; factBoxesProblems?: unknown };
}

const root = new URL('../../', import.meta.url);
const FILES = [...filesIn('tests/fixtures/', /\.md$/), ...filesIn('tests/robustness/fixtures/', /\.md$/)];
/** A file's body, as Astro hands a renderer the text after the frontmatter. */
const body = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('a Markdown page with its boxes written in, against the plugin', () => {
  test('every fixture the pre-pass writes renders as through the plugin, and most of them are written', () => {
    let writtenPages = 0;
    for (const file of FILES) {
      const text = body(readFileSync(new URL(file, root), 'utf8'));
      if (!prepass(text)) continue;
      writtenPages++;
      expect(written(text), file).toBe(throughPlugin(text));
    }
    expect(writtenPages).toBeGreaterThanOrEqual(10);
  });

  test.each(Array.from({ length: 6 }, (_, index) => index))('bench article %i: written, and the same page', (index) => {
    const text = article(index);
    expect(prepass(text)?.seams).toBeGreaterThan(0);
    expect(written(text)).toBe(throughPlugin(text));
  });

  test('records and warnings are the plugin\'s', () => {
    // The same attribute twice: a warning.
    const text = `${article(2)}\n:::claim[Check]{by="A spokesperson" by="A minister" rating=false}\nNo attacks.\n:::\n`;
    const page = prepass(text)!;
    const outcome = pluginOutcome(text);
    expect(page.records).toEqual(outcome.factBoxes);
    expect(page.problems).toEqual(outcome.factBoxesProblems);
    expect(page.problems.length).toBeGreaterThan(0);
  });

  test('a body given without its frontmatter: records name the file\'s lines', () => {
    const text = ':::claim[Vow]{by="The ministry"}\nIt said so.\n:::\n';
    const page = prepassMarkdown(text, ASTRO, options, undefined, { lines: 4, columns: 0 })!;
    expect(page.records[0]!.position?.start).toMatchObject({ line: 5, column: 1, offset: 0 });
  });

  const SHAPES: [what: string, text: string][] = [
    ['a title with emphasis and code', ':::claim[The *vow* at `10:30`]{by="The ministry"}\nIt said so.\n:::\n'],
    ['titles with quotes and an ampersand', ':::actor[Kata\'ib "Hezbollah" & co]{type=militia}\nA group.\n:::\n'],
    ['casualty groups with markup in a label', ':::casualties[Toll]{source="Officials"}\n::group[The *first* strike]{killed=3}\n::group[Second & third]{killed="2+"}\n:::\n'],
    ['a timeline event with markup after its date, and one with more than a paragraph', ':::timeline[Days]\n- 2023-10-17: Attacks *begin* at 10:30.\n- 2023-10-26: Strikes.\n\n  ```txt\n    indented code\n  ```\n\n  A second paragraph.\n- 2023-11-05: Blinken visits.\n:::\n'],
    ['timeline events with quotes, dashes and escapes after their dates', ':::timeline\n- 2024-03-03: The ministry\'s "second" statement -- at 09:40...\n- 2024-03-04: A \\*star\\* &amp; more.\n:::\n'],
    ['a box right after a paragraph and before one', 'Before at 10:30.\n:::actor[Militia]{type=militia}\nA group.\n:::\nAfter it, 3:1.\n'],
    ['CRLF line endings', ':::claim[Vow]{by="The ministry"}\r\nIt said so.\r\n\r\nThe group said so.\r\n:::\r\n\r\nAfter.\r\n'],
    ['escapes and references in the author\'s text', ':::claim[A \\[bracket\\] &amp; more]{by="x"}\nA \\*star\\* &copy; 10\\:30.\n:::\n'],
    ['a quote, a list, code, a heading, an image and raw HTML in a box', ':::actor[Group]{type=militia}\n> A quote\n> on two lines.\n\n1. one\n2. two\n\n```js\nconst a = 1;\n```\n\n## Inside\n\n![A map](./map.png)\n\n<div class="note">Raw</div>\n:::\n'],
    ['paragraphs next to each other, and a box with no author text', ':::claim{by="x"}\n> "We will."\n\nFirst.\n\nSecond.\n\nThird.\n:::\n\n:::casualties{source="UN" killed=3}\n:::\n'],
    ['a definition used inside a box', 'See [the report][r].\n\n:::claim[Vow]{by="x"}\nAs [the report][r] says.\n:::\n\n[r]: https://example.com/report\n'],
    ['HTML that Markdown reads past blank lines, before a box', '<pre>\n\nkept\n</pre>\n\n:::claim{by="x"}\nQuote.\n:::\n'],
  ];

  test.each(SHAPES)('%s: written, and the same page', (_what, text) => {
    expect(written(text)).toBe(throughPlugin(text));
    expect(written(text, { gfm: true })).toBe(throughPlugin(text, { gfm: true }));
  });

  const LEFT_TO_THE_PLUGIN: [what: string, text: string][] = [
    ['phrasing that would read as a heading on its own line', ':::claim[# The *vow*]{by="The ministry"}\nIt said so.\n:::\n'],
    ['a timeline event whose words would read as a heading without their date', ':::timeline\n- 2023-10-17: # Not a heading\n:::\n'],
    ['a timeline event whose words would read as a list without their date', ':::timeline\n- 2023-10-17: 1. Not a list\n:::\n'],
    ['a timeline event whose words would read as a quote without their date', ':::timeline\n- 2024-01-01: > 50 killed in the strike.\n:::\n'],
    ['a box inside a list', '- item\n\n  :::claim{by="x"}\n  Quote.\n  :::\n'],
    ['a box inside a quote', '> :::claim{by="x"}\n> Quote.\n> :::\n'],
    ['a box inside a box', ':::actor[A]{type=militia}\nText.\n\n:::claim{by="x"}\nQuote.\n:::\n\n:::\n'],
    ['a container nobody handles', ':::note\nAn aside.\n:::\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a leaf directive outside boxes', '::youtube[Video]{id="x"}\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a box with an error', ':::claim\nNo one said it.\n:::\n'],
    ['a box never closed', ':::claim{by="x"}\nQuote.\n'],
    ['a box line in code outside boxes', '```md\n:::claim{by="x"}\n```\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a box line inside HTML that Markdown reads past blank lines', '<pre>\n\n:::claim{by="x"}\nQuote.\n:::\n</pre>\n'],
    ['a page that holds the seam marker', `${GLUE}\n\n:::claim{by="x"}\nQuote.\n:::\n`],
    ['no box at all', 'Prose at 10:30.\n'],
  ];

  test.each(LEFT_TO_THE_PLUGIN)('left to the plugin: %s', (_what, text) => {
    expect(prepass(text)).toBeUndefined();
  });

  test('a rendered page missing a seam is not taken: the plugin renders it', () => {
    const page = prepass(':::claim{by="x"}\nQuote.\n:::\n')!;
    const html = markdownToHtml(page.text, { features: ASTRO }).html;
    expect(unglue(html, page)).toBeDefined();
    expect(unglue(html.replace(GLUE, ''), page)).toBeUndefined();
  });

  test('the prose outside boxes is what the page gives without fact-boxes, smart punctuation included', () => {
    const prose = 'At 10:30--when "it" began... mailto:desk@example.com wrote 3:1.\n\n* Q:A `re:Invent` at 10:30--when :ok[fine] {x}\n';
    const html = written(`${prose}\n:::claim{by="x"}\nQuote.\n:::\n`);
    expect(html.slice(0, html.indexOf('<section')).trimEnd()).toBe(markdownToHtml(prose, { features: ASTRO }).html.trimEnd());
  });
});

describe('generated articles (fast-check)', () => {
  test('words that start as a paragraph (a timeline event\'s, after its date) read as one paragraph on their own, in Markdown and in MDX', () => {
    const piece = fc.constantFrom('#', '# ', '>', '-', '- ', '*', '* ', '+ ', '1.', '1. ', '2)', '---', '***', '_ _ _', ' ', '\t', '=', '|', '<div>', '<b>', '{', '`', '```', '~~~', 'import ', 'export ', ':', '$$', 'a', 'word', '"', '(', '[x]', '\\*', '_x_', '50');
    // One line: the lines after it were the paragraph's in the page too, where none could end it (a `---` under it
    // would have made it a heading there as well).
    let paragraphs = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }).map((list) => list.join('')), (text) => {
        if (!startsAsParagraph(text)) return;
        paragraphs++;
        for (const parse of [markdownToMdast, mdxToMdast]) {
          let types: string[];
          try {
            types = (parse(text, { features: { gfm: true } }) as unknown as Root).children.map((node) => node.type);
          } catch {
            continue; // MDX that does not compile: the page goes through the plugin
          }
          expect(types[0], text).toBe('paragraph');
        }
      }),
      { numRuns: 5 * Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300) },
    );
    expect(paragraphs).toBeGreaterThan(100);
  });

  test('a page the pre-pass writes renders as through the plugin, with the features Astro parses with', () => {
    let writtenPages = 0;
    let pages = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('valid' as const, 'mixed' as const).chain((mode) => documentArbitrary(mode)),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        (blocks, lineEnding) => {
          // U+0000 as micromark reads it (U+FFFD; Sätteri drops it).
          const text = toMarkdown(eligible(blocks), lineEnding).markdown.replaceAll('\0', '\uFFFD');
          pages++;
          if (!prepass(text)) return;
          writtenPages++;
          expect(written(text), text).toBe(throughPlugin(text));
        },
      ),
      { numRuns: 3 * Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300) },
    );
    // The generator is hostile (box lines in code and in prose, directives with attributes), and such pages go to
    // the plugin; a pre-pass that gave up on every page would test nothing here.
    expect(writtenPages / pages).toBeGreaterThan(0.05);
  });
});
