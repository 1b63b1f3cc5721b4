import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { CLAIM_RATINGS, RATING_WORDS, serializeJsonLd, toJsonLd, type FactBoxRecord, type JsonLdDocument, type JsonLdNode } from 'fact-boxes';
import { render } from '../helpers/pipeline.js';

const URL_OF_PAGE = 'https://news.example/2023/attacks-on-us-forces';
const PUBLISHER = { name: 'Atlas News', url: 'https://news.example/' };
const ARTICLE = readFileSync(new URL('../fixtures/actor/article.md', import.meta.url), 'utf8');

async function jsonLdOf(markdown: string, options: Parameters<typeof toJsonLd>[1] = { url: URL_OF_PAGE, publisher: PUBLISHER }) {
  const rendered = await render(markdown, { onInvalid: 'warn' });
  const records = rendered.file.data.factBoxes ?? [];
  return { ...rendered, records, jsonLd: toJsonLd(records, options) };
}

function nodeWithId(document: JsonLdDocument, fragment: string): JsonLdNode | undefined {
  return document['@graph'].find((node) => node['@id'] === `${URL_OF_PAGE}#${fragment}`);
}

describe('toJsonLd: claims', () => {
  test('should map a claim without a rating to a Claim, field by field', async () => {
    const { jsonLd } = await jsonLdOf(
      ':::claim[Militia vows to target the embassy]{by="Ashab al-Kahf" role="Iran-backed militia" date=2023-11-05 source="Reuters" source-url="https://www.reuters.com/world/"}\nPeaceful and diplomatic solutions have *failed*.\n\nThe statement followed weeks of attacks.\n:::\n',
    );
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Claim',
          '@id': `${URL_OF_PAGE}#militia-vows-to-target-the-embassy`,
          name: 'Militia vows to target the embassy',
          // The first block is the claim itself; the context after it is not part of it.
          text: 'Peaceful and diplomatic solutions have failed.',
          author: { '@type': 'Thing', name: 'Ashab al-Kahf', description: 'Iran-backed militia' },
          dateCreated: '2023-11-05',
          appearance: { '@type': 'CreativeWork', url: 'https://www.reuters.com/world/' },
        },
      ],
    });
  });

  test('should leave out what a claim does not give', async () => {
    const { jsonLd } = await jsonLdOf(':::claim{by="Ashab al-Kahf"}\n:::\n');
    expect(jsonLd['@graph']).toEqual([
      { '@type': 'Claim', '@id': `${URL_OF_PAGE}#claim-by-ashab-al-kahf`, name: 'Claim by Ashab al-Kahf', author: { '@type': 'Thing', name: 'Ashab al-Kahf' } },
    ]);
  });

  test('should take the quote from a blockquote as the claim text', async () => {
    const { jsonLd } = await jsonLdOf(':::claim[Q]{by="Pentagon"}\n> The injuries were *light*.\n:::\n');
    expect(jsonLd['@graph'][0]?.text).toBe('The injuries were light.');
  });

  test('should type the claimant and link to its actor box when the page has one, by name or by alias', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    // "KH" is an alias of the Kata'ib Hezbollah actor box.
    expect(nodeWithId(jsonLd, 'militia-vows-to-target-the-embassy')?.author).toEqual({
      '@type': 'Organization',
      '@id': `${URL_OF_PAGE}#kata-ib-hezbollah`,
      name: 'KH',
      description: 'Iran-backed militia',
    });
    // "Lloyd Austin" is the title of a person's actor box.
    expect(nodeWithId(jsonLd, 'austin-on-the-strikes')?.author).toEqual({
      '@type': 'Person',
      '@id': `${URL_OF_PAGE}#lloyd-austin`,
      name: 'Lloyd Austin',
      description: 'US Secretary of Defense',
    });
    // The Pentagon has no actor box: a Thing, with no link.
    expect((nodeWithId(jsonLd, 'were-the-injuries-light')?.itemReviewed as JsonLdNode).author).toEqual({ '@type': 'Thing', name: 'Pentagon' });
  });

  test('should match a claimant to an actor box whatever the case and surrounding spaces', async () => {
    const { jsonLd } = await jsonLdOf(':::actor[Kata\'ib Hezbollah]{type=militia aliases="KH"}\n:::\n\n:::claim[C]{by=" kh "}\n:::\n');
    expect(nodeWithId(jsonLd, 'c')?.author).toMatchObject({ '@type': 'Organization', '@id': `${URL_OF_PAGE}#kata-ib-hezbollah` });
  });

  test('should link a claimant to an actor box that comes later on the page', async () => {
    const { jsonLd } = await jsonLdOf(':::claim[C]{by="Lloyd Austin"}\n:::\n\n:::actor[Lloyd Austin]{type=person}\n:::\n');
    expect(nodeWithId(jsonLd, 'c')?.author).toMatchObject({ '@type': 'Person', '@id': `${URL_OF_PAGE}#lloyd-austin` });
  });

  test('should map a rated claim to a ClaimReview of the Claim, by the publisher, field by field', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(nodeWithId(jsonLd, 'were-the-injuries-light')).toEqual({
      '@type': 'ClaimReview',
      '@id': `${URL_OF_PAGE}#were-the-injuries-light`,
      url: `${URL_OF_PAGE}#were-the-injuries-light`,
      name: 'Were the injuries light?',
      claimReviewed: 'The injuries were light.',
      itemReviewed: {
        '@type': 'Claim',
        text: 'The injuries were light.',
        author: { '@type': 'Thing', name: 'Pentagon' },
        dateCreated: '2023-10',
      },
      author: { '@type': 'Organization', name: 'Atlas News', url: 'https://news.example/' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Far from light' },
    });
  });

  test('should emit no ClaimReview for a claim without a rating, whatever its status', async () => {
    const { jsonLd } = await jsonLdOf(':::claim[A]{by="X" status=confirmed}\n:::\n\n:::claim[B]{by="X" status=denied}\n:::\n');
    expect(jsonLd['@graph'].map((node) => node['@type'])).toEqual(['Claim', 'Claim']);
  });

  test.each([
    ['true', 5],
    ['mostly-true', 4],
    ['mixed', 3],
    ['mostly-false', 2],
    ['false', 1],
  ] as const)('should rate rating=%s as %i on the 1 to 5 scale', async (rating, value) => {
    const { jsonLd } = await jsonLdOf(`:::claim[C]{by="X" rating=${rating}}\nA claim.\n:::\n`);
    expect(jsonLd['@graph'][0]?.reviewRating).toEqual({ '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1, alternateName: RATING_WORDS[rating] });
  });

  test.each(['misleading', 'missing-context', 'unproven'] as const)('should give rating=%s only its name, off the scale', async (rating) => {
    const { jsonLd } = await jsonLdOf(`:::claim[C]{by="X" rating=${rating}}\nA claim.\n:::\n`);
    expect(jsonLd['@graph'][0]?.reviewRating).toEqual({ '@type': 'Rating', alternateName: RATING_WORDS[rating] });
  });

  test('should name every verdict in words, the ones the reader sees', () => {
    expect(CLAIM_RATINGS.map((rating) => RATING_WORDS[rating])).toEqual(['True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Misleading', 'Missing context', 'Unproven']);
  });

  test('should prefer the house wording of a verdict as its name', async () => {
    const { jsonLd, tree } = await jsonLdOf(':::claim[C]{by="X" rating=false rating-label="Pants on Fire"}\nA claim.\n:::\n');
    expect(jsonLd['@graph'][0]?.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Pants on Fire' });
    expect(toString(select('.fact-box__rating', tree)!)).toBe('Pants on Fire');
  });

  test('should give a ClaimReview no author when no publisher is given', async () => {
    const { jsonLd } = await jsonLdOf(':::claim[C]{by="X" rating=false}\nA claim.\n:::\n', { url: URL_OF_PAGE });
    expect(jsonLd['@graph'][0]?.['@type']).toBe('ClaimReview');
    expect(jsonLd['@graph'][0]).not.toHaveProperty('author');
  });

  test('should make page-relative ids without a url, and drop a fragment from the url', async () => {
    const { records } = await jsonLdOf(':::claim[C]{by="X" rating=true}\nA claim.\n:::\n');
    expect(toJsonLd(records)['@graph'][0]).toMatchObject({ '@id': '#c' });
    expect(toJsonLd(records)['@graph'][0]).not.toHaveProperty('url');
    expect(toJsonLd(records, { url: `${URL_OF_PAGE}#top` })['@graph'][0]).toMatchObject({ '@id': `${URL_OF_PAGE}#c`, url: `${URL_OF_PAGE}#c` });
  });
});

describe('toJsonLd: casualties, actors and timelines', () => {
  test('should emit nothing for casualties', async () => {
    const { jsonLd, records } = await jsonLdOf(':::casualties[Toll]{injured=">24" killed=3 source="Pentagon"}\n::group[US]{injured=24}\n:::\n');
    expect(records).toHaveLength(1);
    expect(jsonLd).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });

  test('should map an armed group to an Organization, field by field', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(nodeWithId(jsonLd, 'kata-ib-hezbollah')).toEqual({
      '@type': 'Organization',
      '@id': `${URL_OF_PAGE}#kata-ib-hezbollah`,
      name: "Kata'ib Hezbollah",
      alternateName: ['KH', 'Hezbollah Brigades'],
      description: 'An Iraqi Shia armed group.',
      sameAs: 'https://www.wikidata.org/wiki/Q1143977',
      foundingDate: '2003',
      location: { '@type': 'Place', name: 'Jurf al-Sakhar, Iraq' },
      member: { '@type': 'OrganizationRole', roleName: 'leader', member: { '@type': 'Person', name: 'Abu Fadak al-Mohammadawi' } },
    });
  });

  test('should map a person to a Person', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(nodeWithId(jsonLd, 'lloyd-austin')).toEqual({
      '@type': 'Person',
      '@id': `${URL_OF_PAGE}#lloyd-austin`,
      name: 'Lloyd Austin',
      description: 'US Secretary of Defense.',
    });
  });

  test.each(['government', 'state-forces', 'militia', 'rebel-group', 'political-movement', 'organization'])('should map type=%s to an Organization', async (type) => {
    const { jsonLd } = await jsonLdOf(`:::actor[A]{type=${type}}\n:::\n`);
    expect(jsonLd['@graph'][0]?.['@type']).toBe('Organization');
  });

  test('should map each timeline event to an Event with its start and end', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(jsonLd['@graph'].filter((node) => node['@type'] === 'Event')).toEqual([
      { '@type': 'Event', '@id': `${URL_OF_PAGE}#escalation-event-1`, name: 'Attacks on US forces begin.', startDate: '2023-10-17' },
      { '@type': 'Event', '@id': `${URL_OF_PAGE}#escalation-event-2`, name: 'More than 24 US personnel injured.', startDate: '2023-10-17', endDate: '2023-11-05' },
      // Open-ended: no end date.
      { '@type': 'Event', '@id': `${URL_OF_PAGE}#escalation-event-3`, name: 'Militias vow to target the embassy.', startDate: '2023-11-05' },
    ]);
  });

  test('should number events by the valid ones, so each @id is the id of its list item', async () => {
    const { jsonLd, tree } = await jsonLdOf(':::timeline[T]\n- 2023-10-17: A.\n- Undated.\n- 2023-10-26: B.\n:::\n');
    const events = jsonLd['@graph'];
    expect(events.map((node) => node.name)).toEqual(['A.', 'B.']);
    for (const event of events) {
      const fragment = String(event['@id']).split('#')[1]!;
      expect(toString(select(`li#${fragment}`, tree)!)).toContain(String(event.name));
    }
  });

  test('should not fail on the record of a timeline with invalid attributes', async () => {
    const { jsonLd, messages } = await jsonLdOf(':::timeline[T]{order=up}\n- 2023-10-17: A.\n:::\n');
    expect(messages.map((message) => message.ruleId)).toEqual(['invalid-attribute']);
    expect(jsonLd['@graph']).toEqual([]);
  });

  test('should keep the order of the records', async () => {
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(jsonLd['@graph'].map((node) => node['@type'])).toEqual(['Organization', 'Person', 'Claim', 'Claim', 'ClaimReview', 'Event', 'Event', 'Event']);
  });

  test('should skip records of boxes it does not know', () => {
    const record: FactBoxRecord = { type: 'location', kind: 'Location', id: 'x', title: 'X', attributes: {}, text: '' };
    expect(toJsonLd([record])).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });
});

