import { CASUALTY_FIELDS, type FactBoxRecord } from 'fact-boxes';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { describeMessages, render, textOf } from '../helpers/pipeline.js';

/** A casualties box on line 3 (after an intro paragraph); its attributes start at column 15. */
function casualtiesBox(attributes: string, body = '', label = ''): string {
  return `Intro.\n\n:::casualties${label}{${attributes}}\n${body}${body === '' ? '' : '\n'}:::\n`;
}

async function renderValid(markdown: string) {
  const rendered = await render(markdown);
  expect(describeMessages(rendered)).toEqual([]);
  const records = rendered.file.data.factBoxes ?? [];
  expect(records).toHaveLength(1);
  return { ...rendered, record: records[0] as FactBoxRecord };
}

/** The text of each cell of a table row, header cell first. */
function rowText(row: Element | undefined): string[] {
  return row ? selectAll('th, td', row).map((cell) => toString(cell)) : [];
}

describe('casualties: each figure, valid', () => {
  const words = { killed: 'Killed', injured: 'Injured', missing: 'Missing', captured: 'Captured' } as const;

  test('should know the four figures, in the order they are shown', () => {
    expect(CASUALTY_FIELDS).toEqual(['killed', 'injured', 'missing', 'captured']);
  });

  test.each(
    CASUALTY_FIELDS.flatMap((field) =>
      [
        ['12', 'exact', '12', { kind: 'exact', min: 12, max: 12, best: 12, raw: '12' }],
        ['">24"', 'more-than', 'more than 24', { kind: 'more-than', min: 25, best: 24, raw: '>24' }],
        ['~30', 'about', 'about 30', { kind: 'about', best: 30, raw: '~30' }],
        ['10-15', 'range', '10 to 15', { kind: 'range', min: 10, max: 15, raw: '10-15' }],
        ['?', 'unknown', 'unknown', { kind: 'unknown', raw: '?' }],
        ['1,200', 'exact', '1,200', { kind: 'exact', min: 1200, max: 1200, best: 1200, raw: '1,200' }],
      ].map(([written, kind, text, value]) => [field, written, kind, text, value] as const),
    ),
  )('should show %s=%s in words', async (field, written, kind, text, value) => {
    const { tree, record } = await renderValid(casualtiesBox(`${field}=${written} source="the Pentagon"`));
    expect(textOf(tree, `[data-fact="${field}"] dt`)).toBe(words[field]);
    const count = select(`[data-fact="${field}"] dd .fact-box__count`, tree);
    expect(count?.properties.dataCount).toBe(kind);
    expect(toString(count!)).toBe(text);
    expect(record.attributes[field]).toEqual(value);
  });

  test('should show the figures in a fixed order whatever order they are written in', async () => {
    const { tree } = await renderValid(casualtiesBox('captured=1 missing=2 injured=3 killed=4 source="x"'));
    expect(selectAll('[data-fact]', tree).map((row) => row.properties.dataFact)).toEqual(['killed', 'injured', 'missing', 'captured']);
  });

  test('should not show a figure that was not given', async () => {
    const { tree, record } = await renderValid(casualtiesBox('killed=3 source="x"'));
    expect(select('[data-fact="injured"]', tree)).toBeUndefined();
    expect(record.attributes).not.toHaveProperty('injured');
  });

  test('should show none as "none", not as a missing figure', async () => {
    const { tree } = await renderValid(casualtiesBox('killed=none injured=0 source="x"'));
    expect(textOf(tree, '[data-fact="killed"] dd')).toBe('none');
    expect(textOf(tree, '[data-fact="injured"] dd')).toBe('none');
  });
});

