/** /facts.json: every fact box record of every article, with the page it is on. */
import type { APIRoute } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { readFactBoxes } from 'fact-boxes';
import { articlePath } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const articles: CollectionEntry<'articles'>[] = await getCollection('articles');
  articles.sort((a, b) => a.id.localeCompare(b.id));
  const records = [];
  for (const entry of articles) {
    const { remarkPluginFrontmatter } = await render(entry);
    const page = new URL(articlePath(entry), site ?? 'http://localhost/').href;
    for (const { position: _position, ...record } of readFactBoxes(remarkPluginFrontmatter)) {
      records.push({ ...record, url: `${page}#${record.id}`, article: { id: entry.id, title: entry.data.title, url: page } });
    }
  }
  return new Response(`${JSON.stringify({ records }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