/** Every leaf of a JSON-LD value, with the key it is under and the path to it. */
function leaves(value: unknown, path: string[] = []): { path: string[]; key: string; value: string | number | boolean }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  const key = [...path].reverse().find((part) => !/^\d+$/.test(part)) ?? '';
  return [{ path, key, value: value as string | number | boolean }];
}

function visibleText(tree: Root): string {
  return toString(tree).replace(/\s+/g, ' ');
}

/** The leaves of a JSON-LD document that the rendered page does not show, as `path = value`. */
function unshownFacts(jsonLd: JsonLdDocument, tree: Root): string[] {
  const text = visibleText(tree);
  const hrefs = new Set(selectAll('a[href]', tree).map((link) => String(link.properties.href)));
  const ids = new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)));
  const datetimes = new Set(selectAll('time[datetime]', tree).map((time) => String(time.properties.dateTime)));
  const unshown: string[] = [];
  for (const [index, node] of jsonLd['@graph'].entries()) {
    for (const leaf of leaves(node, [String(index)])) {
      const where = `${leaf.path.join('.')} = ${JSON.stringify(leaf.value)}`;
      if (leaf.key === '@type') continue; // schema.org vocabulary
      // The publisher is the site's own, given to toJsonLd, not a fact of the article.
      if (node['@type'] === 'ClaimReview' && leaf.path[1] === 'author') continue;
      if (typeof leaf.value !== 'string') {
        // Numbers on the rating scale stand for the verdict, which is shown in words (checked below).
        if (leaf.path[1] === 'reviewRating' && ['ratingValue', 'bestRating', 'worstRating'].includes(leaf.key)) continue;
        unshown.push(where);
        continue;
      }
      if (leaf.key === '@id' || (leaf.key === 'url' && leaf.value.startsWith(`${URL_OF_PAGE}#`))) {
        // A link into the page must land on an element of the page.
        const [page, fragment] = leaf.value.split('#');
        if (page !== URL_OF_PAGE || !fragment || !ids.has(fragment)) unshown.push(where);
        continue;
      }
      if (leaf.key === 'url' || leaf.key === 'sameAs') {
        if (!hrefs.has(leaf.value)) unshown.push(where);
        continue;
      }
      if (['startDate', 'endDate', 'dateCreated', 'foundingDate'].includes(leaf.key)) {
        if (!datetimes.has(leaf.value)) unshown.push(where);
        continue;
      }
      // The role of the leader is the label of the row that names them ("Leader").
      if (leaf.key === 'roleName') {
        const role = leaf.value.toLowerCase();
        if (!selectAll('dt', tree).some((dt) => toString(dt).toLowerCase() === role)) unshown.push(where);
        continue;
      }
      if (!text.includes(leaf.value.replace(/\s+/g, ' '))) unshown.push(where);
    }
  }
  return unshown;
}

