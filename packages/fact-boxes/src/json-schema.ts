/**
 * JSON Schema of every box's attributes, as authors write them (kebab-case
 * names, string values), for editors and other tools. Published as
 * `fact-boxes/schema.json`; `npm run schema` writes it.
 */
import * as z from 'zod';
import { builtinBoxes } from './boxes/index.js';
import type { AnyFactBoxDefinition } from './define.js';
import { toKebabCase } from './diagnostics.js';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

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
  for (const [key, value] of Object.entries(properties)) kebab[toKebabCase(key)] = value;
  const required = ((schema.required ?? []) as string[]).map(toKebabCase);
  const result: JsonSchema = {
    type: 'object',
    title: `:::${definition.name}`,
    properties: kebab,
    additionalProperties: false,
  };
  delete result.$schema;
  if (required.length > 0) result.required = required;
  return result;
}

/**
 * The JSON Schema document of all boxes: one entry per box under `$defs`.
 *
 * @example
 *   boxesJsonSchema([myBox]).$defs.myBox
 */
export function boxesJsonSchema(boxes: readonly AnyFactBoxDefinition[] = []): JsonSchema {
  const all = new Map<string, AnyFactBoxDefinition>(builtinBoxes.map((box) => [box.name, box]));
  for (const box of boxes) all.set(box.name, box);
  const defs: Record<string, JsonSchema> = {};
  for (const [name, definition] of all) defs[name] = attributesJsonSchema(definition);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/fact-boxes/schema.json',
    title: 'fact-boxes attributes',
    description: 'The attributes each fact box accepts, as written in Markdown: :::name[Title]{attribute="value"}.',
    $defs: defs,
  };
}
