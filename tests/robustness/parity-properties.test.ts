/**
 * Parity over generated articles (see documents.ts): whatever an author writes, remark and Sätteri
 * as the Astro integration runs it give the same boxes, records and messages, and Sätteri keeps
 * every sentence of prose as remark does. With Astro's default syntax (GFM, smart punctuation), prose
 * outside the boxes reads on each processor exactly as without fact-boxes.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkFactBoxes from 'fact-boxes/remark';
import factBoxesSatteri from 'fact-boxes/satteri';
import type { FactBoxRecord, Problem } from 'fact-boxes';
import { markdownToHtml, mdxToJs, type Features, type MdastPluginList } from 'satteri';
import { astroSatteriPlugins } from '../helpers/astro-satteri.js';
import { readAlike } from '../helpers/read-alike.js';
import { documentArbitrary, toMarkdown } from './documents.js';
import { RAW_TEXT_TAGS, squash } from './safety.js';

const RUNS = Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300);
const features = { directive: true, gfm: false, smartypants: false };

function boxesOf(html: string): string[] {
  const tree = fromHtml(html.replace(RAW_TEXT_TAGS, '&lt;'), { fragment: true });
  const all = selectAll('[data-fact-box]', tree);
  return all.filter((node) => !all.some((outer) => outer !== node && selectAll('[data-fact-box]', outer).includes(node))).map((node) => toHtml(node).replace(/>\s+</g, '><').trim());
}

function placeOf(problem: Pick<Problem, 'place'>): string {
  const point = problem.place && 'start' in problem.place ? problem.place.start : problem.place;
  return `${point?.line}:${point?.column}`;
}

/** Records without their positions (compared through the messages' places), as plain JSON. */
function plainRecords(records: readonly FactBoxRecord[]): unknown[] {
  return records.map(({ position: _position, ...record }) => JSON.parse(JSON.stringify(record)) as unknown);
}

