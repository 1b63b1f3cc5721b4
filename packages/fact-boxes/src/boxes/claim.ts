/**
 * claim: an attributed statement, and, with `rating`, the publisher's verdict
 * on it (a fact-check).
 */
import type { Nodes as MdastNodes } from 'mdast';
import * as z from 'zod';
import { defineFactBox, type FactBoxRecord, type JsonLdContext, type JsonLdNode } from './define.js';
import { anchorOf } from '../render/anchor.js';
import { actorSchemaType, findActor } from './actor.js';
import { renderDate, renderFacts } from '../render/format.js';
import { en, type StringKey } from '../locales/en.js';
import { englishWords, type FactBoxLocale } from '../locales/i18n.js';
import { commonAttributes, dateAttribute, textAttribute } from '../values/schemas.js';

/** States of a claim the article reports. */
export const CLAIM_STATUSES = ['unverified', 'confirmed', 'disputed', 'denied', 'retracted'] as const;
/** The publisher's verdicts. */
export const CLAIM_RATINGS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'missing-context', 'unproven'] as const;

type Status = (typeof CLAIM_STATUSES)[number];
type Rating = (typeof CLAIM_RATINGS)[number];

/** The string key of a status or verdict: `mostly-true` → `rating.mostlyTrue`. */
const statusKey = (status: Status) => `status.${status}` as StringKey;
const ratingKey = (rating: Rating, prefix: 'rating' | 'ratingInText' = 'rating') => `${prefix}.${rating.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}` as StringKey;

/** Words for each status and verdict, as English readers see them (other languages: the locale's `status.*` and `rating.*`). */
export const STATUS_WORDS: Record<Status, string> = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, en[statusKey(status)]])) as Record<Status, string>;
export const RATING_WORDS: Record<Rating, string> = Object.fromEntries(CLAIM_RATINGS.map((rating) => [rating, en[ratingKey(rating)]])) as Record<Rating, string>;

/** A verdict's name in a locale (English by default), as shown and as JSON-LD's `alternateName`. */
export function ratingWord(rating: Rating, locale: FactBoxLocale = englishWords): string {
  return locale.t(ratingKey(rating));
}

const claimAttributes = z.object({
  by: textAttribute(),
  role: textAttribute().optional(),
  date: dateAttribute().optional(),
  status: z.enum(CLAIM_STATUSES).default('unverified'),
  rating: z.enum(CLAIM_RATINGS).optional(),
  ratingLabel: textAttribute().optional(),
  ...commonAttributes,
});

/** Validated attributes of a claim. */
export type ClaimAttributes = z.output<typeof claimAttributes>;

/** What the body of a claim adds to its record: the claim itself, as plain text. */
export interface ClaimBody extends Record<string, unknown> {
  quote?: string;
}

/** A verdict on the 1 (false) to 5 (true) scale; the other verdicts are not on it. */
export const RATING_SCALE: Partial<Record<(typeof CLAIM_RATINGS)[number], number>> = {
  true: 5,
  'mostly-true': 4,
  mixed: 3,
  'mostly-false': 2,
  false: 1,
};

function claimant(record: FactBoxRecord<ClaimAttributes>, context: JsonLdContext): JsonLdNode {
  const attributes = record.attributes;
  // A claimant who is one of the site's entities is that entity, the same node on every page.
  const entity = record.entities?.by === undefined ? undefined : context.entity?.(record.entities.by);
  if (entity) return { ...entity, name: attributes.by, ...(attributes.role ? { description: attributes.role } : {}) };
  // When the page has an actor box for the claimant, say what kind of actor it is and link to it.
  const known = findActor(context.records, attributes.by);
  return {
    '@type': known ? actorSchemaType(known) : 'Thing',
    ...(known ? { '@id': anchorOf(context.url, known.id) } : {}),
    name: attributes.by,
    ...(attributes.role ? { description: attributes.role } : {}),
  };
}

