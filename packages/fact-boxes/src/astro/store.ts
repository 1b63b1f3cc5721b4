/**
 * The site-wide store the Astro integration fills as pages go through the
 * Markdown processor, read by `fact-boxes/astro/records`. Internal: the
 * public entry exports the getters and the types of what they give.
 */
import type { FactBoxRecord } from '../boxes/define.js';
import type { Entity } from '../entities/entity.js';

/** One page's records, with the file it comes from. */
export interface FactBoxPage {
  /** The Markdown or MDX file, relative to the project root, with `/` (as an Astro entry's `filePath`). */
  file: string;
  /** Its records, in document order. */
  records: FactBoxRecord[];
}

/** One box that names an entity. */
export interface EntityMention {
  /** The file the box is in (as `FactBoxPage.file`). */
  file: string;
  record: FactBoxRecord;
  /** The attributes that name the entity (`by`, `party`, `title`…). */
  attributes: string[];
}

/** What the integration shares with the build, on `globalThis`: one store per process, whichever copy of the package reads it. */
export interface SiteStore {
  pages: Map<string, FactBoxRecord[]>;
  entities: Entity[];
  /** Changes when a page's records change, so derived indexes are rebuilt only then. */
  version: number;
  byEntity?: { version: number; mentions: Map<string, EntityMention[]> };
}

const KEY = Symbol.for('fact-boxes.site-store');

/** The store of this process (created empty when the integration has not run). */
export function siteStore(): SiteStore {
  const holder = globalThis as { [KEY]?: SiteStore };
  return (holder[KEY] ??= { pages: new Map(), entities: [], version: 0 });
}

