/**
 * The static parts of a box are serialised by fact-boxes' own fast writer;
 * it must write exactly the bytes rehype-stringify (hast-util-to-html) writes.
 */
import fc from 'fast-check';
import type { ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { serialiseHtml, writeHtml, writeStartTag } from '../../packages/fact-boxes/src/render/html.js';
import { article } from '../../bench/corpus.mjs';
import { render } from '../helpers/pipeline.js';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '<', '>', '&', '"', "'", '`', '\0', '=', '/', 'é', 'ع', '\u200f', '😀', '\n', '\t', '&amp;', '0') , maxLength: 12 });
const value = fc.oneof(text, fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(''), fc.array(text, { maxLength: 3 }), fc.constant(Number.NaN), fc.constant(null), fc.constant(undefined));
// Ordinary, boolean, overloaded boolean, space- and comma-separated properties, data-* and aria-*, and odd names.
const keys = ['className', 'id', 'href', 'dataFactBox', 'dataShare', 'ariaLabelledBy', 'ariaHidden', 'tabIndex', 'hidden', 'download', 'headers', 'accept', 'dateTime', 'cite', 'dir', 'scope', 'role', 'open', 'data-raw', 'x"y', 'onClick'];
const properties = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }) as fc.Arbitrary<Properties>;
const tags = ['p', 'span', 'div', 'dl', 'dt', 'dd', 'section', 'time', 'q', 'a', 'br', 'img', 'hr', 'table', 'td', 'th', 'script', 'style', 'svg', 'template', 'Custom'];

const { tree } = fc.letrec<{ tree: ElementContent; node: ElementContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constant('text' as const), value: text }),
    fc.record({ type: fc.constant('comment' as const), value: text }),
    tie('tree'),
  ) as fc.Arbitrary<ElementContent>,
  tree: fc.record({
    type: fc.constant('element' as const),
    tagName: fc.constantFrom(...tags),
    properties,
    children: fc.array(tie('node'), { maxLength: 3 }),
  }) as fc.Arbitrary<ElementContent>,
}));

describe('serialiseHtml', () => {
  test('should write what hast-util-to-html writes, for any tree', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 3 }), (nodes) => {
        expect(serialiseHtml(nodes)).toBe(toHtml({ type: 'root', children: nodes }));
      }),
      { numRuns: 3000 },
    );
  });

  test('should write what hast-util-to-html writes for every box of the fixtures and the bench corpus', async () => {
    const documents = [readFileSync('tests/fixtures/markdown/every-feature.md', 'utf8'), ...Array.from({ length: 8 }, (_, index) => article(index))];
    let boxes = 0;
    for (const markdown of documents) {
      const { html } = await render(markdown);
      const tree = fromHtml(html, { fragment: true });
      for (const node of tree.children) {
        if (node.type !== 'element') continue;
        boxes++;
        expect(serialiseHtml([node])).toBe(toHtml(node));
      }
    }
    expect(boxes).toBeGreaterThan(60);
  });

  test('should escape text and attribute values as rehype-stringify does', () => {
    const node: ElementContent = { type: 'element', tagName: 'q', properties: { cite: 'a"b&c\'d`e', className: ['x', 'y'], hidden: true, dataShare: 65 }, children: [{ type: 'text', value: '1 < 2 & 3 > 0 "q"' }] };
    expect(serialiseHtml([node])).toBe('<q cite="a&#x22;b&#x26;c&#x27;d&#x60;e" class="x y" hidden data-share="65">1 &#x3C; 2 &#x26; 3 > 0 "q"</q>');
  });

  test('should write a start tag as hast-util-to-html writes it, for any element (its children left out)', () => {
    fc.assert(
      fc.property(tree, (node) => {
        if (node.type !== 'element') return;
        const out: string[] = ['before'];
        writeStartTag(node, out);
        const whole = toHtml({ ...node, children: [] });
        const close = `</${node.tagName}>`;
        expect(out.join('')).toBe(`before${whole.endsWith(close) ? whole.slice(0, -close.length) : whole}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('should leave what was written before it alone when a node needs the fallback', () => {
    const out = ['<div>'];
    writeHtml([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'a' }, { type: 'comment', value: 'b' }] }], out);
    expect(out.join('')).toBe('<div><p>a<!--b--></p>');
  });
});
