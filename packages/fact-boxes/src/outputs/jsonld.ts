/**
 * schema.org JSON-LD from records: what search engines and other tools read.
 * Each box type maps its own records; nothing is emitted that the page does not show.
 */
import { boxRegistry } from '../boxes/registry.js';
import type { AnyFactBoxDefinition, FactBoxRecord, JsonLdContext, JsonLdNode } from '../boxes/define.js';
import { canonicalTag, DocumentLocale, LocaleCatalog, type SiteStrings } from '../locales/i18n.js';
import { indexEntities, type Entity, type EntityInput } from '../entities/entity.js';
import { wikidataUrl } from '../boxes/actor.js';

/** Options of `toJsonLd`. */
export interface ToJsonLdOptions extends Omit<JsonLdContext, 'records' | 'locale'> {
  /** Custom boxes (the same list given to the plugin), so their records map too. */
  boxes?: readonly AnyFactBoxDefinition[];
  /** Names of built-in boxes that a box in `boxes` replaces (the same list given to the plugin). */
  replace?: readonly string[];
  /**
   * The page's language, for records without a `lang` of their own: becomes
   * `inLanguage` of the claims, reviews and events. Records made with a
   * `locale` option, a page `lang` or a box `lang` carry their own.
   */
  inLanguage?: string;
  /** The site's strings (the plugin's `strings` option), for names such as a verdict's `alternateName`. */
  strings?: SiteStrings;
  /** The site's entities (the plugin's `entities`), so boxes that name one reference it by its `@id`. */
  entities?: readonly EntityInput[];
  /** Where an entity's page is (the plugin's `entityUrl`): its `@id` is that page, absolute, with `#entity`. */
  entityUrl?: (id: string) => string;
}

/** Where an entity's `@id` points: its page and `#entity`, or a `urn:` of its id when it has no page. */
export interface EntityIdOptions {
  /** A URL on the site (the page's), to make the entity page's address absolute. */
  url?: string;
  entityUrl?: ((id: string) => string) | undefined;
}

/**
 * The JSON-LD `@id` of an entity, the same on every page: its page with
 * `#entity` when the site has entity pages, else `urn:fact-boxes:entity:<id>`.
 *
 * @example
 *   entityJsonLdId('kataib-hezbollah', { url: 'https://news.example/', entityUrl: (id) => `/actors/${id}/` })
 *   // 'https://news.example/actors/kataib-hezbollah/#entity'
 */
export function entityJsonLdId(id: string, options: EntityIdOptions = {}): string {
  if (!options.entityUrl) return `urn:fact-boxes:entity:${id}`;
  const page = options.entityUrl(id);
  try {
    return `${new URL(page, options.url).href.replace(/#.*$/, '')}#entity`;
  } catch {
    return `${page.replace(/#.*$/, '')}#entity`;
  }
}

function schemaTypeOf(entity: Entity): 'Person' | 'Organization' {
  return entity.type === 'person' ? 'Person' : 'Organization';
}

/**
 * The JSON-LD of an entity, for its own page: `Person` or `Organization`,
 * its stable `@id`, names, description and `sameAs` its Wikidata item.
 *
 * @example
 *   entityJsonLd(entity, { url: Astro.url.href, entityUrl: (id) => `/actors/${id}/` })
 */
export function entityJsonLd(entity: Entity, options: EntityIdOptions = {}): JsonLdNode {
  const type = schemaTypeOf(entity);
  const page = options.entityUrl ? new URL(options.entityUrl(entity.id), options.url ?? 'http://localhost/').href : undefined;
  return {
    '@type': type,
    '@id': entityJsonLdId(entity.id, options),
    name: entity.name,
    ...(page && options.url ? { url: page } : {}),
    ...(entity.aliases?.length ? { alternateName: entity.aliases } : {}),
    ...(entity.description ? { description: entity.description } : {}),
    ...(entity.wikidata ? { sameAs: wikidataUrl(entity.wikidata) } : {}),
    ...(type === 'Organization' && entity.activeSince && !entity.activeSince.approximate ? { foundingDate: entity.activeSince.iso } : {}),
    ...(type === 'Organization' && entity.based ? { location: { '@type': 'Place', name: entity.based } } : {}),
  };
}

/** A JSON-LD document. */
export interface JsonLdDocument {
  '@context': 'https://schema.org';
  '@graph': JsonLdNode[];
}

/**
 * JSON-LD for a page's records.
 *
 * @example
 *   const jsonLd = toJsonLd(frontmatter.factBoxes, { url: Astro.url.href, publisher: { name: 'Atlas News' } });
 *   // <script type="application/ld+json" set:html={serializeJsonLd(jsonLd)} />
 */
export function toJsonLd(records: readonly FactBoxRecord[], options: ToJsonLdOptions = {}): JsonLdDocument {
  const definitions = boxRegistry(options.boxes, options.replace);
  const words = new DocumentLocale(new LocaleCatalog({ strings: options.strings }));
  const index = indexEntities(options.entities);
  const idOptions: EntityIdOptions = { ...(options.url ? { url: options.url } : {}), entityUrl: options.entityUrl };
  // Without the entity list its type is unknown: a Thing, with the same @id.
  const entity = (id: string): JsonLdNode => {
    const known = index?.get(id);
    return { '@type': known ? schemaTypeOf(known) : 'Thing', '@id': entityJsonLdId(id, idOptions), ...(known ? { name: known.name } : {}), ...(known?.wikidata ? { sameAs: wikidataUrl(known.wikidata) } : {}) };
  };
  const graph: JsonLdNode[] = [];
  for (const record of records) {
    const inLanguage = canonicalTag(record.lang) ?? canonicalTag(options.inLanguage);
    const context: JsonLdContext = { url: options.url, publisher: options.publisher, records, locale: words.forBox({ name: '' }, inLanguage).locale, entity, ...(inLanguage ? { inLanguage } : {}) };
    const mapped = definitions.get(record.type)?.jsonLd?.(record as never, context);
    if (mapped === undefined) continue;
    graph.push(...(Array.isArray(mapped) ? mapped : [mapped]));
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** Serialise JSON-LD for a `<script type="application/ld+json">`, safe against `</script>` in values. */
export function serializeJsonLd(document: JsonLdDocument): string {
  return JSON.stringify(document).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
