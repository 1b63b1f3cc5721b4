/**
 * The demo site, built with the real Astro into a temporary directory and read
 * back: every box type on the article, unique ids, JSON-LD that matches the
 * boxes, no client JavaScript, nothing of the article lost or added.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUILTIN_LOCALES, builtinBoxes, toJsonLd, type FactBoxRecord } from 'fact-boxes';
import { siteBoxes } from '../../site/boxes/index.ts';
import { astro, ROOT } from './astro-cli.ts';
import { readEntityFiles } from 'fact-boxes/astro';
import { actorPath } from '../../site/lib/actors.ts';

/** The site's actors, as the integration reads them. */
const ENTITIES = readEntityFiles(join(ROOT, 'site/content/entities')).entities;

// The article as published (the seed of the demo), kept beside the test so it runs anywhere.
const SEED = readFileSync(new URL('./seed-article.txt', import.meta.url), 'utf8');
/** The seed's paragraphs: headline, author note, "More From Me", then the reporting. */
const SEED_PARAGRAPHS = SEED.split('\n').filter((line) => line.trim() !== '');
const REPORTING = SEED_PARAGRAPHS.slice(3);

/** Whitespace (including no-break spaces) collapsed, as a reader sees text. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let out: string;
let article: Root;
let articleUrl: string;
let home: Root;
let guide: Root;
/** The Arabic version of the article, right to left. */
let arabic: Root;
let arabicUrl: string;
let facts: { records: (FactBoxRecord & { url: string; article: { id: string; url: string } })[] };

