/**
 * An MDX page's boxes read without its prose (src/adapters/satteri-boxes-alone.ts), as the pre-pass reads them:
 * where it reads them alone, it reads what reading the whole page gives, to the offset; where the prose around a
 * box could change what it is, it leaves the page to be read whole.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast, type Features } from 'satteri';
import { describe, expect, test } from 'vitest';
import { article } from '../../bench/corpus.mjs';
import { readBoxesAlone } from '../helpers/internal.js';
import { documentArbitrary, toMarkdown } from '../robustness/documents.js';

const FEATURES: Features[] = [{ gfm: true }, { gfm: true, smartPunctuation: true }];

type Node = { type: string; children?: Node[] };

/** The page's boxes as reading the whole page gives them: at its top, or inside JSX elements there. */
function boxesOfPage(text: string, features: Features): Node[] | undefined {
  let tree: Node;
  try {
    tree = mdxToMdast(text, { features: { ...features, directive: true }, position: true }) as unknown as Node;
  } catch {
    return undefined;
  }
  const boxes: Node[] = [];
  const collect = (children: readonly Node[]) => {
    for (const node of children) {
      if (node.type === 'containerDirective') boxes.push(node);
      else if (node.type === 'mdxJsxFlowElement') collect(node.children ?? []);
    }
  };
  collect(tree.children ?? []);
  return boxes;
}

/** The boxes read alone, or `undefined` where the page is to be read whole. */
const alone = (text: string, features: Features = FEATURES[0]!) => readBoxesAlone(text, features)?.children as Node[] | undefined;

/** Whether reading the boxes alone gave what reading the page gives; `false` where it left the page to be read whole. */
function readAloneAsWhole(text: string): boolean {
  let readAlone = false;
  for (const features of FEATURES) {
    const boxes = alone(text, features);
    if (!boxes) continue;
    readAlone = true;
    expect(boxes, text).toEqual(boxesOfPage(text, features));
  }
  return readAlone;
}

const root = new URL('../../', import.meta.url);
const filesIn = (folder: string): string[] => readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' }).filter((file) => /\.mdx?$/.test(file) && !file.includes('node_modules')).map((file) => join(folder, file));
const FILES = [...filesIn('tests/fixtures/'), ...filesIn('tests/robustness/fixtures/'), ...filesIn('site/examples/')];

