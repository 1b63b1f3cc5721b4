/**
 * Phrases: the strings a box writes, as sites and boxes give them (a text, or
 * variants by plural or by date precision), checked, parsed into tokens once,
 * and the variant a phrase's values call for.
 */
import type { DateValue } from '../values/date.js';
import { en, type Phrase, type PhraseVariants } from './index.js';
import { pluralRule } from './intl.js';

/** Strings a site gives, per locale tag: built-in keys (`claim.by`) or a custom box's (`attacks.since`). */
export type SiteStrings = Readonly<Record<string, Readonly<Record<string, Phrase>>>>;

/** A custom box's own strings: English (required) and any other locale, by tag. */
export type BoxStrings = Readonly<{ en: Readonly<Record<string, Phrase>> } & Record<string, Readonly<Record<string, Phrase>>>>;

/** A box definition as far as its words go. */
export interface WordedBox {
  name: string;
  strings?: BoxStrings;
}

/** A value put in a phrase: text, a number (formatted), a date (written in words), or, in `parts`, an element. */
export type PhraseValue = string | number | DateValue;

type Token = string | { name: string; form: string | undefined };
const templates = new Map<string, Token[]>();

/** `more than {n}` → ['more than ', { name: 'n' }], parsed once per text. */
export function tokensOf(text: string): Token[] {
  let tokens = templates.get(text);
  if (tokens) return tokens;
  tokens = [];
  let last = 0;
  for (const match of text.matchAll(/\{([A-Za-z][\w-]*)(?::([A-Za-z]+))?\}/g)) {
    if (match.index > last) tokens.push(text.slice(last, match.index));
    tokens.push({ name: match[1]!, form: match[2] });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push(text.slice(last));
  if (templates.size < 10_000) templates.set(text, tokens);
  return tokens;
}

export function isDate(value: unknown): value is DateValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'date' && typeof (value as { iso?: unknown }).iso === 'string';
}

/**
 * Which text of a phrase with variants: by the precision its dates share
 * (`other` when they differ, "17 October 2023 to November 2023"), else by the
 * plural category of its number (`n`, else `max`).
 */
export function chooseText(phrase: Phrase, values: Readonly<Record<string, unknown>> | undefined, tag: string): string {
  if (typeof phrase === 'string') return phrase;
  const variants = phrase as PhraseVariants;
  if (variants.day !== undefined || variants.month !== undefined || variants.year !== undefined) {
    let shared: DateValue['precision'] | null | undefined;
    for (const value of Object.values(values ?? {})) {
      if (isDate(value)) shared = shared === undefined || shared === value.precision ? value.precision : null;
    }
    return (shared && variants[shared]) ?? variants.other;
  }
  const n = typeof values?.n === 'number' ? values.n : typeof values?.max === 'number' ? values.max : Object.values(values ?? {}).find((value): value is number => typeof value === 'number');
  if (n === undefined) return variants.other;
  return variants[pluralRule(tag).select(n) as keyof PhraseVariants] ?? variants.other;
}

/** A string of a table, and whether it stands in for a missing one (English, in a locale that lacks it). */
export interface Entry {
  phrase: Phrase;
  fallback: boolean;
  /** The text itself, when the phrase is one text without placeholders (most labels): no work to write it. */
  text: string | undefined;
}

export function entryOf(phrase: Phrase, fallback: boolean): Entry {
  return { phrase, fallback, text: typeof phrase === 'string' && !phrase.includes('{') ? phrase : undefined };
}

/** Every key a site may set: the built-in keys, and `<box>.<key>` for each custom box's English strings. */
export function knownKeys(boxes: Iterable<WordedBox>): Set<string> {
  const keys = new Set<string>(Object.keys(en));
  for (const box of boxes) for (const key of Object.keys(box.strings?.en ?? {})) keys.add(`${box.name}.${key}`);
  return keys;
}

/** Check a phrase as given in options or a box's strings; the problem, if any. */
export function phraseProblem(phrase: unknown): string | undefined {
  if (typeof phrase === 'string') return undefined;
  if (typeof phrase !== 'object' || phrase === null || Array.isArray(phrase)) return 'must be a string, or an object of variants with "other"';
  const variants = phrase as Record<string, unknown>;
  if (typeof variants.other !== 'string') return 'needs an "other" text';
  const allowed = new Set(['zero', 'one', 'two', 'few', 'many', 'other', 'day', 'month', 'year']);
  for (const [name, text] of Object.entries(variants)) {
    if (!allowed.has(name)) return `has a variant "${name}"; variants are zero, one, two, few, many, day, month, year and other`;
    if (typeof text !== 'string') return `has a variant "${name}" that is not a string`;
  }
  return undefined;
}
