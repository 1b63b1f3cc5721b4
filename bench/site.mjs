// Site build: `astro build` of generated sites of N articles, in variants: Sätteri + fact-boxes,
// unified + fact-boxes, no boxes (the floor, on Sätteri and on unified), the boxes' HTML written into
// the pages with no plugin (static HTML), and the same boxes written as imported Astro components in MDX.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToHtml } from 'satteri';
import satteriFactBoxes from 'fact-boxes/satteri';
import { article, articleAsComponents, benchEntities, eachBox, stripBoxes } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');

const COMPONENTS = {
  'Claim.astro': `---\nconst { title, by } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--claim" id={id} aria-labelledby={id + '-title'}><header><p>Claim</p><h2 id={id + '-title'}>{title}</h2></header><blockquote><slot /></blockquote><dl><div><dt>Claimed by</dt><dd>{by}</dd></div></dl></section>\n`,
  'Casualties.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--casualties" id={id} aria-labelledby={id + '-title'}><header><p>Casualties</p><h2 id={id + '-title'}>{title}</h2></header><dl><div><dt>Injured</dt><dd>more than 24</dd></div></dl></section>\n`,
  'Timeline.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--timeline" id={id} aria-labelledby={id + '-title'}><header><p>Timeline</p><h2 id={id + '-title'}>{title}</h2></header><slot /></section>\n`,
  'Actor.astro': `---\nconst { title } = Astro.props;\nconst id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n---\n<section class="fact-box fact-box--actor" id={id} aria-labelledby={id + '-title'}><header><p>Actor</p><h2 id={id + '-title'}>{title}</h2></header><slot /></section>\n`,
};

const CONFIGS = {
  // Content collections of .md files, rendered by one page: the usual Astro news setup.
  'floor, .md collection': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ logLevel: 'error' });\n`,
  'static HTML, .md collection': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ logLevel: 'error' });\n`,
  'satteri + fact-boxes, .md collection': `import { defineConfig } from 'astro/config';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [factBoxes()], logLevel: 'error' });\n`,
  'satteri + fact-boxes, records as one JSON string, .md collection': `import { defineConfig } from 'astro/config';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [factBoxes({ records: 'json' })], logLevel: 'error' });\n`,
  // Each entry's records on its frontmatter as an array: the default on a site with an adapter (and on every site before they stayed in the build's store).
  'satteri + fact-boxes, records as an array, .md collection': `import { defineConfig } from 'astro/config';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [factBoxes({ records: 'objects' })], logLevel: 'error' });\n`,
  // The floor with its content store's module cut into pieces as fact-boxes cuts it (bench/store-split.mjs, a Vite
  // plugin of the site): Astro's single-file store reaches the build as one string literal, which V8 compiles in time
  // quadratic in its length (bench/profile.md). fact-boxes cuts it on its sites; this is the floor of that build.
  'floor, store split, .md collection': `import { defineConfig } from 'astro/config';\nimport storeSplit from ${JSON.stringify(new URL('./store-split.mjs', import.meta.url).href)};\nexport default defineConfig({ vite: { plugins: [storeSplit()] }, logLevel: 'error' });\n`,
  floor: `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], logLevel: 'error' });\n`,
  'satteri + fact-boxes, records as objects': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes({ records: 'objects' })], logLevel: 'error' });\n`,
  'satteri + fact-boxes': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes()], logLevel: 'error' });\n`,
  // The floor's pages (no boxes) with the integration: what fact-boxes costs the many articles of an archive that have no box.
  'satteri + fact-boxes, pages without boxes': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes()], logLevel: 'error' });\n`,
  // Each page's records on its frontmatter as one JSON string: the default on a site with an adapter (and on every site before they stayed in the build's store).
  'satteri + fact-boxes, records as one JSON string': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes({ records: 'json' })], logLevel: 'error' });\n`,
  'satteri + fact-boxes, 300 entities': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx(), factBoxes({ entities: ${JSON.stringify(benchEntities())}, entityUrl: (id) => '/actors/' + id + '/' })], logLevel: 'error' });\n`,
  'unified + fact-boxes': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { unified } from '@astrojs/markdown-remark';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ markdown: { processor: unified() }, integrations: [mdx(), factBoxes()], logLevel: 'error' });\n`,
  // The floor of the unified row: the same MDX pages through `processor: unified()`, boxes taken out.
  'floor, unified': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport { unified } from '@astrojs/markdown-remark';\nexport default defineConfig({ markdown: { processor: unified() }, integrations: [mdx()], logLevel: 'error' });\n`,
  'floor, mdx optimize': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx({ optimize: true })], logLevel: 'error' });\n`,
  'satteri + fact-boxes, mdx optimize': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport factBoxes from 'fact-boxes/astro';\nexport default defineConfig({ integrations: [mdx({ optimize: true }), factBoxes()], logLevel: 'error' });\n`,
  'static HTML': `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], logLevel: 'error' });\n`,
  components: `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], logLevel: 'error' });\n`,
};

/**
 * Each box as the HTML fact-boxes renders for it, written into the page by hand, with no plugin at
 * build time: what the same HTML costs a site as strings in its pages (`bench/html-outside.mjs` reads them from outside the modules).
 * In MDX one `<Fragment set:html>` each; in `.md` one raw HTML block (no blank line inside).
 */
function boxesAsHtml(text, form) {
  return eachBox(text, (box) => {
    const html = markdownToHtml(box, { features: { directive: true }, ...satteriFactBoxes() }).html.trim().replace(/\n+/g, '\n');
    return form === 'mdx' ? `<Fragment set:html={${JSON.stringify(html)}} />\n` : `${html}\n`;
  });
}

const COLLECTION_CONFIG = `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/articles' }) }) };\n`;
const COLLECTION_PAGE = `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{entry.id}</title></head><body><main><Content /></main></body></html>\n`;