describe('casualties: the other attributes, valid', () => {
  test('should show "party" and make the default title from it', async () => {
    const { tree, record } = await renderValid(casualtiesBox('injured=">24" party="US personnel" source="x"'));
    expect(textOf(tree, '[data-fact="party"] dt')).toBe('Who');
    expect(textOf(tree, '[data-fact="party"] dd')).toBe('US personnel');
    expect(textOf(tree, '.fact-box__title')).toBe('Casualties among US personnel');
    expect(record).toMatchObject({ id: 'casualties-among-us-personnel', title: 'Casualties among US personnel', attributes: { party: 'US personnel' } });
  });

  test('should show a "period" interval as two <time>s', async () => {
    const { tree, record } = await renderValid(casualtiesBox('injured=62 period=2023-10-17/2023-11-05 source="x"'));
    expect(textOf(tree, '[data-fact="period"] dt')).toBe('When');
    expect(textOf(tree, '[data-fact="period"] dd')).toBe('17 October 2023 to 5 November 2023');
    expect(selectAll('[data-fact="period"] time', tree).map((time) => time.properties.dateTime)).toEqual(['2023-10-17', '2023-11-05']);
    expect(record.attributes.period).toMatchObject({ kind: 'interval', start: { iso: '2023-10-17' }, end: { iso: '2023-11-05' }, raw: '2023-10-17/2023-11-05' });
  });

  test('should show an open "period" as "since"', async () => {
    const { tree, record } = await renderValid(casualtiesBox('injured=62 period=2023-10-17/.. source="x"'));
    expect(textOf(tree, '[data-fact="period"] dd')).toBe('since 17 October 2023');
    expect(select('[data-fact="period"] time', tree)?.properties.dateTime).toBe('2023-10-17');
    expect(record.attributes.period).toMatchObject({ kind: 'interval', end: null });
  });

  test('should show a "period" that is one date', async () => {
    const { tree } = await renderValid(casualtiesBox('killed=3 period=2024-01-28 source="x"'));
    expect(textOf(tree, '[data-fact="period"] dd')).toBe('28 January 2024');
  });

  test('should show "place"', async () => {
    const { tree, record } = await renderValid(casualtiesBox('killed=3 place="Tower 22, Jordan" source="x"'));
    expect(textOf(tree, '[data-fact="place"] dt')).toBe('Where');
    expect(textOf(tree, '[data-fact="place"] dd')).toBe('Tower 22, Jordan');
    expect(record.attributes.place).toBe('Tower 22, Jordan');
  });

  test('should show "as-of" as the date of the figures, camelCased on the record', async () => {
    const { tree, record } = await renderValid(casualtiesBox('killed=3 as-of=2024-01-29 source="x"'));
    expect(textOf(tree, '[data-fact="as-of"] dt')).toBe('Figures as of');
    expect(select('[data-fact="as-of"] time', tree)?.properties.dateTime).toBe('2024-01-29');
    expect(textOf(tree, '[data-fact="as-of"] dd')).toBe('29 January 2024');
    expect(record.attributes.asOf).toMatchObject({ iso: '2024-01-29', precision: 'day' });
    expect(record.attributes).not.toHaveProperty('as-of');
  });

  test('should show "source" in the footer, linked by "source-url"', async () => {
    const { tree, record } = await renderValid(casualtiesBox('killed=3 source="US Central Command" source-url="https://www.centcom.mil/release"'));
    expect(textOf(tree, 'footer')).toBe('Source: US Central Command (https://www.centcom.mil/release)');
    expect(select('footer a', tree)?.properties.href).toBe('https://www.centcom.mil/release');
    expect(record.attributes).toMatchObject({ source: 'US Central Command', sourceUrl: 'https://www.centcom.mil/release' });
  });

  test('should show "described-as" attributed to the source', async () => {
    const { tree, record } = await renderValid(casualtiesBox('injured=">24" described-as="light" source="the Pentagon"'));
    const characterisation = select('p.fact-box__characterisation', tree);
    expect(toString(characterisation!)).toBe('Described as light by the Pentagon.');
    // The source's own word is marked as a quotation (the browser adds the quotation marks).
    expect(textOf(characterisation!, 'q')).toBe('light');
    expect(record.attributes.describedAs).toBe('light');
  });

  test('should put the body after the figures', async () => {
    const { tree, record } = await renderValid(casualtiesBox('injured=">24" source="x"', 'Most were *minor* injuries.'));
    expect(textOf(tree, '.fact-box__body')).toBe('Most were minor injuries.');
    expect(select('.fact-box__body em', tree)).toBeDefined();
    expect(record.text).toBe('Most were minor injuries.');
  });
});

