import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { render } from '../helpers/pipeline.js';

describe('remark plugin', () => {
  test('should render a claim box with a labelled section', async () => {
    const { tree, file } = await render(':::claim[Vow]{by="Ashab al-Kahf"}\nWe will act.\n:::\n');
    const box = select('section[data-fact-box="claim"]', tree);
    expect(box?.properties.id).toBe('vow');
    expect(box?.properties.ariaLabelledBy).toEqual(['vow-title']);
    expect(toString(select('#vow-title', tree)!)).toBe('Vow');
    expect(file.data.factBoxes?.[0]?.attributes).toMatchObject({ by: 'Ashab al-Kahf', status: 'unverified' });
  });

  test('should throw a positioned error by default for an invalid box', async () => {
    await expect(render(':::casualties{injured="two dozen" source="x"}\n:::\n', {})).rejects.toThrow(/article\.md:1:15: casualties: "injured" must be a count/);
  });
});
