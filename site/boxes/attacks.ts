/**
 * attacks: a site-defined box, made with `defineFactBox` exactly like the
 * built-ins: how many attacks, of what kind, where, since when, and the
 * place hit most. Its words are its own `strings` (English, Arabic and
 * French here), with the plural of "attack" chosen by Intl.PluralRules.
 *
 *   :::attacks[Attacks on US forces]{count=">30" weapons="rocket, drone" places="Iraq, Syria" since=2023-10-17}
 *   :::
 */
import { z } from 'astro/zod';
import { anchorOf, countAttribute, countToWords, dateAttribute, defineFactBox, factBoxWords, listAttribute, renderCount, renderDate, renderFacts, textAttribute, type Count, type JsonLdNode } from 'fact-boxes';

const english = factBoxWords('en');

/** The figure that decides the plural of "attack": the source's own number, else the upper bound. */
function figureOf(count: Count): number {
  return count.best ?? count.max ?? count.min ?? 0;
}

export const attacks = defineFactBox({
  name: 'attacks',
  kind: (_attributes, locale) => locale.t('kind'),
  attributes: z.object({
    count: countAttribute(),
    weapons: listAttribute().optional(),
    targets: textAttribute().optional(),
    places: listAttribute().optional(),
    since: dateAttribute(),
    mostTargeted: textAttribute().optional(),
    claimedBy: textAttribute().optional(),
    // `source` and `source-url` every box has already; the frame shows them.
  }),
  strings: {
    en: {
      kind: 'Attacks',
      title: 'Attacks since {date}',
      // `{count}` is the count in words ("more than 30"); `{n}` only chooses the plural.
      figure: { one: '{count} {weapons} attack', other: '{count} {weapons} attacks' },
      figureAll: { one: '{count} attack', other: '{count} attacks' },
      since: 'Since',
      places: 'Where',
      targets: 'Targets',
      mostTargeted: 'Most targeted',
      claimedBy: 'Claimed by',
    },
    ar: {
      kind: 'هجمات',
      title: 'الهجمات منذ {date}',
      // 3 to 10 take the plural, 11 to 99 the singular in the accusative, 100 and more the singular.
      figure: { few: '{count} هجمات ب{weapons}', many: '{count} هجوماً ب{weapons}', other: '{count} هجوم ب{weapons}' },
      figureAll: { few: '{count} هجمات', many: '{count} هجوماً', other: '{count} هجوم' },
      since: 'منذ',
      places: 'المكان',
      targets: 'الأهداف',
      mostTargeted: 'الأكثر استهدافاً',
      claimedBy: 'الجهة المتبنية',
    },
    fr: {
      kind: 'Attaques',
      title: 'Attaques depuis {date}',
      figure: { one: '{count} attaque ({weapons})', other: '{count} attaques ({weapons})' },
      figureAll: { one: '{count} attaque', other: '{count} attaques' },
      since: 'Depuis',
      places: 'Où',
      targets: 'Cibles',
      mostTargeted: 'Cible la plus visée',
      claimedBy: 'Revendiqué par',
    },
  },
  defaultTitle: (attributes, locale) => locale.t('title', { date: attributes.since }),
  render({ attributes, nodes, h, content, locale, t }) {
    // "rocket and drone", « roquettes et drones », "الصواريخ والطائرات المسيّرة".
    const weapons = attributes.weapons ? locale.and(attributes.weapons) : undefined;
    const count = renderCount(attributes.count, locale);
    return [
      h('p', { className: ['fact-box__figure'] }, locale.parts(weapons ? 'figure' : 'figureAll', { count, weapons: weapons ?? '', n: figureOf(attributes.count) })),
      renderFacts([
        [t('since'), renderDate(attributes.since, locale), 'since'],
        [t('places'), attributes.places ? locale.and(attributes.places) : undefined, 'places'],
        [t('targets'), attributes.targets, 'targets'],
        [t('mostTargeted'), attributes.mostTargeted, 'most-targeted'],
        [t('claimedBy'), attributes.claimedBy, 'claimed-by'],
      ]),
      nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
    ];
  },
  jsonLd(record, { url, inLanguage }): JsonLdNode {
    const { count, weapons, places, since } = record.attributes;
    return {
      '@type': 'Event',
      '@id': anchorOf(url, record.id),
      ...(inLanguage ? { inLanguage } : {}),
      name: record.title,
      startDate: since.iso,
      ...(places ? { location: places.map((name) => ({ '@type': 'Place', name })) } : {}),
      // The description is written in English only; the box's own words are for its HTML.
      ...(inLanguage === undefined || inLanguage.startsWith('en') ? { description: `${countToWords(count)} ${weapons ? `${english.and(weapons)} attacks` : 'attacks'}` } : {}),
    };
  },
});
