/**
 * A page's language and the site's words, through the remark plugin and the
 * Sätteri adapter: the `locale` option, frontmatter `lang`, a box's own
 * `lang`, `strings` that override or add a locale, custom boxes' strings,
 * the warnings for missing words (once per build), records and JSON-LD.
 */
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import remarkDirective from 'remark-directive';
import { countAttribute, declaredLanguage, defineFactBox, toJsonLd, type FactBoxRecord } from 'fact-boxes';
import { processDocument, resolveOptions } from '../helpers/internal.js';
import remarkFactBoxes, { type RemarkFactBoxesOptions } from 'fact-boxes/remark';
import satteriFactBoxes from 'fact-boxes/satteri';

const CLAIM = ':::claim{by="Ashab al-Kahf" role="Iran-backed militia" date=2023-11-05 rating=mostly-false source="Reuters"}\nWe are left with a military solution.\n:::\n';
const TOLL = ':::casualties{injured=">24" party="US personnel" period=2023-10-17/.. source="the Pentagon" described-as="light"}\n:::\n';

function processor(options: RemarkFactBoxesOptions = {}) {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkFactBoxes, { onInvalid: 'warn', ...options }).use(remarkRehype).use(rehypeStringify);
}

async function render(markdown: string, options: RemarkFactBoxesOptions = {}, pipeline = processor(options), path = 'article.md') {
  const file = new VFile({ value: markdown, path });
  const html = String(await pipeline.process(file));
  const tree = fromHtml(html, { fragment: true });
  // A message is its reason, then ". Fix: …": the reason alone here.
  return { html, tree, file, records: (file.data.factBoxes ?? []) as FactBoxRecord[], warnings: file.messages.map((message) => `${message.ruleId}: ${message.reason.replace(/\. Fix: [\s\S]*$/, '')}`) };
}

const page = (lang: string, body: string) => `---\ntitle: x\nlang: ${lang}\n---\n\n${body}`;
const labels = (tree: Parameters<typeof selectAll>[1]) => selectAll('dt', tree).map((node) => toString(node));

describe('the locale option', () => {
  test('should write every box of a page in the site’s language, without lang on the boxes', async () => {
    const { tree, records } = await render(`${CLAIM}\n${TOLL}`, { locale: 'fr' });
    expect(labels(tree)).toEqual(['Affirmé par', 'Date', 'Statut', 'Notre verdict', 'Blessés', 'Qui', 'Quand']);
    expect(toString(select('.fact-box__kind', tree)!)).toBe('Vérification');
    expect(toString(select('[data-fact="period"] dd', tree)!)).toBe('depuis le 17 octobre 2023');
    expect(toString(select('.fact-box__characterisation', tree)!)).toBe('Qualifiées de light par the Pentagon.');
    expect(toString(select('.fact-box__source', tree)!)).toBe('Source\u00a0: Reuters');
    for (const box of selectAll('[data-fact-box]', tree)) expect([box.properties.lang, box.properties.dir]).toEqual([undefined, undefined]);
    expect(records.map((record) => record.lang)).toEqual(['fr', 'fr']);
  });

  test('should keep machine values machine values: records and <time datetime> are the same in every language', async () => {
    const toll = TOLL.replace(':::casualties{', ':::casualties[US personnel injured]{');
    const english = await render(toll);
    const arabic = await render(toll, { locale: 'ar' });
    // Everything but the words readers see: the box's kind is in its language.
    expect(arabic.records.map(({ lang: _lang, kind: _kind, ...record }) => record)).toEqual(english.records.map(({ kind: _kind, ...record }) => record));
    expect(english.records[0]?.kind).toBe('Casualties');
    expect(arabic.records[0]?.kind).not.toBe('Casualties');
    expect(selectAll('time', arabic.tree).map((node) => node.properties.dateTime)).toEqual(selectAll('time', english.tree).map((node) => node.properties.dateTime));
    expect(english.records[0]).not.toHaveProperty('lang');
  });

  test('should write English as before when the locale is en (the record then says so)', async () => {
    const plain = await render(`${CLAIM}\n${TOLL}`);
    const english = await render(`${CLAIM}\n${TOLL}`, { locale: 'en' });
    expect(english.html).toBe(plain.html);
    expect(english.records.map((record) => record.lang)).toEqual(['en', 'en']);
  });

  test('should reach processDocument too, for callers without an adapter', () => {
    const source = ':::casualties{injured=12 source=x}\n:::\n';
    const tree = unified().use(remarkParse).use(remarkDirective).parse(source);
    const { records } = processDocument(tree, source, resolveOptions({ locale: 'de' }));
    expect(records[0]?.lang).toBe('de');
    expect(JSON.stringify(tree)).toContain('Verletzt');
  });

  test('should reject a locale that is not a language tag, and strings with an unknown key, naming the closest one', async () => {
    await expect(render(CLAIM, { locale: 'not a tag!' })).rejects.toThrow(/locale must be a language tag like en, fr or ar-EG; got "not a tag!"/);
    await expect(render(CLAIM, { strings: { fr: { 'claim.bye': 'x' } } })).rejects.toThrow(/strings\.fr has an unknown key "claim\.bye"; did you mean "claim\.by"\?/);
    await expect(render(CLAIM, { strings: { fr: { 'claim.by': { one: 'x' } as never } } })).rejects.toThrow(/strings\.fr\["claim\.by"\] needs an "other" text/);
    await expect(render(CLAIM, { strings: { 'fr FR': { 'claim.by': 'x' } } })).rejects.toThrow(/not a language tag/);
  });
});

