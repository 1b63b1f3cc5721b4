/**
 * schema.org JSON-LD from records: what search engines and other tools read.
 * Each box type maps its own records; nothing is emitted that the page does not show.
 */
import { builtinBoxes } from './boxes/index.js';
import type { AnyFactBoxDefinition, FactBoxRecord, JsonLdContext, JsonLdNode } from './define.js';
import { canonicalTag, DocumentLocale, LocaleCatalog, type SiteStrings } from './i18n.js';

/** Options of `toJsonLd`. */
export interface ToJsonLdOptions extends Omit<JsonLdContext, 'records' | 'locale'> {
  /** Custom boxes (the same list given to the plugin), so their records map too. */
  boxes?: readonly AnyFactBoxDefinition[];
  /**
   * The page's language, for records without a `lang` of their own: becomes
   * `inLanguage` of the claims, reviews and events. Records made with a
   * `locale` option, a page `lang` or a box `lang` carry their own.
   */
  inLanguage?: string;
  /** The site's strings (the plugin's `strings` option), for names such as a verdict's `alternateName`. */
  strings?: SiteStrings;
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
  const definitions = new Map<string, AnyFactBoxDefinition>(builtinBoxes.map((box) => [box.name, box]));
  for (const box of options.boxes ?? []) definitions.set(box.name, box);
  const words = new DocumentLocale(new LocaleCatalog({ strings: options.strings }));
  const graph: JsonLdNode[] = [];
  for (const record of records) {
    const inLanguage = canonicalTag(record.lang) ?? canonicalTag(options.inLanguage);
    const context: JsonLdContext = { url: options.url, publisher: options.publisher, records, locale: words.forBox({ name: '' }, inLanguage).locale, ...(inLanguage ? { inLanguage } : {}) };
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
