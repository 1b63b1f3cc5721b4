/**
 * `fact-boxes/astro`: the Astro integration (`astro/integration.ts`), and
 * `readEntityFiles` for a site that loads its entities itself.
 */
export { default, type AstroFactBoxesOptions, type FactBoxesOptions, type FactBoxRecord } from './astro/integration.js';
export { readEntityFiles, type EntityFiles } from './astro/entity-files.js';
