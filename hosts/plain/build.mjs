// Host suite: fact-boxes/remark without a framework. Every page in content/ is
// compiled as a user's own script would: .mdx through @mdx-js/mdx (compiled, run
// and rendered with React), .md through a plain unified pipeline
// (remark-parse, remark-directive, fact-boxes/remark, remark-rehype,
// rehype-stringify). HTML goes to dist/. An invalid box throws, uncaught.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { compile, run } from '@mdx-js/mdx';
import remarkFactBoxes from 'fact-boxes/remark';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';

const content = new URL('content/', import.meta.url);
const dist = new URL('dist/', import.meta.url);
await mkdir(dist, { recursive: true });

const markdown = unified().use(remarkParse).use(remarkDirective).use(remarkFactBoxes).use(remarkRehype).use(rehypeStringify);

for (const name of (await readdir(content)).sort()) {
  const path = new URL(name, content).pathname;
  const file = new VFile({ path, value: await readFile(path, 'utf8') });
  let html;
  if (name.endsWith('.mdx')) {
    const code = await compile(file, { outputFormat: 'function-body', remarkPlugins: [remarkFactBoxes] });
    const { default: Content } = await run(code, { ...runtime, baseUrl: import.meta.url });
    html = renderToStaticMarkup(createElement(Content));
  } else {
    html = String(await markdown.process(file));
  }
  await writeFile(new URL(name.replace(/\.mdx?$/, '.html'), dist), `<!doctype html>\n<html lang="en"><body>\n${html}\n</body></html>\n`);
}
