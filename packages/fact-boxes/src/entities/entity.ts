/**
 * Entities: actors (people, organisations, states, armed groups) defined once
 * for the whole site, and recognised wherever a box names them (a claim's
 * `by`, a casualty `party`, an actor box's title) by their name or an alias.
 *
 * The core knows nothing of files: the options take entity objects. The Astro
 * integration and `fact-boxes check` read them from YAML or JSON files
 * (`astro/entity-files.ts`).
 */
import * as z from 'zod';
import { editDistanceWithin } from '../text/spelling.js';
import { toCamelCase } from '../text/case.js';
import { parseDate, DATE_FORMS, type DateValue } from '../values/date.js';

/** The kinds of actor. */
export const ACTOR_TYPES = ['person', 'government', 'state-forces', 'militia', 'rebel-group', 'political-movement', 'organization'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** An entity as the options and records know it: the actor box's attributes, a description and an id. */
export interface Entity {
  /** Stable id, used by `:::actor{ref="…"}`, in records and in URLs: lowercase letters, digits and dashes. */
  id: string;
  /** The canonical name. */
  name: string;
  type: ActorType;
  /** Other names it is written as (abbreviations, spellings, translations). */
  aliases?: string[];
  backedBy?: string[];
  leader?: string;
  /** Where it is based. */
  based?: string;
  activeSince?: DateValue;
  /** A Wikidata item id (`Q1143977`): becomes `sameAs`. */
  wikidata?: string;
  /** A short description, shown in the canonical box and on its page. */
  description?: string;
}

const ID = /^[a-z\d]+(?:-[a-z\d]+)*$/;

/** The field a key of an entity stands for: `backed-by` and `backed_by` are `backedBy`. */
export function fieldName(key: string): string {
  return toCamelCase(key.replaceAll('_', '-'));
}

/** `Backed-by` and `backed_by` read as `backedBy`; numbers and YAML dates (`active-since: 2003`) as the text they were. */
function normaliseInput(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const name = fieldName(key);
    output[name] =
      typeof value === 'number'
        ? String(value)
        : value instanceof Date && !Number.isNaN(value.getTime())
          ? value.toISOString().slice(0, 10)
          : // An entity already checked (its date parsed) reads as it was written.
            typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'date' && typeof (value as { raw?: unknown }).raw === 'string'
            ? (value as { raw: string }).raw
            : value;
  }
  return output;
}

const text = () => z.string().trim().min(1, 'must not be empty');
/** A list: YAML/JSON array, or one comma-separated string as in Markdown. */
const list = () =>
  z.union([z.array(text()), z.string()]).transform((value) => (Array.isArray(value) ? value : value.split(',').map((item) => item.trim()).filter((item) => item !== '')));

const entityObject = z
  .object({
    id: z.string().regex(ID, 'must be lowercase letters, digits and dashes, like kataib-hezbollah').optional(),
    name: text(),
    type: z.enum(ACTOR_TYPES),
    aliases: list().optional(),
    backedBy: list().optional(),
    leader: text().optional(),
    based: text().optional(),
    activeSince: z
      .string()
      .transform((value, ctx): DateValue => {
        const parsed = parseDate(value.trim());
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: 'custom', message: `must be ${DATE_FORMS}; got ${JSON.stringify(value)} (${parsed.reason})` });
        return z.NEVER;
      })
      .optional(),
    wikidata: z.string().trim().regex(/^Q[1-9]\d*$/, 'must be a Wikidata item id like Q1143977').optional(),
    description: text().optional(),
  })
  .strict();

/** The fields an entity may have, camelCase (files may write them kebab-case). */
export const ENTITY_FIELDS: readonly string[] = Object.keys(entityObject.shape);

/**
 * The schema of an entity, as written in a data file or given to the
 * `entities` option: the actor box's attributes (kebab-case or camelCase
 * keys), a `name`, a `description`, and an optional `id` (else the file's
 * name, or a slug of the name). Use it for an Astro data collection too.
 *
 * @example
 *   entitySchema.parse({ name: 'Kataib Hezbollah', type: 'militia', aliases: ['KH'], wikidata: 'Q1143977' })
 */
