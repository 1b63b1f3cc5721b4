// Host suite: a minimal Starlight site. hosts/run.mjs builds it in both orders of
// the integrations (FACT_BOXES_ORDER: starlight-first or fact-boxes-first) and on
// each of Astro 7's Markdown processors (FACT_BOXES_PROCESSOR: satteri or unified).
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';

const processor = process.env.FACT_BOXES_PROCESSOR === 'unified' ? 'unified' : 'satteri';
const order = process.env.FACT_BOXES_ORDER === 'fact-boxes-first' ? 'fact-boxes-first' : 'starlight-first';
const docs = starlight({ title: 'Host suite', pagefind: false });
const variant = `${processor}-${order}`;

export default defineConfig({
  site: 'https://hosts.example',
  outDir: `./.tmp/${variant}/dist`,
  cacheDir: `./.tmp/${variant}/cache`,
  vite: { cacheDir: `./.tmp/${variant}/vite` },
  markdown: processor === 'unified' ? { processor: unified() } : {},
  integrations: order === 'fact-boxes-first' ? [factBoxes(), docs] : [docs, factBoxes()],
  devToolbar: { enabled: false },
});
