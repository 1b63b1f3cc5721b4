/**
 * Entities (issue #16): actors defined once and recognised wherever a box
 * names them, by name or alias, with no new syntax; near misses as warnings;
 * `:::actor{ref}` rendering the entity's box; records and JSON-LD that name
 * the entity. Markdown in, HTML, records and messages out.
 */
import { readFileSync } from 'node:fs';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { checkEntities, EntityIndex, entityJsonLd, entityJsonLdId, entitySchema, normaliseName, toJsonLd, type EntityInput } from 'fact-boxes';
import { describeMessages, render } from '../helpers/pipeline.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/entities/${name}`, import.meta.url), 'utf8');
const entities = JSON.parse(fixture('entities.json')) as EntityInput[];
const entityUrl = (id: string) => `/actors/${id}/`;
const options = { entities, entityUrl, onInvalid: 'warn' as const };

describe('entities: the schema', () => {
  test('should read an entity written as an actor box is, kebab-case or camelCase, lists as arrays or comma-separated', () => {
    const entity = entitySchema.parse({ name: 'Kataib Hezbollah', type: 'militia', aliases: 'KH, Hezbollah Brigades', 'backed-by': ['Iran'], activeSince: 2003, wikidata: 'Q1143977' });
    expect(entity).toMatchObject({ name: 'Kataib Hezbollah', type: 'militia', aliases: ['KH', 'Hezbollah Brigades'], backedBy: ['Iran'], activeSince: { iso: '2003', precision: 'year' }, wikidata: 'Q1143977' });
  });

  test('should reject an entity with an unknown type, a bad Wikidata id or an unknown field, naming it', () => {
    expect(() => checkEntities([{ id: 'x', name: 'X', type: 'gang' }])).toThrow(/entity "x": "type"/);
    expect(() => checkEntities([{ name: 'X', type: 'person', wikidata: 'q12' }])).toThrow(/entity "X": "wikidata" must be a Wikidata item id/);
    expect(() => checkEntities([{ name: 'X', type: 'person', leaderr: 'Y' }])).toThrow(/entity "X"/);
  });

  test('should give an entity without an id a slug of its name, and refuse two entities with one id or one name', () => {
    expect(checkEntities([{ name: 'Muqtada al-Sadr', type: 'person' }])[0]?.id).toBe('muqtada-al-sadr');
    expect(() => checkEntities([{ name: 'A', type: 'person' }, { name: 'a', type: 'person' }])).toThrow(/two entities have the id "a"/);
    expect(() => new EntityIndex(checkEntities([{ id: 'a', name: 'KH', type: 'militia' }, { id: 'b', name: 'B', aliases: ['kh'], type: 'militia' }]))).toThrow(/"kh" stands for both "a" and "b"/);
  });

  test('should match names case-, diacritic- and spacing-insensitively', () => {
    expect(normaliseName('  Kataʼib   Ḥezbollah ')).toBe('kataib hezbollah');
    expect(normaliseName("Kata'ib Hezbollah")).toBe('kataib hezbollah');
    const index = new EntityIndex(checkEntities(entities));
    expect(index.match('KATAIB hezbollah')).toMatchObject({ entity: { id: 'kataib-hezbollah' } });
    expect(index.match('Kataʼib Ḥezbollah')).toMatchObject({ entity: { id: 'kataib-hezbollah' } });
    expect(index.match('Police spokesperson')).toBeUndefined();
  });

  test('should reject options whose entities are not valid, when the plugin is attached', async () => {
    await expect(render(':::claim{by=x}\n:::', { entities: [{ name: 'X', type: 'nobody' }] as never })).rejects.toThrow(/fact-boxes: entities: entity "X": "type"/);
    await expect(render(':::claim{by=x}\n:::', { entityUrl: '/actors/' as never })).rejects.toThrow(/entityUrl must be a function/);
  });
});

