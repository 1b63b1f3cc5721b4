/**
 * Sätteri reads some opening lines as a container where micromark (remark-directive) reads none: a space
 * before `{` or `[`, an unquoted value with spaces. remark shows such a line as prose and reads what follows
 * as usual, boxes included. On Sätteri the same page must read the same: before, the whole container (to the
 * end of the page when left open) showed as one paragraph of source text, with its markup, and the boxes in
 * it, printed as written.
 */
import { markdownToHtml, mdxToJs, type Features, type MdastPluginDefinition, type MdastPluginList } from 'satteri';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import type { FactBoxRecord, Problem } from 'fact-boxes';
import remarkFactBoxes from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';
import { astroSatteriPlugins } from '../helpers/astro-satteri.js';

const FEATURES: Features = { directive: true };

const PAGES: readonly [what: string, text: string][] = [
  ['a space before {, its body running on from the line', 'Intro.\n\n:::claim {by="X"}\nSaid `code` and *this*.\n:::\n\nMore `inline` prose.\n'],
  ['an outer box left open with a space, holding a box, and a box after it', 'Intro.\n\n::::actor {class="wide"}\n:::claim{by="X"}\nSaid `code` here.\n:::\n\nMore prose with `inline code`.\n\n:::casualties{killed=3 source="Police"}\n:::\n\nEnd.\n'],
  ['a space before [', ':::claim [Vow] {by="x"}\nText *a*.\n:::\n'],
  ['in a blockquote', '> :::claim {by="x"}\n> Said *this*.\n> :::\n\nAfter.\n'],
  ['with no body', ':::claim {by="x"}\n:::\n'],
  ['a list, which the closing line runs on into', ':::timeline {order=asc}\n- 2023-10-17: A *b*.\n:::\n'],
  ['an unknown name', ':::note {x=1}\nText *a*.\n:::\n\nAfter.\n'],
  ['blank lines inside', ':::claim {by="x"}\n\nSaid *this*.\n\n:::\n'],
  ['in a list item', '- item\n\n  :::claim {by="x"}\n  Said *this*.\n  :::\n'],
  ['an unquoted value with spaces', ':::claim{by=Police spokesperson}\nSaid *this*.\n:::\n'],
  ['a line broken inside {…}, its last block closing a container nobody handles', '::::claim{by="x"\nclass="wide"}\n:::note\n:::\n'],
  ['a box inside whose line is misread too', '::::actor {class="wide"}\n:::claim{by="x" source=A B}\n:::\n::::\n\nAfter.\n'],
];

/** Pages whose misread line holds markup: remark reads it as inline Markdown and HTML, as Astro's Sätteri does when it reads the stretch again without directives. */
const MARKUP_PAGES: readonly [what: string, text: string][] = [
  ['raw HTML and emphasis on the line', ':::claim {by="<b>X</b>" role="*spokesman*"}\nSaid *this*.\n:::\n'],
  ['a misread line inside a box, with raw HTML', '::::claim{by="x"}\n:::claim{by="x" class="a <i>b</i>" source=A B}\n:::\n::::\n'],
  ['a line that does not open a leaf directive, running on', ':::claim {by="x"}\n::10:30 was the time\n:::\n'],
];

const normalise = (html: string) => html.replace(/>\s+</g, '><').trim();

async function throughRemark(text: string) {
  const file = await unified().use(remarkParse).use(remarkFactBoxes, { onInvalid: 'warn' }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(text);
  return {
    html: normalise(String(file)),
    records: (file.data.factBoxes ?? []).map((record) => `${record.type}#${record.id}`),
    messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
  };
}

function throughSatteri(text: string, mdastPlugins: MdastPluginList) {
  const result = markdownToHtml(text, { features: FEATURES, mdastPlugins, data: { astro: { frontmatter: {} } } });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  const problems = (result.data.factBoxesProblems ?? []) as Problem[];
  return {
    html: normalise(result.html),
    records: ((result.data.factBoxes ?? []) as FactBoxRecord[]).map((record) => `${record.type}#${record.id}`),
    messages: problems.map((problem) => {
      const point = problem.place && 'start' in problem.place ? problem.place.start : problem.place;
      return `${point?.line}:${point?.column} ${problem.ruleId}`;
    }),
  };
}

// A site's plugin before fact-boxes that changes nothing: boxes are then read from Sätteri's nodes.
const quiet: MdastPluginDefinition = { name: 'quiet', heading() {} };
const WAYS: readonly [way: string, plugins: MdastPluginList][] = [
  ['as Astro runs it (boxes read from their text)', astroSatteriPlugins(FEATURES, { options: { onInvalid: 'warn' } })],
  ['after a site plugin (boxes read from Sätteri\'s nodes)', astroSatteriPlugins(FEATURES, { before: [quiet], options: { onInvalid: 'warn' } })],
  ['fact-boxes/satteri on its own', [factBoxes({ onInvalid: 'warn', staticHtml: 'raw' }).mdastPlugins].flat() as MdastPluginList],
];

describe('a box Sätteri reads where remark reads prose', () => {
  describe.each(WAYS)('%s', (_way, plugins) => {
    test.each(PAGES)('%s: the page, its records and messages are remark\'s', async (_what, text) => {
      expect(throughSatteri(text, plugins)).toEqual(await throughRemark(text));
    });
  });

  test.each(MARKUP_PAGES)('as Astro runs it, %s: the page, its records and messages are remark\'s', async (_what, text) => {
    expect(throughSatteri(text, WAYS[0]![1])).toEqual(await throughRemark(text));
  });

  test('as Astro runs it with smart punctuation, the line is smart-punctuated as the prose around it', () => {
    const features: Features = { directive: true, smartPunctuation: true };
    const result = markdownToHtml(':::claim {class="wide" by="x"}\nHe said "no" -- now.\n:::\n', { features, mdastPlugins: astroSatteriPlugins(features, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
    if (result instanceof Promise) throw new Error('expected a synchronous compile');
    expect(result.html).toContain('<p>:::claim {class=“wide” by=“x”}\nHe said “no” – now.\n:::</p>');
  });

  test('the boxes inside and after one left open are built, and its prose keeps its markup', () => {
    const page = throughSatteri(PAGES[1]![1], WAYS[0]![1]);
    expect(page.records).toEqual(['claim#claim-by-x', 'casualties#casualties']);
    expect(page.messages).toEqual(['3:1 space-before-attributes']);
    expect(page.html).toContain('<p>More prose with <code>inline code</code>.</p>');
    expect(page.html).not.toContain('`');
  });

  test('in MDX, the prose after the line is MDX again', () => {
    const text = 'Intro.\n\n:::claim {by="X"}\nSaid `code` and *this*.\n:::\n\nMore `inline` prose.\n';
    const result = mdxToJs(text, { features: FEATURES, mdastPlugins: astroSatteriPlugins(FEATURES, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
    if (result instanceof Promise) throw new Error('expected a synchronous compile');
    expect(result.code).not.toContain('`');
    expect(result.code).toContain('":::claim {by=\\"X\\"}\\nSaid "');
    expect(result.code.match(/_components\.code/g)).toHaveLength(2);
  });
});
