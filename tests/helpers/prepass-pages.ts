/** What the tests of the two pre-passes (MDX and Markdown pages, src/adapters/satteri-prepass*.ts) read pages from. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../robustness/documents.js';

const root = new URL('../../', import.meta.url);

/** The files of a folder of the repository whose name ends as `pattern` asks, as paths from its root. */
export const filesIn = (folder: string, pattern = /\.mdx?$/): string[] =>
  readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' }).filter((file) => pattern.test(file) && !file.includes('node_modules') && !file.includes('.tmp')).map((file) => join(folder, file));

/** Documents of prose, code, lists and boxes (no other directive, no box in a box): the pages the pre-passes are for. */
export function eligible(blocks: Block[]): Block[] {
  const plain = (block: Block) => block.kind === 'prose' || block.kind === 'heading' || block.kind === 'list' || block.kind === 'code';
  return blocks.filter((block) => plain(block) || block.kind === 'box').map((block) => (block.kind === 'box' ? { ...block, body: block.body.filter(plain) } : block));
}
