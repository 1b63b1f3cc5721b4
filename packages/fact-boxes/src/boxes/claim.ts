/**
 * claim: an attributed statement, and, with `rating`, the publisher's verdict
 * on it (a fact-check).
 */
import type { Nodes as MdastNodes } from 'mdast';
import * as z from 'zod';
import { defineFactBox, type JsonLdContext, type JsonLdNode } from '../define.js';
import { actorSchemaType, anchorOf, findActor } from '../render/jsonld.js';
import { renderFacts } from '../render/format.js';
import { renderDate } from '../render/format.js';
import { commonAttributes, dateAttribute, textAttribute } from '../values/schemas.js';

/** States of a claim the article reports. */
export const CLAIM_STATUSES = ['unverified', 'confirmed', 'disputed', 'denied', 'retracted'] as const;
/** The publisher's verdicts. */
export const CLAIM_RATINGS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'misleading', 'missing-context', 'unproven'] as const;

/** Words for each status and verdict, as readers see them. */
export const STATUS_WORDS: Record<(typeof CLAIM_STATUSES)[number], string> = {
  unverified: 'Unverified',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  denied: 'Denied',
  retracted: 'Retracted',
};
export const RATING_WORDS: Record<(typeof CLAIM_RATINGS)[number], string> = {
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  'mostly-false': 'Mostly false',
  false: 'False',
  misleading: 'Misleading',
  'missing-context': 'Missing context',
  unproven: 'Unproven',
};

export const claimAttributes = z.object({
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

function claimant(attributes: ClaimAttributes, context: JsonLdContext): JsonLdNode {
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
  kind: (attributes) => (attributes.rating ? 'Fact check' : 'Claim'),
  defaultTitle: (attributes) => (attributes.by ? `Claim by ${attributes.by}` : 'Claim'),
  parseBody({ nodes, toText }): ClaimBody {
    const first = nodes[0];
    return first ? { quote: toText(first) } : {};
  },
  render({ attributes, nodes, content, h, id }) {
    // The first block is the claim itself; a blockquote there is unwrapped so it is not quoted twice.
    const [first, ...rest] = nodes;
    const quoted: MdastNodes[] = first ? (first.type === 'blockquote' ? (first.children as MdastNodes[]) : [first]) : [];
    const status = attributes.status ?? 'unverified';
    const claimant = attributes.by ? [attributes.by, attributes.role ? h('span', { className: ['fact-box__role'] }, `, ${attributes.role}`) : undefined] : undefined;
    return [
      quoted.length > 0
        ? h('blockquote', { className: ['fact-box__quote'], cite: attributes.sourceUrl, dir: 'auto' }, content(quoted))
        : undefined,
      renderFacts([
        ['Claimed by', claimant, 'by'],
        ['Date', attributes.date ? renderDate(attributes.date) : undefined, 'date'],
        ['Status', h('span', { className: ['fact-box__status'], dataStatus: status }, STATUS_WORDS[status]), 'status'],
        [
          'Our verdict',
          attributes.rating
            ? [
                h('strong', { className: ['fact-box__rating'], dataRating: attributes.rating }, attributes.ratingLabel ?? RATING_WORDS[attributes.rating]),
                attributes.ratingLabel ? ` (${RATING_WORDS[attributes.rating].toLowerCase()})` : undefined,
              ]
            : undefined,
          'rating',
        ],
      ]),
      rest.length > 0 ? h('div', { className: ['fact-box__body'], id: `${id}-context` }, content(rest)) : undefined,
    ];
  },
  jsonLd(record, context) {
    const { url, publisher } = context;
    const attributes = record.attributes;
    if (!attributes.by) return undefined; // an invalid claim shown while its author fixes it
    const claimNode: JsonLdNode = {
      '@type': 'Claim',
      ...(attributes.quote ? { text: attributes.quote } : {}),
      author: claimant(attributes, context),
      ...(attributes.date ? { dateCreated: attributes.date.iso } : {}),
      ...(attributes.sourceUrl ? { appearance: { '@type': 'CreativeWork', url: attributes.sourceUrl } } : {}),
    };
    if (!attributes.rating) return { ...claimNode, '@id': anchorOf(url, record.id), name: record.title };
    const value = RATING_SCALE[attributes.rating];
    return {
      '@type': 'ClaimReview',
      '@id': anchorOf(url, record.id),
      ...(url ? { url: anchorOf(url, record.id) } : {}),
      name: record.title,
      ...(attributes.quote ? { claimReviewed: attributes.quote } : {}),
      itemReviewed: claimNode,
      ...(publisher ? { author: { '@type': 'Organization', ...publisher } } : {}),
      reviewRating: {
        '@type': 'Rating',
        ...(value === undefined ? {} : { ratingValue: value, bestRating: 5, worstRating: 1 }),
        alternateName: attributes.ratingLabel ?? RATING_WORDS[attributes.rating],
      },
    };
  },
});