async function throughRemark(markdown: string) {
  const file = new VFile({ value: markdown, path: '/site/src/pages/article.md' });
  const html = String(await unified().use(remarkParse).use(remarkFactBoxes, { onInvalid: 'warn' }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(file));
  return { html, records: (file.data.factBoxes ?? []) as FactBoxRecord[], messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`) };
}

function throughSatteri(markdown: string, mdastPlugins: MdastPluginList) {
  const result = markdownToHtml(markdown, { features, mdastPlugins, data: { astro: { frontmatter: {} } } });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  const problems = (result.data.factBoxesProblems ?? []) as Problem[];
  return { html: result.html, records: (result.data.factBoxes ?? []) as FactBoxRecord[], messages: problems.map((problem) => `${placeOf(problem)} ${problem.ruleId}`) };
}

// U+0000: micromark writes U+FFFD for it (as CommonMark asks), Sätteri drops it; the generated documents get the replacement, as micromark reads them.
// Line endings LF or CRLF: both parsers keep a CRLF in a paragraph's text, and so must what fact-boxes joins.
const mixed = fc
  .tuple(documentArbitrary('mixed'), fc.boolean())
  .map(([blocks, crlf]) => toMarkdown(blocks, crlf ? '\r\n' : '\n'))
  .map((written) => ({ ...written, markdown: written.markdown.replaceAll('\0', '\uFFFD') }))
  .filter(({ markdown }) => readAlike(markdown));

/**
 * Sätteri three ways: as Astro runs it when fact-boxes is the first Markdown plugin (boxes read from their text,
 * prose from the host's reading without directives), after a site's own plugin, and `fact-boxes/satteri` on its
 * own (both from Sätteri's nodes). The last two cannot read a misread box line's markup as the host does (README,
 * "Nothing is lost"), so their documents hold none.
 */
const WAYS: readonly [way: string, plugins: () => MdastPluginList, documents: typeof mixed][] = [
  ['as Astro runs it', () => astroSatteriPlugins(features, { options: { onInvalid: 'warn' } }), mixed],
  ['after a site\'s own plugin', () => astroSatteriPlugins(features, { before: [{ name: 'quiet', heading() {} }], options: { onInvalid: 'warn' } }), mixed.filter(({ markdown }) => readAlike(markdown, false))],
  ['fact-boxes/satteri on its own', () => [factBoxesSatteri({ onInvalid: 'warn' }).mdastPlugins].flat() as MdastPluginList, mixed.filter(({ markdown }) => readAlike(markdown, false))],
];

describe.each(WAYS)('remark and Sätteri %s, over generated articles (fast-check)', (_way, plugins, documents) => {
  test('should give the same boxes, records and messages', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async ({ markdown }) => {
        const remark = await throughRemark(markdown);
        const satteri = throughSatteri(markdown, plugins());
        expect(boxesOf(satteri.html), markdown).toEqual(boxesOf(remark.html));
        expect(plainRecords(satteri.records), markdown).toEqual(plainRecords(remark.records));
        expect(satteri.messages, markdown).toEqual(remark.messages);
      }),
      { numRuns: RUNS },
    );
  });

  test('should give the same text, so lose nothing remark keeps (tests/robustness/properties.test.ts)', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async ({ markdown }) => {
        const textOf = (html: string) => squash(toString(fromHtml(html.replace(RAW_TEXT_TAGS, '&lt;'), { fragment: true })));
        expect(textOf(throughSatteri(markdown, plugins()).html), markdown).toEqual(textOf((await throughRemark(markdown)).html));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('prose outside boxes, with Astro\'s default syntax (GFM, smart punctuation), over generated articles (fast-check)', () => {
  // A page of prose, code and lists, then a box: what comes before the box must be what the same prose gives without fact-boxes.
  const prose = documentArbitrary('valid').map((blocks) => toMarkdown(blocks.filter((block) => block.kind === 'prose' || block.kind === 'heading' || block.kind === 'list' || block.kind === 'code')).markdown);
  const BOX = '\n\n:::claim{by="x"}\nQuote.\n:::\n';
  const beforeTheBox = (html: string) => html.slice(0, html.indexOf('<section')).trim();

  // Astro's own, then Sätteri's defaults (GFM on) and features given as options, as a site's processor may set them.
  const FEATURE_SETS: readonly Features[] = [
    { gfm: true, smartPunctuation: true },
    {},
    { gfm: { footnotes: false }, smartPunctuation: { quotes: false } },
  ];

  test.each(FEATURE_SETS)('on Sätteri as Astro runs it: as Sätteri reads it without directives (features %j)', (astro) => {
    const withDirectives = { ...astro, directive: true };
    fc.assert(
      fc.property(prose, (text) => {
        const page = markdownToHtml(`${text}${BOX}`, { features: withDirectives, mdastPlugins: astroSatteriPlugins(withDirectives, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
        const alone = markdownToHtml(text, { features: astro });
        if (page instanceof Promise || alone instanceof Promise) throw new Error('expected a synchronous compile');
        expect(beforeTheBox(page.html), text).toBe(alone.html.trim());
      }),
      { numRuns: RUNS },
    );
  });

  test.each(FEATURE_SETS)('on Sätteri: an address and smart punctuation after a colon, as without directives (features %j)', (astro) => {
    const text = 'Write to mailto:desk@example.com or call at 10:30.\n\nIt won 3:1--a rout, "at 10:30" said the desk...';
    const withDirectives = { ...astro, directive: true };
    const page = markdownToHtml(`${text}${BOX}`, { features: withDirectives, mdastPlugins: astroSatteriPlugins(withDirectives, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
    const alone = markdownToHtml(text, { features: astro });
    if (page instanceof Promise || alone instanceof Promise) throw new Error('expected a synchronous compile');
    expect(beforeTheBox(page.html)).toBe(alone.html.trim());
  });

  test('on Sätteri as Astro runs it, in MDX: the same text and the same elements, in order, as without directives', () => {
    const astro = { gfm: true, smartPunctuation: true };
    const withDirectives = { ...astro, directive: true };
    // What an MDX module renders: from the first element made to the last (after the components object).
    const content = (code: string) => code.slice(code.indexOf('}, props.components);', code.indexOf('function _createMdxContent')), code.indexOf('function MDXContent'));
    const strings = (code: string) => Array.from(content(code).matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) => JSON.parse(`"${match[1]!.replaceAll('\t', '\\t')}"`) as string).join('');
    const elements = (code: string) => Array.from(content(code).matchAll(/_components\.(\w+)/g), (match) => match[1]).join(',');
    fc.assert(
      fc.property(prose, (text) => {
        let alone: string;
        try {
          alone = (mdxToJs(text, { features: astro }) as { code: string }).code;
        } catch {
          return; // not MDX (raw HTML that is no JSX): no page to compare
        }
        const page = mdxToJs(`${text}${BOX}`, { features: withDirectives, mdastPlugins: astroSatteriPlugins(withDirectives, { options: { onInvalid: 'warn' } }), data: { astro: { frontmatter: {} } } });
        if (page instanceof Promise) throw new Error('expected a synchronous compile');
        expect(strings(page.code), text).toContain(strings(alone));
        expect(elements(page.code).startsWith(elements(alone)), text).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('on unified as Astro runs it (remark-smartypants before the site\'s plugins): as without remark-directive and fact-boxes', async () => {
    const astro = () => unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants);
    await fc.assert(
      fc.asyncProperty(prose, async (text) => {
        const page = String(await astro().use(remarkFactBoxes, { onInvalid: 'warn' }).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(`${text}${BOX}`));
        const alone = String(await astro().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(text));
        expect(beforeTheBox(page), text).toBe(alone.trim());
      }),
      { numRuns: RUNS },
    );
  });
});
