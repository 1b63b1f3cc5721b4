/**
 * The records of a page, however the Astro integration put them on its
 * frontmatter (`records` option): as an array, or as one JSON string, which
 * costs a large site far less memory (bench/profile.md).
 */
import type { FactBoxRecord } from '../boxes/define.js';

/** How records go on a page's frontmatter: an array, one JSON string, or not at all. */
export type FrontmatterRecords = 'objects' | 'json' | false;

/** Each page's records as JSON, written once for the frontmatter and the site-wide store alike. */
const written = new WeakMap<readonly FactBoxRecord[], string>();

/**
 * A page's records as one JSON string (remembered for the same array, which
 * the integration puts on the frontmatter and in its store).
 */
export function recordsJson(records: readonly FactBoxRecord[]): string {
  let json = written.get(records);
  if (json === undefined) written.set(records, (json = JSON.stringify(records)));
  return json;
}

/** The value to put on the frontmatter as `factBoxes`. */
export function recordsForFrontmatter(records: FactBoxRecord[], form: FrontmatterRecords): FactBoxRecord[] | string | undefined {
  if (form === false) return undefined;
  const json = recordsJson(records);
  // As objects, a copy read back from the JSON: the records' strings are often slices of the
  // document's source, and a host that keeps the frontmatter (a content collection's store) would
  // keep every source whole with them.
  return form === 'json' ? json : (JSON.parse(json) as FactBoxRecord[]);
}

/**
 * The records on a page's frontmatter, as an array, whichever form the
 * integration wrote them in.
 *
 * @example
 *   const records = readFactBoxes(remarkPluginFrontmatter);
 */
export function readFactBoxes(frontmatter: { factBoxes?: unknown } | undefined): FactBoxRecord[] {
  const value = frontmatter?.factBoxes;
  if (typeof value === 'string') return JSON.parse(value) as FactBoxRecord[];
  return Array.isArray(value) ? (value as FactBoxRecord[]) : [];
}