describe('toJsonLd: nothing the page does not show', () => {
  test('should only emit facts that the rendered page shows', async () => {
    const { jsonLd, tree, messages } = await jsonLdOf(ARTICLE);
    expect(messages).toEqual([]);
    expect(jsonLd['@graph'].length).toBeGreaterThan(5);
    expect(unshownFacts(jsonLd, tree)).toEqual([]);
  });

  test('should show in words each verdict whose number is emitted', async () => {
    const { jsonLd, tree } = await jsonLdOf(ARTICLE);
    const reviews = jsonLd['@graph'].filter((item) => item['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(1);
    for (const node of reviews) {
      const fragment = String(node['@id']).split('#')[1]!;
      const verdict = select(`#${fragment} .fact-box__rating`, tree);
      expect(verdict && toString(verdict)).toBe((node.reviewRating as { alternateName: string }).alternateName);
    }
  });

  test('should catch a fact, a date, a link or an anchor the page does not show (the check can fail)', async () => {
    const { jsonLd, tree } = await jsonLdOf(ARTICLE);
    const tampered: JsonLdDocument = {
      ...jsonLd,
      '@graph': [
        ...jsonLd['@graph'],
        {
          '@type': 'Event',
          '@id': `${URL_OF_PAGE}#no-such-element`,
          name: 'Attacks on US forces begin.',
          startDate: '2023-10-18',
          location: { '@type': 'Place', name: 'Tower 22' },
          sameAs: 'https://www.wikidata.org/wiki/Q1',
          attendees: 40,
        },
      ],
    };
    const index = jsonLd['@graph'].length;
    expect(unshownFacts(tampered, tree)).toEqual([
      `${index}.@id = "${URL_OF_PAGE}#no-such-element"`,
      `${index}.startDate = "2023-10-18"`,
      `${index}.location.name = "Tower 22"`,
      `${index}.sameAs = "https://www.wikidata.org/wiki/Q1"`,
      `${index}.attendees = 40`,
    ]);
  });
});

describe('serializeJsonLd', () => {
  const hostile: JsonLdDocument = {
    '@context': 'https://schema.org',
    '@graph': [{ '@type': 'Claim', text: 'The end </script><script>alert(1)</script> <!-- & more' }],
  };

  test('should never let a value close the script element or open a comment', () => {
    const serialized = serializeJsonLd(hostile);
    expect(serialized).not.toMatch(/<\/script/i);
    expect(serialized).not.toContain('<');
    expect(serialized).not.toContain('>');
    expect(serialized).not.toContain('<!--');
    expect(serialized).toContain('\\u003c/script\\u003e');
  });

  test('should stay the same JSON', async () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
    const { jsonLd } = await jsonLdOf(ARTICLE);
    expect(JSON.parse(serializeJsonLd(jsonLd))).toEqual(jsonLd);
  });

  test('should escape a </script> written in an article', async () => {
    const { jsonLd } = await jsonLdOf(':::claim[C]{by="X"}\nThey wrote `</script>` in the claim.\n:::\n');
    expect(jsonLd['@graph'][0]?.text).toBe('They wrote </script> in the claim.');
    expect(serializeJsonLd(jsonLd)).not.toMatch(/<\/script/i);
  });
});
