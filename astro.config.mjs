// The demo site. One line adds fact boxes: factBoxes() in `integrations`.
// It runs on Astro 7's default Markdown processor, Sätteri; with
// `markdown: { processor: unified() }` (from @astrojs/markdown-remark) the
// same integration uses the remark plugin instead, with the same output.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';
import { siteBoxes } from './site/boxes/index.ts';

export default defineConfig({
  site: 'https://fact-boxes.example',
  srcDir: './site',
  trailingSlash: 'ignore',
  integrations: [mdx(), factBoxes({ boxes: siteBoxes })],
  devToolbar: { enabled: false },
});
