/** The boxes a pipeline knows: the built-ins plus the site's own. */
import type { AnyFactBoxDefinition } from './define.js';
import { builtinBoxes } from './boxes/index.js';
import type { StaticHtml } from './render/to-mdast.js';

/** Options shared by every adapter. */
export interface FactBoxesOptions {
  /** Boxes of your own (see `defineFactBox`), added to the built-ins. */
  boxes?: readonly AnyFactBoxDefinition[];
  /** Names of built-in boxes that a box in `boxes` may replace. Without it, reusing a built-in name is an error. */
  replace?: readonly string[];
  /** `error` (default): an invalid box fails the build. `warn`: report, keep building, and show the box. */
  onInvalid?: 'error' | 'warn';
  /** Show each invalid box's problems inside it (for development servers). Default `false`. */
  development?: boolean;
  /** Level of the box titles' headings, 2 to 6. Default `2`. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * How the parts of a box without author content (labels, facts, tables, the
   * footer) enter the tree: `false` as hast elements (the default, for any
   * pipeline); `'raw'` as HTML (`html` nodes), for pipelines that keep raw HTML;
   * `'fragment'` as `<Fragment set:html="…" />`, for MDX hosts that compile it
   * (Astro). The HTML readers get is the same; the last two keep MDX pages small.
   * The Astro integration chooses per file.
   */
  staticHtml?: StaticHtml;
}

/**
 * Where the Astro integration keeps the options it was given, on the object
 * `factBoxes()` returns, so `fact-boxes check` reads a site's `astro.config.*`.
 * A registered symbol, so two copies of the package agree on it.
 */
export const INTEGRATION_OPTIONS: unique symbol = Symbol.for('fact-boxes.options') as never;

/** Options after checking, with defaults filled in. */
export interface ResolvedOptions {
  boxes: ReadonlyMap<string, AnyFactBoxDefinition>;
  onInvalid: 'error' | 'warn';
  development: boolean;
  headingLevel: number;
  staticHtml: StaticHtml;
}

/** Check options once, when a plugin is attached. */
export function resolveOptions(options: FactBoxesOptions = {}): ResolvedOptions {
  const boxes = new Map<string, AnyFactBoxDefinition>(builtinBoxes.map((box) => [box.name, box]));
  const replace = new Set(options.replace ?? []);
  for (const box of options.boxes ?? []) {
    if (!box || typeof box.name !== 'string' || typeof box.render !== 'function') {
      throw new TypeError('fact-boxes: every entry of `boxes` must be made with defineFactBox()');
    }
    if (boxes.has(box.name) && !replace.has(box.name)) {
      throw new TypeError(`fact-boxes: a box named "${box.name}" already exists; to replace the built-in, pass replace: ['${box.name}']`);
    }
    boxes.set(box.name, box);
  }
  if (options.onInvalid !== undefined && options.onInvalid !== 'error' && options.onInvalid !== 'warn') {
    throw new TypeError(`fact-boxes: onInvalid must be "error" or "warn"; got ${JSON.stringify(options.onInvalid)}`);
  }
  const headingLevel = options.headingLevel ?? 2;
  if (![2, 3, 4, 5, 6].includes(headingLevel)) {
    throw new TypeError(`fact-boxes: headingLevel must be 2, 3, 4, 5 or 6; got ${JSON.stringify(options.headingLevel)}`);
  }
  const staticHtml = options.staticHtml ?? false;
  if (staticHtml !== false && staticHtml !== 'raw' && staticHtml !== 'fragment') {
    throw new TypeError(`fact-boxes: staticHtml must be false, "raw" or "fragment"; got ${JSON.stringify(options.staticHtml)}`);
  }
  return { boxes, onInvalid: options.onInvalid ?? 'error', development: options.development ?? false, headingLevel, staticHtml };
}
