import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ACTOR_TYPES,
  builtinStrings,
  CLAIM_RATINGS,
  CLAIM_STATUSES,
  attributesJsonSchema,
  boxesJsonSchema,
  builtinBoxes,
  claim,
  defineFactBox,
  textAttribute,
  type AnyFactBoxDefinition,
  type JsonSchema,
} from 'fact-boxes';

/** schema.json as published: resolved through the package's exports, like a user's tool would. */
const schemaPath = createRequire(import.meta.url).resolve('fact-boxes/schema.json');
const published = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;
const defs = published.$defs as Record<string, BoxSchema>;
/** The boxes' entries: `$defs` also holds the language options (`Options`, `Phrase`), capitalised so no box name clashes. */
const boxDefs = Object.fromEntries(Object.entries(defs).filter(([name]) => /^[a-z]/.test(name))) as Record<string, BoxSchema>;

interface PropertySchema {
  type?: string;
  enum?: string[];
  default?: string;
  minLength?: number;
  pattern?: string;
}

interface BoxSchema {
  type: 'object';
  title: string;
  properties: Record<string, PropertySchema>;
  required?: string[];
  anyOf?: { required: string[] }[];
  additionalProperties: boolean;
}

function def(name: string): BoxSchema {
  const found = defs[name];
  if (!found) throw new Error(`schema.json has no $defs.${name}`);
  return found;
}

/**
 * A tiny JSON Schema check, enough for these schemas: required, additionalProperties,
 * and per property type, enum, minLength and pattern. Gives back the problems found.
 */
function check(schema: BoxSchema, attributes: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in attributes)) problems.push(`missing ${name}`);
  }
  // One of several sets of required attributes (an actor's type, or a ref to an entity): the first set is reported.
  if (schema.anyOf && !schema.anyOf.some((option) => option.required.every((name) => name in attributes))) {
    for (const name of schema.anyOf[0]!.required) if (!(name in attributes)) problems.push(`missing ${name}`);
  }
  for (const [name, value] of Object.entries(attributes)) {
    const property = schema.properties[name];
    if (!property) {
      if (schema.additionalProperties === false) problems.push(`unknown ${name}`);
      continue;
    }
    if (property.type === 'string' && typeof value !== 'string') {
      problems.push(`${name} is not a string`);
      continue;
    }
    const text = String(value);
    if (property.enum && !property.enum.includes(text)) problems.push(`${name} not in enum`);
    if (property.minLength !== undefined && text.length < property.minLength) problems.push(`${name} too short`);
    if (property.pattern !== undefined && !new RegExp(property.pattern, 'u').test(text)) problems.push(`${name} does not match`);
  }
  return problems;
}

/** What the box's own zod schema says of the same attributes (kebab-case names as authors write them). */
function zodAccepts(definition: AnyFactBoxDefinition, attributes: Record<string, string>): boolean {
  const known = Object.keys(definition.attributes.shape);
  const input: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'id' || name === 'class') continue;
    if (/[A-Z]/.test(name)) return false; // camelCase is not how authors write names
    const key = name.replace(/-([a-z\d])/g, (_, letter: string) => letter.toUpperCase());
    if (!known.includes(key)) return false;
    input[key] = value;
  }
  return definition.attributes.safeParse(input).success;
}

const definitionOf = (name: string) => builtinBoxes.find((box) => box.name === name)!;

