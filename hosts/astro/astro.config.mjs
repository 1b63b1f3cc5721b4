// Host suite: Astro 7 without Starlight. hosts/run.mjs builds it on each Markdown
// processor, chosen by FACT_BOXES_PROCESSOR: Astro's default (Sätteri) or unified().
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';
import { astroHostConfig } from '../astro-config.mjs';

export default defineConfig(astroHostConfig({ unified, mdx, factBoxes }));