describe('entities: recognised where authors write names', () => {
  test('should link a claim’s by, by name, alias or a name in another script, to the entity’s page', async () => {
    const { tree, messages } = await render(fixture('recognised.md'), options);
    expect(messages).toEqual([]);
    const by = selectAll('[data-fact="by"]', tree);
    expect(by.map((fact) => select('a.fact-box__entity', fact)?.properties.href)).toEqual(['/actors/kataib-hezbollah/', '/actors/kataib-hezbollah/', '/actors/kataib-hezbollah/', undefined, undefined]);
    // The name stays as the author wrote it.
    expect(toString(select('a', by[1]!)!)).toBe('hezbollah   BRIGADES');
  });

  test('should link a toll’s party', async () => {
    const { tree } = await render(fixture('recognised.md'), options);
    expect(select('[data-fact="party"] a', tree)?.properties.href).toBe('/actors/us-personnel/');
  });

  test('should put the ids of the entities a box names on its record, by attribute', async () => {
    const { file } = await render(fixture('recognised.md'), options);
    expect(file.data.factBoxes?.map((record) => record.entities)).toEqual([{ by: 'kataib-hezbollah' }, { by: 'kataib-hezbollah' }, { by: 'kataib-hezbollah' }, { party: 'us-personnel' }, undefined, undefined]);
  });

  test('should record the entity but link nothing without entityUrl', async () => {
    const { tree, file } = await render(fixture('recognised.md'), { entities, onInvalid: 'warn' });
    expect(selectAll('a.fact-box__entity', tree)).toEqual([]);
    expect(file.data.factBoxes?.[0]?.entities).toEqual({ by: 'kataib-hezbollah' });
  });

  test('should change nothing for a site without entities', async () => {
    const withNone = await render(fixture('recognised.md'));
    expect(withNone.file.data.factBoxes?.some((record) => record.entities)).toBe(false);
    expect(withNone.html).not.toContain('fact-box__entity');
  });

  test('should warn about a near miss, at the attribute, with did-you-mean and a fix', async () => {
    const { messages, file } = await render(fixture('near-miss.md'), options);
    expect(messages).toEqual([
      {
        place: '3:21',
        reason: 'claim: "Kataib Hezbolla" is not the name of a known actor; did you mean "Kataib Hezbollah" (kataib-hezbollah)? Fix: write by="Kataib Hezbollah", or leave it if it is another actor.',
        ruleId: 'entity-near-miss',
        fatal: false,
      },
      {
        place: '7:19',
        reason: 'claim: "Anthony Blinken" is not the name of a known actor; did you mean "Antony Blinken" (antony-blinken)? Fix: write by="Antony Blinken", or leave it if it is another actor.',
        ruleId: 'entity-near-miss',
        fatal: false,
      },
    ]);
    // A warning: the build goes on, and the box names no entity.
    expect(file.data.factBoxes?.map((record) => record.entities)).toEqual([undefined, undefined]);
    await expect(render(fixture('near-miss.md'), { entities })).resolves.toBeDefined();
  });

  test('should link an actor box whose title is an entity’s name', async () => {
    const { tree, file } = await render(':::actor[KH]{type=militia}\nThe article’s own words.\n:::\n', options);
    expect(select('.fact-box__title a', tree)?.properties.href).toBe('/actors/kataib-hezbollah/');
    expect(file.data.factBoxes?.[0]?.entities).toEqual({ title: 'kataib-hezbollah' });
  });
});

