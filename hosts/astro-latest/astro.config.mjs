// Host suite: hosts/astro's pages on the latest Astro 7 (Sätteri 0.11), built by hosts/run.mjs with this
// site's own Node 24 on each Markdown processor, chosen by FACT_BOXES_PROCESSOR.
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import factBoxes from 'fact-boxes/astro';
import { astroHostConfig } from '../astro-config.mjs';

export default defineConfig(astroHostConfig({ unified, mdx, factBoxes }, { srcDir: '../astro/src' }));
