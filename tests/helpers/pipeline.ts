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
