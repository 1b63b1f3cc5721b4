import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { ACTOR_TYPES, ACTOR_TYPE_WORDS, wikidataUrl } from 'fact-boxes';
import { render } from '../helpers/pipeline.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/actor/${name}.md`, import.meta.url), 'utf8');

/** The box's label-value pairs, as [label, value] in reading order. */
function facts(box: Element): [string, string][] {
  return selectAll('dl > div', box).map((pair) => [toString(select('dt', pair)!), toString(select('dd', pair)!)]);
}

describe('actor', () => {
  test('should render an actor with its kind, name, description and facts', async () => {
    const { tree, messages } = await render(fixture('kataib-hezbollah'));
    expect(messages).toEqual([]);
    const box = select('section[data-fact-box="actor"]', tree)!;
    expect(box.properties.className).toEqual(['fact-box', 'fact-box--actor']);
    expect(box.properties.id).toBe('kata-ib-hezbollah');
    expect(box.properties.ariaLabelledBy).toEqual(['kata-ib-hezbollah-title']);
    expect(toString(select('.fact-box__kind', box)!)).toBe('Militia');
    expect(toString(select('h2#kata-ib-hezbollah-title', box)!)).toBe("Kata'ib Hezbollah");
    expect(facts(box)).toEqual([
      ['Also known as', 'KH, Hezbollah Brigades'],
      ['Backed by', 'Iran, IRGC Quds Force'],
      ['Leader', 'Abu Fadak al-Mohammadawi'],
      ['Based in', 'Jurf al-Sakhar, Iraq'],
      ['Active since', 'around 2003'],
      ['Wikidata', 'Q1143977'],
    ]);
    expect(select('[data-fact="active-since"] time', box)?.properties.dateTime).toBe('2003');
    expect(toString(select('footer', box)!)).toContain('Source: Reuters');
  });

  test('should show the description body with its inline Markdown', async () => {
    const { tree } = await render(fixture('kataib-hezbollah'));
    const body = select('section .fact-box__body', tree)!;
    expect(toString(select('em', body)!)).toBe('Islamic Resistance in Iraq');
    expect(select('a', body)?.properties.href).toBe('https://www.state.gov/');
    expect(toString(body)).toContain('Designated a terrorist organisation');
  });

  test('should link the Wikidata id to its wikidata.org page', async () => {
    const { tree } = await render(fixture('kataib-hezbollah'));
    const link = select('[data-fact="wikidata"] a', tree)!;
    expect(link.properties.href).toBe('https://www.wikidata.org/wiki/Q1143977');
    expect(toString(link)).toBe('Q1143977');
    expect(wikidataUrl('Q42')).toBe('https://www.wikidata.org/wiki/Q42');
  });

  test('should record the attributes camelCased, lists as arrays and dates parsed', async () => {
    const { file } = await render(fixture('kataib-hezbollah'));
    const record = file.data.factBoxes?.[0];
    expect(record).toMatchObject({ type: 'actor', id: 'kata-ib-hezbollah', title: "Kata'ib Hezbollah" });
    expect(record?.attributes).toEqual({
      type: 'militia',
      aliases: ['KH', 'Hezbollah Brigades'],
      backedBy: ['Iran', 'IRGC Quds Force'],
      leader: 'Abu Fadak al-Mohammadawi',
      based: 'Jurf al-Sakhar, Iraq',
      activeSince: { kind: 'date', precision: 'year', year: 2003, approximate: true, iso: '2003', raw: '2003~' },
      wikidata: 'Q1143977',
      source: 'Reuters',
      sourceUrl: 'https://www.reuters.com/world/middle-east/',
    });
    expect(record?.attributes).not.toHaveProperty('backed-by');
    expect(record?.attributes).not.toHaveProperty('active-since');
    expect(record?.text).toBe('An Iraqi Shia armed group, part of the Islamic Resistance in Iraq. Designated a terrorist organisation by the US State Department in 2009.');
  });

  test('should trim list items and drop empty ones', async () => {
    const { file } = await render(':::actor[PMF]{type=state-forces aliases=" Hashd ,  Popular Mobilization Forces,,"}\n:::\n');
    expect(file.data.factBoxes?.[0]?.attributes.aliases).toEqual(['Hashd', 'Popular Mobilization Forces']);
  });

  test('should reject an empty list', async () => {
    const { messages } = await render(':::actor[PMF]{type=state-forces aliases=" , "}\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:33', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toContain('"aliases" must be a comma-separated list');
  });

  test.each(ACTOR_TYPES.map((type) => [type, ACTOR_TYPE_WORDS[type]] as const))('should show type=%s as "%s" in the header', async (type, words) => {
    const { tree, messages, file } = await render(`:::actor[Someone]{type=${type}}\n:::\n`);
    expect(messages).toEqual([]);
    expect(toString(select('.fact-box__kind', tree)!)).toBe(words);
    expect(file.data.factBoxes?.[0]?.attributes.type).toBe(type);
  });

  test('should have words for exactly the seven types of the design', () => {
    expect([...ACTOR_TYPES]).toEqual(['person', 'government', 'state-forces', 'militia', 'rebel-group', 'political-movement', 'organization']);
    expect(Object.values(ACTOR_TYPE_WORDS)).toEqual(['Person', 'Government', 'State forces', 'Militia', 'Rebel group', 'Political movement', 'Organization']);
  });

  test('should reject an unknown type, listing the types and suggesting the closest', async () => {
    const { messages } = await render(':::actor[Kata\'ib Hezbollah]{type=milita}\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:29', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toContain(
      'actor: "type" must be one of person, government, state-forces, militia, rebel-group, political-movement, organization; got "milita"; did you mean "militia"?',
    );
    expect(messages[0]?.reason).toContain('Fix: write type="militia"');
  });

  test('should reject a type far from every type without a guess', async () => {
    const { messages } = await render(':::actor[X]{type=spaceship}\n:::\n');
    expect(messages[0]?.reason).toContain('got "spaceship"');
    expect(messages[0]?.reason).not.toContain('did you mean');
  });

  test('should require a type', async () => {
    const { messages } = await render(':::actor[Kata\'ib Hezbollah]{aliases=KH}\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:1', ruleId: 'missing-attribute' });
    expect(messages[0]?.reason).toContain('actor: "type" is required');
  });

  test('should require a label, reported at the box', async () => {
    const { messages, tree } = await render('Intro.\n\n:::actor{type=militia}\nAn armed group.\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '3:1', ruleId: 'missing-title' });
    expect(messages[0]?.reason).toContain('actor: a title is required, in brackets after the name');
    expect(messages[0]?.reason).toContain('Fix: write :::actor[Name]');
    // Nothing lost: the description is still shown.
    expect(toString(select('section', tree)!)).toContain('An armed group.');
  });

  test('should treat an empty label as missing', async () => {
    const { messages } = await render(':::actor[]{type=militia}\n:::\n');
    expect(messages.map((message) => message.ruleId)).toEqual(['missing-title']);
  });

  test('should fail the build on a missing label by default', async () => {
    await expect(render(':::actor{type=militia}\n:::\n', {})).rejects.toThrow(/article\.md:1:1: actor: a title is required/);
  });

  test('should accept a Wikidata Q-id', async () => {
    const { messages, file } = await render(':::actor[KH]{type=militia wikidata=Q1143977}\n:::\n');
    expect(messages).toEqual([]);
    expect(file.data.factBoxes?.[0]?.attributes.wikidata).toBe('Q1143977');
  });

  test.each([
    ['q12', 'the Q must be a capital'],
    ['12', 'it is not a Q-id'],
    ['Q0', 'it is not a Q-id'],
    ['Q012', 'it is not a Q-id'],
    ['Q12a', 'it is not a Q-id'],
    ['https://www.wikidata.org/wiki/Q12', 'it is not a Q-id'],
  ])('should reject wikidata=%s at the attribute', async (value, reason) => {
    const { messages, tree } = await render(`:::actor[KH]{type=militia wikidata="${value}"}\n:::\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:27', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toContain(`actor: "wikidata" must be a Wikidata item id like Q1234; got ${JSON.stringify(value)} (${reason})`);
    expect(selectAll('a[href^="https://www.wikidata.org"]', tree)).toEqual([]);
  });

  test('should reject an active-since that is not a date', async () => {
    const { messages } = await render(':::actor[KH]{type=militia active-since="the 2000s"}\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:27', ruleId: 'invalid-attribute' });
    expect(messages[0]?.reason).toContain('"active-since" must be a date like 2023, 2023-11 or 2023-11-05');
  });

  test('should report an unknown attribute with a did-you-mean', async () => {
    const { messages } = await render(':::actor[KH]{type=militia backedby=Iran}\n:::\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ place: '1:27', ruleId: 'unknown-attribute' });
    expect(messages[0]?.reason).toContain('actor: unknown attribute "backedby"; did you mean "backed-by"?');
  });

  test('should reject the camelCase spelling of an attribute', async () => {
    const { messages } = await render(':::actor[KH]{type=militia activeSince=2003}\n:::\n');
    expect(messages.map((message) => message.ruleId)).toEqual(['unknown-attribute']);
  });

  test('should leave out facts that are not given', async () => {
    const { tree, file } = await render(':::actor[Lloyd Austin]{type=person}\n:::\n');
    const box = select('section', tree)!;
    expect(select('dl', box)).toBeUndefined();
    expect(select('.fact-box__body', box)).toBeUndefined();
    expect(file.data.factBoxes?.[0]?.attributes).toEqual({ type: 'person' });
    expect(file.data.factBoxes?.[0]?.text).toBe('');
  });

  test('should record several actors in document order with distinct ids', async () => {
    const { file } = await render(fixture('article'));
    const actors = (file.data.factBoxes ?? []).filter((record) => record.type === 'actor');
    expect(actors.map((record) => [record.id, record.title, record.attributes.type])).toEqual([
      ['kata-ib-hezbollah', "Kata'ib Hezbollah", 'militia'],
      ['lloyd-austin', 'Lloyd Austin', 'person'],
    ]);
    expect(actors[0]?.position?.start).toMatchObject({ line: 3, column: 1 });
  });
});
