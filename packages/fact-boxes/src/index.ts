/**
 * fact-boxes: validated, accessible fact boxes for Markdown and MDX.
 * The core knows nothing of unified or Astro; see `fact-boxes/remark` and `fact-boxes/astro`.
 */
export { defineFactBox } from './define.js';
export type {
  AnyFactBoxDefinition,
  BodyContext,
  FactBoxDefinition,
  FactBoxRecord,
  JsonLdContext,
  JsonLdNode,
  Problem,
  RenderContext,
} from './define.js';
export { actor, builtinBoxes, casualties, claim, timeline } from './boxes/index.js';
export { ACTOR_TYPES, ACTOR_TYPE_WORDS, wikidataUrl, type ActorAttributes, type ActorType } from './boxes/actor.js';
export { type TimelineAttributes, type TimelineBody, type TimelineEvent } from './boxes/timeline.js';
export { toJsonLd, serializeJsonLd, entityJsonLd, entityJsonLdId, type EntityIdOptions, type JsonLdDocument, type ToJsonLdOptions } from './jsonld.js';
export { checkEntities, EntityIndex, entitySchema, normaliseName, type Entity, type EntityInput, type NameMatch } from './entities.js';
export { CLAIM_RATINGS, CLAIM_STATUSES, RATING_SCALE, RATING_WORDS, STATUS_WORDS, ratingWord, type ClaimAttributes, type ClaimBody } from './boxes/claim.js';
export { CASUALTY_FIELDS, type CasualtiesAttributes, type CasualtiesBody, type CasualtyGroup } from './boxes/casualties.js';
export { countToWords, formatNumber, parseCount, sumCounts, type Count, type CountKind, type ParseResult } from './values/count.js';
export { dateToWords, parseDate, parsePeriod, periodToWords, type DateInterval, type DateValue } from './values/date.js';
export { commonAttributes, countAttribute, dateAttribute, listAttribute, periodAttribute, textAttribute, urlAttribute } from './values/schemas.js';
export { h, content, type BoxElement, type BoxChild, type ContentSlot, type HChild } from './render/h.js';
export { buildBox, DocumentState, slugify, type BuiltBox } from './core.js';
export { processDocument, type ProcessedDocument } from './document.js';
export { resolveOptions, type FactBoxesOptions, type ResolvedOptions } from './registry.js';
export { restoreUnhandledDirectives } from './restore.js';
export { didYouMean, FactBoxesError } from './diagnostics.js';
export type { StaticHtml } from './render/to-mdast.js';
export { readFactBoxes, type FrontmatterRecords } from './records.js';
export { attributesJsonSchema, boxesJsonSchema, type JsonSchema } from './json-schema.js';
export { BUILTIN_LOCALES, builtinStrings, type BuiltinLocale, type LocaleStrings, type Phrase, type PhraseVariants, type StringKey } from './locales/index.js';
export {
  declaredLanguage,
  directionOf,
  DocumentLocale,
  factBoxWords,
  LocaleCatalog,
  type BoxStrings,
  type FactBoxLocale,
  type PhraseValue,
  type SiteStrings,
} from './i18n.js';
