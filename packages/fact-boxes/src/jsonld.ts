/**
 * schema.org JSON-LD from records: what search engines and other tools read.
 * Each box type maps its own records; nothing is emitted that the page does not show.
 */
import { builtinBoxes } from './boxes/index.js';
import type { AnyFactBoxDefinition, FactBoxRecord, JsonLdContext, JsonLdNode } from './define.js';

/** Options of `toJsonLd`. */
export interface ToJsonLdOptions extends Omit<JsonLdContext, 'records'> {
  /** Custom boxes (the same list given to the plugin), so their records map too. */
  boxes?: readonly AnyFactBoxDefinition[];
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
  const context: JsonLdContext = { url: options.url, publisher: options.publisher, records };
  const graph: JsonLdNode[] = [];
  for (const record of records) {
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