export const entitySchema = z.preprocess(normaliseInput, entityObject);

/**
 * An entity as written in a data file or given to the `entities` option,
 * before validation: keys camelCase or kebab-case (`backed-by`), lists as
 * arrays or comma-separated text, the date as written (or a checked `Entity`).
 */
export interface EntityInput {
  id?: string;
  name: string;
  type: ActorType;
  aliases?: readonly string[] | string;
  backedBy?: readonly string[] | string;
  'backed-by'?: readonly string[] | string;
  leader?: string;
  based?: string;
  activeSince?: string | number | Date | DateValue;
  'active-since'?: string | number | Date | DateValue;
  wikidata?: string;
  description?: string;
}

/**
 * A name as it is matched: case, diacritics and spacing aside
 * (`Kata’ib  Ḥezbollah` and `kataib hezbollah` are one name).
 *
 * @example
 *   normaliseName('  Kataʼib   Ḥezbollah ') // "kataib hezbollah"
 */
export function normaliseName(name: string): string {
  // Plain ASCII (most names) needs no Unicode normalisation.
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const folded = ascii ? name.toLowerCase() : name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019\u02bc\u02be\u02bf`']/g, '').toLowerCase();
  return (ascii ? folded.replace(/'/g, '') : folded).replace(/\s+/g, ' ').trim();
}

/** A slug for an entity's id, from its name. */
function idOf(name: string): string {
  return normaliseName(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * Check entities: each against `entitySchema`, ids unique, and no name or
 * alias that stands for two entities. Throws a `TypeError` naming the entity.
 */
export function checkEntities(inputs: readonly unknown[], where = 'entities'): Entity[] {
  if (!Array.isArray(inputs)) throw new TypeError(`fact-boxes: ${where} must be an array of entities, like [{ id: 'kataib-hezbollah', name: 'Kataib Hezbollah', type: 'militia' }]`);
  const entities: Entity[] = [];
  const ids = new Map<string, number>();
  inputs.forEach((input, index) => {
    const label = typeof (input as { id?: unknown })?.id === 'string' ? `"${(input as { id: string }).id}"` : typeof (input as { name?: unknown })?.name === 'string' ? `"${(input as { name: string }).name}"` : `#${index + 1}`;
    const parsed = entitySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.path.join('.');
      throw new TypeError(`fact-boxes: ${where}: entity ${label}${key ? `: "${key}"` : ''} ${issue.message.replace(/^Invalid input:?\s*/i, 'is invalid: ')}`);
    }
    const data = parsed.data;
    const id = data.id ?? idOf(data.name);
    if (!ID.test(id)) throw new TypeError(`fact-boxes: ${where}: entity ${label} needs an id of lowercase letters, digits and dashes (add id: …)`);
    if (ids.has(id)) throw new TypeError(`fact-boxes: ${where}: two entities have the id "${id}" (#${ids.get(id)! + 1} and #${index + 1})`);
    ids.set(id, index);
    const entity: Entity = { ...data, id };
    entities.push(entity);
  });
  return entities;
}

/** How a name written in a box relates to the entities. */
export type NameMatch = { entity: Entity } | { nearMiss: Entity; name: string } | undefined;

/** Names shorter than this are never near misses: `Iran` and `Iraq`, `US` and `UK` are different names. */
const NEAR_MISS_MIN_LENGTH = 5;

/**
 * The site's entities, indexed once per build: a name or alias finds its
 * entity in one `Map` look-up; near misses are looked for only when nothing
 * matches, among names of about the same length, and remembered.
 */
export class EntityIndex {
  readonly entities: readonly Entity[];
  private readonly byId = new Map<string, Entity>();
  private readonly byName = new Map<string, Entity>();
  /** Normalised names and aliases by length, with the form to suggest and their letters counted. */
  private readonly byLength = new Map<number, { key: string; name: string; entity: Entity; letters: Uint16Array }[]>();
  private readonly nearMisses = new Map<string, NameMatch>();

