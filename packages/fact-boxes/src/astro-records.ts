/**
 * `fact-boxes/astro/records`: every record of every page of an Astro site,
 * and the site's entities, for endpoints and pages, without rendering any
 * entry again. The integration fills a store as Markdown and MDX files go
 * through the Markdown processor (in the same process as the build), and
 * keeps it in its cache folder between builds, so entries Astro takes from
 * its content cache keep their records.
 *
 * @example
 *   import { getAllFactBoxes } from 'fact-boxes/astro/records';
 *   for (const page of getAllFactBoxes()) page.file; page.records;
 */
import type { FactBoxRecord } from './boxes/define.js';
import type { Entity } from './entities/entity.js';
import { recordsOf, siteStore, type EntityMention, type FactBoxPage } from './outputs/site-store.js';

export type { EntityMention, FactBoxPage };

/**
 * Every page's records, by file, in file order. Records keep their
 * `position` and `entities`; nothing is rendered.
 *
 * @example
 *   const pages = getAllFactBoxes();
 *   const records = pages.flatMap((page) => page.records);
 */
export function getAllFactBoxes(): FactBoxPage[] {
  const store = siteStore();
  return [...store.pages.keys()].sort().map((file) => ({ file, records: recordsOf(store, file) ?? [] }));
}

/** The records of one file (`entry.filePath` of a content collection entry), or `[]`. */
export function getFactBoxes(file: string): FactBoxRecord[] {
  return recordsOf(siteStore(), file.replaceAll('\\', '/').replace(/^\.\//, '')) ?? [];
}

/** The site's entities, as the integration read them (the `entities` option or folder). */
export function getEntities(): Entity[] {
  return siteStore().entities;
}

/**
 * The boxes that name each entity, across the site, in file and document
 * order: one pass over every record, remembered until a page changes.
 *
 * @example
 *   getEntityMentions().get('kataib-hezbollah') // [{ file, record, attributes: ['by'] }, …]
 */
export function getEntityMentions(): Map<string, EntityMention[]> {
  const store = siteStore();
  if (store.byEntity?.version === store.version) return store.byEntity.mentions;
  const mentions = new Map<string, EntityMention[]>();
  for (const { file, records } of getAllFactBoxes()) {
    for (const record of records) {
      if (!record.entities) continue;
      const byId = new Map<string, string[]>();
      for (const [attribute, id] of Object.entries(record.entities)) {
        const list = byId.get(id);
        if (list) list.push(attribute);
        else byId.set(id, [attribute]);
      }
      for (const [id, attributes] of byId) {
        let list = mentions.get(id);
        if (!list) mentions.set(id, (list = []));
        list.push({ file, record, attributes });
      }
    }
  }
  store.byEntity = { version: store.version, mentions };
  return mentions;
}