export const claim = defineFactBox({
  name: 'claim',
  attributes: claimAttributes,
  mentions: ['by'],
  kind: (attributes, locale) => locale.t(attributes.rating ? 'kind.factCheck' : 'kind.claim'),
  defaultTitle: (attributes, locale) => (attributes.by ? locale.t('title.claim', { by: attributes.by }) : locale.t('kind.claim')),
  parseBody({ nodes, toText }): ClaimBody {
    const first = nodes[0];
    return first ? { quote: toText(first) } : {};
  },
  render({ attributes, nodes, content, h, id, locale, t, mention }) {
    // The first block is the claim itself; a blockquote there is unwrapped so it is not quoted twice.
    const [first, ...rest] = nodes;
    const quoted: MdastNodes[] = first ? (first.type === 'blockquote' ? (first.children as MdastNodes[]) : [first]) : [];
    const status = attributes.status ?? 'unverified';
    const separator = t('list.separator');
    const role = !attributes.role ? undefined : locale.dir === 'rtl' ? [separator, locale.isolate(attributes.role)] : `${separator}${attributes.role}`;
    const claimant = attributes.by ? [mention('by', locale.isolate(attributes.by)), role !== undefined ? h('span', { className: ['fact-box__role'] }, role) : undefined] : undefined;
    return [
      quoted.length > 0
        ? h('blockquote', { className: ['fact-box__quote'], cite: attributes.sourceUrl, dir: 'auto' }, content(quoted))
        : undefined,
      renderFacts([
        [t('claim.by'), claimant, 'by'],
        [t('claim.date'), attributes.date ? renderDate(attributes.date, locale) : undefined, 'date'],
        [t('claim.status'), h('span', { className: ['fact-box__status'], dataStatus: status }, t(statusKey(status))), 'status'],
        [
          t('claim.rating'),
          attributes.rating
            ? [
                h('strong', { className: ['fact-box__rating'], dataRating: attributes.rating }, attributes.ratingLabel !== undefined ? locale.isolate(attributes.ratingLabel) : t(ratingKey(attributes.rating))),
                attributes.ratingLabel ? ` ${t('claim.ratingNote', { rating: t(ratingKey(attributes.rating, 'ratingInText')) })}` : undefined,
              ]
            : undefined,
          'rating',
        ],
      ]),
      rest.length > 0 ? h('div', { className: ['fact-box__body'], id: `${id}-context` }, content(rest)) : undefined,
    ];
  },
  jsonLd(record, context) {
    const { url, publisher, inLanguage, locale } = context;
    const attributes = record.attributes;
    if (!attributes.by) return undefined; // an invalid claim shown while its author fixes it
    const claimNode: JsonLdNode = {
      '@type': 'Claim',
      ...(inLanguage ? { inLanguage } : {}),
      ...(attributes.quote ? { text: attributes.quote } : {}),
      author: claimant(record, context),
      ...(attributes.date ? { dateCreated: attributes.date.iso } : {}),
      ...(attributes.sourceUrl ? { appearance: { '@type': 'CreativeWork', url: attributes.sourceUrl } } : {}),
    };
    if (!attributes.rating) return { ...claimNode, '@id': anchorOf(url, record.id), name: record.title };
    const value = RATING_SCALE[attributes.rating];
    return {
      '@type': 'ClaimReview',
      '@id': anchorOf(url, record.id),
      ...(inLanguage ? { inLanguage } : {}),
      ...(url ? { url: anchorOf(url, record.id) } : {}),
      name: record.title,
      ...(attributes.quote ? { claimReviewed: attributes.quote } : {}),
      itemReviewed: claimNode,
      ...(publisher ? { author: { '@type': 'Organization', ...publisher } } : {}),
      reviewRating: {
        '@type': 'Rating',
        ...(value === undefined ? {} : { ratingValue: value, bestRating: 5, worstRating: 1 }),
        alternateName: attributes.ratingLabel ?? ratingWord(attributes.rating, locale),
      },
    };
  },
});
