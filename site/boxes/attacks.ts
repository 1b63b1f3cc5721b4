/**
 * attacks: a site-defined box, made with `defineFactBox` exactly like the
 * built-ins: how many attacks, of what kind, where, since when, and the
 * place hit most.
 *
 *   :::attacks[Attacks on US forces]{count=">30" weapons="rocket, drone" places="Iraq, Syria" since=2023-10-17}
 *   :::
 */
import { z } from 'astro/zod';
import { countAttribute, countToWords, dateAttribute, dateToWords, defineFactBox, listAttribute, textAttribute, urlAttribute, type JsonLdNode } from 'fact-boxes';

/** "rocket and drone", "rocket, drone and missile". */
function joinWords(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const attacks = defineFactBox({
  name: 'attacks',
  kind: () => 'Attacks',
  attributes: z.object({
    count: countAttribute(),
    weapons: listAttribute().optional(),
    targets: textAttribute().optional(),
    places: listAttribute().optional(),
    since: dateAttribute(),
    mostTargeted: textAttribute().optional(),
    claimedBy: textAttribute().optional(),
    source: textAttribute().optional(),
    sourceUrl: urlAttribute().optional(),
  }),
  defaultTitle: (attributes) => `Attacks since ${attributes.since ? dateToWords(attributes.since) : '…'}`,
  render({ attributes, nodes, h, content }) {
    const weapons = attributes.weapons ? `${joinWords(attributes.weapons)} attacks` : 'attacks';
    const row = (label: string, key: string, value: unknown) =>
      value === undefined ? undefined : h('div', { className: ['fact-box__fact'], dataFact: key }, h('dt', {}, label), h('dd', {}, value as string));
    return [
      attributes.count
        ? h(
            'p',
            { className: ['fact-box__figure'] },
            h('span', { className: ['fact-box__count'], dataCount: attributes.count.kind }, countToWords(attributes.count)),
            ` ${weapons}`,
          )
        : undefined,
      h(
        'dl',
        { className: ['fact-box__facts'] },
        row('Since', 'since', attributes.since ? h('time', { dateTime: attributes.since.iso }, dateToWords(attributes.since)) : undefined),
        row('Where', 'places', attributes.places ? joinWords(attributes.places) : undefined),
        row('Targets', 'targets', attributes.targets),
        row('Most targeted', 'most-targeted', attributes.mostTargeted),
        row('Claimed by', 'claimed-by', attributes.claimedBy),
      ),
      nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
    ];
  },
  jsonLd(record, { url }): JsonLdNode {
    const { count, weapons, places, since } = record.attributes;
    return {
      '@type': 'Event',
      '@id': `${url ? url.replace(/#.*$/, '') : ''}#${record.id}`,
      name: record.title,
      startDate: since.iso,
      ...(places ? { location: places.map((name) => ({ '@type': 'Place', name })) } : {}),
      description: `${countToWords(count)} ${weapons ? `${joinWords(weapons)} attacks` : 'attacks'}`,
    };
  },
});