describe('casualties: invalid', () => {
  test.each<[what: string, attributes: string, place: string, ruleId: string, pieces: string[]]>([
    ['"source" missing', 'killed=3', '3:1', 'missing-attribute', ['casualties: "source" is required', 'Fix: add source="…" inside the {…} after :::casualties.']],
    ['"source" empty', 'killed=3 source=""', '3:24', 'invalid-attribute', ['"source" must be some text; got ""']],
    ['"killed" in words', 'killed="two dozen" source="x"', '3:15', 'invalid-attribute', ['casualties: "killed" must be a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none; got "two dozen" (it is not a count)', 'Fix: write it like killed="24".']],
    ['"injured" negative', 'source="x" injured=-5', '3:26', 'invalid-attribute', ['"injured" must be a count', 'got "-5" (a count cannot be negative)']],
    ['"missing" backwards range', 'source="x" missing=10-5', '3:26', 'invalid-attribute', ['got "10-5" (a range goes from the lower figure to the higher one)']],
    ['"captured" bad thousands', 'source="x" captured="1,20"', '3:26', 'invalid-attribute', ['"captured" must be a count', 'got "1,20"']],
    ['"killed" empty', 'source="x" killed=""', '3:26', 'invalid-attribute', ['got "" (the value is empty)']],
    ['"period" backwards', 'killed=3 source="x" period=2023-11-05/2023-10-17', '3:35', 'invalid-attribute', ['"period" must be a date like 2023, 2023-11 or 2023-11-05 (add ~ for "around"), or an interval like 2023-10-17/2023-11-05 or 2023-10-17/..', '(it ends before it starts)']],
    ['"as-of" invalid day', 'killed=3 source="x" as-of=2023-02-29', '3:35', 'invalid-attribute', ['"as-of" must be a date', 'got "2023-02-29" (February 2023 has 28 days)', 'Fix: write it like as-of="2023-11-05".']],
    ['"place" empty', 'killed=3 source="x" place=""', '3:35', 'invalid-attribute', ['"place" must be some text']],
    ['"described-as" empty', 'killed=3 source="x" described-as=" "', '3:35', 'invalid-attribute', ['"described-as" must be some text']],
    ['"source-url" javascript:', 'killed=3 source="x" source-url="javascript:alert(1)"', '3:35', 'invalid-attribute', ['"source-url" must be an http or https URL', 'not "javascript:"']],
    ['unknown "sorce"', 'killed=3 sorce="the Pentagon"', '3:24', 'unknown-attribute', ['unknown attribute "sorce"; did you mean "source"?', 'Fix: write source="the Pentagon".']],
    ['unknown "dead"', 'dead=3 source="x"', '3:15', 'unknown-attribute', ['unknown attribute "dead"', 'use one of: killed, injured, missing, captured, party, period, place, as-of, source, source-url, described-as']],
    ['misspelt "injuries"', 'injuries=3 source="x"', '3:15', 'unknown-attribute', ['unknown attribute "injuries"; did you mean "injured"?']],
  ])('should report %s', async (_what, attributes, place, ruleId, pieces) => {
    const rendered = await render(casualtiesBox(attributes));
    const relevant = rendered.messages.filter((message) => message.ruleId === ruleId);
    expect(relevant).toHaveLength(1);
    const [message] = relevant;
    expect(message?.place).toBe(place);
    for (const piece of pieces) expect(message?.reason).toContain(piece);
  });

  test('should refuse to build a toll without a source', async () => {
    await expect(render(casualtiesBox('killed=3'), {})).rejects.toThrow(/article\.md:3:1: casualties: "source" is required/);
  });

  test('should require at least one figure', async () => {
    const { messages } = await render(casualtiesBox('source="the Pentagon" party="US personnel"'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '3:1', ruleId: 'missing-attribute' });
    expect(messages[0]?.reason).toContain('no figure given; at least one of killed, injured, missing or captured is required (on the box or on its groups)');
    expect(messages[0]?.reason).toContain('write "?" when the figure is unknown');
  });

  test('should accept "?" as the one figure: unknown is a figure', async () => {
    const { tree } = await renderValid(casualtiesBox('killed=? source="x"'));
    expect(textOf(tree, '[data-fact="killed"] dd')).toBe('unknown');
  });
});

