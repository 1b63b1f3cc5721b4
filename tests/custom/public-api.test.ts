/**
 * A custom box built only from the public entry point looks and behaves like
 * a built-in: a value type of its own reported like the built-in ones, the
 * facts list, counts and dates as the built-ins render them, the common
 * `source` attribute without declaring it, and JSON-LD anchors.
 */
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { anchorOf, countAttribute, dateAttribute, defineFactBox, renderCount, renderDate, renderFacts, textAttribute, toJsonLd, valueAttribute, type FactBoxRecord } from 'fact-boxes';
import { render } from '../helpers/pipeline.js';

/** `40%`: a whole percentage. */
const percentAttribute = () =>
  valueAttribute(
    (text) => {
      const match = /^\s*(\d{1,3})\s*%\s*$/.exec(text);
      const value = Number(match?.[1]);
      if (!match) return { ok: false, reason: 'it is not a number followed by %' };
      return value <= 100 ? { ok: true, value } : { ok: false, reason: 'a share is at most 100%' };
    },
    { expected: 'a percentage like 40%', example: '40%' },
  );

const turnout = defineFactBox({
  name: 'turnout',
  attributes: z.object({ share: percentAttribute(), voters: countAttribute().optional(), held: dateAttribute(), where: textAttribute().optional() }),
  defaultTitle: () => 'Turnout',
  render: ({ attributes, h, children, locale }) => [
    renderFacts([
      ['Share', `${attributes.share}%`, 'share'],
      ['Voters', attributes.voters ? renderCount(attributes.voters, locale) : undefined, 'voters'],
      ['Held', renderDate(attributes.held, locale), 'held'],
      ['Where', attributes.where, 'where'],
    ]),
    h('div', { className: ['fact-box__body'] }, children),
  ],
  jsonLd: (record, { url }) => ({ '@type': 'Event', '@id': anchorOf(url, record.id), name: record.title }),
});

describe('a custom box made from the public API', () => {
  test('should render its facts like a built-in, leave out rows without a value, and take source without declaring it', async () => {
    const { tree, file, messages } = await render(':::turnout{share=41% voters=~12000 held=2025-11-11 source="Electoral commission"}\nPolls closed at 18:00.\n:::\n', { boxes: [turnout] });
    expect(messages).toEqual([]);
    const facts = selectAll('.fact-box__facts > .fact-box__fact', tree);
    expect(facts.map((row) => row.properties.dataFact)).toEqual(['share', 'voters', 'held']);
    expect(toString(select('[data-fact="voters"] dd', tree)!)).toBe('about 12,000');
    expect(select('[data-fact="voters"] .fact-box__count', tree)?.properties.dataCount).toBe('about');
    expect(select('[data-fact="held"] time', tree)?.properties.dateTime).toBe('2025-11-11');
    expect(toString(select('.fact-box__body', tree)!)).toBe('Polls closed at 18:00.');
    expect(toString(select('.fact-box__source', tree) ?? select('footer', tree)!)).toContain('Electoral commission');
    expect(file.data.factBoxes?.[0]?.attributes).toMatchObject({ share: 41, source: 'Electoral commission' });
  });

  test('should report a value of its own type like a built-in one, with the place and the fix', async () => {
    const { messages } = await render(':::turnout{share=lots held=2025-11-11}\n:::\n', { boxes: [turnout], onInvalid: 'warn' });
    expect(messages).toEqual([
      {
        place: '1:12',
        reason: 'turnout: "share" must be a percentage like 40%; got "lots" (it is not a number followed by %). Fix: write it like share="40%".',
        ruleId: 'invalid-attribute',
        fatal: false,
      },
    ]);
  });

  test('should give its JSON-LD the anchor of the box on the page', () => {
    const record: FactBoxRecord = { type: 'turnout', kind: 'Turnout', id: 'turnout', title: 'Turnout', attributes: {}, text: '' };
    expect(toJsonLd([record], { url: 'https://example.com/vote#top', boxes: [turnout] })['@graph']).toEqual([{ '@type': 'Event', '@id': 'https://example.com/vote#turnout', name: 'Turnout' }]);
  });
});
