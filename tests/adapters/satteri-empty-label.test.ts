/**
 * A label of white space or nothing (`:::name[]`, `:::name[ ]`): micromark reads a label paragraph with the white
 * space in it; Sätteri reads it without the space, and Sätteri 0.11 leaves out the paragraph of `[]`. remark shows it
 * in a container nobody handles (`<div><p> </p></div>`), so on Sätteri the tree gets it as micromark reads it, at the
 * same places, whatever Sätteri version a site has.
 */
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directive } from 'micromark-extension-directive';
import { markdownToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { alignWithMicromark } from '../helpers/internal.js';

const micromark = (text: string) => fromMarkdown(text, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });
const satteri = (text: string) => markdownToMdast(text, { features: { directive: true }, position: true }) as unknown as Root;

/** The first node of each container in document order: the label paragraph where there is one, with its place. */
function labels(tree: Root | { children: unknown[] }): unknown[] {
  const found: unknown[] = [];
  const visit = (node: { type?: string; children?: unknown[] }) => {
    if (node.type === 'containerDirective') {
      const first = node.children?.[0] as { type: string; data?: { directiveLabel?: boolean }; children: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } } | undefined;
      found.push(first?.data?.directiveLabel ? { children: first.children, start: first.position?.start.offset, end: first.position?.end.offset } : undefined);
    }
    for (const child of node.children ?? []) visit(child as { type?: string; children?: unknown[] });
  };
  visit(tree as { children: unknown[] });
  return found;
}

const PAGES = [
  ':::timeline[]\n- 2023-10-17: A.\n:::\n',
  ':::::casualties\n::::note\n:::casualty[]\n:::\n::::\n:::::\n',
  'Intro.\n\n  :::claim[]{by="x"}\n  Said so.\n  :::\n',
  '> :::note[]\n> Text.\n> :::\n',
  ':::claim[ ]{by="x"}\nSaid.\n:::\n',
  '::::claim{by="x"}\n:::aside[ \t ]\nA note.\n:::\n::::\n',
  ':::claim[\t]{by="x"}\nSaid.\n:::\n',
  ':::claim[Title]{by="x"}\nSaid.\n:::\n',
  ':::claim{by="x"}\nSaid [] here.\n:::\n',
];

describe('a blank label on Sätteri', () => {
  test.each(PAGES)('should have the label micromark reads: %j', (text) => {
    const tree = satteri(text);
    alignWithMicromark(tree, text);
    expect(labels(tree)).toEqual(labels(micromark(text)));
  });

  test('should put back an empty label where a tree has none, and leave a tree that has one as it is', () => {
    const text = ':::casualty[]{a=1}\n:::\n';
    const position = (start: number, end: number) => ({ start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } });
    const without = { children: [{ type: 'containerDirective', name: 'casualty', attributes: { a: '1' }, children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 4, offset: 22 } } }] } as unknown as Root;
    alignWithMicromark(without, text);
    expect(labels(without)).toEqual([{ children: [], start: 11, end: 13 }]);
    expect(labels(without)).toEqual(labels(micromark(text)));
    expect((without.children[0] as { children: { position: unknown }[] }).children[0]!.position).toEqual(position(11, 13));
    alignWithMicromark(without, text);
    expect((without.children[0] as { children: unknown[] }).children).toHaveLength(1);
  });
});
