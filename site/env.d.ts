/// <reference types="astro/client" />
// Types for `astro:content` and friends before `astro sync` has run (a fresh clone type-checks too);
// `astro sync`, `astro dev` and `astro build` add the exact types in .astro/types.d.ts.
