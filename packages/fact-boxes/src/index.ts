/**
 * `fact-boxes`: what a site, a layout or a custom box needs, and nothing of
 * the engine inside (tests/package/exports.test.ts pins this list). The
 * plugins are `fact-boxes/remark`, `fact-boxes/satteri` and `fact-boxes/astro`.
 */

// Defining boxes.
export { defineFactBox } from './boxes/define.js';
export type { AnyFactBoxDefinition, BodyContext, FactBoxDefinition, FactBoxRecord, JsonLdContext, JsonLdNode, Problem, RenderContext } from './boxes/define.js';
export type { FactBoxesOptions } from './engine/options.js';
export type { StaticHtml } from './render/to-mdast.js';

// The built-in boxes, their attributes and their vocabularies.
export { actor, builtinBoxes, casualties, claim, timeline } from './boxes/index.js';
export { ACTOR_TYPES, ACTOR_TYPE_WORDS, wikidataUrl, type ActorAttributes, type ActorType } from './boxes/actor.js';
export { CLAIM_RATINGS, CLAIM_STATUSES, RATING_SCALE, RATING_WORDS, STATUS_WORDS, ratingWord, type ClaimAttributes, type ClaimBody } from './boxes/claim.js';
export { CASUALTY_FIELDS, type CasualtiesAttributes, type CasualtiesBody, type CasualtyGroup } from './boxes/casualties.js';
export type { TimelineAttributes, TimelineBody, TimelineEvent } from './boxes/timeline.js';

// Values: reading them, writing them, and attributes of them for custom boxes.
export { countToWords, parseCount, sumCounts, type Count, type CountKind, type ParseResult } from './values/count.js';
export { dateToWords, parseDate, parsePeriod, periodToWords, type DateInterval, type DateValue } from './values/date.js';
export { countAttribute, dateAttribute, listAttribute, periodAttribute, textAttribute, urlAttribute, valueAttribute } from './values/schemas.js';

// Rendering a custom box the way the built-ins render.
export { content, h, type BoxChild, type BoxElement, type ContentSlot, type HChild, type HProperties } from './render/h.js';
export { renderCount, renderDate, renderFacts, renderPeriod, type FactRow } from './render/format.js';

// Outputs: JSON-LD, JSON Schema, records, errors.
export { entityJsonLd, entityJsonLdId, serializeJsonLd, toJsonLd, type EntityIdOptions, type JsonLdDocument, type ToJsonLdOptions } from './outputs/jsonld.js';
export { anchorOf } from './render/anchor.js';
export { attributesJsonSchema, boxesJsonSchema, type JsonSchema } from './outputs/json-schema.js';
export { readFactBoxes, type FrontmatterRecords, type StoredRecordsPlace } from './outputs/records.js';
export { FactBoxesError } from './engine/errors.js';

// Entities.
export { checkEntities, EntityIndex, entitySchema, normaliseName, type Entity, type EntityInput, type NameMatch } from './entities/entity.js';

// Languages.
export { BUILTIN_LOCALES, builtinStrings, type BuiltinLocale, type LocaleStrings, type Phrase, type PhraseVariants, type StringKey } from './locales/index.js';
export { declaredLanguage, directionOf, factBoxWords, type BoxStrings, type FactBoxLocale, type PhraseValue, type SiteStrings } from './locales/i18n.js';
