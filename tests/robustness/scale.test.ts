/**
 * Size: a 10 MB article and one with 10,000 boxes are processed whole, and the
 * plugin's work grows linearly with the input. Work is counted (see work.ts),
 * never timed: the same input always gives the same count, on any machine.
 * A linear step gives a ratio of 2 when the input doubles, a quadratic one 4;
 * the bound, 2.5, leaves room for fixed costs without letting n² through.
 */
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { render } from '../helpers/pipeline.js';
import { pluginWork } from './work.js';

const LINEAR = 2.5;
// The two whole-document tests take about a minute on an idle machine and several on a loaded one:
// their limit is generous, since what they check is counted work and output, never time.
const WHOLE_DOCUMENT_TIMEOUT = 600_000;

/** The ratio of the plugin's work on `make(2n)` to its work on `make(n)`. */
function growth(make: (n: number) => string, n: number): { ratio: number; small: number; large: number } {
  pluginWork(make(8)); // settle one-time costs (schemas compiled on first use) before counting
  const small = pluginWork(make(n)).work;
  const large = pluginWork(make(2 * n)).work;
  return { ratio: large / small, small, large };
}

const claims = (n: number) => Array.from({ length: n }, (_, i) => `:::claim[Statement ${i}]{by="Speaker ${i}" date=2023-11-05}\nSaid at 10:30 that re:Invent is on.\n:::\n`).join('\n');
const sameTitle = (n: number) => Array.from({ length: n }, () => `:::claim{by="Ashab al-Kahf"}\nWe will act.\n:::\n`).join('\n');
const broken = (n: number) =>
  Array.from({ length: n }, (_, i) => `:::casualties{killed="two dozen" injuerd=3 #dup}\n::group[Party ${i}]{killed=x}\n:::\n\n:::claim {by="x"}\n\n:::casualty[Near miss]\n:::\n`).join('\n');
const timelineItems = (n: number) => `:::timeline\n${Array.from({ length: n }, (_, i) => `- ${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}: Event ${i} at 10:30.`).join('\n')}\n:::\n`;
const groups = (n: number) => `:::casualties{source="Ministry"}\n${Array.from({ length: n }, (_, i) => `::group[Party ${i}]{killed="${i}+" injured="~${i}"}`).join('\n')}\n:::\n`;
const prose = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i}: at 10:30 the score was 3:1 at re:Invent; see https://example.com/a:b, Note:this and :smile:.`).join('\n\n');
const attributesOnOneLine = (n: number) => `:::claim{by="x" ${Array.from({ length: n }, (_, i) => `typo${i}="v"`).join(' ')}}\nQuote.\n:::\n`;
const deepSameFences = (n: number) => `${Array.from({ length: n }, (_, i) => `:::claim[Level ${i}]{by="x"}\nSays ${i}.\n`).join('\n')}\n`;

describe('scale', () => {
  test.each([
    ['boxes with their own titles', claims, 1000],
    ['boxes that all have the same title (ids de-duplicated)', sameTitle, 1000],
    ['invalid boxes, broken opening lines and near-miss names', broken, 500],
    ['timeline events', timelineItems, 1000],
    ['casualty groups', groups, 1000],
    ['prose with colons to restore', prose, 1000],
    ['unknown attributes on one opening line', attributesOnOneLine, 500],
  ])('should do linear work for %s', (_, make, n) => {
    const { ratio, small, large } = growth(make, n);
    expect(ratio, `work ${small} for n=${n}, ${large} for n=${2 * n}`).toBeLessThan(LINEAR);
    expect(ratio).toBeGreaterThan(1.5); // the measure sees the input at all
  });

  test('should do work linear in size for unclosed boxes, which nest each inside the previous', () => {
    // Each unclosed box runs on into the next, so n of them are n deep: the plugin must not re-read
    // the document for each level. (The parser itself is slower here, so n stays small.)
    const { ratio, small, large } = growth(deepSameFences, 100);
    expect(ratio, `work ${small} for 100, ${large} for 200`).toBeLessThan(LINEAR);
  });

  test('should process a document with 10,000 boxes: every record, every section, every id unique, in linear work', async () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        switch (i % 4) {
          case 0:
            return `:::claim{by="Speaker ${i % 7}"}\nSaid at 10:30.\n:::\n`;
          case 1:
            return `:::casualties{source="Ministry" killed="${i}"}\n::group[North]{killed="${i}"}\n:::\n`;
          case 2:
            return `:::timeline\n- 2023-10-17: Attacks begin.\n- 2023-10-26: Strikes.\n:::\n`;
          default:
            return `:::actor[Group ${i % 13}]{type="militia"}\nA group.\n:::\n`;
        }
      }).join('\n');
    const { ratio, small, large } = growth(make, 5000);
    expect(ratio, `work ${small} for 5,000 boxes, ${large} for 10,000`).toBeLessThan(LINEAR);

    const { file, tree, html } = await render(make(10_000), {});
    const records = file.data.factBoxes ?? [];
    expect(records).toHaveLength(10_000);
    expect(file.messages).toEqual([]);
    expect(selectAll('section[data-fact-box]', tree)).toHaveLength(10_000);
    const ids = selectAll('[id]', tree).map((element) => String(element.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    // The last box is the nth actor titled "Group 2": its id says so.
    const nth = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 4 === 3 && i % 13 === 9_999 % 13).length;
    expect(records.at(-1)).toMatchObject({ type: 'actor', title: 'Group 2', id: `group-2-${nth}` });
    expect(html.length).toBeGreaterThan(make(10_000).length);
  }, WHOLE_DOCUMENT_TIMEOUT);

  test('should process a 10 MB document whole, keeping every paragraph, in linear work', async () => {
    const paragraph = (i: number) => `Paragraph ${i}: at 10:30 the score was 3:1 at re:Invent, https://example.com/a:b and mailto:desk; nothing here is a box but the few below.`;
    const make = (bytes: number) => {
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < bytes; i++) {
        const part = i % 500 === 499 ? `:::claim[Claim ${i}]{by="Speaker"}\n${paragraph(i)}\n:::` : paragraph(i);
        parts.push(part);
        size += part.length + 2;
      }
      return parts.join('\n\n');
    };
    const tenMegabytes = make(10 * 1024 * 1024);
    expect(tenMegabytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const paragraphs = tenMegabytes.split('\n\n').length;

    // Counted on 2.5 and 5 MB: counting slows the run, and the ratio is what matters.
    const quarter = pluginWork(make(2.5 * 1024 * 1024));
    const half = pluginWork(make(5 * 1024 * 1024));
    expect(half.work / quarter.work, `work ${quarter.work} for 2.5 MB, ${half.work} for 5 MB`).toBeLessThan(LINEAR);

    // The whole pipeline, as a site would run it.
    const { file, html } = await render(tenMegabytes, {});
    expect(file.messages).toEqual([]);
    expect(file.data.factBoxes).toHaveLength(Math.floor(paragraphs / 500));
    expect(html.match(/<p>Paragraph \d+: at 10:30 the score was 3:1 at re:Invent, https:\/\/example\.com\/a:b and mailto:desk;/g)).toHaveLength(paragraphs);
    expect(html).toContain(`<p>Paragraph ${paragraphs - 1}: at 10:30`);
  }, WHOLE_DOCUMENT_TIMEOUT);
});
