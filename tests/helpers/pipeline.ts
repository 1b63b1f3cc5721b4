/** Shared test pipeline: Markdown in, HTML, records and messages out. */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFactBoxes, { type RemarkFactBoxesOptions } from 'fact-boxes/remark';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';

export interface Rendered {
  html: string;
  tree: Root;
  file: VFile;
  messages: { place: string; reason: string; ruleId: string | undefined; fatal: boolean | null | undefined }[];
}

/** Render Markdown through remark-parse, fact-boxes, remark-rehype and rehype-stringify. */
export async function render(markdown: string, options: RemarkFactBoxesOptions = { onInvalid: 'warn' }, path = 'article.md'): Promise<Rendered> {
  const file = new VFile({ value: markdown, path });
  const result = await unified().use(remarkParse).use(remarkFactBoxes, options).use(remarkRehype).use(rehypeStringify).process(file);
  const html = String(result);
  return {
    html,
    tree: fromHtml(html, { fragment: true }),
    file,
    messages: file.messages.map((message) => ({
      place: `${message.line}:${message.column}`,
      reason: message.reason,
      ruleId: message.ruleId,
      fatal: message.fatal,
    })),
  };
}

// Helpers added for the spec suites (imports are hoisted; kept here so the file above stays as it was).
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/** The plain text of the first element matching `selector` (hast-util-select), or `undefined` when none does. */
export function textOf(tree: Root | Element, selector: string): string | undefined {
  const found = select(selector, tree);
  return found ? toString(found) : undefined;
}

/** Every message as `line:column [ruleId] reason`, one string each, to compare or print in a failure. */
export function describeMessages(rendered: Rendered): string[] {
  return rendered.messages.map((message) => `${message.place} [${message.ruleId}] ${message.reason}`);
}