describe('entities: :::actor{ref}', () => {
  test('should render the entity’s canonical box, its description, then the article’s own context', async () => {
    const { tree, messages } = await render(fixture('ref.md'), options);
    const [box, again] = selectAll('[data-fact-box="actor"]', tree);
    expect(box?.properties.id).toBe('kataib-hezbollah');
    expect(toString(select('.fact-box__kind', box!)!)).toBe('Militia');
    expect(toString(select('.fact-box__title', box!)!)).toBe('Kataib Hezbollah');
    expect(select('.fact-box__title a', box!)?.properties.href).toBe('/actors/kataib-hezbollah/');
    expect(selectAll('.fact-box__body p', box!).map((p) => toString(p))).toEqual(['An Iran-backed Shia militia in Iraq.', 'It claimed the drone attack on Tower 22.']);
    expect(toString(select('.fact-box__body strong', box!)!)).toBe('Tower 22');
    expect(selectAll('dt', box!).map((dt) => toString(dt))).toEqual(['Also known as', 'Backed by', 'Based in', 'Active since', 'Wikidata']);
    // A title of the author's own, and attributes beside ref, for this box only.
    expect(toString(select('.fact-box__title', again!)!)).toBe('Hezbollah Brigades');
    expect(toString(select('footer', again!)!)).toContain('Reuters');
    expect(messages.map((message) => message.ruleId)).toEqual(['unknown-entity']);
  });

  test('should record the entity’s attributes, its id, and description and context as text', async () => {
    const { file } = await render(fixture('ref.md'), options);
    const record = file.data.factBoxes?.[0];
    expect(record).toMatchObject({ type: 'actor', id: 'kataib-hezbollah', title: 'Kataib Hezbollah', entities: { title: 'kataib-hezbollah' }, text: 'An Iran-backed Shia militia in Iraq.\nIt claimed the drone attack on Tower 22.' });
    expect(record?.attributes).toMatchObject({ type: 'militia', aliases: ['KH', 'Hezbollah Brigades', 'كتائب حزب الله'], backedBy: ['Iran'], based: 'Iraq', wikidata: 'Q1143977' });
  });

  test('should make an unknown ref an error at the attribute, with did-you-mean and a fix, keeping the body', async () => {
    const rendered = await render(fixture('ref.md'), options);
    expect(describeMessages(rendered)).toEqual([
      '10:10 [unknown-entity] actor: there is no entity with the id "kataib-hezbolah"; did you mean "kataib-hezbollah"? Fix: write ref="kataib-hezbollah".',
    ]);
    expect(toString(selectAll('[data-fact-box="actor"]', rendered.tree)[2]!)).toContain('The body is kept.');
    await expect(render(fixture('ref.md'), { entities })).rejects.toThrow(/article\.md:10:10: actor: there is no entity with the id "kataib-hezbolah"/);
  });

  test('should say so when a ref is written on a site without entities', async () => {
    const { messages } = await render(':::actor{ref="kh"}\n:::\n');
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'unknown-entity', place: '1:10', reason: expect.stringContaining('names an entity, but the site has none') })]);
  });
});

describe('entities: JSON-LD', () => {
  const url = 'https://news.example/articles/vow/';

  test('should give each entity one @id, its page with #entity, sameAs its Wikidata item', () => {
    const [kh] = checkEntities(entities);
    expect(entityJsonLdId('kataib-hezbollah', { url, entityUrl })).toBe('https://news.example/actors/kataib-hezbollah/#entity');
    expect(entityJsonLdId('kataib-hezbollah')).toBe('urn:fact-boxes:entity:kataib-hezbollah');
    expect(entityJsonLd(kh!, { url, entityUrl })).toMatchObject({
      '@type': 'Organization',
      '@id': 'https://news.example/actors/kataib-hezbollah/#entity',
      name: 'Kataib Hezbollah',
      url: 'https://news.example/actors/kataib-hezbollah/',
      sameAs: 'https://www.wikidata.org/wiki/Q1143977',
      description: 'An Iran-backed Shia militia in Iraq.',
    });
  });

  test('should make every box that names an entity reference that @id', async () => {
    const recognised = await render(fixture('recognised.md'), options);
    const byRef = await render(fixture('ref.md'), options);
    const graph = toJsonLd([...(recognised.file.data.factBoxes ?? []), ...(byRef.file.data.factBoxes ?? [])], { url, entities, entityUrl })['@graph'];
    const id = 'https://news.example/actors/kataib-hezbollah/#entity';
    const claims = graph.filter((node) => node['@type'] === 'Claim');
    expect(claims.slice(0, 3).map((node) => (node.author as { '@id': string; '@type': string })['@id'])).toEqual([id, id, id]);
    expect(claims[0]?.author).toMatchObject({ '@type': 'Organization', name: 'Kataib Hezbollah', description: 'Iran-backed militia' });
    expect(claims[3]?.author).toEqual({ '@type': 'Thing', name: 'Police spokesperson' });
    const actor = graph.find((node) => node['@id'] === `${url}#kataib-hezbollah`);
    expect(actor?.sameAs).toEqual([id, 'https://www.wikidata.org/wiki/Q1143977']);
  });
});
