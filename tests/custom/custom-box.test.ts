import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { boxesJsonSchema, defineFactBox, textAttribute, toJsonLd, urlAttribute, type JsonLdNode } from 'fact-boxes';
import remarkFactBoxes from 'fact-boxes/remark';
import { render } from '../helpers/pipeline.js';

/** `32.31,38.77`: latitude and longitude in degrees, each in its range. */
function coordinatesAttribute() {
  return z.string().transform((value, ctx) => {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
    const latitude = Number(match?.[1]);
    const longitude = Number(match?.[2]);
    if (match && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) return { latitude, longitude };
    ctx.addIssue({
      code: 'custom',
      message: 'must be latitude,longitude',
      params: {
        expected: 'latitude and longitude in degrees, like 32.31,38.77',
        reason: match ? 'latitude goes from -90 to 90 and longitude from -180 to 180' : 'it is not two numbers separated by a comma',
        example: '32.31,38.77',
      },
    });
    return z.NEVER;
  });
}

/** A site's own box: where something happened. Defined here only, like a site would. */
const location = defineFactBox({
  name: 'location',
  attributes: z.object({
    country: textAttribute(),
    region: textAttribute().optional(),
    coordinates: coordinatesAttribute().optional(),
    source: textAttribute().optional(),
    sourceUrl: urlAttribute().optional(),
  }),
  render: ({ attributes, nodes, h, content, id }) => [
    h(
      'dl',
      { className: ['fact-box__facts'] },
      h('dt', {}, 'Country'),
      h('dd', {}, attributes.country),
      attributes.region ? [h('dt', {}, 'Region'), h('dd', {}, attributes.region)] : undefined,
      attributes.coordinates
        ? [h('dt', {}, 'Coordinates'), h('dd', { id: `${id}-coordinates` }, `${attributes.coordinates.latitude}, ${attributes.coordinates.longitude}`)]
        : undefined,
    ),
    nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
  ],
  jsonLd: (record, { url }): JsonLdNode => ({
    '@type': 'Place',
    '@id': `${url ?? ''}#${record.id}`,
    name: record.title,
    address: { '@type': 'PostalAddress', addressCountry: record.attributes.country },
    ...(record.attributes.coordinates ? { geo: { '@type': 'GeoCoordinates', ...record.attributes.coordinates } } : {}),
  }),
});

const TOWER_22 = ':::location[Tower 22]{country=Jordan region="Rukban" coordinates="33.32,38.69"}\nA US outpost near the Syrian border.\n:::\n';

