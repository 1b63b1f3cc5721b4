/** The site's own boxes, given to the integration in astro.config.mjs and to toJsonLd on the pages. */
import type { AnyFactBoxDefinition } from 'fact-boxes';
import { attacks } from './attacks.ts';

export { attacks };

export const siteBoxes = [attacks] as readonly AnyFactBoxDefinition[];
