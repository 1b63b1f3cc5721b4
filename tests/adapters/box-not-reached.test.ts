/**
 * A box is never lost silently: when a plugin that runs before fact-boxes
 * takes the directives over or turns them back into text (as Starlight's
 * directive restoration does to every container it does not know), the
 * build fails at the box's line with what to change.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import type { Problem } from 'fact-boxes';
import remarkFactBoxes from 'fact-boxes/remark';
import factBoxes from 'fact-boxes/satteri';

const page = 'Intro at 10:30.\n\n:::claim[Militia vows]{by="Ashab al-Kahf"}\nWe will act.\n:::\n\n:::casualties{killed=lots source=AP}\n:::\n';

/** Like Starlight's restoration on Sätteri: every container nobody claimed becomes a plain <div>, name and attributes gone. */
function remarkRestoreContainersFirst() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node, index, parent) => {
      parent!.children[index!] = { type: 'paragraph', data: { hName: 'div' }, children: node.children as never };
    });
  };
}

async function throughRemark(markdown: string, before: boolean) {
  const file = new VFile({ value: markdown, path: 'page.md' });
  const processor = unified().use(remarkParse).use(remarkDirective);
  if (before) processor.use(remarkRestoreContainersFirst);
  processor.use(remarkFactBoxes, { onInvalid: 'warn' }).use(remarkRehype).use(rehypeStringify);
  const html = String(await processor.process(file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`), reasons: file.messages.map(String) };
}

const satteriRestoration = {
  name: 'restoration',
  containerDirective(node: { children: unknown[] }, ctx: { replaceNode(node: unknown, replacement: unknown): void }) {
    ctx.replaceNode(node, { type: 'paragraph', data: { hName: 'div' }, children: node.children });
  },
};

function throughSatteri(markdown: string, before: boolean) {
  const ours = factBoxes({ onInvalid: 'warn' });
  const result = markdownToHtml(markdown, { features: { directive: true }, mdastPlugins: [...(before ? [satteriRestoration] : []), ...ours.mdastPlugins] as never });
  if (result instanceof Promise) throw new Error('expected a synchronous compile');
  const problems = (result.data.factBoxesProblems ?? []) as Problem[];
  return { html: result.html, messages: problems.map((problem) => `${(problem.place as { line: number }).line}:${(problem.place as { column: number }).column} ${problem.ruleId}`) };
}

describe('a box that another plugin consumed first', () => {
  test('should be an error at its line on remark, saying what to change', async () => {
    const { messages, reasons } = await throughRemark(page, true);
    expect(messages).toEqual(['3:1 box-not-reached', '7:1 box-not-reached']);
    expect(reasons[0]).toMatch(/claim: this box never reached fact-boxes: a plugin that ran before it took the directive over or turned it back into text/);
  });

  test('should be an error at its line on Sätteri', () => {
    expect(throughSatteri(page, true).messages).toEqual(['3:1 box-not-reached', '7:1 box-not-reached']);
  });

  test('should fail the build by default', async () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkRestoreContainersFirst).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify);
    await expect(processor.process(new VFile({ value: page, path: 'page.md' }))).rejects.toThrow(/page\.md:3:1: claim: this box never reached fact-boxes/);
  });

  test('should not be reported when fact-boxes runs first', async () => {
    expect((await throughRemark(page, false)).messages).toEqual(['7:15 invalid-attribute']);
    expect(throughSatteri(page, false).messages).toEqual(['7:15 invalid-attribute']);
  });

  test('should say that a box line indented under a paragraph is its text, on both processors', async () => {
    const markdown = 'The vow came at 10:30.\n    :::claim[A]{by=x}\nQ\n';
    const { messages, reasons } = await throughRemark(markdown, false);
    expect(messages).toEqual(['2:5 box-in-paragraph']);
    expect(reasons[0]).toMatch(/claim: this line is read as text of the paragraph above it, not as a box/);
    expect(throughSatteri(markdown, false).messages).toEqual(['2:5 box-in-paragraph']);
  });

  test.each([
    ['a fenced code block', '```md\n:::claim[A]{by=x}\nQ\n:::\n```\n'],
    ['an indented code block', '    :::claim[A]{by=x}\n'],
    ['an HTML block', '<div>\n:::claim[A]{by=x}\n</div>\n'],
    ['a blockquote', '> :::claim[A]{by=x}\n> Q\n> :::\n'],
    ['a list item', '- item\n\n  :::claim[A]{by=x}\n  Q\n  :::\n'],
    ['a box inside a box', '::::claim[A]{by=x}\nQ\n\n:::claim[B]{by=y}\nR\n:::\n::::\n'],
    ['a code span over lines', 'Text `a\n    :::claim[A]{by=x}\nb` c\n'],
  ])('should not mistake a box line in %s for a lost box', async (_name, markdown) => {
    expect((await throughRemark(markdown, false)).messages).toEqual([]);
    expect(throughSatteri(markdown, false).messages).toEqual([]);
  });
});