describe('custom boxes', () => {
  test('should render a custom box inside the shared frame', async () => {
    const { tree, messages } = await render(TOWER_22, { onInvalid: 'warn', boxes: [location] });
    expect(messages).toEqual([]);
    const box = select('section[data-fact-box="location"]', tree)!;
    expect(box.properties.className).toEqual(['fact-box', 'fact-box--location']);
    expect(box.properties.id).toBe('tower-22');
    expect(box.properties.ariaLabelledBy).toEqual(['tower-22-title']);
    const heading = select('header h2', box)!;
    expect(heading.properties.id).toBe('tower-22-title');
    expect(toString(heading)).toBe('Tower 22');
    // The kind defaults to the name, capitalised.
    expect(toString(select('header .fact-box__kind', box)!)).toBe('Location');
    expect(selectAll('dl > dt', box).map((dt) => toString(dt))).toEqual(['Country', 'Region', 'Coordinates']);
    expect(selectAll('dl > dd', box).map((dd) => toString(dd))).toEqual(['Jordan', 'Rukban', '33.32, 38.69']);
    expect(select('#tower-22-coordinates', box)).toBeDefined();
    expect(toString(select('.fact-box__body', box)!)).toBe('A US outpost near the Syrian border.');
  });

  test('should show a custom box\'s source in the shared footer', async () => {
    const { tree } = await render(':::location[Tower 22]{country=Jordan source="CENTCOM" source-url="https://www.centcom.mil/"}\n:::\n', { boxes: [location] });
    const link = select('section footer a', tree)!;
    expect(link.properties.href).toBe('https://www.centcom.mil/');
    expect(toString(link)).toBe('CENTCOM');
  });

  test('should leave a custom box alone when it is not registered', async () => {
    const { html, file } = await render(TOWER_22);
    expect(html).not.toContain('data-fact-box');
    expect(file.data.factBoxes).toEqual([]);
  });

  test('should record a custom box in file.data.factBoxes, camelCased and parsed, in document order', async () => {
    const markdown = `:::claim[Vow]{by="KH"}\nWe will act.\n:::\n\n${TOWER_22}`;
    const { file } = await render(markdown, { boxes: [location] });
    expect(file.data.factBoxes?.map((record) => record.type)).toEqual(['claim', 'location']);
    expect(file.data.factBoxes?.[1]).toEqual({
      type: 'location',
      kind: 'Location',
      id: 'tower-22',
      title: 'Tower 22',
      attributes: { country: 'Jordan', region: 'Rukban', coordinates: { latitude: 33.32, longitude: 38.69 } },
      text: 'A US outpost near the Syrian border.',
      position: { start: { line: 5, column: 1, offset: markdown.indexOf(':::location') }, end: { line: 7, column: 4, offset: markdown.length - 1 } },
    });
  });

  test('should report an unknown attribute with its place and a did-you-mean, like a built-in', async () => {
    const { messages } = await render(':::location[Tower 22]{contry=Jordan}\n:::\n\n:::claim[Vow]{bye="KH"}\n:::\n', { onInvalid: 'warn', boxes: [location] });
    expect(messages.filter((message) => message.ruleId === 'unknown-attribute')).toEqual([
      {
        place: '1:23',
        ruleId: 'unknown-attribute',
        fatal: false,
        reason: 'location: unknown attribute "contry"; did you mean "country"? Fix: write country="Jordan".',
      },
      {
        place: '4:15',
        ruleId: 'unknown-attribute',
        fatal: false,
        reason: 'claim: unknown attribute "bye"; did you mean "by"? Fix: write by="KH".',
      },
    ]);
  });

  test('should report a missing required attribute of a custom box', async () => {
    const { messages } = await render(':::location[Tower 22]{region=Rukban}\n:::\n', { onInvalid: 'warn', boxes: [location] });
    expect(messages).toEqual([
      {
        place: '1:1',
        ruleId: 'missing-attribute',
        fatal: false,
        reason: 'location: "country" is required. Fix: add country="…" inside the {…} after :::location.',
      },
    ]);
  });

  test.each([
    ['north', 'it is not two numbers separated by a comma'],
    ['95,38.69', 'latitude goes from -90 to 90 and longitude from -180 to 180'],
    ['33.32,-181', 'latitude goes from -90 to 90 and longitude from -180 to 180'],
  ])('should validate coordinates="%s" with the box\'s own schema', async (value, reason) => {
    const { messages } = await render(`:::location[Tower 22]{country=Jordan coordinates="${value}"}\n:::\n`, { onInvalid: 'warn', boxes: [location] });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:38', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toBe(
      `location: "coordinates" must be latitude and longitude in degrees, like 32.31,38.77; got "${value}" (${reason}). Fix: write it like coordinates="32.31,38.77".`,
    );
  });

  test('should fail the build on an invalid custom box by default, with file:line:column', async () => {
    await expect(render('Intro.\n\n:::location[Tower 22]{coordinates=north country=Jordan}\n:::\n', { boxes: [location] })).rejects.toThrow(
      /^article\.md:3:23: location: "coordinates" must be latitude and longitude/,
    );
  });

  test('should still show the body of an invalid custom box', async () => {
    const { tree } = await render(':::location[Tower 22]{coordinates=north}\nA US outpost.\n:::\n', { onInvalid: 'warn', boxes: [location] });
    expect(toString(select('section[data-fact-box="location"]', tree)!)).toContain('A US outpost.');
  });

  test('should de-duplicate ids across custom and built-in boxes', async () => {
    const markdown = `:::claim[Tower 22]{by="KH"}\nWe hit it.\n:::\n\n${TOWER_22}\n${TOWER_22}`;
    const { tree, file, messages } = await render(markdown, { onInvalid: 'warn', boxes: [location] });
    expect(messages).toEqual([]);
    const ids = selectAll('section[data-fact-box]', tree).map((section) => section.properties.id);
    expect(ids).toEqual(['tower-22', 'tower-22-2', 'tower-22-3']);
    expect(selectAll('section[data-fact-box] h2', tree).map((heading) => heading.properties.id)).toEqual(ids.map((id) => `${id}-title`));
    expect(selectAll('section[data-fact-box]', tree).map((section) => section.properties.ariaLabelledBy)).toEqual(ids.map((id) => [`${id}-title`]));
    expect(file.data.factBoxes?.map((record) => record.id)).toEqual(ids);
  });

  test('should report an explicit {#id} used twice, at the second one, and keep ids unique', async () => {
    const markdown = ':::location[Tower 22]{#base country=Jordan}\n:::\n\n:::location[Al-Tanf]{#base country=Syria}\n:::\n';
    const { tree, messages } = await render(markdown, { onInvalid: 'warn', boxes: [location] });
    expect(messages.map((message) => [message.place, message.ruleId])).toEqual([['4:22', 'duplicate-id']]);
    expect(messages[0]?.reason).toContain('the id "base" is already used by the box at 1:1');
    const ids = selectAll('section[data-fact-box]', tree).map((section) => section.properties.id);
    expect(ids[0]).toBe('base');
    expect(new Set(ids).size).toBe(2);
  });

  test('should honour an explicit {#id} on a custom box', async () => {
    const { tree } = await render(':::location[Tower 22]{#t22 country=Jordan}\n:::\n', { boxes: [location] });
    expect(select('section', tree)?.properties.id).toBe('t22');
    expect(select('section', tree)?.properties.ariaLabelledBy).toEqual(['t22-title']);
  });

  test('should export a custom box to JSON-LD when given to toJsonLd', async () => {
    const { file } = await render(TOWER_22, { boxes: [location] });
    const records = file.data.factBoxes ?? [];
    expect(toJsonLd(records, { url: 'https://news.example/tower-22', boxes: [location] })).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Place',
          '@id': 'https://news.example/tower-22#tower-22',
          name: 'Tower 22',
          address: { '@type': 'PostalAddress', addressCountry: 'Jordan' },
          geo: { '@type': 'GeoCoordinates', latitude: 33.32, longitude: 38.69 },
        },
      ],
    });
    // Without its definition, toJsonLd cannot map the record, and leaves it out rather than guess.
    expect(toJsonLd(records, { url: 'https://news.example/tower-22' })['@graph']).toEqual([]);
  });

  test('should refuse a custom box named like a built-in, when the plugin is attached', () => {
    const imposter = defineFactBox({ ...location, name: 'claim' });
    const processor = unified().use(remarkParse).use(remarkFactBoxes, { boxes: [imposter] });
    expect(() => processor.freeze()).toThrow('fact-boxes: a box named "claim" already exists; to replace the built-in, pass replace: [\'claim\']');
  });

  test('should replace a built-in box named in `replace`', async () => {
    const ownClaim = defineFactBox({ ...location, name: 'claim' });
    const processor = unified().use(remarkParse).use(remarkFactBoxes, { boxes: [ownClaim], replace: ['claim'] }).use(remarkRehype).use(rehypeStringify);
    expect(() => processor.freeze()).not.toThrow();
    const { tree, messages, file } = await render(':::claim[Tower 22]{country=Jordan}\n:::\n', { onInvalid: 'warn', boxes: [ownClaim], replace: ['claim'] });
    // `by` is no longer required and `country` is known: the replacement's schema and renderer are used.
    expect(messages).toEqual([]);
    const box = select('section[data-fact-box="claim"]', tree)!;
    expect(selectAll('dd', box).map((dd) => toString(dd))).toEqual(['Jordan']);
    expect(select('blockquote', box)).toBeUndefined();
    expect(file.data.factBoxes?.[0]?.attributes).toEqual({ country: 'Jordan' });
  });

  test('should look boxes up in JSON-LD and the JSON Schema as the plugin does, `replace` included', () => {
    const ownClaim = defineFactBox({ ...location, name: 'claim' });
    expect(() => toJsonLd([], { boxes: [ownClaim] })).toThrow('fact-boxes: a box named "claim" already exists; to replace the built-in, pass replace: [\'claim\']');
    expect(() => boxesJsonSchema([ownClaim])).toThrow('fact-boxes: a box named "claim" already exists; to replace the built-in, pass replace: [\'claim\']');
    expect(boxesJsonSchema([ownClaim], { replace: ['claim'] })).toMatchObject({ $defs: { claim: { properties: { country: { type: 'string' } } } } });
    const record = { type: 'claim', kind: 'Claim', id: 'tower', title: 'Tower 22', attributes: { country: 'Jordan' }, text: '' };
    expect(toJsonLd([record], { boxes: [ownClaim], replace: ['claim'] })['@graph']).toEqual(toJsonLd([{ ...record, type: 'location' }], { boxes: [location] })['@graph']);
  });

  test('should refuse two custom boxes with the same name', () => {
    const processor = unified().use(remarkParse).use(remarkFactBoxes, { boxes: [location, location] });
    expect(() => processor.freeze()).toThrow('a box named "location" already exists');
  });

  test('should refuse an entry of `boxes` that was not made with defineFactBox', () => {
    const processor = unified().use(remarkParse).use(remarkFactBoxes, { boxes: [{ name: 'location' } as never] });
    expect(() => processor.freeze()).toThrow('every entry of `boxes` must be made with defineFactBox()');
  });

  test.each(['Location', 'my_box', '1st', 'box-', '-box', 'a--b', 'my box', 'lieu-é', ''])('should reject the box name %j', (name) => {
    expect(() => defineFactBox({ ...location, name })).toThrow(`fact-boxes: a box name must be lowercase letters, digits and dashes, starting with a letter; got "${name}"`);
  });

  test.each(['location', 'map-pin', 'unit2', 'x'])('should accept the box name %j', (name) => {
    expect(defineFactBox({ ...location, name }).name).toBe(name);
  });

  test('should reject a definition without a render function', () => {
    expect(() => defineFactBox({ name: 'location', attributes: z.object({}) } as never)).toThrow('box "location" needs a render function');
  });
});