  constructor(entities: readonly Entity[]) {
    this.entities = entities;
    for (const entity of entities) {
      this.byId.set(entity.id, entity);
      for (const name of [entity.name, ...(entity.aliases ?? [])]) {
        const key = normaliseName(name);
        if (key === '') continue;
        const other = this.byName.get(key);
        if (other && other !== entity) {
          throw new TypeError(`fact-boxes: entities: the name "${name}" stands for both "${other.id}" and "${entity.id}"; keep it on one of them`);
        }
        if (other) continue;
        this.byName.set(key, entity);
        if (key.length >= NEAR_MISS_MIN_LENGTH) {
          let bucket = this.byLength.get(key.length);
          if (!bucket) this.byLength.set(key.length, (bucket = []));
          bucket.push({ key, name, entity, letters: lettersOf(key) });
        }
      }
    }
  }

  get size(): number {
    return this.entities.length;
  }

  /** The entity with this id. */
  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** The ids, for did-you-mean on `ref`. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /**
   * The entity a name stands for, or the one it is a near miss of (a slip or
   * two in a long name), or nothing: a name that is no entity's is fine.
   */
  match(name: string): NameMatch {
    const key = normaliseName(name);
    const entity = this.byName.get(key);
    if (entity) return { entity };
    if (key.length < NEAR_MISS_MIN_LENGTH || this.byLength.size === 0) return undefined;
    if (this.nearMisses.has(key)) return this.nearMisses.get(key);
    const found = this.nearMiss(key);
    // Bounded: a site with more distinct names than this starts remembering afresh.
    if (this.nearMisses.size >= 50_000) this.nearMisses.clear();
    this.nearMisses.set(key, found);
    return found;
  }

  private nearMiss(key: string): NameMatch {
    // One slip in a name under ten letters, two in a longer one.
    const allowed = key.length < 10 ? 1 : 2;
    const letters = lettersOf(key);
    let best: { name: string; entity: Entity; distance: number } | undefined;
    let tie = false;
    for (let length = key.length - allowed; length <= key.length + allowed; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        // An edit changes at most two letter counts by one (a swap none): most names are ruled out here, without the distance.
        if (!lettersWithin(letters, candidate.letters, 2 * allowed)) continue;
        const distance = editDistanceWithin(key, candidate.key, Math.min(allowed, candidate.key.length < 10 ? 1 : 2));
        if (distance === undefined) continue;
        if (!best || distance < best.distance) {
          best = { name: candidate.name, entity: candidate.entity, distance };
          tie = false;
        } else if (distance === best.distance && candidate.entity !== best.entity) {
          tie = true;
        }
      }
    }
    return best && !tie ? { nearMiss: best.entity, name: best.name } : undefined;
  }
}

/** How often each character occurs in a name, by its code modulo 32 (a cheap, never-too-strict filter). */
function lettersOf(key: string): Uint16Array {
  const counts = new Uint16Array(32);
  for (let index = 0; index < key.length; index++) counts[key.charCodeAt(index) & 31]!++;
  return counts;
}

function lettersWithin(a: Uint16Array, b: Uint16Array, limit: number): boolean {
  let difference = 0;
  for (let index = 0; index < 32; index++) {
    difference += Math.abs(a[index]! - b[index]!);
    if (difference > limit) return false;
  }
  return true;
}

/** Entities given as options, checked and indexed once per options object. */
const indexes = new WeakMap<object, EntityIndex>();

/** The index of an `entities` option (checked once per array). */
export function indexEntities(entities: readonly unknown[] | undefined): EntityIndex | undefined {
  if (entities === undefined) return undefined;
  if (!Array.isArray(entities)) checkEntities(entities as never);
  const known = indexes.get(entities);
  if (known) return known;
  const index = new EntityIndex(checkEntities(entities));
  indexes.set(entities, index);
  return index;
}
