/**
 * actor: who is who — a person, force, group or government named in the article.
 */
import * as z from 'zod';
import { defineFactBox, type FactBoxRecord } from './define.js';
import { anchorOf } from '../render/anchor.js';
import { renderDate, renderFacts } from '../render/format.js';
import { commonAttributes, dateAttribute, listAttribute, textAttribute } from '../values/schemas.js';
import { en, type StringKey } from '../locales/en.js';
import { ACTOR_TYPES, type ActorType } from '../entities/entity.js';

export { ACTOR_TYPES, type ActorType };

/** The string key of each type: `state-forces` → `actorType.stateForces`. */
const TYPE_KEYS = Object.fromEntries(ACTOR_TYPES.map((type) => [type, `actorType.${type.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`])) as Record<ActorType, StringKey>;

/** Each type as English readers see it (other languages: the locale's `actorType.*`). */
export const ACTOR_TYPE_WORDS: Record<ActorType, string> = Object.fromEntries(ACTOR_TYPES.map((type) => [type, en[TYPE_KEYS[type]]])) as Record<ActorType, string>;

function wikidataId() {
  // The pattern is for the JSON Schema (editors); the transform below gives authors the reason.
  return z.string().meta({ description: 'A Wikidata item id.', examples: ['Q1143977'], pattern: '^Q[1-9][0-9]*$' }).transform((value, ctx) => {
    const id = value.trim();
    if (/^Q[1-9]\d*$/.test(id)) return id;
    ctx.addIssue({
      code: 'custom',
      message: 'must be a Wikidata Q-id',
      params: { expected: 'a Wikidata item id like Q1234', reason: /^q\d+$/.test(id) ? 'the Q must be a capital' : 'it is not a Q-id', example: 'Q1234' },
    });
    return z.NEVER;
  });
}

const actorAttributes = z.object({
  type: z.enum(ACTOR_TYPES),
  aliases: listAttribute().optional(),
  backedBy: listAttribute().optional(),
  leader: textAttribute().optional(),
  based: textAttribute().optional(),
  activeSince: dateAttribute().optional(),
  wikidata: wikidataId().optional(),
  ...commonAttributes,
});

export type ActorAttributes = z.output<typeof actorAttributes>;

/** The Wikidata page of an item. */
export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** The actor box on the page that a name refers to (by title or alias), if any. */
export function findActor(records: readonly FactBoxRecord[] | undefined, name: string | undefined): FactBoxRecord | undefined {
  if (!records || !name) return undefined;
  const wanted = name.trim().toLowerCase();
  return records.find((record) => {
    if (record.type !== 'actor') return false;
    const aliases = Array.isArray(record.attributes.aliases) ? (record.attributes.aliases as string[]) : [];
    return [record.title, ...aliases].some((candidate) => candidate.trim().toLowerCase() === wanted);
  });
}

/** schema.org type of an actor record. */
export function actorSchemaType(record: FactBoxRecord): 'Person' | 'Organization' {
  return record.attributes.type === 'person' ? 'Person' : 'Organization';
}

export const actor = defineFactBox({
  name: 'actor',
  attributes: actorAttributes,
  titleRequired: true,
  mentions: ['title'],
  fromEntity: (entity) => ({
    type: entity.type,
    ...(entity.aliases?.length ? { aliases: entity.aliases.join(', ') } : {}),
    ...(entity.backedBy?.length ? { 'backed-by': entity.backedBy.join(', ') } : {}),
    ...(entity.leader ? { leader: entity.leader } : {}),
    ...(entity.based ? { based: entity.based } : {}),
    ...(entity.activeSince ? { 'active-since': entity.activeSince.raw } : {}),
    ...(entity.wikidata ? { wikidata: entity.wikidata } : {}),
  }),
  kind: (attributes, locale) => locale.t(attributes.type ? TYPE_KEYS[attributes.type] : 'kind.actor'),
  render({ attributes, nodes, h, content, locale, t, entity }) {
    // In a right-to-left box each name is isolated, so a Latin name keeps its order among Arabic ones.
    const names = (list: readonly string[] | undefined) =>
      list === undefined ? undefined : locale.dir === 'rtl' ? list.flatMap((name, index) => (index === 0 ? [locale.isolate(name)] : [t('list.separator'), locale.isolate(name)])) : locale.list(list);
    return [
      // A box written as ref="…" shows the entity's description, then what the article adds.
      entity?.description || nodes.length > 0
        ? h('div', { className: ['fact-box__body'] }, entity?.description ? h('p', { className: ['fact-box__description'] }, locale.isolate(entity.description)) : undefined, nodes.length > 0 ? content(nodes) : undefined)
        : undefined,
      renderFacts([
        [t('actor.aliases'), names(attributes.aliases), 'aliases'],
        [t('actor.backedBy'), names(attributes.backedBy), 'backed-by'],
        [t('actor.leader'), locale.isolate(attributes.leader), 'leader'],
        [t('actor.based'), locale.isolate(attributes.based), 'based'],
        [t('actor.activeSince'), attributes.activeSince ? renderDate(attributes.activeSince, locale) : undefined, 'active-since'],
        [t('actor.wikidata'), attributes.wikidata ? h('a', { href: wikidataUrl(attributes.wikidata) }, locale.isolate(attributes.wikidata)) : undefined, 'wikidata'],
      ]),
    ];
  },
  jsonLd(record, { url, entity }) {
    const attributes = record.attributes;
    const type = actorSchemaType(record);
    // An actor that is one of the site's entities is the same as that entity, whose @id is the same on every page.
    const known = record.entities?.title === undefined ? undefined : (entity?.(record.entities.title)?.['@id'] as string | undefined);
    const sameAs = [known, attributes.wikidata ? wikidataUrl(attributes.wikidata) : undefined].filter((value) => value !== undefined);
    return {
      '@type': type,
      '@id': anchorOf(url, record.id),
      name: record.title,
      ...(attributes.aliases ? { alternateName: attributes.aliases } : {}),
      ...(record.text ? { description: record.text } : {}),
      ...(sameAs.length > 0 ? { sameAs: sameAs.length === 1 ? sameAs[0] : sameAs } : {}),
      ...(type === 'Organization' && attributes.activeSince && !attributes.activeSince.approximate ? { foundingDate: attributes.activeSince.iso } : {}),
      ...(type === 'Organization' && attributes.based ? { location: { '@type': 'Place', name: attributes.based } } : {}),
      ...(type === 'Organization' && attributes.leader ? { member: { '@type': 'OrganizationRole', roleName: 'leader', member: { '@type': 'Person', name: attributes.leader } } } : {}),
    };
  },
});
