/**
 * What a fact box is: a name, a zod schema of its attributes, a renderer,
 * and optionally a body parser and a JSON-LD mapping. Built-in boxes and
 * site-defined boxes are made the same way, with `defineFactBox`.
 */
import type { Nodes as MdastNodes } from 'mdast';
import type { Position } from 'unist';
import type { Point } from 'unist';
import type { z } from 'zod';
import type { BoxElement, ContentSlot, HChild, HProperties } from '../render/h.js';
import { knownKeys, phraseProblem, type BoxStrings, type FactBoxLocale } from '../locales/i18n.js';
import { commonAttributes } from '../values/schemas.js';
import type { Entity } from '../entities/entity.js';

/** A problem found in a box, before it becomes a vfile message. */
export interface Problem {
  /** Stable id of the rule, e.g. `invalid-attribute`. */
  ruleId: string;
  /** What is wrong: a sentence naming the attribute, what was expected and what was found. */
  reason: string;
  /** How to fix it. */
  fix?: string;
  /** Where; defaults to the box. */
  place?: Position | Point;
  /** `warning` problems never fail a build. Defaults to `error`. */
  severity?: 'error' | 'warning';
}

/** Passed to `parseBody`: the box's body and a way to report problems in it. */
export interface BodyContext<Attributes> {
  attributes: Attributes;
  /** The body's block nodes (mdast), without the `[label]`. */
  nodes: MdastNodes[];
  /** The whole document, to slice what authors wrote. */
  source: string;
  /** Plain text of nodes; directives that no plugin handled read as their source text. */
  toText(nodes: readonly MdastNodes[] | MdastNodes): string;
  report(problem: Problem): void;
  /** Mark a body node as read into data (e.g. a `::group` row), so it is not also rendered as content. */
  consume(node: MdastNodes): void;
}

/** Passed to `render`. */
export interface RenderContext<Attributes, Body> {
  /** Validated attributes, camelCased. */
  attributes: Attributes;
  /** What `parseBody` returned. */
  body: Body;
  /** The body's block nodes (mdast), without the `[label]` and without nodes `parseBody` consumed. */
  nodes: MdastNodes[];
  /** The nodes `parseBody` consumed (read into data), in order: to place parts of them (a timeline's items). */
  consumed: MdastNodes[];
  /** All the body, ready to place with `h`. */
  children: ContentSlot;
  /** Title text. */
  title: string;
  /** The box's id on the page (use it to derive ids of inner elements). */
  id: string;
  /** Build an element. */
  h(tagName: string, properties?: HProperties | null, ...children: HChild[]): BoxElement;
  /** Place author nodes inside an element. */
  content(nodes: readonly MdastNodes[]): ContentSlot;
  /** The box's words in its language: labels, counts, dates (see `FactBoxLocale`). */
  locale: FactBoxLocale;
  /** A string in the box's language, its `{placeholders}` filled: the box's own `strings` first, then the built-in ones. */
  t: FactBoxLocale['t'];
  /**
   * A name the box shows, linked to its entity's page when the attribute
   * (one of the box's `mentions`) names an entity and the site gives
   * `entityUrl`; else the name as it is.
   */
  mention(attribute: string, name: HChild): HChild;
  /** The entity the box stands for, when written with `ref="…"` (see `fromEntity`). */
  entity?: Entity;
}

/** A record of one box, as in `file.data.factBoxes` and a page's `factBoxes` frontmatter. */
export interface FactBoxRecord<Attributes = Record<string, unknown>> {
  type: string;
  /** The kind of box as its readers see it, in the box's language (`Claim`, `Fact check`, `Casualties`…). */
  kind: string;
  id: string;
  title: string;
  attributes: Attributes;
  /** Plain text of the body. */
  text: string;
  position?: Position;
  /** BCP 47 tag of the box's words, when a language was set (the `locale` option, the page's `lang`, or the box's own). */
  lang?: string;
  /**
   * The entities the box names, by attribute (`{ by: 'kataib-hezbollah' }`;
   * `title` for the box's title): only attributes whose name or alias matched.
   */
  entities?: Record<string, string>;
}

/** Where a JSON-LD mapping gets page-level facts. */
export interface JsonLdContext {
  /** URL of the page, to make `@id`s and `url`s. */
  url?: string;
  /** Who publishes the page (the author of a `ClaimReview`). */
  publisher?: { name: string; url?: string };
  /** Every record of the page, so a mapping can link to other boxes (a claimant's actor box). */
  records?: readonly FactBoxRecord[];
  /** The language of the record being mapped (its `lang`, else the `inLanguage` option), for `inLanguage`. */
  inLanguage?: string;
  /** Words in that language (English when none is known), for human-readable values such as a verdict's name. */
  locale?: FactBoxLocale;
  /**
   * A reference to an entity the record names (`{ '@type', '@id', name }`,
   * its `@id` the same on every page), or `undefined` for an id it does not know.
   */
  entity?(id: string): JsonLdNode | undefined;
}

