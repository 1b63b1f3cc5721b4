// Host suite: Astro 7 without Starlight. hosts/run.mjs builds it on each Markdown
// processor, chosen by FACT_BOXES_PROCESSOR: Astro's default (Sätteri) or unified().
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';

const processor = process.env.FACT_BOXES_PROCESSOR === 'unified' ? 'unified' : 'satteri';

export default defineConfig({
  outDir: `./.tmp/${processor}/dist`,
  cacheDir: `./.tmp/${processor}/cache`,
  vite: { cacheDir: `./.tmp/${processor}/vite` },
  markdown: processor === 'unified' ? { processor: unified() } : {},
  integrations: [mdx(), factBoxes()],
  devToolbar: { enabled: false },
});
