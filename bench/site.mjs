// Site build: `astro build` of generated sites of N articles, in four variants:
// Sätteri + fact-boxes, unified + fact-boxes, Sätteri with no boxes (the floor),
// and the same boxes written as imported Astro components in MDX.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { article, articleAsComponents } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');

const COMPONENTS = {
  'Claim.astro': `---\nconst { title, by } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--claim" id={id} aria-labelledby={id + '-title'}><header><p>Claim</p><h2 id={id + '-title'}>{title}</h2></header><blockquote><slot /></blockquote><dl><div><dt>Claimed by</dt><dd>{by}</dd></div></dl></section>\n`,
  'Casualties.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--casualties" id={id} aria-labelledby={id + '-title'}><header><p>Casualties</p><h2 id={id + '-title'}>{title}</h2></header><dl><div><dt>Injured</dt><dd>more than 24</dd></div></dl></section>\n`,
  'Timeline.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--timeline" id={id} aria-labelledby={id + '-title'}><header><p>Timeline</p><h2 id={id + '-title'}>{title}</h2></header><slot /></section>\n`,
  'Actor.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--actor" id={id} aria-labelledby={id + '-title'}><header><p>Actor</p><h2 id={id + '-title'}>{title}</h2></header><slot /></section>\n`,
};

const CONFIGS = {
  floor: `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], logLevel: 'error' });\n`,
  'satteri + fact-boxes': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes()], logLevel: 'error' });\n`,
  'unified + fact-boxes': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { unified } from '@astrojs/markdown-remark';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ markdown: { processor: unified() }, integrations: [mdx(), factBoxes()], logLevel: 'error' });\n`,
  'floor, mdx optimize': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx({ optimize: true })], logLevel: 'error' });\n`,
  'satteri + fact-boxes, mdx optimize': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx({ optimize: true }), factBoxes()], logLevel: 'error' });\n`,
  components: `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], logLevel: 'error' });\n`,
};

function stripBoxes(text) {
  return text.replace(/\n:::[a-z]+[\s\S]*?\n:::\n/g, '\n');
}

function generate(variant, count) {
  const dir = join(work, `${variant.replace(/[^a-z]+/g, '-')}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages', 'articles'), { recursive: true });
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIGS[variant]);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  for (const [name, source] of Object.entries(COMPONENTS)) writeFileSync(join(dir, 'src', 'components', name), source);
  const imports = Object.keys(COMPONENTS).map((name) => `import ${name.replace('.astro', '')} from '../../components/${name}';`).join('\n');
  for (let index = 0; index < count; index++) {
    let body = article(index);
    if (variant.startsWith('floor')) body = stripBoxes(body);
    if (variant === 'components') body = `${imports}\n\n${articleAsComponents(index)}`;
    writeFileSync(join(dir, 'src', 'pages', 'articles', `${index}.mdx`), body);
  }
  return dir;
}

function sizeOf(dir, test) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) total += sizeOf(path, test);
    else if (test(name)) total += info.size;
  }
  return total;
}

/** Build one generated site in a child process; seconds, peak memory (MiB) and output sizes. */
export function buildSite(variant, count) {
  const dir = generate(variant, count);
  const script = `const { build } = await import('astro'); const t = performance.now(); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  const result = JSON.parse(out.trim().split('\n').pop());
  const dist = join(dir, 'dist');
  return { variant, count, ...result, pagesPerSecond: count / result.seconds, htmlBytes: sizeOf(dist, (name) => name.endsWith('.html')), jsBytes: sizeOf(dist, (name) => name.endsWith('.js')) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10);
  for (const variant of Object.keys(CONFIGS)) console.log(JSON.stringify(buildSite(variant, count)));
}