describe('a page’s own language', () => {
  test('should take the frontmatter lang over the locale option', async () => {
    const { tree, records } = await render(page('ar', TOLL), { locale: 'fr' });
    expect(labels(tree)).toEqual(['الجرحى', 'الطرف', 'الفترة']);
    expect(records[0]?.lang).toBe('ar');
    expect(select('[data-fact-box]', tree)?.properties.lang).toBeUndefined();
  });

  test('should read lang from the frontmatter as written, or as a host put it on file.data', () => {
    expect(declaredLanguage(undefined, '---\ntitle: "x"\nlang: "ru"\n---\n# x')).toBe('ru');
    expect(declaredLanguage(undefined, "---\nlang: 'uk' # Ukrainian\n---\n")).toBe('uk');
    expect(declaredLanguage({ astro: { frontmatter: { lang: 'he' } } }, '# no frontmatter')).toBe('he');
    expect(declaredLanguage({ matter: { lang: 'tr' } })).toBe('tr');
    expect(declaredLanguage(undefined, '# x\n\nlang: fr\n')).toBeUndefined();
  });

  test('should mirror an Arabic page’s boxes through the page (no dir on them) and isolate the author’s words in them', async () => {
    const { tree } = await render(page('ar', CLAIM));
    const box = select('[data-fact-box]', tree)!;
    expect(box.properties.dir).toBeUndefined();
    expect(selectAll('[data-fact="by"] bdi', tree).map((node) => toString(node))).toEqual(['Ashab al-Kahf', 'Iran-backed militia']);
    expect(toString(select('.fact-box__source', tree)!)).toBe('المصدر: Reuters');
    expect(toString(select('.fact-box__source bdi', tree)!)).toBe('Reuters');
    expect(toString(select('.fact-box__rating', tree)!)).toBe('خاطئ في معظمه');
  });

  test('should write the boxes of a page in a language without strings in English, say so once, and mark them lang="en"', async () => {
    const pipeline = processor();
    const first = await render(page('pt', CLAIM), {}, pipeline);
    const second = await render(page('pt', CLAIM), {}, pipeline, 'other.md');
    expect(labels(first.tree)[0]).toBe('Claimed by');
    expect(select('[data-fact-box]', first.tree)?.properties.lang).toBe('en');
    expect(first.warnings).toEqual([expect.stringMatching(/^missing-locale: there are no strings for the language "pt"; its boxes are written in English/)]);
    expect(second.warnings).toEqual([]);
  });
});