function generateCollection(dir, variant, count) {
  mkdirSync(join(dir, 'src', 'content', 'articles'), { recursive: true });
  writeFileSync(join(dir, 'src', 'content.config.ts'), COLLECTION_CONFIG);
  writeFileSync(join(dir, 'src', 'pages', 'articles', '[slug].astro'), COLLECTION_PAGE);
  for (let index = 0; index < count; index++) {
    let body = article(index);
    if (variant.startsWith('floor')) body = stripBoxes(body);
    if (variant.startsWith('static HTML')) body = boxesAsHtml(body, 'md');
    writeFileSync(join(dir, 'src', 'content', 'articles', `${index}.md`), `---\ntitle: Article ${index}\n---\n${body}`);
  }
}

export function generate(variant, count) {
  const dir = join(work, `${variant.replace(/[^a-z]+/g, '-')}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages', 'articles'), { recursive: true });
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIGS[variant]);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  for (const [name, source] of Object.entries(COMPONENTS)) writeFileSync(join(dir, 'src', 'components', name), source);
  const imports = Object.keys(COMPONENTS).map((name) => `import ${name.replace('.astro', '')} from '../../components/${name}';`).join('\n');
  if (variant.endsWith('.md collection')) {
    generateCollection(dir, variant, count);
    return dir;
  }
  for (let index = 0; index < count; index++) {
    let body = article(index);
    if (variant.startsWith('floor') || variant.endsWith('pages without boxes')) body = stripBoxes(body);
    if (variant === 'static HTML') body = boxesAsHtml(body, 'mdx');
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

/**
 * Build one generated site in a child process; seconds, peak memory (MiB) and output sizes.
 * `again`: build the site generated by the last call once more, unchanged (content layer cache warm).
 */
export function buildSite(variant, count, { again = false } = {}) {
  const dir = again ? join(work, `${variant.replace(/[^a-z]+/g, '-')}-${count}`) : generate(variant, count);
  const script = `const { build } = await import('astro'); const t = performance.now(); await build({ root: ${JSON.stringify(dir)}, logLevel: 'error' }); console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  const result = JSON.parse(out.trim().split('\n').pop());
  const dist = join(dir, 'dist');
  return { variant: again ? `${variant}, second build` : variant, count, ...result, pagesPerSecond: count / result.seconds, htmlBytes: sizeOf(dist, (name) => name.endsWith('.html')), jsBytes: sizeOf(dist, (name) => name.endsWith('.js')) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10);
  for (const variant of Object.keys(CONFIGS)) console.log(JSON.stringify(buildSite(variant, count)));
}
