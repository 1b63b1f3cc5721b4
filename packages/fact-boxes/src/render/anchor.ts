/** Helpers for JSON-LD mappings. */
import type { FactBoxRecord } from '../boxes/define.js';

/** `https://site/page#id`, or `#id` without a page URL. */
export function anchorOf(url: string | undefined, id: string): string {
  return `${url ? url.replace(/#.*$/, '') : ''}#${id}`;
}


/** The actor box on the page that a name refers to (by title or alias), if any. */
export function findActor(records: readonly FactBoxRecord[] | undefined, name: string | undefined): FactBoxRecord | undefined {
  if (!records || !name) return undefined;
  const wanted = name.trim().toLowerCase();
  return records.find((record) => {
    if (record.type !== 'actor') return false;
    const aliases = Array.isArray(record.attributes.aliases) ? (record.attributes.aliases as string[]) : [];
    return [record.title, ...aliases].some((candidate) => candidate.trim().toLowerCase() === wanted);
  });
}

/** schema.org type of an actor record. */
export function actorSchemaType(record: FactBoxRecord): 'Person' | 'Organization' {
  return record.attributes.type === 'person' ? 'Person' : 'Organization';
}