const read = (path: string) => readFileSync(join(out, path), 'utf8');
const boxes = (tree: Root) => selectAll('[data-fact-box]', tree);
const jsonLdOf = (tree: Root) => {
  const scripts = selectAll('script[type="application/ld+json"]', tree);
  expect(scripts).toHaveLength(1);
  return JSON.parse(toString(scripts[0]!)) as { '@context': string; '@graph': { '@type': string; '@id'?: string }[] };
};

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'fact-boxes-site-'));
  const run = await astro(['build', '--outDir', out], ROOT);
  if (run.code !== 0) throw new Error(`astro build failed (${run.code}):\n${run.output}`);
  const [slug] = readdirSync(join(out, 'articles'));
  articleUrl = `https://fact-boxes.example/articles/${slug}/`;
  article = fromHtml(read(`articles/${slug}/index.html`));
  home = fromHtml(read('index.html'));
  const [arabicSlug] = readdirSync(join(out, 'ar', 'articles'));
  arabicUrl = `https://fact-boxes.example/ar/articles/${arabicSlug}/`;
  arabic = fromHtml(read(`ar/articles/${arabicSlug}/index.html`));
  guide = fromHtml(read('guide/index.html'));
  facts = JSON.parse(read('facts.json'));
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('demo site', () => {
  test('should build the home page, the article, the guide and /facts.json', () => {
    const links = selectAll('.article-list h2 a', home).map((link) => link.properties.href);
    expect(links).toEqual([new URL(articleUrl).pathname]);
    // The Arabic version is listed with its original, in its own language.
    const version = select('.article-list [hreflang="ar"]', home);
    expect(version?.properties.href).toBe(new URL(arabicUrl).pathname);
    expect(select('h1', guide)).toBeDefined();
    expect(facts.records.length).toBeGreaterThan(0);
  });

  test('should show every box type, built-in and the site’s own, on the article page', () => {
    const types = new Set(boxes(article).map((box) => box.properties.dataFactBox));
    for (const box of [...builtinBoxes, ...siteBoxes]) expect(types, box.name).toContain(box.name);
  });

  test('should give every element a unique id and every box a visible accessible name', () => {
    const ids = selectAll('[id]', article).map((element) => String(element.properties.id));
    expect(ids.length).toBeGreaterThan(boxes(article).length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const box of boxes(article)) {
      const [labelId] = box.properties.ariaLabelledBy as string[];
      const label = select(`[id="${labelId}"]`, article);
      expect(label, `label of #${box.properties.id}`).toBeDefined();
      expect(normalise(toString(label!))).not.toBe('');
    }
  });

  test('should keep every paragraph of the article verbatim and in order, and add none to the reporting', () => {
    const text = normalise(toString(select('main', article)!));
    let from = 0;
    for (const paragraph of SEED_PARAGRAPHS) {
      const at = text.indexOf(normalise(paragraph), from);
      expect(at, `"${paragraph.slice(0, 60)}…" on the page, after the previous paragraph`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    expect(normalise(toString(select('h1', article)!))).toBe(normalise(SEED_PARAGRAPHS[0]!));
    // Outside the fact boxes, the body is exactly the reporting: the same paragraphs, nothing else.
    const body = select('.article__body', article)!;
    const isBoxes = (node: Element) => 'dataFactBox' in node.properties || String(node.properties.className ?? '').includes('who-is-who');
    const prose = (body.children as Element[]).filter((node) => node.type === 'element' && !isBoxes(node));
    expect(prose.map((node) => node.tagName)).toEqual(REPORTING.map(() => 'p'));
    expect(prose.map((node) => normalise(toString(node)))).toEqual(REPORTING.map(normalise));
  });

  test('should keep the seed’s typos and spacing', () => {
    const html = readFileSync(join(out, new URL(articleUrl).pathname, 'index.html'), 'utf8');
    expect(html).toContain('Islamic resistance in Irag this week');
    expect(html).toContain('adding that \u00a0Sudani');
  });

  test('should leave no raw directive syntax on the article page', () => {
    expect(toString(article)).not.toContain(':::');
    expect(toString(article)).not.toMatch(/::group|\{by=/);
  });

  test('should ship no client JavaScript', () => {
    for (const tree of [article, arabic, home, guide]) {
      for (const script of selectAll('script', tree)) expect(script.properties.type).toBe('application/ld+json');
      for (const element of selectAll('*', tree)) {
        expect(Object.keys(element.properties).filter((name) => /^on[A-Z]/.test(name))).toEqual([]);
        if (element.tagName === 'a') expect(String(element.properties.href ?? '')).not.toMatch(/^javascript:/i);
      }
      expect(selectAll('link[rel="modulepreload"], link[as="script"]', tree)).toEqual([]);
    }
  });

  test('should style the boxes with the default theme', () => {
    const inline = selectAll('style', article).map((style) => toString(style)).join('\n');
    const linked = selectAll('link[rel="stylesheet"]', article).map((link) => read(String(link.properties.href))).join('\n');
    expect(`${inline}\n${linked}`).toContain('@layer fact-boxes');
  });

  test('should list every fact of the article, linking to its box, in order', () => {
    const links = selectAll('.fact-list a', article).map((link) => link.properties.href);
    expect(links).toEqual(boxes(article).map((box) => `#${box.properties.id}`));
  });

  test('should publish JSON-LD that parses and matches the boxes', () => {
    const jsonLd = jsonLdOf(article);
    expect(jsonLd['@context']).toBe('https://schema.org');
    const graph = jsonLd['@graph'];
    expect(graph[0]).toMatchObject({ '@type': 'NewsArticle', headline: SEED_PARAGRAPHS[0] });
    // Every node about a box points at an element of the page …
    const pageIds = new Set(selectAll('[id]', article).map((element) => String(element.properties.id)));
    for (const node of graph.slice(1)) {
      expect(node['@id'], node['@type']).toMatch(new RegExp(`^${articleUrl.replaceAll('.', '\\.')}#`));
      expect(pageIds, node['@id']).toContain(node['@id']!.split('#')[1]);
    }
    // … every claim, actor, event and attacks box has its node …
    const ids = new Set(graph.map((node) => node['@id']));
    for (const box of boxes(article)) {
      const id = `${articleUrl}#${box.properties.id}`;
      if (box.properties.dataFactBox === 'timeline') {
        for (const event of selectAll('li[id]', box)) expect(ids).toContain(`${articleUrl}#${event.properties.id}`);
      } else if (box.properties.dataFactBox !== 'casualties') {
        expect(ids, id).toContain(id);
      }
    }
    // … and the graph is what toJsonLd makes of the page's records.
    const records = facts.records.filter((record) => record.article.url === articleUrl).map(({ url: _url, article: _article, ...record }) => record);
    expect(graph.slice(1)).toEqual(toJsonLd(records, { url: articleUrl, publisher: { name: 'Atlas News' }, boxes: siteBoxes, entities: ENTITIES, entityUrl: actorPath })['@graph']);
  });

  test('should serve every record of the site at /facts.json, each linking to its box', () => {
    const english = facts.records.filter((record) => record.article.url === articleUrl);
    expect(english.map((record) => record.url)).toEqual(boxes(article).map((box) => `${articleUrl}#${box.properties.id}`));
    expect(facts.records.filter((record) => record.article.url === arabicUrl).map((record) => record.url)).toEqual(boxes(arabic).map((box) => `${arabicUrl}#${box.properties.id}`));
    const claim = english.find((record) => record.type === 'claim' && record.attributes.by === 'Antony Blinken');
    expect(claim?.attributes).toMatchObject({ status: 'unverified', date: { iso: '2023-11-05' } });
    const toll = english.find((record) => record.type === 'casualties');
    expect(toll?.attributes).toMatchObject({ source: 'the Pentagon', describedAs: 'light', injured: { kind: 'more-than', min: 25 } });
  });

  test('should show, for every box, the Markdown source beside its rendered result in the guide', () => {
    const examples = readdirSync(join(ROOT, 'site/examples')).filter((name) => name.endsWith('.md'));
    const sections = selectAll('section.example', guide);
    expect(sections).toHaveLength(examples.length);
    const shown = new Set<unknown>();
    examples.sort().forEach((name, index) => {
      const source = readFileSync(join(ROOT, 'site/examples', name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').trim();
      const section = sections[index]!;
      expect(toString(select('.example__source code', section)!)).toBe(source);
      const rendered = selectAll('.example__result [data-fact-box]', section);
      expect(rendered.length, name).toBeGreaterThan(0);
      for (const box of rendered) shown.add(box.properties.dataFactBox);
    });
    for (const box of [...builtinBoxes, ...siteBoxes]) expect(shown, box.name).toContain(box.name);
  });
});

describe('the Arabic version of the article', () => {
  const labels = (tree: Root) => selectAll('[data-fact-box] :is(dt, th, .fact-box__kind)', tree).map((node) => normalise(toString(node)));

  test('should be a page in Arabic, right to left, that links to its original and back', () => {
    const html = select('html', arabic)!;
    expect([html.properties.lang, html.properties.dir]).toEqual(['ar', 'rtl']);
    expect(select('.byline [hreflang="en"]', arabic)?.properties.href).toBe(new URL(articleUrl).pathname);
    expect(select('link[rel="alternate"][hreflang="en"]', arabic)?.properties.href).toBe(articleUrl);
    expect(select('.byline [hreflang="ar"]', article)?.properties.href).toBe(new URL(arabicUrl).pathname);
    expect(select('.skip', arabic) && toString(select('.skip', arabic)!)).toBe('انتقل إلى المحتوى');
  });

  test('should show every box type in Arabic: labels, kinds, counts and dates, with no box marked in another language', () => {
    const types = new Set(boxes(arabic).map((box) => box.properties.dataFactBox));
    for (const box of [...builtinBoxes, ...siteBoxes]) expect(types, box.name).toContain(box.name);
    const words = labels(arabic);
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) expect(word, 'a label in Latin letters').not.toMatch(/[A-Za-z]/);
    expect(words).toEqual(expect.arrayContaining(['ادعاء', 'الخسائر البشرية', 'التسلسل الزمني', 'فصيل مسلح', 'هجمات', 'الجرحى', 'صاحب الادعاء', 'الحالة']));
    const counts = selectAll('.fact-box__count', arabic).map((node) => normalise(toString(node)));
    expect(counts).toEqual(expect.arrayContaining(['أكثر من 30', 'أكثر من 24']));
    expect(normalise(toString(select('.fact-box--attacks .fact-box__figure', arabic)!))).toBe('أكثر من 30 هجوماً بالصواريخ والطائرات المسيّرة');
    for (const box of boxes(arabic)) expect([box.properties.lang, box.properties.dir], String(box.properties.id)).toEqual([undefined, undefined]);
  });

  test('should keep dates machine-readable and isolate the Latin names and addresses in the Arabic text', () => {
    const times = selectAll('[data-fact-box] time', arabic);
    expect(times.length).toBeGreaterThan(5);
    for (const time of times) expect(String(time.properties.dateTime)).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const isolated = selectAll('[data-fact-box] bdi', arabic).map((node) => toString(node));
    expect(isolated).toEqual(expect.arrayContaining(['Lloyd J. Austin III', 'U.S. Department of Defense', 'https://www.defense.gov/', 'IRGC']));
  });

  test('should publish its records and JSON-LD in Arabic, with the same machine values', () => {
    const records = facts.records.filter((record) => record.article.url === arabicUrl);
    expect(records.length).toBe(boxes(arabic).length);
    for (const record of records) expect(record.lang, record.id).toBe('ar');
    const toll = records.find((record) => record.type === 'casualties');
    expect(toll?.attributes).toMatchObject({ injured: { kind: 'more-than', min: 25, best: 24, raw: '>24' }, period: { kind: 'interval', end: null, start: { iso: '2023-10-17' } } });
    const graph = jsonLdOf(arabic)['@graph'] as { '@type': string; inLanguage?: string }[];
    expect(graph[0]).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'ar' });
    const claims = graph.filter((node) => node['@type'] === 'Claim' || node['@type'] === 'Event');
    expect(claims.length).toBeGreaterThan(3);
    for (const node of claims) expect(node.inLanguage).toBe('ar');
  });

  test('should list its facts in Arabic', () => {
    expect(toString(select('#fact-list-title', arabic)!)).toBe('الحقائق في هذا المقال');
    expect(selectAll('.fact-list a', arabic).map((link) => link.properties.href)).toEqual(boxes(arabic).map((box) => `#${box.properties.id}`));
  });
});

describe('the guide’s languages', () => {
  test('should render one box in each built-in locale, each marked with its language, right-to-left ones with dir', () => {
    const section = select('section.example:has(#example-languages)', guide)!;
    const rendered = selectAll('.example__result [data-fact-box]', section);
    expect(rendered.map((box) => [box.properties.lang ?? 'en', box.properties.dir ?? 'ltr'])).toEqual(
      BUILTIN_LOCALES.map((tag) => [tag, ['ar', 'fa', 'he'].includes(tag) ? 'rtl' : 'ltr']).sort((a, b) => ORDER.indexOf(a[0]!) - ORDER.indexOf(b[0]!)),
    );
    const injured = rendered.map((box) => normalise(toString(select('[data-fact="injured"] dd', box)!)));
    expect(injured).toEqual(['more than 24', 'plus de 24', 'mehr als 24', 'más de 24', 'более 24', 'понад 24', "24'ten fazla", 'أكثر من 24', 'بیش از ۲۴', 'יותר מ־24']);
  });
});

/** The order of the boxes in site/examples/10-languages.md. */
const ORDER = ['en', 'fr', 'de', 'es', 'ru', 'uk', 'tr', 'ar', 'fa', 'he'];

describe('the actors (the site’s entities)', () => {
  const page = (path: string) => fromHtml(read(`${path.replace(/^\//, '')}index.html`));

  test('should define the article’s actors once: its actor boxes render them by ref', () => {
    const source = readFileSync(join(ROOT, 'site/content/articles/iran-backed-proxies-threaten-us-embassy.mdx'), 'utf8');
    const refs = [...source.matchAll(/:::actor\{ref="([^"]+)"\}/g)].map((match) => match[1]);
    expect([...refs].sort()).toEqual(ENTITIES.map((entity) => entity.id).sort());
    expect(source).not.toMatch(/:::actor\[/);
    const actorBoxes = boxes(article).filter((box) => box.properties.dataFactBox === 'actor');
    expect(actorBoxes.map((box) => box.properties.id)).toEqual(refs);
    // Each shows its entity's name and description, its title linking to the actor's page.
    for (const [index, box] of actorBoxes.entries()) {
      const entity = ENTITIES.find((candidate) => candidate.id === refs[index])!;
      expect(select('.fact-box__title a', box)?.properties.href).toBe(actorPath(entity.id));
      expect(normalise(toString(select('.fact-box__title', box)!))).toBe(entity.name);
      expect(normalise(toString(select('.fact-box__description', box)!))).toBe(normalise(entity.description!));
    }
  });

  test('should link every name of an actor in the boxes to the actor’s page, in both languages', () => {
    const claim = boxes(article).find((box) => box.properties.id === 'kataib-hezbollah-promises-unprecedented-escalation')!;
    expect(select('[data-fact="by"] a.fact-box__entity', claim)?.properties.href).toBe('/actors/kataib-hezbollah/');
    // The Arabic article writes the names in Arabic: aliases of the same entities.
    const arabicClaim = boxes(arabic).find((box) => toString(select('[data-fact="by"]', box) ?? box).includes('كتائب حزب الله'))!;
    expect(select('[data-fact="by"] a', arabicClaim)?.properties.href).toBe('/actors/kataib-hezbollah/');
    // A name that is no entity's (the toll's party) stays text.
    const toll = boxes(article).find((box) => box.properties.dataFactBox === 'casualties')!;
    expect(select('[data-fact="party"] a', toll)).toBeUndefined();
  });

  test('should list every actor on /actors/, each linking to a page of their own', () => {
    const index = page('/actors/');
    const links = selectAll('.actor-list h2 a', index).map((link) => String(link.properties.href));
    expect(links.sort()).toEqual(ENTITIES.map((entity) => actorPath(entity.id)).sort());
    for (const link of links) expect(select('h1', page(link))).toBeDefined();
  });

  test('should list on an actor’s page every box across the site that names them, each linking to the box', () => {
    const kh = page('/actors/kataib-hezbollah/');
    expect(toString(select('h1', kh)!)).toBe('Kataib Hezbollah');
    const expected = facts.records.filter((record) => record.entities && Object.values(record.entities).includes('kataib-hezbollah')).map((record) => decodeURI(new URL(record.url).pathname + new URL(record.url).hash));
    const listed = selectAll('.mention-list a', kh).map((link) => String(link.properties.href));
    expect(listed.sort()).toEqual(expected.sort());
    expect(listed.length).toBe(4); // a claim and a "who is who" box in each language
    // Every link reaches an element of the article with that id.
    for (const href of listed) {
      const [path, id] = href.split('#');
      expect(select(`[id="${id}"]`, page(path!)), href).toBeDefined();
    }
    // Claims with their status, in words.
    expect(normalise(toString(select('.mention-list', kh)!))).toContain('Status: Unverified');
  });

  test('should give each actor one JSON-LD @id, on their page, that the boxes naming them reference', () => {
    const kh = page('/actors/kataib-hezbollah/');
    const graph = jsonLdOf(kh)['@graph'] as Record<string, unknown>[];
    const id = 'https://fact-boxes.example/actors/kataib-hezbollah/#entity';
    expect(graph).toContainEqual(expect.objectContaining({ '@type': 'Organization', '@id': id, name: 'Kataib Hezbollah' }));
    const articleGraph = jsonLdOf(article)['@graph'] as Record<string, unknown>[];
    const claim = articleGraph.find((node) => node['@id'] === `${articleUrl}#kataib-hezbollah-promises-unprecedented-escalation`);
    expect(claim?.author).toMatchObject({ '@type': 'Organization', '@id': id });
    const actorNode = articleGraph.find((node) => node['@id'] === `${articleUrl}#kataib-hezbollah`);
    expect(actorNode?.sameAs).toBe(id);
  });
});
