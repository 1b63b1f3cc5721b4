/**
 * The records of a page, however the Astro integration put them on its
 * frontmatter (`records` option): as an array, as one JSON string, or as the
 * page's place in the build's own store, which cost a large site less memory
 * in that order (bench/profile.md).
 */
import type { FactBoxRecord } from '../boxes/define.js';
import { recordsJson, storedRecords } from './site-store.js';

/**
 * How records go on a page's frontmatter: an array, one JSON string, the
 * page's place in the Astro integration's store (`{ file }`), or not at all.
 */
export type FrontmatterRecords = 'objects' | 'json' | 'store' | false;

/** What the frontmatter holds with `records: 'store'`: the page's file, as the store keys it. */
export interface StoredRecordsPlace {
  file: string;
}

/**
 * The value to put on the frontmatter as `factBoxes`. `'store'` needs the
 * file the store keeps the records under; a page without records, or one
 * the store does not keep, gets them as JSON.
 */
export function recordsForFrontmatter(records: FactBoxRecord[], form: FrontmatterRecords, storedAs?: string): FactBoxRecord[] | StoredRecordsPlace | string | undefined {
  if (form === false) return undefined;
  if (form === 'store' && storedAs !== undefined && records.length > 0) return { file: storedAs };
  const json = recordsJson(records);
  // As objects, a copy read back from the JSON: the records' strings are often slices of the
  // document's source, and a host that keeps the frontmatter (a content collection's store) would
  // keep every source whole with them.
  return form === 'objects' ? (JSON.parse(json) as FactBoxRecord[]) : json;
}

function isStoredRecordsPlace(value: unknown): value is StoredRecordsPlace {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { file?: unknown }).file === 'string';
}

/**
 * The records on a page's frontmatter, as an array, whichever form the
 * integration wrote them in. Records in the build's store (`{ file }`) are
 * read from it: they can be read while the build renders pages, not in
 * another process.
 *
 * @example
 *   const records = readFactBoxes(remarkPluginFrontmatter);
 */
export function readFactBoxes(frontmatter: { factBoxes?: unknown } | undefined): FactBoxRecord[] {
  const value = frontmatter?.factBoxes;
  if (typeof value === 'string') return JSON.parse(value) as FactBoxRecord[];
  if (isStoredRecordsPlace(value)) return storedRecords(value.file);
  return Array.isArray(value) ? (value as FactBoxRecord[]) : [];
}
