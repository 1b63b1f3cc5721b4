// The demo site. One line adds fact boxes: factBoxes() in `integrations`.
// It runs on Astro 7's default Markdown processor, Sätteri; with
// `markdown: { processor: unified() }` (from @astrojs/markdown-remark) the
// same integration uses the remark plugin instead, with the same output.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';
import { siteBoxes } from './site/boxes/index.ts';
import { actorPath } from './site/lib/actors.ts';

export default defineConfig({
  site: 'https://fact-boxes.example',
  srcDir: './site',
  trailingSlash: 'ignore',
  // Actors are defined once, in site/content/entities/ (read by the integration, and a content
  // collection for the pages); boxes that name one link to its page at /actors/<id>/.
  integrations: [mdx(), factBoxes({ boxes: siteBoxes, entityUrl: actorPath })],
  devToolbar: { enabled: false },
});