describe('a box’s own lang', () => {
  test('should write one box in its own language and mark it, with dir where the direction changes', async () => {
    const { tree, records } = await render(`:::casualties{lang=de injured=12 source=x}\n:::\n\n:::casualties{lang=ar injured=12 source=x}\n:::\n\n:::casualties{lang=fr injured=12 source=x}\n:::\n`, { locale: 'fr' });
    const boxes = selectAll('[data-fact-box]', tree);
    expect(boxes.map((box) => [box.properties.lang, box.properties.dir])).toEqual([
      ['de', undefined],
      ['ar', 'rtl'],
      [undefined, undefined],
    ]);
    expect(boxes.map((box) => toString(select('dt', box)!))).toEqual(['Verletzt', 'الجرحى', 'Blessés']);
    expect(records.map((record) => record.lang)).toEqual(['de', 'ar', 'fr']);
    // `lang` is not an attribute of the record: it says how the box is written.
    expect(records[0]?.attributes).not.toHaveProperty('lang');
  });

  test('should mark a left-to-right box in a right-to-left page with dir="ltr"', async () => {
    const { tree } = await render(page('he', ':::casualties{lang=en injured=12 source=x}\n:::\n'));
    expect([select('[data-fact-box]', tree)?.properties.lang, select('[data-fact-box]', tree)?.properties.dir]).toEqual(['en', 'ltr']);
  });

  test('should report a lang that is not a language tag, at the attribute', async () => {
    const { warnings, file } = await render('Intro.\n\n:::casualties{injured=12 lang="français!" source=x}\n:::\n');
    expect(warnings).toEqual(['invalid-attribute: casualties: "lang" must be a language tag like fr, ar or pt-BR; got "français!"']);
    expect(`${file.messages[0]?.line}:${file.messages[0]?.column}`).toBe('3:26');
  });
});

describe('the site’s own words', () => {
  test('should override any string of a locale', async () => {
    const { tree } = await render(CLAIM, { locale: 'fr', strings: { fr: { 'claim.rating': 'Notre avis', 'rating.mostlyFalse': 'Plutôt inexact' } } });
    expect(toString(select('[data-fact="rating"]', tree)!)).toBe('Notre avisPlutôt inexact');
  });

  test('should add a locale, the strings it lacks in English with one warning each per build, naming key and locale', async () => {
    const options: RemarkFactBoxesOptions = { locale: 'pt', strings: { pt: { 'casualties.injured': 'Feridos', 'count.moreThan': 'mais de {n}' } } };
    const pipeline = processor(options);
    const first = await render(TOLL, options, pipeline);
    const second = await render(`${TOLL}\n${TOLL}`, options, pipeline, 'second.md');
    expect(labels(first.tree)).toEqual(['Feridos', 'Who', 'When']);
    expect(toString(select('[data-fact="injured"] dd', first.tree)!)).toBe('mais de 24');
    expect(select('[data-fact-box]', first.tree)?.properties.lang).toBeUndefined();
    expect(first.warnings).toContain('missing-string: the locale "pt" has no string "casualties.party"; it is shown in English ("Who")');
    expect(first.warnings).toContain('missing-string: the locale "pt" has no string "title.casualtiesAmong"; it is shown in English ("Casualties among {party}")');
    expect(first.warnings.every((warning) => warning.startsWith('missing-string: the locale "pt"'))).toBe(true);
    expect(second.warnings).toEqual([]);
    expect(first.file.messages.every((message) => message.fatal !== true)).toBe(true);
  });
});