/** A JSON-LD object. */
export type JsonLdNode = { '@type': string | string[] } & Record<string, unknown>;

/** A fact box definition. */
export interface FactBoxDefinition<Schema extends z.ZodObject = z.ZodObject, Body = undefined> {
  /** Directive name: `:::name`. Lowercase letters, digits and dashes. */
  name: string;
  /** The kind of box as shown to readers, e.g. `Claim`. Defaults to the name, capitalised. */
  kind?(attributes: z.output<Schema>, locale: FactBoxLocale): string;
  /** zod object of the attributes, with camelCase keys (`sourceUrl` is written `source-url`). */
  attributes: Schema;
  /** Whether `[label]` must be given. */
  titleRequired?: boolean;
  /** Title when no `[label]` is given. */
  defaultTitle?(attributes: z.output<Schema>, locale: FactBoxLocale): string;
  /**
   * The box's own strings, for `t()` in its renderer: English under `en`
   * (required), and any other locale by tag. Sites override them with
   * `strings: { fr: { '<name>.<key>': '…' } }`.
   */
  strings?: BoxStrings;
  /** Read structured data from the body (rows, items); merged into the record's attributes. */
  parseBody?(context: BodyContext<z.output<Schema>>): Body;
  /** The box's content, placed inside the shared frame (header with title, footer with source). */
  render(context: RenderContext<z.output<Schema>, Body>): HChild;
  /**
   * Attributes (camelCase) whose value names an actor, and `title` when the
   * title does: each is matched against the site's entities (`by` of a claim,
   * `party` of a toll). A match goes on the record's `entities`.
   */
  mentions?: readonly string[];
  /**
   * The attributes of a box that stands for an entity, as an author would
   * write them (kebab-case keys, text values): lets authors write
   * `:::name{ref="id"}` instead of repeating them. The entity's `name` is the
   * default title.
   */
  fromEntity?(entity: Entity): Record<string, string>;
  /** schema.org JSON-LD for one record. */
  jsonLd?(record: FactBoxRecord<z.output<Schema> & BodyRecord<Body>>, context: JsonLdContext): JsonLdNode | JsonLdNode[] | undefined;
}

/** What a body adds to a record's attributes. */
export type BodyRecord<Body> = Body extends Record<string, unknown> ? Body : Record<never, never>;

/** Any definition, as kept in a registry. */
export type AnyFactBoxDefinition = FactBoxDefinition<z.ZodObject, unknown>;

const NAME = /^[a-z][a-z\d]*(?:-[a-z\d]+)*$/;

/**
 * Define a fact box.
 *
 * @example
 *   const location = defineFactBox({
 *     name: 'location',
 *     attributes: z.object({ country: z.string() }),
 *     render: ({ attributes, h }) => h('p', {}, attributes.country),
 *   });
 */
export function defineFactBox<Schema extends z.ZodObject, Body = undefined>(
  definition: FactBoxDefinition<Schema, Body>,
): FactBoxDefinition<Schema, Body> {
  if (!NAME.test(definition.name)) {
    throw new TypeError(`fact-boxes: a box name must be lowercase letters, digits and dashes, starting with a letter; got "${definition.name}"`);
  }
  if (typeof definition.render !== 'function') {
    throw new TypeError(`fact-boxes: box "${definition.name}" needs a render function`);
  }
  if (definition.strings !== undefined) checkBoxStrings(definition.name, definition.strings);
  // Every box accepts `source` and `source-url`; add them where the box's own schema does not say otherwise.
  const shape = definition.attributes.shape as Record<string, unknown>;
  const missing = Object.fromEntries(Object.entries(commonAttributes).filter(([key]) => !(key in shape)));
  if (Object.keys(missing).length === 0) return definition;
  return { ...definition, attributes: definition.attributes.extend(missing) as unknown as Schema };
}

/** A box's own strings: English gives the keys; every other locale uses only those, each a phrase. */
function checkBoxStrings(name: string, strings: BoxStrings): void {
  if (typeof strings !== 'object' || strings === null || typeof strings.en !== 'object' || strings.en === null) {
    throw new TypeError(`fact-boxes: box "${name}" has strings without English: give strings.en, whose keys the other locales translate`);
  }
  const keys = knownKeys([{ name, strings }]);
  for (const [tag, table] of Object.entries(strings)) {
    for (const [key, phrase] of Object.entries(table ?? {})) {
      if (tag !== 'en' && !keys.has(`${name}.${key}`)) {
        throw new TypeError(`fact-boxes: box "${name}" has strings.${tag}["${key}"], which strings.en does not have`);
      }
      const problem = phraseProblem(phrase);
      if (problem) throw new TypeError(`fact-boxes: box "${name}": strings.${tag}["${key}"] ${problem}`);
    }
  }
}