describe('casualties: groups and the total row', () => {
  const tollWithGroups = (...groups: string[]) => casualtiesBox('source="the Pentagon"', groups.join('\n'), '[Toll]');

  test('should show one row per group and an honest total: 3 and "2+" make at least 5', async () => {
    const { tree, record } = await renderValid(tollWithGroups('::group[US personnel]{killed=3 injured="2+"}', '::group[Contractors]{killed=2 injured=2+}'));
    const table = select('table.fact-box__table', tree)!;
    expect(rowText(select('thead tr', table))).toEqual(['Party', 'Killed', 'Injured']);
    expect(selectAll('thead th', table).every((cell) => cell.properties.scope === 'col')).toBe(true);
    const rows = selectAll('tbody tr', table);
    expect(rows.map(rowText)).toEqual([
      ['US personnel', '3', 'at least 2'],
      ['Contractors', '2', 'at least 2'],
    ]);
    expect(select('tbody th', table)?.properties.scope).toBe('row');
    expect(rowText(select('tfoot tr', table))).toEqual(['Total', '5', 'at least 4']);
    expect(record.attributes.groups).toEqual([
      { name: 'US personnel', killed: { kind: 'exact', min: 3, max: 3, best: 3, raw: '3' }, injured: { kind: 'at-least', min: 2, best: 2, raw: '2+' } },
      { name: 'Contractors', killed: { kind: 'exact', min: 2, max: 2, best: 2, raw: '2' }, injured: { kind: 'at-least', min: 2, best: 2, raw: '2+' } },
    ]);
    expect(record.attributes.total).toEqual({
      killed: { kind: 'exact', min: 5, max: 5, best: 5, raw: '5' },
      injured: { kind: 'at-least', min: 4, best: 4, raw: '4+' },
    });
  });

  test('should total 3 and "2+" as "at least 5"', async () => {
    const { tree } = await renderValid(tollWithGroups('::group[A]{injured=3}', '::group[B]{injured="2+"}'));
    expect(rowText(select('tfoot tr', tree))).toEqual(['Total', 'at least 5']);
  });

  test('should make the total unknown when a group does not give the figure, never count it as zero', async () => {
    const { tree, record } = await renderValid(tollWithGroups('::group[Soldiers]{killed=3 injured=40}', '::group[Civilians]{killed=5}'));
    expect(selectAll('tbody tr', tree).map(rowText)).toEqual([
      ['Soldiers', '3', '40'],
      ['Civilians', '5', 'not given'],
    ]);
    expect(rowText(select('tfoot tr', tree))).toEqual(['Total', '8', 'unknown']);
    expect((record.attributes.total as Record<string, unknown>).injured).toEqual({ kind: 'unknown', raw: '?' });
  });

  test('should make the total unknown when a part is "about" a figure', async () => {
    const { tree } = await renderValid(tollWithGroups('::group[A]{killed=3}', '::group[B]{killed=~10}'));
    expect(rowText(select('tfoot tr', tree))).toEqual(['Total', 'unknown']);
  });

  test('should add the bounds of ranges', async () => {
    const { tree } = await renderValid(tollWithGroups('::group[A]{killed=10-15}', '::group[B]{killed=5}'));
    expect(rowText(select('tfoot tr', tree))).toEqual(['Total', '15 to 20']);
  });

  test('should count groups as figures: no figure on the box is needed', async () => {
    const { tree } = await renderValid(tollWithGroups('::group[A]{missing=2}'));
    expect(select('dl [data-fact="missing"]', tree)).toBeUndefined();
    expect(rowText(select('thead tr', tree))).toEqual(['Party', 'Missing']);
  });

  test('should not render group lines as text, but keep the rest of the body', async () => {
    const { tree, record } = await renderValid(tollWithGroups('::group[A]{killed=1}', '', 'Figures from the Pentagon.'));
    expect(textOf(tree, '.fact-box__body')).toBe('Figures from the Pentagon.');
    expect(textOf(tree, 'section')).not.toContain('::group');
    expect(record.text).toBe('Figures from the Pentagon.');
  });

  test('should report a group without a name, an unknown figure and an invalid count, each where it is written', async () => {
    const { messages } = await render(tollWithGroups('::group[A]{killed=1}', '::group[]{kiled=1 injured=lots}'));
    expect(messages.map((message) => `${message.place} ${message.ruleId}`)).toEqual(['5:1 missing-title', '5:11 unknown-attribute', '5:19 invalid-attribute']);
    expect(messages[0]?.reason).toContain('group: a group needs a name in brackets');
    expect(messages[1]?.reason).toContain('unknown attribute "kiled"; did you mean "killed"?');
    expect(messages[2]?.reason).toContain('"injured" must be a count like 24');
    expect(messages[2]?.reason).toContain('got "lots"');
  });
});

describe('casualties: the frame', () => {
  test('should render a labelled section of type casualties', async () => {
    const { tree } = await renderValid(casualtiesBox('killed=3 source="x"', '', '[Tower 22 attack]'));
    expect(select('section', tree)?.properties).toMatchObject({
      id: 'tower-22-attack',
      className: ['fact-box', 'fact-box--casualties'],
      dataFactBox: 'casualties',
      ariaLabelledBy: ['tower-22-attack-title'],
    });
    expect(textOf(tree, '.fact-box__kind')).toBe('Casualties');
    expect(textOf(tree, 'h2#tower-22-attack-title')).toBe('Tower 22 attack');
  });
});

describe('casualties: proportional bars', () => {
  test('should give each group its share of the largest figure in its column, in steps of 5', async () => {
    const { tree } = await render(':::casualties{source="Officials"}\n::group[A]{killed=3 injured="?"}\n::group[B]{killed=6 injured=10}\n::group[C]{killed="~1"}\n:::\n');
    const rows = selectAll('tbody tr', tree);
    const shares = rows.map((row) => selectAll('td', row).map((cell) => cell.properties.dataShare ?? null));
    expect(shares).toEqual([
      ['50', null],
      ['100', '100'],
      ['15', null],
    ]);
    // The total row carries no bar.
    expect(selectAll('tfoot td[data-share]', tree)).toEqual([]);
  });
});
