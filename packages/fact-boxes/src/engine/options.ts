/** The boxes a pipeline knows: the built-ins plus the site's own. */
import type { AnyFactBoxDefinition } from '../boxes/define.js';
import { boxRegistry } from '../boxes/registry.js';
import type { StaticHtml } from '../render/to-mdast.js';
import { didYouMean } from '../text/spelling.js';
import { canonicalTag, knownKeys, LocaleCatalog, phraseProblem, type SiteStrings } from '../locales/i18n.js';
import { indexEntities, type EntityIndex, type EntityInput } from '../entities/entity.js';

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
  /**
   * The language of the site's pages, as a BCP 47 tag: `en` (the default),
   * `ar`, `fr`, `de`, `es`, `ru`, `uk`, `tr`, `fa`, `he` are built in; any
   * other needs `strings`. A page's frontmatter `lang` overrides it, and a
   * box's own `lang` attribute overrides that. Boxes whose language is not
   * the page's carry `lang` (and `dir` when the direction differs).
   */
  locale?: string;
  /**
   * Your own words, per locale tag: any built-in string (`'claim.by'`), a
   * custom box's (`'attacks.since'`), or a whole new locale. A string missing
   * in a locale is shown in English, with a warning naming it, once per build.
   *
   * @example
   *   strings: { fr: { 'claim.rating': 'Notre avis' }, pt: { 'claim.by': 'Afirmado por', … } }
   */
  strings?: SiteStrings;
  /**
   * The site's actors, defined once (see `entitySchema`): a box that names one
   * of them (a claim's `by`, a toll's `party`, an actor box's title) by its
   * name or an alias is linked to it, `:::actor{ref="id"}` renders its box,
   * and a near miss is a warning with "did you mean".
   */
  entities?: readonly EntityInput[];
  /**
   * The page of an entity, e.g. `(id) => '/actors/' + id + '/'`: names of
   * entities in boxes link there. Default: no links (records and JSON-LD
   * still name the entity).
   */
  entityUrl?: (id: string) => string;
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
  /** The site's locale and strings, checked; shared by every document of the build. */
  locales: LocaleCatalog;
  /** The site's entities, indexed by name and alias. */
  entities?: EntityIndex;
  entityUrl?: (id: string) => string;
}

/** One catalogue per options object, so every processor of a build (Astro has several) reports a missing string once. */
const catalogs = new WeakMap<object, LocaleCatalog>();

function checkLocales(options: FactBoxesOptions, boxes: ReadonlyMap<string, AnyFactBoxDefinition>): LocaleCatalog {
  const known = catalogs.get(options);
  if (known) return known;
  if (options.locale !== undefined && canonicalTag(options.locale) === undefined) {
    throw new TypeError(`fact-boxes: locale must be a language tag like en, fr or ar-EG; got ${JSON.stringify(options.locale)}`);
  }
  if (options.strings !== undefined) {
    if (typeof options.strings !== 'object' || options.strings === null || Array.isArray(options.strings)) {
      throw new TypeError('fact-boxes: strings must be an object of locales, like { fr: { \'claim.by\': \'Affirmé par\' } }');
    }
    const keys = knownKeys(boxes.values());
    for (const [tag, table] of Object.entries(options.strings)) {
      if (canonicalTag(tag) === undefined) throw new TypeError(`fact-boxes: strings has a locale ${JSON.stringify(tag)} that is not a language tag (like fr or pt-BR)`);
      if (typeof table !== 'object' || table === null) throw new TypeError(`fact-boxes: strings.${tag} must be an object of strings`);
      for (const [key, phrase] of Object.entries(table)) {
        if (!keys.has(key)) {
          const guess = didYouMean(key, [...keys]);
          throw new TypeError(`fact-boxes: strings.${tag} has an unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} (a custom box's keys are written "<box>.<key>")`);
        }
        const problem = phraseProblem(phrase);
        if (problem) throw new TypeError(`fact-boxes: strings.${tag}["${key}"] ${problem}`);
      }
    }
  }
  const catalog = new LocaleCatalog({ ...(options.locale !== undefined ? { locale: options.locale } : {}), ...(options.strings ? { strings: options.strings } : {}) });
  catalogs.set(options, catalog);
  return catalog;
}

/** Check options once, when a plugin is attached. */
export function resolveOptions(options: FactBoxesOptions = {}): ResolvedOptions {
  const boxes = boxRegistry(options.boxes, options.replace);
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
  const locales = checkLocales(options, boxes);
  if (options.entityUrl !== undefined && typeof options.entityUrl !== 'function') {
    throw new TypeError(`fact-boxes: entityUrl must be a function from an entity id to a URL, like (id) => \`/actors/\${id}/\`; got ${JSON.stringify(options.entityUrl)}`);
  }
  const entities = indexEntities(options.entities);
  return {
    boxes,
    onInvalid: options.onInvalid ?? 'error',
    development: options.development ?? false,
    headingLevel,
    staticHtml,
    locales,
    ...(entities ? { entities } : {}),
    ...(options.entityUrl ? { entityUrl: options.entityUrl } : {}),
  };
}
