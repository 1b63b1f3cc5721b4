// A Vite plugin for the site bench's `floor, store split, .md collection` variant: the cut that fact-boxes' Astro
// integration makes to the module of Astro's content store (src/astro/content-store.ts: one string literal as long as
// the store, which V8 compiles in time quadratic in its length, becomes literals of about 1 MiB), on a site without
// fact-boxes. It is the floor of what fact-boxes' own `.md` builds pay.
import { contentStoreInPieces } from '../packages/fact-boxes/dist/astro/content-store.js';

export default contentStoreInPieces;
