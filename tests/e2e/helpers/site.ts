/**
 * What the browser tests read: the demo site, built once with the real Astro
 * into a temporary directory (its Arabic article among its pages), plus
 * fixture pages rendered from Markdown by the remark plugin (an Arabic page,
 * right to left, in the `ar` locale) with the default theme.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkFactBoxes, { type RemarkFactBoxesOptions } from 'fact-boxes/remark';
import { astro, ROOT } from '../../site/astro-cli.ts';

export interface BuiltSite {
  /** The directory to serve. */
  root: string;
  /** Path of the article page, e.g. `/articles/iran-backed-proxies-threaten-us-embassy/`. */
  article: string;
  /** Path of the authoring guide. */
  guide: string;
  /** Path of the article's Arabic version, a page of the site wholly in Arabic. */
  arabic: string;
  /** Path of the right-to-left fixture page. */
  rightToLeft: string;
  /** Path of the index of actors (the site's entities). */
  actors: string;
  /** Path of one actor's page: every box across the site that names them. */
  actor: string;
}

/** Markdown through remark-parse, fact-boxes, remark-rehype and rehype-stringify; fails on any message. */
export async function markdownToHtml(markdown: string, path: string, options: RemarkFactBoxesOptions = {}): Promise<string> {
  const file = new VFile({ value: markdown, path });
  const result = await unified().use(remarkParse).use(remarkFactBoxes, options).use(remarkRehype).use(rehypeStringify).process(file);
  if (file.messages.length > 0) throw new Error(`${path}: ${file.messages.map(String).join('\n')}`);
  return String(result);
}

/** A page around rendered Markdown: its language and direction, the default theme, nothing else. */
export function fixturePage(body: string, { lang, dir, title }: { lang: string; dir: 'ltr' | 'rtl'; title: string }): string {
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/e2e/fact-boxes.css">
<style>body { margin: 0 auto; max-inline-size: 48rem; padding: 1rem; font-family: system-ui, sans-serif; }</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Build the demo site into a fresh temporary directory and add the fixture pages under `/e2e/`.
 *
 * @example
 *   const site = await buildSite();
 *   const server = await serveStatic(site.root);
 */
export async function buildSite(): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), 'fact-boxes-e2e-'));
  const run = await astro(['build', '--outDir', root], ROOT);
  if (run.code !== 0) throw new Error(`astro build failed (${run.code}):\n${run.output}`);
  const [slug] = readdirSync(join(root, 'articles'));
  if (!slug) throw new Error('the demo site built no article');
  const [arabic] = readdirSync(join(root, 'ar', 'articles'));
  if (!arabic) throw new Error('the demo site built no Arabic article');

  mkdirSync(join(root, 'e2e', 'right-to-left'), { recursive: true });
  copyFileSync(join(ROOT, 'packages/fact-boxes/styles.css'), join(root, 'e2e', 'fact-boxes.css'));
  const source = readFileSync(new URL('../fixtures/right-to-left.md', import.meta.url), 'utf8');
  const html = await markdownToHtml(source, 'right-to-left.md', { locale: 'ar' });
  writeFileSync(join(root, 'e2e', 'right-to-left', 'index.html'), fixturePage(html, { lang: 'ar', dir: 'rtl', title: 'صناديق الحقائق من اليمين إلى اليسار' }));

  return { root, article: `/articles/${slug}/`, guide: '/guide/', arabic: `/ar/articles/${arabic}/`, rightToLeft: '/e2e/right-to-left/', actors: '/actors/', actor: '/actors/kataib-hezbollah/' };
}
