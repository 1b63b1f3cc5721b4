/**
 * JSON Schema of every box's attributes, as authors write them (kebab-case
 * names, string values), for editors and other tools. Published as
 * `fact-boxes/schema.json`; `npm run schema` writes it.
 */
import * as z from 'zod';
import { boxRegistry } from '../boxes/registry.js';
import type { AnyFactBoxDefinition } from '../boxes/define.js';
import { toKebabCase } from '../text/case.js';
import { BUILTIN_LOCALES, en } from '../locales/index.js';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

/** A BCP 47 language tag. */
const LANG: JsonSchema = {
  type: 'string',
  description: `The language of this box's words (labels, counts, dates), when it is not the page's: a BCP 47 tag. Built in: ${BUILTIN_LOCALES.join(', ')}.`,
  examples: ['fr', 'ar', 'pt-BR'],
};

/** A phrase of a locale: text with {placeholders}, or one text per plural category or date precision. */
const PHRASE: JsonSchema = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'day', 'month', 'year', 'other'].map((name) => [name, { type: 'string' }])),
      required: ['other'],
      additionalProperties: false,
    },
  ],
};

/**
 * The language options, for config files and editors: `locale` and `strings`,
 * with every built-in key and its English text.
 */
function localeOptionsSchema(): JsonSchema {
  return {
    type: 'object',
    title: 'fact-boxes options: languages',
    description: 'The language options of the remark plugin, the Sätteri adapter and the Astro integration. A page\'s frontmatter lang overrides locale; a box\'s lang attribute overrides both.',
    properties: {
      locale: { ...LANG, description: `The language of the site's pages, a BCP 47 tag (default en). Built in: ${BUILTIN_LOCALES.join(', ')}; any other needs strings.` },
      strings: {
        type: 'object',
        description: 'Your own words, per locale tag: any built-in string, a custom box\'s ("<box>.<key>"), or a whole new locale. A missing string is shown in English, with a warning, once per build.',
        propertyNames: { pattern: '^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$' },
        additionalProperties: {
          type: 'object',
          properties: Object.fromEntries(Object.entries(en).map(([key, phrase]) => [key, { $ref: '#/$defs/Phrase', description: `English: ${JSON.stringify(phrase)}` }])),
          patternProperties: { '^[a-z][a-z\\d]*(?:-[a-z\\d]+)*\\.': { $ref: '#/$defs/Phrase' } },
          additionalProperties: false,
        },
      },
    },
  };
}

/**
 * The JSON Schema of one box's attributes.
 *
 * @example
 *   attributesJsonSchema(claim).properties.by // { type: 'string', … }
 */
export function attributesJsonSchema(definition: AnyFactBoxDefinition): JsonSchema {
  const schema = z.toJSONSchema(definition.attributes, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const kebab: Record<string, JsonSchema> = {
    id: { type: 'string', description: 'Anchor id of the box, written {#id}.' },
    class: { type: 'string', description: 'Extra class names, written {.name}.' },
  };
  if (!('lang' in properties)) kebab.lang = LANG;
  for (const [key, value] of Object.entries(properties)) kebab[toKebabCase(key)] = value;
  const required = ((schema.required ?? []) as string[]).map(toKebabCase);
  const result: JsonSchema = {
    type: 'object',
    title: `:::${definition.name}`,
    properties: kebab,
    additionalProperties: false,
  };
  delete result.$schema;
  // A box that can stand for an entity (`fromEntity`) takes `ref="id"` instead of its required attributes.
  const takesRef = definition.fromEntity !== undefined && !('ref' in kebab);
  if (takesRef) kebab.ref = { type: 'string', minLength: 1, description: 'The id of an entity of the site: the box shows its attributes, and the body adds to them.' };
  if (required.length > 0) {
    if (takesRef) result.anyOf = [{ required }, { required: ['ref'] }];
    else result.required = required;
  }
  return result;
}

/**
 * The JSON Schema document of all boxes: one entry per box under `$defs`,
 * and the language options (`locale`, `strings`) as `$defs.Options`, each
 * string a `$defs.Phrase` (box names start with a lowercase letter, so
 * neither clashes with one). A box in `boxes` takes a built-in's name only
 * when `replace` lists it, as with the plugin.
 *
 * @example
 *   boxesJsonSchema([myBox]).$defs.myBox
 */
export function boxesJsonSchema(boxes: readonly AnyFactBoxDefinition[] = [], options: { replace?: readonly string[] } = {}): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  for (const [name, definition] of boxRegistry(boxes, options.replace)) defs[name] = attributesJsonSchema(definition);
  defs.Options = localeOptionsSchema();
  defs.Phrase = PHRASE;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/fact-boxes/schema.json',
    title: 'fact-boxes attributes',
    description: 'The attributes each fact box accepts, as written in Markdown: :::name[Title]{attribute="value"}; and, under $defs.Options, the language options.',
    $defs: defs,
  };
}
