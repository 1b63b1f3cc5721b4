/**
 * Attribute names in the two cases: kebab-case as authors write them,
 * camelCase as schemas and records hold them.
 */

// Attribute names are few and come back for every box: remember each conversion (bounded, so no input can grow it forever).
const kebab = new Map<string, string>();
const camel = new Map<string, string>();

/** A conversion of a name, remembered (bounded, so no input can grow the cache forever). */
export function remembered(cache: Map<string, string>, name: string, convert: (name: string) => string): string {
  let converted = cache.get(name);
  if (converted === undefined) {
    converted = convert(name);
    if (cache.size < 1000) cache.set(name, converted);
  }
  return converted;
}

/** `sourceUrl` -> `source-url`. */
export function toKebabCase(name: string): string {
  return remembered(kebab, name, (text) => text.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
}

/** `source-url` -> `sourceUrl`. */
export function toCamelCase(name: string): string {
  return remembered(camel, name, (text) => text.replace(/-([a-z\d])/g, (_, letter: string) => letter.toUpperCase()));
}