describe('custom boxes in the reader’s language', () => {
  const attacks = defineFactBox({
    name: 'attacks',
    attributes: z.object({ count: countAttribute() }),
    strings: {
      en: { kind: 'Attacks', figure: { one: '{count} attack', other: '{count} attacks' }, note: 'Claimed by militias' },
      fr: { kind: 'Attaques', figure: { one: '{count} attaque', other: '{count} attaques' } },
      ar: { kind: 'هجمات', figure: { few: '{count} هجمات', many: '{count} هجوماً', other: '{count} هجوم' }, note: 'تبنّتها فصائل مسلحة' },
    },
    kind: (_attributes, locale) => locale.t('kind'),
    render: ({ attributes, h, locale, t }) => [h('p', { className: ['figure'] }, t('figure', { count: locale.count(attributes.count), n: attributes.count.best ?? attributes.count.max ?? 0 })), h('p', { className: ['note'] }, t('note')), h('p', { className: ['shared'] }, t('casualties.total'))],
  });
  const box = (count: string, lang?: string) => `:::attacks{count="${count}"${lang ? ` lang=${lang}` : ''}}\n:::\n`;

  test('should use the box’s own strings, plural by Intl.PluralRules, and the built-in ones', async () => {
    const { tree } = await render([box('1', 'fr'), box('>30', 'fr'), box('5', 'ar'), box('>30', 'ar'), box('100', 'ar'), box('1')].join('\n'), { boxes: [attacks] });
    expect(selectAll('.figure', tree).map((node) => toString(node))).toEqual(['1 attaque', 'plus de 30 attaques', '5 هجمات', 'أكثر من 30 هجوماً', '100 هجوم', '1 attack']);
    expect(selectAll('.fact-box__kind', tree).map((node) => toString(node))).toEqual(['Attaques', 'Attaques', 'هجمات', 'هجمات', 'هجمات', 'Attacks']);
    expect(selectAll('.shared', tree).map((node) => toString(node))).toEqual(['Total', 'Total', 'المجموع', 'المجموع', 'المجموع', 'Total']);
  });

  test('should fall back to the box’s English with a warning, and let the site override its strings as "<box>.<key>"', async () => {
    const { tree, warnings } = await render(box('3'), { boxes: [attacks], locale: 'fr', strings: { fr: { 'attacks.kind': 'Frappes' } } });
    expect(toString(select('.note', tree)!)).toBe('Claimed by militias');
    expect(toString(select('.fact-box__kind', tree)!)).toBe('Frappes');
    expect(warnings).toEqual(['missing-string: the locale "fr" has no string "note"; it is shown in English ("Claimed by militias")']);
  });

  test('should refuse strings without English, and keys English does not have', () => {
    const base = { name: 'x', attributes: z.object({}), render: () => null };
    expect(() => defineFactBox({ ...base, strings: { fr: { a: 'b' } } as never })).toThrow(/has strings without English/);
    expect(() => defineFactBox({ ...base, strings: { en: { a: 'b' }, fr: { c: 'd' } } })).toThrow(/strings\.fr\["c"\], which strings\.en does not have/);
  });
});

describe('the Sätteri adapter', () => {
  test('should write the same boxes as the remark plugin, for a page’s lang, the locale option and a box’s lang', async () => {
    const markdown = page('ru', `${CLAIM}\n${TOLL}\n:::casualties{lang=he injured="10-15" source=x}\n:::\n`);
    const remark = await render(markdown, { locale: 'fr' });
    const satteri = await markdownToHtml(markdown, { features: { directive: true }, ...satteriFactBoxes({ locale: 'fr', onInvalid: 'warn' }) });
    const boxesOf = (html: string) => selectAll('[data-fact-box]', fromHtml(html, { fragment: true })).map((node) => toString(node).replace(/\s+/g, ' '));
    expect(boxesOf(satteri.html)).toEqual(boxesOf(remark.html));
    expect(boxesOf(satteri.html)[2]).toContain('בין 10 ל־15');
    expect((satteri.data.factBoxes as FactBoxRecord[]).map((record) => record.lang)).toEqual(['ru', 'ru', 'he']);
  });
});

describe('JSON-LD in the page’s language', () => {
  test('should give claims and events inLanguage, and the verdict’s name in that language', async () => {
    const { records } = await render(`${CLAIM}\n:::timeline\n- 2023-10-17: Attacks begin.\n:::\n`, { locale: 'fr' });
    const graph = toJsonLd(records, { url: 'https://example.org/a' })['@graph'];
    expect(graph.map((node) => [node['@type'], node.inLanguage])).toEqual([
      ['ClaimReview', 'fr'],
      ['Event', 'fr'],
    ]);
    expect((graph[0]?.itemReviewed as { inLanguage?: string }).inLanguage).toBe('fr');
    expect(graph[0]?.reviewRating).toMatchObject({ ratingValue: 2, alternateName: 'Plutôt faux' });
  });

  test('should take the page’s language from the options for records without one, and give none without either', async () => {
    const { records } = await render(CLAIM);
    expect(toJsonLd(records)['@graph'][0]).not.toHaveProperty('inLanguage');
    expect(toJsonLd(records)['@graph'][0]?.reviewRating).toMatchObject({ alternateName: 'Mostly false' });
    expect(toJsonLd(records, { inLanguage: 'de' })['@graph'][0]).toMatchObject({ inLanguage: 'de', reviewRating: { alternateName: 'Überwiegend falsch' } });
    expect(toJsonLd(records, { inLanguage: 'fr', strings: { fr: { 'rating.mostlyFalse': 'Plutôt inexact' } } })['@graph'][0]?.reviewRating).toMatchObject({ alternateName: 'Plutôt inexact' });
  });
});
