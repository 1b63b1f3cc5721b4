/**
 * /facts.json: every fact box record of every article, with the page it is on.
 * The records come from the integration's site-wide store
 * (`fact-boxes/astro/records`): no article is rendered or imported again.
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { getAllFactBoxes } from 'fact-boxes/astro/records';
import { articlePath } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const entries: CollectionEntry<'articles'>[] = await getCollection('articles');
  const articles = new Map(entries.map((entry) => [entry.filePath, entry]));
  const records = [];
  for (const { file, records: onPage } of getAllFactBoxes()) {
    const entry = articles.get(file);
    if (!entry) continue; // a page of the site that is not an article (the guide's examples)
    const page = new URL(articlePath(entry), site ?? 'http://localhost/').href;
    for (const { position: _position, ...record } of onPage) {
      records.push({ ...record, url: `${page}#${record.id}`, article: { id: entry.id, title: entry.data.title, url: page } });
    }
  }
  records.sort((a, b) => a.article.id.localeCompare(b.article.id));
  return new Response(`${JSON.stringify({ records }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
