// The demo site. One line adds fact boxes: factBoxes() in `integrations`.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';
import { siteBoxes } from './site/boxes/index.ts';

export default defineConfig({
  site: 'https://fact-boxes.example',
  srcDir: './site',
  trailingSlash: 'ignore',
  // fact-boxes runs on the unified (remark) processor; Astro 7's default, Sätteri, is not supported yet.
  markdown: { processor: unified() },
  integrations: [mdx(), factBoxes({ boxes: siteBoxes })],
  devToolbar: { enabled: false },
});