describe('boxes read alone are the boxes of the page', () => {
  test('every fixture read alone gives the boxes reading the whole page gives, and many are read alone', () => {
    let readAlone = 0;
    for (const file of FILES) if (readAloneAsWhole(readFileSync(new URL(file, root), 'utf8'))) readAlone++;
    expect(readAlone).toBeGreaterThanOrEqual(15);
  });

  test.each(Array.from({ length: 6 }, (_, index) => index))('bench article %i: read alone, the same boxes at the same places', (index) => {
    expect(readAloneAsWhole(article(index))).toBe(true);
  });

  const READ_ALONE: [what: string, text: string][] = [
    ['boxes after headings, prose, lists, quotes and JSX on one line', '# News\n\nAt 10:30 {1 + 1} <abbr title="x">WHO</abbr>.\n\n- one\n- two\n\n> A quote\n\n<Figure src="a.jpg" alt="A > B" />\n\n:::claim[Vow]{by="x"}\nQuote at 3:1.\n:::\n'],
    ['a box right after another, and prose right after it', ':::actor[A]{type=militia}\nA group.\n:::\n:::claim{by="x"}\nQuote.\n:::\nAfter it.\n'],
    ['boxes inside a JSX element', '<div class="actors">\n\n:::actor[Militia]{type=militia}\nA group.\n:::\n\n</div>\n'],
    ['code, braces and backticks inside a box', ':::timeline[Days]\n- 2023-10-17: Attacks `{` begin.\n\n  ```js\n  const a = `x`;\n  ```\n:::\n'],
    ['CRLF line endings', 'Before.\r\n\r\n:::claim[Vow]{by="x"}\r\nIt said so.\r\n:::\r\n\r\nAfter.\r\n'],
    ['imports and exports on a line each', 'import Chart from "./chart.astro";\nexport const meta = { section: "world" };\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a closing fence longer than the opening', '::::claim{by="x"}\nQuote.\n:::::\n'],
  ];

  test.each(READ_ALONE)('read alone: %s', (_what, text) => {
    expect(readAloneAsWhole(text)).toBe(true);
  });

  // Where the lines around a box decide what it is, or whether it is one at all: the page is read whole.
  const READ_WHOLE: [what: string, text: string][] = [
    ['a box in a JSX comment', 'Before.\n\n{/*\n\n:::claim{by="x"}\nQuote.\n:::\n\n*/}\n'],
    ['a box in an expression over several lines', '{[\n\n:::claim{by="x"}\nQuote.\n:::\n\n]}\n'],
    ['a box in a template string', 'export const text = `\n\n:::claim{by="x"}\nQuote.\n:::\n\n`;\n'],
    ['a box in fenced code', '```md\n\n:::claim{by="x"}\nQuote.\n:::\n\n```\n'],
    ['a box in a JSX attribute over several lines', '<Note text="\n\n:::claim{by=\'x\'}\nQuote.\n:::\n\n" />\n'],
    ['a box in a tag whose first line ends inside quotes', '<Note text="a>\n\n:::claim{by=\'x\'}\nQuote.\n:::\n\n" />\n'],
    ['a box right after a paragraph', 'Before at 10:30.\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a definition', ':::claim{by="x"}\nAs [the report][r] says.\n:::\n\n[r]: https://example.com/report\n'],
    ['a footnote', ':::claim{by="x"}\nAs reported.[^1]\n:::\n\n[^1]: The report.\n'],
    ['a box indented', 'Before.\n\n  :::claim{by="x"}\n  Quote.\n  :::\n'],
    ['a box inside a box', ':::actor[A]{type=militia}\nText.\n\n:::claim{by="x"}\nQuote.\n:::\n\n:::\n'],
    ['a box never closed', ':::claim{by="x"}\nQuote.\n'],
    ['a closing fence shorter than the opening', '::::claim{by="x"}\nQuote.\n:::\n::::\n'],
    ['a carriage return alone ending a line', 'Before.\rAfter.\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['a carriage return alone before a box line', 'Before.\r:::claim{by="x"}\nQuote.\n:::\n'],
    ['a byte order mark', '\uFEFFBefore.\n\n:::claim{by="x"}\nQuote.\n:::\n'],
    ['no box', 'Prose at 10:30.\n'],
  ];

  test.each(READ_WHOLE)('read whole: %s', (_what, text) => {
    expect(alone(text)).toBeUndefined();
  });

  test('what reading a box alone would have got wrong: a box in a JSX comment or a template string is none', () => {
    for (const index of [0, 2]) expect(boxesOfPage(READ_WHOLE[index]![1], FEATURES[0]!)).toEqual([]);
  });
});

describe('generated pages (fast-check)', () => {
  test('boxes read alone are the boxes of the page, to the offset', () => {
    let readAlone = 0;
    let pages = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('valid' as const, 'mixed' as const).chain((mode) => documentArbitrary(mode)),
        fc.constantFrom('\n' as const, '\r\n' as const),
        // Sometimes a carriage return alone somewhere in the page, which Sätteri takes for a line ending.
        fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
        (blocks, lineEnding, carriageReturnAt) => {
          // U+0000 as micromark reads it (U+FFFD; Sätteri drops it).
          let text = toMarkdown(blocks, lineEnding).markdown.replaceAll('\0', '\uFFFD');
          if (carriageReturnAt !== null) {
            const at = carriageReturnAt % (text.length + 1);
            text = `${text.slice(0, at)}\r${text.slice(at)}`;
          }
          pages++;
          if (readAloneAsWhole(text)) readAlone++;
        },
      ),
      { numRuns: 3 * Number(process.env.FACT_BOXES_PROPERTY_RUNS ?? 300) },
    );
    // The generator is hostile (box lines in code and prose, boxes in boxes); a reader that gave up on every page
    // would test nothing here.
    expect(readAlone / pages).toBeGreaterThan(0.05);
  });
});