describe('JSON Schema of the attributes', () => {
  test('should publish a schema.json that matches the boxes (regenerate it with `npm run schema -w fact-boxes`)', () => {
    expect(published, 'packages/fact-boxes/schema.json is out of date: run `npm run schema -w fact-boxes` and commit the result').toEqual(boxesJsonSchema());
  });

  test('should be a draft 2020-12 document with one $def per built-in box, and the language options', () => {
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(defs)).toEqual(['claim', 'casualties', 'timeline', 'actor', 'Options', 'Phrase']);
    for (const [name, schema] of Object.entries(boxDefs)) {
      expect(schema.type).toBe('object');
      expect(schema.title).toBe(`:::${name}`);
      expect(schema.additionalProperties).toBe(false);
      expect(schema, name).toEqual(attributesJsonSchema(definitionOf(name)));
    }
  });

  test('should name every property in kebab-case, as authors write them', () => {
    expect(Object.keys(def('claim').properties)).toEqual(['id', 'class', 'lang', 'by', 'role', 'date', 'status', 'rating', 'rating-label', 'source', 'source-url']);
    expect(Object.keys(def('casualties').properties)).toEqual([
      'id',
      'class',
      'lang',
      'killed',
      'injured',
      'missing',
      'captured',
      'party',
      'period',
      'place',
      'as-of',
      'source',
      'source-url',
      'described-as',
    ]);
    expect(Object.keys(def('timeline').properties)).toEqual(['id', 'class', 'lang', 'order', 'source', 'source-url']);
    expect(Object.keys(def('actor').properties)).toEqual(['id', 'class', 'lang', 'type', 'aliases', 'backed-by', 'leader', 'based', 'active-since', 'wikidata', 'source', 'source-url', 'ref']);
    for (const schema of Object.values(boxDefs)) {
      for (const name of Object.keys(schema.properties)) expect(name).toMatch(/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/);
    }
  });

  test('should list the required attributes', () => {
    expect(def('claim').required).toEqual(['by']);
    expect(def('casualties').required).toEqual(['source']);
    // An actor box needs its type, unless it stands for an entity (ref="…"), which gives it.
    expect(def('actor').required).toBeUndefined();
    expect(def('actor').anyOf).toEqual([{ required: ['type'] }, { required: ['ref'] }]);
    expect(def('actor').properties.ref).toMatchObject({ type: 'string', minLength: 1 });
    expect(def('timeline').required).toBeUndefined();
  });

  test('should give the choices of status, rating, type and order as enums, with their defaults', () => {
    expect(def('claim').properties.status).toMatchObject({ type: 'string', enum: [...CLAIM_STATUSES], default: 'unverified' });
    expect(def('claim').properties.status?.enum).toEqual(['unverified', 'confirmed', 'disputed', 'denied', 'retracted']);
    expect(def('claim').properties.rating).toEqual({ type: 'string', enum: [...CLAIM_RATINGS] });
    expect(def('claim').properties.rating?.enum).toEqual(['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'missing-context', 'unproven']);
    expect(def('actor').properties.type).toEqual({ type: 'string', enum: [...ACTOR_TYPES] });
    expect(def('timeline').properties.order).toMatchObject({ type: 'string', enum: ['asc', 'desc'], default: 'asc' });
  });

  test('should describe values as the strings authors write, with examples', () => {
    expect(def('claim').properties.date).toMatchObject({ type: 'string', examples: ['2023-11-05'] });
    expect(def('casualties').properties.injured).toMatchObject({ type: 'string', examples: ['24'] });
    expect(def('casualties').properties.period).toMatchObject({ type: 'string', examples: ['2023-10-17/2023-11-05'] });
    expect(def('claim').properties['source-url']).toMatchObject({ type: 'string', format: 'uri' });
    expect(def('actor').properties.wikidata).toMatchObject({ type: 'string', pattern: '^Q[1-9][0-9]*$' });
  });

  test('should document the language options: locale, and strings with every built-in key and its English', () => {
    const options = defs.Options as unknown as { properties: { locale: PropertySchema & { description: string }; strings: { additionalProperties: { properties: Record<string, { $ref: string; description: string }>; additionalProperties: boolean } } } };
    expect(options.properties.locale).toMatchObject({ type: 'string', examples: ['fr', 'ar', 'pt-BR'] });
    expect(options.properties.locale.description).toContain('en, ar, fr, de, es, ru, uk, tr, fa, he');
    const keys = options.properties.strings.additionalProperties;
    expect(Object.keys(keys.properties)).toEqual(Object.keys(builtinStrings.en));
    expect(keys.properties['count.moreThan']).toEqual({ $ref: '#/$defs/Phrase', description: 'English: "more than {n}"' });
    expect(keys.additionalProperties).toBe(false);
    expect(defs.Phrase).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'object', required: ['other'] }] });
    expect(def('claim').properties.lang).toMatchObject({ type: 'string', examples: ['fr', 'ar', 'pt-BR'] });
  });

  test('should add a custom box under its own name, in kebab-case', () => {
    const location = defineFactBox({
      name: 'location',
      attributes: z.object({ country: textAttribute(), countryCode: z.enum(['JO', 'SY', 'IQ']).optional() }),
      render: ({ h, attributes }) => h('p', {}, attributes.country),
    });
    const schema = boxesJsonSchema([location]);
    const locationSchema = (schema.$defs as Record<string, BoxSchema>).location;
    expect(Object.keys(schema.$defs as object)).toEqual(['claim', 'casualties', 'timeline', 'actor', 'location', 'Options', 'Phrase']);
    expect(locationSchema).toMatchObject({ title: ':::location', required: ['country'], additionalProperties: false });
    // Every box accepts source and source-url, custom ones too.
    expect(Object.keys(locationSchema?.properties ?? {})).toEqual(['id', 'class', 'lang', 'country', 'country-code', 'source', 'source-url']);
    expect(locationSchema?.properties['country-code']?.enum).toEqual(['JO', 'SY', 'IQ']);
    // The published file holds the built-ins only.
    expect(defs).not.toHaveProperty('location');
  });
});

