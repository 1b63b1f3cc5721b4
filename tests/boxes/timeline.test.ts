import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import type { TimelineEvent } from 'fact-boxes';
import { render } from '../helpers/pipeline.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/timeline/${name}.md`, import.meta.url), 'utf8');

/** Text of each `<li>` of a box: its date in words and its event, separately. */
function items(box: Element) {
  return selectAll('ol > li', box).map((li) => ({
    date: select('.fact-box__event-date', li) ? toString(select('.fact-box__event-date', li)!) : undefined,
    datetimes: selectAll('time', li).map((time) => time.properties.dateTime),
    text: toString(select('.fact-box__event-text', li)!).trim(),
  }));
}

function dates(events: readonly TimelineEvent[] | undefined): string[] {
  return (events ?? []).map((event) => event.date.raw);
}

describe('timeline', () => {
  test('should render the events as an ordered list with each date in words inside <time datetime>', async () => {
    const { tree, messages } = await render(fixture('escalation'));
    expect(messages).toEqual([]);
    const box = select('section[data-fact-box="timeline"]', tree)!;
    expect(box.properties.id).toBe('escalation-since-october');
    expect(toString(select('.fact-box__kind', box)!)).toBe('Timeline');
    expect(toString(select('h2', box)!)).toBe('Escalation since October');
    expect(selectAll('ul', box)).toEqual([]);
    expect(items(box)).toEqual([
      { date: '17 October 2023', datetimes: ['2023-10-17'], text: 'Attacks on US forces in Iraq and Syria begin.' },
      { date: 'around October 2023', datetimes: ['2023-10'], text: 'Iran-backed groups claim more than a dozen attacks.' },
      { date: '17 October 2023 to 5 November 2023', datetimes: ['2023-10-17', '2023-11-05'], text: 'At least 38 attacks, according to the Pentagon.' },
      { date: '26 October 2023', datetimes: ['2023-10-26'], text: 'US strikes two facilities in eastern Syria.' },
      { date: 'November 2023', datetimes: ['2023-11'], text: 'Attacks continue.' },
      { date: 'since 5 November 2023', datetimes: ['2023-11-05'], text: 'Militias vow to target the embassy.' },
    ]);
  });

  test('should take the date prefix off the event text, in the HTML and in the record', async () => {
    const { html, file } = await render(':::timeline\n- 2023-10-17: Attacks begin.\n- 2023-10-26/2023-10-27: Strikes.\n:::\n');
    expect(html).not.toContain('2023-10-17:');
    expect(html).not.toContain('2023-10-26/2023-10-27');
    expect(file.data.factBoxes?.[0]?.attributes.events).toMatchObject([{ text: 'Attacks begin.' }, { text: 'Strikes.' }]);
  });

  test('should keep inline Markdown (emphasis, links, code) in an event', async () => {
    const { tree } = await render(':::timeline[T]\n- 2023-10-26: *US* strikes [two facilities](https://example.com/strikes) in `eastern Syria`.\n:::\n');
    const text = select('li .fact-box__event-text', tree)!;
    expect(toString(select('em', text)!)).toBe('US');
    const link = select('a', text)!;
    expect(link.properties.href).toBe('https://example.com/strikes');
    expect(toString(link)).toBe('two facilities');
    expect(toString(select('code', text)!)).toBe('eastern Syria');
  });

  test('should keep inline Markdown that starts right after the date', async () => {
    const { tree, file } = await render(':::timeline[T]\n- 2023-10-26: **Strikes** in Syria.\n:::\n');
    const text = select('li .fact-box__event-text', tree)!;
    expect(toString(select('strong', text)!)).toBe('Strikes');
    expect(toString(text).trim()).toBe('Strikes in Syria.');
    expect(file.data.factBoxes?.[0]?.attributes.events).toMatchObject([{ text: 'Strikes in Syria.' }]);
  });

  test('should mark approximate dates and intervals on the list item', async () => {
    const { tree } = await render(':::timeline[T]\n- 2023-10~: Around.\n- 2023-10-17/..: Open.\n- 2023-11-05: Exact.\n:::\n');
    const [around, open, exact] = selectAll('li', tree);
    expect(around?.properties).toHaveProperty('dataApproximate');
    expect(open?.properties.dataPeriod).toBe('interval');
    expect(exact?.properties).not.toHaveProperty('dataApproximate');
    expect(exact?.properties.dataPeriod).toBeUndefined();
  });

  test('should give each event an id derived from the box id', async () => {
    const { tree } = await render(':::timeline[Escalation]\n- 2023-10-17: A.\n- 2023-10-26: B.\n:::\n');
    expect(selectAll('li', tree).map((li) => li.properties.id)).toEqual(['escalation-event-1', 'escalation-event-2']);
  });

  test('should record each event as its date (parsed) and its plain text', async () => {
    const { file } = await render(fixture('escalation'));
    const record = file.data.factBoxes?.[0];
    expect(record?.type).toBe('timeline');
    expect(record?.attributes.order).toBe('asc');
    expect(record?.attributes.source).toBe('Pentagon');
    expect(record?.attributes.sourceUrl).toBe('https://www.defense.gov/News/');
    const events = record?.attributes.events as TimelineEvent[];
    expect(events).toHaveLength(6);
    expect(events[0]).toEqual({
      date: { kind: 'date', precision: 'day', year: 2023, month: 10, day: 17, approximate: false, iso: '2023-10-17', raw: '2023-10-17' },
      text: 'Attacks on US forces in Iraq and Syria begin.',
    });
    expect(events[1]?.date).toMatchObject({ kind: 'date', precision: 'month', approximate: true, iso: '2023-10' });
    expect(events[2]).toMatchObject({
      date: { kind: 'interval', start: { iso: '2023-10-17' }, end: { iso: '2023-11-05' }, raw: '2023-10-17/2023-11-05' },
      text: 'At least 38 attacks, according to the Pentagon.',
    });
    expect(events[5]).toMatchObject({ date: { kind: 'interval', start: { iso: '2023-11-05' }, end: null }, text: 'Militias vow to target the embassy.' });
  });

  test('should accept events in ascending order by default, counting overlapping periods as in order', async () => {
    // 2023-10~ and the interval start before 2023-10-26 ends, 2023 overlaps everything: none is out of order.
    const { messages, file } = await render(':::timeline[T]\n- 2023-10-26: A.\n- 2023-10~: B.\n- 2023-10-17/2023-11-05: C.\n- 2023: D.\n- 2023-10-17/..: E.\n- 2024-01-28: F.\n:::\n');
    expect(messages).toEqual([]);
    expect(dates(file.data.factBoxes?.[0]?.attributes.events as TimelineEvent[])).toEqual(['2023-10-26', '2023-10~', '2023-10-17/2023-11-05', '2023', '2023-10-17/..', '2024-01-28']);
  });

  test('should accept events from latest to earliest with order="desc"', async () => {
    const { messages, tree } = await render(fixture('reverse'));
    expect(messages).toEqual([]);
    expect(selectAll('li .fact-box__event-date', tree).map((date) => toString(date))).toEqual([
      '28 January 2024',
      'since 5 November 2023',
      'November 2023',
      '26 October 2023',
      '2023',
    ]);
  });

  test('should report an event out of ascending order at that item, naming it and the one it follows', async () => {
    const { messages } = await render(':::timeline[T]\n- 2023-10-17: A.\n- 2023-10-26: B.\n- 2023-10-20: C.\n- 2023-11-05: D.\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '4:1', ruleId: 'timeline-order' });
    expect(messages[0]?.reason).toContain('timeline item: "2023-10-20" is out of order');
    expect(messages[0]?.reason).toContain('with order="asc" events go from earliest to latest, but it comes after "2023-10-26"');
    expect(messages[0]?.reason).toContain('Fix: move this item up, or set order="desc"');
  });

  test('should report an event out of descending order at that item', async () => {
    const { messages } = await render(':::timeline[T]{order=desc}\n- 2023-11-05: D.\n- 2023-10-17: A.\n- 2023-10-26: B.\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '4:1', ruleId: 'timeline-order' });
    expect(messages[0]?.reason).toContain('"2023-10-26" is out of order: with order="desc" events go from latest to earliest, but it comes after "2023-10-17"');
  });

  test('should find an item out of order even when it is not the last one', async () => {
    const { messages } = await render(':::timeline[T]\n- 2023-11-05: A.\n- 2023-10-01: B.\n- 2023-12-01: C.\n:::\n');
    expect(messages.map((message) => message.place)).toEqual(['3:1']);
  });

  test('should point at the item inside a box that does not start on line 1', async () => {
    const { messages } = await render('# Title\n\nSome text.\n\n:::timeline[T]\n- 2023-10-26: B.\n- 2023-10-17: A.\n:::\n');
    expect(messages.map((message) => message.place)).toEqual(['7:1']);
    expect(messages[0]?.reason).toContain('timeline item: "2023-10-17" is out of order');
  });

  test('should fail the build on an event out of order by default', async () => {
    await expect(render(':::timeline[T]\n- 2023-10-26: B.\n- 2023-10-17: A.\n:::\n', {})).rejects.toThrow(/article\.md:3:1: timeline item: "2023-10-17" is out of order/);
  });

  test('should reject an order other than asc or desc, with the attribute\'s place', async () => {
    const { messages } = await render(':::timeline[T]{order=ascending}\n- 2023-10-17: A.\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:16', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toContain('timeline: "order" must be one of asc, desc; got "ascending"');
  });

  test('should suggest the closest order for a misspelt one', async () => {
    const { messages } = await render(':::timeline[T]{order=des}\n- 2023-10-17: A.\n:::\n');
    expect(messages[0]?.reason).toContain('did you mean "desc"?');
  });

  test('should still show every event of a box whose order is invalid', async () => {
    const { tree } = await render(':::timeline[T]{order=up}\n- 2023-10-17: Attacks begin.\n- 2023-10-26: Strikes.\n:::\n');
    const box = select('section[data-fact-box="timeline"]', tree)!;
    expect(toString(box)).toContain('2023-10-17: Attacks begin.');
    expect(toString(box)).toContain('2023-10-26: Strikes.');
  });

  test('should report an item without a date at its line and still show its text', async () => {
    const { messages, tree, file } = await render(fixture('malformed'));
    expect(messages.map((message) => [message.place, message.ruleId])).toEqual([
      ['3:1', 'invalid-item'],
      ['4:1', 'invalid-item'],
    ]);
    expect(messages[0]?.reason).toContain('timeline item: an event must start with its date and a colon; got "Sometime later: no date at the start."');
    expect(messages[1]?.reason).toContain('timeline item: "2023-13-01" must be a date like 2023, 2023-11 or 2023-11-05');
    expect(messages[1]?.reason).toContain('(there is no month 13)');

    // Nothing lost: the malformed items are shown as written, in their place.
    expect(items(select('section', tree)!)).toEqual([
      { date: '17 October 2023', datetimes: ['2023-10-17'], text: 'Attacks begin.' },
      { date: undefined, datetimes: [], text: 'Sometime later: no date at the start.' },
      { date: undefined, datetimes: [], text: '2023-13-01: A month that does not exist.' },
      { date: '5 November 2023', datetimes: ['2023-11-05'], text: 'Militias vow to target the embassy.' },
    ]);
    // Only valid events become data.
    expect(dates(file.data.factBoxes?.[0]?.attributes.events as TimelineEvent[])).toEqual(['2023-10-17', '2023-11-05']);
  });

  test('should report an impossible day and an interval that ends before it starts', async () => {
    const { messages } = await render(':::timeline[T]\n- 2023-02-30: A.\n- 2023-11-05/2023-10-17: B.\n:::\n');
    expect(messages.map((message) => message.place)).toEqual(['2:1', '3:1']);
    expect(messages[0]?.reason).toContain('(February 2023 has 28 days)');
    expect(messages[1]?.reason).toContain('(it ends before it starts)');
  });

  test('should fail the build on a malformed item by default', async () => {
    await expect(render(':::timeline[T]\n- 2023-10-17: A.\n- 2023-13-01: B.\n:::\n', {})).rejects.toThrow(/article\.md:3:1: timeline item: /);
  });

  test('should report a timeline with no list at the box and keep its text', async () => {
    const { messages, tree } = await render('Intro.\n\n:::timeline[T]\nOn 17 October attacks began.\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '3:1', ruleId: 'missing-items' });
    expect(messages[0]?.reason).toContain('there is no list of events in this box');
    const box = select('section[data-fact-box="timeline"]', tree)!;
    expect(toString(box)).toContain('On 17 October attacks began.');
    expect(select('ol', box)).toBeUndefined();
  });

  test('should report an empty timeline', async () => {
    const { messages } = await render(':::timeline[T]\n:::\n');
    expect(messages.map((message) => [message.place, message.ruleId])).toEqual([['1:1', 'missing-items']]);
  });

  test('should keep text around the list as the box body', async () => {
    const { tree, file } = await render(':::timeline[T]\nWhat happened when.\n\n- 2023-10-17: A.\n:::\n');
    const box = select('section', tree)!;
    expect(toString(select('.fact-box__body', box)!).trim()).toBe('What happened when.');
    expect(selectAll('ol > li', box)).toHaveLength(1);
    expect(file.data.factBoxes?.[0]?.text).toBe('What happened when.');
  });

  test('should title a timeline without a label "Timeline"', async () => {
    const { tree, file } = await render(':::timeline\n- 2023-10-17: A.\n:::\n');
    expect(toString(select('h2', tree)!)).toBe('Timeline');
    expect(file.data.factBoxes?.[0]).toMatchObject({ id: 'timeline', title: 'Timeline' });
  });

  test('should title a timeline with an empty label (`[]`, `[ ]`) as one without: never an empty heading', async () => {
    for (const label of ['[]', '[ ]']) {
      const { tree, file } = await render(`:::timeline${label}\n- 2023-10-17: A.\n:::\n`);
      expect(toString(select('h2', tree)!)).toBe('Timeline');
      expect(file.data.factBoxes?.[0]).toMatchObject({ id: 'timeline', title: 'Timeline' });
      expect(selectAll('ol > li', tree)).toHaveLength(1);
    }
  });
});
