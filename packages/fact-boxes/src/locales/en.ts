/**
 * English: the words every box writes, and the key set every other locale
 * must fill (`LocaleStrings`). A phrase is text with `{placeholders}`:
 * `{n}`, `{min}` and `{max}` are numbers, `{date}`, `{start}` and `{end}`
 * dates, anything else text the renderer supplies. `{date:genitive}` is a
 * date whose month takes the form it has after a day number (Russian
 * "ноября", not "ноябрь"); `{n:ablative}` a number with the Turkish ablative
 * suffix ("24'ten"). A phrase can also be one text per variant: per plural
 * category of its number (`one`, `few`, `many`, `other`…, by Intl.PluralRules)
 * or per precision of its dates (`day`, `month`, `year`; `other` when they differ).
 */
export const en = {
  // The kind of box, shown above its title.
  'kind.claim': 'Claim',
  'kind.factCheck': 'Fact check',
  'kind.casualties': 'Casualties',
  'kind.timeline': 'Timeline',
  'kind.actor': 'Actor',
  'actorType.person': 'Person',
  'actorType.government': 'Government',
  'actorType.stateForces': 'State forces',
  'actorType.militia': 'Militia',
  'actorType.rebelGroup': 'Rebel group',
  'actorType.politicalMovement': 'Political movement',
  'actorType.organization': 'Organization',

  // Titles of boxes written without a [title].
  'title.claim': 'Claim by {by}',
  'title.casualties': 'Casualties',
  'title.casualtiesAmong': 'Casualties among {party}',
  'title.timeline': 'Timeline',

  // claim
  'claim.by': 'Claimed by',
  'claim.date': 'Date',
  'claim.status': 'Status',
  'claim.rating': 'Our verdict',
  /** After a house verdict (`rating-label`): the verdict it stands for, in running text. */
  'claim.ratingNote': '({rating})',
  'status.unverified': 'Unverified',
  'status.confirmed': 'Confirmed',
  'status.disputed': 'Disputed',
  'status.denied': 'Denied',
  'status.retracted': 'Retracted',
  'rating.true': 'True',
  'rating.mostlyTrue': 'Mostly true',
  'rating.mixed': 'Mixed',
  'rating.mostlyFalse': 'Mostly false',
  'rating.false': 'False',
  'rating.misleading': 'Misleading',
  'rating.missingContext': 'Missing context',
  'rating.unproven': 'Unproven',
  // The verdicts as they read inside a sentence or parentheses.
  'ratingInText.true': 'true',
  'ratingInText.mostlyTrue': 'mostly true',
  'ratingInText.mixed': 'mixed',
  'ratingInText.mostlyFalse': 'mostly false',
  'ratingInText.false': 'false',
  'ratingInText.misleading': 'misleading',
  'ratingInText.missingContext': 'missing context',
  'ratingInText.unproven': 'unproven',

  // casualties
  'casualties.killed': 'Killed',
  'casualties.injured': 'Injured',
  'casualties.missing': 'Missing',
  'casualties.captured': 'Captured',
  'casualties.party': 'Who',
  'casualties.place': 'Where',
  'casualties.period': 'When',
  'casualties.asOf': 'Figures as of',
  /** `{description}` is the source's own word, shown in quotation marks; `{source}` who said it. */
  'casualties.describedAs': 'Described as {description} by {source}.',
  'casualties.partyColumn': 'Party',
  'casualties.total': 'Total',
  /** A table cell for a party whose figure the source does not give. */
  'casualties.notGiven': 'not given',

  // actor
  'actor.aliases': 'Also known as',
  'actor.backedBy': 'Backed by',
  'actor.leader': 'Leader',
  'actor.based': 'Based in',
  'actor.activeSince': 'Active since',
  'actor.wikidata': 'Wikidata',

  // Counts: 12, 12+, >12, <12, <=12, ~12, 10-15, ?, none.
  'count.exact': '{n}',
  'count.atLeast': 'at least {n}',
  'count.moreThan': 'more than {n}',
  'count.fewerThan': 'fewer than {n}',
  'count.atMost': 'at most {n}',
  'count.about': 'about {n}',
  'count.range': '{min} to {max}',
  'count.unknown': 'unknown',
  'count.none': 'none',

  // Dates: `{year}` is the year alone (2023); months and days come from Intl.DateTimeFormat.
  'date.year': '{year}',
  'date.approximate': 'around {date}',
  'period.since': 'since {date}',
  'period.range': '{start} to {end}',

  // The footer of every box.
  'source.label': 'Source: {source}',
  /** Between the items of a list (aliases, backers) and before a claimant's role. */
  'list.separator': ', ',
} satisfies Record<string, Phrase>;

/** A key of the strings every locale has. */
export type StringKey = keyof typeof en;

/** One text per plural category of its number, or per precision of its date; `other` is required. */
export interface PhraseVariants {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  day?: string;
  month?: string;
  year?: string;
  other: string;
}

/** A phrase: text with `{placeholders}`, or one text per variant. */
export type Phrase = string | PhraseVariants;

/** Every string of a locale, for every key English has. */
export type LocaleStrings = Record<StringKey, Phrase>;