describe('JSON Schema: a sanity check with a tiny validator', () => {
  const valid: [string, Record<string, string>][] = [
    ['claim', { by: 'Ashab al-Kahf' }],
    ['claim', { id: 'vow', class: 'wide', by: 'Pentagon', role: 'US Department of Defense', date: '2023-10~', status: 'disputed', rating: 'mostly-false', 'rating-label': 'Far from light', source: 'Reuters', 'source-url': 'https://www.reuters.com/' }],
    ['casualties', { injured: '>24', source: 'Pentagon', 'described-as': 'light', 'as-of': '2023-11-05', period: '2023-10-17/..' }],
    ['timeline', {}],
    ['timeline', { order: 'desc', source: 'Pentagon' }],
    ['actor', { type: 'militia', aliases: 'KH, Hezbollah Brigades', 'backed-by': 'Iran', leader: 'Abu Fadak', based: 'Jurf al-Sakhar', 'active-since': '2003', wikidata: 'Q1143977' }],
  ];

  const invalid: [string, Record<string, string>, string[]][] = [
    ['claim', { role: 'Iran-backed militia' }, ['missing by']],
    ['claim', { by: 'X', status: 'rumoured' }, ['status not in enum']],
    ['claim', { by: 'X', rating: 'pants-on-fire' }, ['rating not in enum']],
    ['claim', { by: 'X', sourceUrl: 'https://example.com' }, ['unknown sourceUrl']],
    ['claim', { by: '' }, ['by too short']],
    ['casualties', { injured: '24' }, ['missing source']],
    ['casualties', { killed: '3', source: 'X', casualties: '3' }, ['unknown casualties']],
    ['timeline', { order: 'ascending' }, ['order not in enum']],
    ['actor', { aliases: 'KH' }, ['missing type']],
    ['actor', { ref: '' }, ['ref too short']],
    ['actor', { type: 'army' }, ['type not in enum']],
    ['actor', { type: 'militia', wikidata: 'q12' }, ['wikidata does not match']],
    ['actor', { type: 'militia', wikidata: 'Q0' }, ['wikidata does not match']],
    ['actor', { type: 'militia', backedby: 'Iran' }, ['unknown backedby']],
  ];

  test.each(valid)('should accept valid %s attributes %j', (name, attributes) => {
    expect(check(def(name), attributes)).toEqual([]);
    // The box itself agrees.
    expect(zodAccepts(definitionOf(name), attributes)).toBe(true);
  });

  test.each(invalid)('should reject invalid %s attributes %j', (name, attributes, problems) => {
    expect(check(def(name), attributes)).toEqual(problems);
    // The box itself agrees.
    expect(zodAccepts(definitionOf(name), attributes)).toBe(false);
  });

  test('should accept an actor written as a ref to an entity, as the box does with the site’s entities', () => {
    expect(check(def('actor'), { ref: 'kataib-hezbollah' })).toEqual([]);
    expect(check(def('actor'), { ref: 'kataib-hezbollah', leader: 'Abu Fadak' })).toEqual([]);
  });

  test('should have a validator that tells types apart', () => {
    expect(check(def('claim'), { by: 12 })).toEqual(['by is not a string']);
    expect(check(attributesJsonSchema(claim) as unknown as BoxSchema, { by: 'X', extra: 'y' })).toEqual(['unknown extra']);
  });
});
