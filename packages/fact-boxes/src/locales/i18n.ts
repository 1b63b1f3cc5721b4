/**
 * Words in the reader's language: which locale a page and a box are in, the
 * strings each uses (built-in, the site's own, a custom box's), and how
 * phrases, numbers and dates are written (Intl, one formatter per locale,
 * kept for the whole build).
 *
 * A catalogue is made once per set of options; a document asks it for the
 * page's locale, and each box for its words (`FactBoxLocale`), which are
 * looked up in tables built once per language.
 */
import type { Count } from '../values/count.js';
import type { DateInterval, DateValue } from '../values/date.js';
import { h, type HChild } from '../render/h.js';
import { BUILTIN_LOCALES, builtinStrings, en, type Phrase, type PhraseVariants } from './index.js';

/** Strings a site gives, per locale tag: built-in keys (`claim.by`) or a custom box's (`attacks.since`). */
export type SiteStrings = Readonly<Record<string, Readonly<Record<string, Phrase>>>>;

/** A custom box's own strings: English (required) and any other locale, by tag. */
export type BoxStrings = Readonly<{ en: Readonly<Record<string, Phrase>> } & Record<string, Readonly<Record<string, Phrase>>>>;

/** A box definition as far as its words go. */
interface WordedBox {
  name: string;
  strings?: BoxStrings;
}

/** A value put in a phrase: text, a number (formatted), a date (written in words), or, in `parts`, an element. */
export type PhraseValue = string | number | DateValue;

/**
 * The words of one box, in its language. Built-in and custom boxes get it as
 * `locale` in their render context; `t` is its lookup.
 *
 * @example
 *   locale.t('casualties.killed')                 // 'Tués' in French
 *   locale.t('count.moreThan', { n: 24 })          // 'plus de 24'
 *   locale.parts('source.label', { source: link }) // ['Source : ', link]
 */
export interface FactBoxLocale {
  /** BCP 47 tag of the box's words, e.g. `fr` or `ar-EG`. */
  readonly lang: string;
  /** Direction of the box's words. */
  readonly dir: 'ltr' | 'rtl';
  /** Whether a string exists (in this box's strings or the built-in ones). */
  has(key: string): boolean;
  /** A string as text, its `{placeholders}` filled: numbers formatted, dates in words. */
  t(key: string, values?: Readonly<Record<string, PhraseValue>>): string;
  /** A string as pieces, for `h`: elements may be placed in it, dates become `<time datetime>`. */
  parts(key: string, values?: Readonly<Record<string, PhraseValue | HChild>>): HChild[];
  /** A number as the locale writes it: `1,200`, `1 200`, `۱٬۲۰۰`. */
  number(value: number): string;
  /** A count in words: "more than 24", « plus de 24 », «более 24». */
  count(count: Count): string;
  /** A date in words: "5 November 2023", « 5 novembre 2023 ». */
  date(date: DateValue): string;
  /** A date or interval in words: "since 17 October 2023". */
  period(period: DateValue | DateInterval): string;
  /** Items joined with the locale's separator (`list.separator`): "KH, Hezbollah Brigades". */
  list(items: readonly string[]): string;
  /** Items joined as the locale says "a, b and c" (Intl.ListFormat): « a, b et c », "a وb". */
  and(items: readonly string[]): string;
  /** Author text as it goes in the box: in a right-to-left box, isolated (`<bdi>`) so it keeps its own direction. */
  isolate(value: HChild): HChild;
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
const directions = new Map<string, 'ltr' | 'rtl'>();

/** The direction a language is written in, from its script (`ar` → Arab → rtl). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  let dir = directions.get(tag);
  if (dir === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(tag).maximize().script;
    } catch {
      script = undefined;
    }
    dir = script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    directions.set(tag, dir);
  }
  return dir;
}

/** A tag in its canonical form (`EN-gb` → `en-GB`), or `undefined` when it is not a language tag. */
export function canonicalTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** `fr-CA` → [`fr-CA`, `fr`]: the tags whose strings serve a tag, most specific first. */
function lookupChain(tag: string): string[] {
  const chain = [tag];
  for (let cut = tag.lastIndexOf('-'); cut > 0; cut = tag.lastIndexOf('-', cut - 1)) chain.push(tag.slice(0, cut));
  return chain;
}

// ---- Formatters: one per locale and kind, kept for the process (Intl objects are immutable). ----

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

function numberFormat(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })));
  return format;
}

const DATE_OPTIONS: Record<DateValue['precision'], Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

/** Dates are ISO 8601, so Gregorian, whatever calendar the locale prefers (a year alone has no Solar Hijri equivalent). */
function dateFormat(tag: string, precision: DateValue['precision']): Intl.DateTimeFormat {
  const key = `${tag}\0${precision}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[precision], timeZone: 'UTC', calendar: 'gregory' })));
  return format;
}

function pluralRule(tag: string): Intl.PluralRules {
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules;
}

function listFormat(tag: string): Intl.ListFormat {
  let format = listFormats.get(tag);
  if (!format) listFormats.set(tag, (format = new Intl.ListFormat(tag, { type: 'conjunction' })));
  return format;
}

/** The first instant of a date, in UTC (years 1 to 99 included, which `Date.UTC` would read as 19xx). */
function instantOf(date: DateValue): Date {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  return instant;
}

/**
 * A month and year in the form they take after a day number: Russian
 * "ноября 2023 г." where the month alone reads "ноябрь 2023 г.". The day
 * format, less its day (identical to the month form in languages without cases).
 */
function monthAfterDay(tag: string, instant: Date): string {
  const parts = dateFormat(tag, 'day').formatToParts(instant);
  const day = parts.findIndex((part) => part.type === 'day');
  if (day === -1) return dateFormat(tag, 'month').format(instant);
  const next = parts[day + 1]?.type === 'literal' ? day + 1 : undefined;
  const previous = parts[day - 1]?.type === 'literal' ? day - 1 : undefined;
  const drop = new Set([day, next ?? previous ?? day]);
  // V8's format() writes U+202F (ICU's narrow space) as a plain space; formatToParts() does not: write it as format() does.
  return parts.filter((_, index) => !drop.has(index)).map((part) => part.value).join('').replaceAll('\u202f', ' ').trim();
}

/** The Turkish ablative suffix after a number, from the sound of its last word: 24'ten, 30'dan, 100'den, 1.000.000'dan. */
function turkishAblative(n: number): string {
  const ones = ["'dan", "'den", "'den", "'ten", "'ten", "'ten", "'dan", "'den", "'den", "'dan"]; // sıfır bir iki üç dört beş altı yedi sekiz dokuz
  const tens = ['', "'dan", "'den", "'dan", "'tan", "'den", "'tan", "'ten", "'den", "'dan"]; // on yirmi otuz kırk elli altmış yetmiş seksen doksan
  const value = Math.abs(Math.trunc(n));
  if (value === 0) return ones[0]!;
  if (value % 10 !== 0) return ones[value % 10]!;
  if (Math.floor(value / 10) % 10 !== 0) return tens[Math.floor(value / 10) % 10]!;
  if (Math.floor(value / 100) % 10 !== 0) return "'den"; // yüz
  if (value % 1e6 !== 0) return "'den"; // bin
  return "'dan"; // milyon, milyar, trilyon
}

// ---- Phrases ----

type Token = string | { name: string; form: string | undefined };
const templates = new Map<string, Token[]>();

/** `more than {n}` → ['more than ', { name: 'n' }], parsed once per text. */
function tokensOf(text: string): Token[] {
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

function isDate(value: unknown): value is DateValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'date' && typeof (value as { iso?: unknown }).iso === 'string';
}

/**
 * Which text of a phrase with variants: by the precision its dates share
 * (`other` when they differ, "17 October 2023 to November 2023"), else by the
 * plural category of its number (`n`, else `max`).
 */
function chooseText(phrase: Phrase, values: Readonly<Record<string, unknown>> | undefined, tag: string): string {
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
interface Entry {
  phrase: Phrase;
  fallback: boolean;
  /** The text itself, when the phrase is one text without placeholders (most labels): no work to write it. */
  text: string | undefined;
}

function entryOf(phrase: Phrase, fallback: boolean): Entry {
  return { phrase, fallback, text: typeof phrase === 'string' && !phrase.includes('{') ? phrase : undefined };
}

/** A language's strings, and the dates already written in it (a site's pages share most of their dates). */
interface Table {
  entries: Map<string, Entry>;
  dates: Map<string, string>;
}

/** Dates remembered per language, at most; then the memory starts again. */
const DATES_KEPT = 10_000;

/** What a box's words report, once per build: a string or a whole locale missing. */
export interface MissingWords {
  ruleId: 'missing-string' | 'missing-locale';
  reason: string;
  fix: string;
}

/** Locales and strings of a site, checked once; tables of strings per language, built on first use. */
export class LocaleCatalog {
  /** The site's language (the `locale` option), canonical; pages without `lang` are taken to be in it. */
  readonly siteLocale: string | undefined;
  /** A page's language from its file path (Astro's i18n routing), when the integration knows it. */
  readonly pathLanguage: ((path: string) => string | undefined) | undefined;
  private readonly options: { locale?: string; strings?: SiteStrings; pathLanguage?: (path: string) => string | undefined };
  private readonly site: ReadonlyMap<string, Readonly<Record<string, Phrase>>>;
  private readonly tables = new Map<string, Table>();
  private readonly boxTables = new WeakMap<WordedBox, Map<string, Map<string, Entry>>>();
  /** What was already reported this build: `locale\0key`. */
  private readonly warned: Set<string>;

  constructor(options: { locale?: string; strings?: SiteStrings; pathLanguage?: (path: string) => string | undefined } = {}, shared?: { warned: Set<string> }) {
    this.siteLocale = options.locale === undefined ? undefined : canonicalTag(options.locale);
    this.pathLanguage = options.pathLanguage;
    const site = new Map<string, Readonly<Record<string, Phrase>>>();
    for (const [tag, strings] of Object.entries(options.strings ?? {})) site.set(canonicalTag(tag) ?? tag, strings);
    this.site = site;
    this.warned = shared?.warned ?? new Set();
    this.options = options;
  }

  /** The same catalogue (strings, what was reported) with a way to tell a page's language from its path. */
  withPathLanguage(pathLanguage: (path: string) => string | undefined): LocaleCatalog {
    return new LocaleCatalog({ ...this.options, pathLanguage }, { warned: this.warned });
  }

  /** Whether there are strings for a language (built-in or the site's), for the tag or a less specific one. */
  hasLanguage(tag: string): boolean {
    return lookupChain(tag).some((candidate) => candidate in builtinStrings || this.site.has(candidate));
  }

  /** Report something once per build; gives back whether this is the first time. */
  firstTime(key: string): boolean {
    if (this.warned.has(key)) return false;
    this.warned.add(key);
    return true;
  }

  /** The strings for a tag: English first, then less specific tags, then the tag itself, the site's over the built-ins'. */
  table(tag: string): Table {
    const known = this.tables.get(tag);
    if (known) return known;
    const table = new Map<string, Entry>();
    const layers = (candidate: string) => [(builtinStrings as Record<string, Readonly<Record<string, Phrase>>>)[candidate], this.site.get(candidate)];
    const english = tag === 'en' || tag.startsWith('en-');
    for (const layer of layers('en')) for (const [key, phrase] of Object.entries(layer ?? {})) table.set(key, entryOf(phrase, !english));
    for (const candidate of lookupChain(tag).reverse()) {
      if (candidate === 'en') continue;
      for (const layer of layers(candidate)) for (const [key, phrase] of Object.entries(layer ?? {})) table.set(key, entryOf(phrase, false));
    }
    const made: Table = { entries: table, dates: new Map() };
    this.tables.set(tag, made);
    return made;
  }

  /** A custom box's strings for a tag, the site's `<box>.<key>` over the box's own, English filling gaps. */
  boxTable(box: WordedBox, tag: string): Map<string, Entry> | undefined {
    const strings = box.strings;
    if (!strings) return undefined;
    let byTag = this.boxTables.get(box);
    if (!byTag) this.boxTables.set(box, (byTag = new Map()));
    let table = byTag.get(tag);
    if (table) return table;
    table = new Map();
    const english = tag === 'en' || tag.startsWith('en-');
    const prefix = `${box.name}.`;
    const layer = (candidate: string, fallback: boolean) => {
      for (const [key, phrase] of Object.entries((strings as Record<string, Readonly<Record<string, Phrase>>>)[candidate] ?? {})) table!.set(key, entryOf(phrase, fallback));
      for (const [key, phrase] of Object.entries(this.site.get(candidate) ?? {})) {
        if (key.startsWith(prefix)) table!.set(key.slice(prefix.length), entryOf(phrase, fallback));
      }
    };
    layer('en', !english);
    for (const candidate of lookupChain(tag).reverse()) if (candidate !== 'en') layer(candidate, false);
    byTag.set(tag, table);
    return table;
  }

  /**
   * The locale of one document: its own language (frontmatter `lang`, or the
   * path under Astro's i18n routing), else the site's.
   *
   * @example
   *   catalog.forDocument({ data: file.data, source, path: file.path })
   */
  forDocument(document: { data?: unknown; source?: string; path?: string | undefined } = {}): DocumentLocale {
    const declared = declaredLanguage(document.data, document.source) ?? (document.path && this.pathLanguage ? this.pathLanguage(document.path) : undefined);
    return new DocumentLocale(this, declared);
  }
}

/** The words every box uses when no options say otherwise: the built-ins, in English. */
const defaultCatalog = new LocaleCatalog();

/** How a box is to be written, and how its frame marks its language. */
export interface BoxLanguage {
  locale: FactBoxLocale;
  /** `lang` for the box's element, when its language is not the page's. */
  lang: string | undefined;
  /** `dir` for the box's element, when its direction is not the page's. */
  dir: 'ltr' | 'rtl' | undefined;
  /** The language to record (`record.lang`), when one was set anywhere (option, page or box). */
  recordLang: string | undefined;
}

/**
 * One document's locale: the page's language, the words of each box, and
 * what is missing (reported once per build, on the first box that needs it).
 */
export class DocumentLocale {
  readonly catalog: LocaleCatalog;
  /** The page's language: declared, else the site's; `undefined` when neither is set (English, unmarked). */
  readonly page: string | undefined;
  private readonly pageTag: string;
  private readonly pageDir: 'ltr' | 'rtl';
  private readonly boxes = new Map<string, BoxLanguage>();
  private pending: MissingWords[] = [];

  constructor(catalog: LocaleCatalog = defaultCatalog, declared?: string) {
    this.catalog = catalog;
    const page = canonicalTag(declared);
    if (declared !== undefined && page === undefined) {
      this.warnOnce(`\0invalid\0${declared}`, {
        ruleId: 'missing-locale',
        reason: `the page language ${JSON.stringify(declared)} is not a language tag; its boxes use ${catalog.siteLocale ?? 'en'}`,
        fix: 'write lang as a BCP 47 tag, like en, fr or ar-EG',
      });
    }
    this.page = page ?? catalog.siteLocale;
    this.pageTag = this.page ?? 'en';
    this.pageDir = directionOf(this.pageTag);
  }

  /**
   * The words for a box of a definition, in a language (its `lang`
   * attribute) or the page's.
   */
  forBox(box: WordedBox, requested?: string): BoxLanguage {
    const key = `${requested ?? ''}\0${box.strings ? box.name : ''}`;
    let found = this.boxes.get(key);
    if (found) return found;
    let tag = requested ?? this.pageTag;
    if (!this.catalog.hasLanguage(tag)) {
      const fallback = this.catalog.siteLocale && this.catalog.hasLanguage(this.catalog.siteLocale) ? this.catalog.siteLocale : 'en';
      this.warnOnce(`${tag}\0*`, {
        ruleId: 'missing-locale',
        reason: `there are no strings for the language "${tag}"; its boxes are written in ${fallback === 'en' ? 'English' : `"${fallback}"`}`,
        fix: `add them with the strings option: strings: { '${tag}': { 'claim.by': '…', … } }, or use one of ${BUILTIN_LOCALES.join(', ')}`,
      });
      tag = fallback;
    }
    const dir = directionOf(tag);
    const locale = new BoxWords(this, tag, box.strings ? box : undefined, dir);
    found = {
      locale,
      lang: sameLanguage(tag, this.pageTag) ? undefined : tag,
      dir: dir === this.pageDir ? undefined : dir,
      recordLang: requested !== undefined || this.page !== undefined ? tag : undefined,
    };
    this.boxes.set(key, found);
    return found;
  }

  /** A string missing in a language: reported once per build. */
  missing(key: string, tag: string, english: Phrase): void {
    this.warnOnce(`${tag}\0${key}`, {
      ruleId: 'missing-string',
      reason: `the locale "${tag}" has no string "${key}"; it is shown in English (${JSON.stringify(typeof english === 'string' ? english : english.other)})`,
      fix: `add it: strings: { '${tag}': { '${key}': '…' } }`,
    });
  }

  private warnOnce(key: string, problem: MissingWords): void {
    if (this.catalog.firstTime(key)) this.pending.push(problem);
  }

  /** What to report since the last call. */
  takeMissing(): MissingWords[] {
    if (this.pending.length === 0) return [];
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || (b.toLowerCase().startsWith(`${a.toLowerCase()}-`) && a.length > 0 && !a.includes('-'));
}

/** The tag Intl formats with: the page's region when it has one (`en-US`), else the locale's house style (`en` → `en-GB`). */
function formatTagOf(tag: string): string {
  return tag === 'en' ? 'en-GB' : tag;
}

class BoxWords implements FactBoxLocale {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  private readonly document: DocumentLocale;
  private readonly shared: Map<string, Entry>;
  private readonly own: Map<string, Entry> | undefined;
  /** Dates written so far in this language; `undefined` when the box's own strings phrase dates. */
  private readonly dates: Map<string, string> | undefined;
  private readonly format: string;
  private readonly base: string;

  constructor(document: DocumentLocale, tag: string, box: WordedBox | undefined, dir: 'ltr' | 'rtl') {
    this.document = document;
    this.lang = tag;
    this.dir = dir;
    const table = document.catalog.table(tag);
    this.shared = table.entries;
    this.own = box ? document.catalog.boxTable(box, tag) : undefined;
    this.dates = this.own?.has('date.approximate') || this.own?.has('date.year') ? undefined : table.dates;
    this.format = formatTagOf(tag);
    this.base = tag.split('-')[0]!.toLowerCase();
  }

  has(key: string): boolean {
    return this.own?.has(key) || this.shared.has(key);
  }

  private entry(key: string): Entry {
    const entry = this.own?.get(key) ?? this.shared.get(key);
    if (!entry) throw new TypeError(`fact-boxes: there is no string "${key}" (neither the box's own nor a built-in one)`);
    if (entry.fallback) this.document.missing(key, this.lang, entry.phrase);
    return entry;
  }

  number(value: number): string {
    return numberFormat(this.format).format(value);
  }

  private numberIn(value: number, form: string | undefined): string {
    const text = this.number(value);
    return form === 'ablative' && this.base === 'tr' ? `${text}${turkishAblative(value)}` : text;
  }

  private dateIn(date: DateValue, form: string | undefined): string {
    if (!this.dates) return this.writeDate(date, form);
    const key = `${date.iso}${date.approximate ? '~' : ''}${form ? `:${form}` : ''}`;
    let words = this.dates.get(key);
    if (words === undefined) {
      words = this.writeDate(date, form);
      if (this.dates.size >= DATES_KEPT) this.dates.clear();
      this.dates.set(key, words);
    }
    return words;
  }

  private writeDate(date: DateValue, form: string | undefined): string {
    if (date.approximate) return this.t('date.approximate', { date: { ...date, approximate: false } });
    const instant = instantOf(date);
    if (date.precision === 'year') return this.t('date.year', { year: dateFormat(this.format, 'year').format(instant) });
    if (date.precision === 'month') return form === 'genitive' ? monthAfterDay(this.format, instant) : dateFormat(this.format, 'month').format(instant);
    return dateFormat(this.format, 'day').format(instant);
  }

  date(date: DateValue): string {
    return this.dateIn(date, undefined);
  }

  private fill(key: string, phrase: Phrase, values: Readonly<Record<string, unknown>> | undefined, asParts: boolean): HChild[] {
    const text = chooseText(phrase, values, this.format);
    const out: HChild[] = [];
    let run = '';
    for (const token of tokensOf(text)) {
      if (typeof token === 'string') {
        run += token;
        continue;
      }
      const value = values?.[token.name];
      if (typeof value === 'string') run += value;
      else if (typeof value === 'number') run += this.numberIn(value, token.form);
      else if (isDate(value)) {
        const words = this.dateIn(value, token.form);
        if (asParts) {
          if (run !== '') out.push(run);
          run = '';
          out.push(h('time', { dateTime: value.iso }, words));
        } else run += words;
      } else if (value === undefined || value === null || value === false) {
        if (!values || !(token.name in values)) run += `{${token.name}}`;
      } else if (asParts) {
        if (run !== '') out.push(run);
        run = '';
        out.push(value as HChild);
      } else {
        throw new TypeError(`fact-boxes: "${key}" as text cannot hold an element for {${token.name}}; use parts()`);
      }
    }
    if (run !== '') out.push(run);
    return out;
  }

  t(key: string, values?: Readonly<Record<string, PhraseValue>>): string {
    const entry = this.entry(key);
    if (entry.text !== undefined) return entry.text;
    const pieces = this.fill(key, entry.phrase, values, false) as string[];
    return pieces.length === 1 ? pieces[0]! : pieces.join('');
  }

  parts(key: string, values?: Readonly<Record<string, PhraseValue | HChild>>): HChild[] {
    const entry = this.entry(key);
    return entry.text !== undefined ? [entry.text] : this.fill(key, entry.phrase, values, true);
  }

  count(count: Count): string {
    switch (count.kind) {
      case 'exact':
        return this.t('count.exact', { n: count.best! });
      case 'at-least':
        return this.t('count.atLeast', { n: count.best! });
      case 'more-than':
        return this.t('count.moreThan', { n: count.best! });
      case 'fewer-than':
        return this.t('count.fewerThan', { n: count.best! });
      case 'at-most':
        return this.t('count.atMost', { n: count.best! });
      case 'about':
        return this.t('count.about', { n: count.best! });
      case 'range':
        return this.t('count.range', { min: count.min!, max: count.max! });
      case 'unknown':
        return this.t('count.unknown');
      case 'none':
        return this.t('count.none');
    }
  }

  period(period: DateValue | DateInterval): string {
    if (period.kind === 'date') return this.date(period);
    if (period.end === null) return this.t('period.since', { date: period.start });
    return this.t('period.range', { start: period.start, end: period.end });
  }

  list(items: readonly string[]): string {
    return items.join(this.t('list.separator'));
  }

  and(items: readonly string[]): string {
    return listFormat(this.format).format(items);
  }

  isolate(value: HChild): HChild {
    if (this.dir !== 'rtl' || value === undefined || value === null || value === false || value === '') return value;
    return h('bdi', {}, value);
  }
}

/** The English words of the built-in boxes, for callers without a document (`countToWords`, `dateToWords`). */
export const englishWords: FactBoxLocale = new DocumentLocale(defaultCatalog).forBox({ name: '' }).locale;

const FRONTMATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const LANG_LINE = /^lang[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))[ \t]*(?:#.*)?$/m;

/**
 * The language a document declares: `lang` in the frontmatter Astro read
 * (`data.astro.frontmatter`), in `data.matter` or `data.frontmatter` (other
 * hosts' conventions), or in the source's own YAML frontmatter.
 *
 * @example
 *   declaredLanguage({}, '---\nlang: ar\n---\n# …') // 'ar'
 */
export function declaredLanguage(data: unknown, source?: string): string | undefined {
  const record = data as { astro?: { frontmatter?: { lang?: unknown } }; matter?: { lang?: unknown }; frontmatter?: { lang?: unknown } } | undefined;
  for (const value of [record?.astro?.frontmatter?.lang, record?.matter?.lang, record?.frontmatter?.lang]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  if (source === undefined || !(source.startsWith('---') || source.startsWith('\uFEFF---'))) return undefined;
  const block = FRONTMATTER.exec(source)?.[1];
  const line = block === undefined ? undefined : LANG_LINE.exec(block);
  const value = line ? (line[1] ?? line[2] ?? line[3]) : undefined;
  return value && value.trim() !== '' ? value.trim() : undefined;
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

const wordsByLanguage = new Map<string, FactBoxLocale>();

/**
 * The words of a language, outside a box: for layouts and components that
 * label facts the way the boxes do ("Facts in this article", a list of kinds).
 * Without `strings`, one object per language is kept for the process.
 *
 * @example
 *   const words = factBoxWords('ar');
 *   words.t('kind.claim') // 'ادعاء'
 *   words.count(parseCount('>24').value) // 'أكثر من 24'
 */
export function factBoxWords(lang?: string, options: { strings?: SiteStrings } = {}): FactBoxLocale {
  const tag = canonicalTag(lang) ?? 'en';
  if (options.strings) return new DocumentLocale(new LocaleCatalog({ strings: options.strings }), tag).forBox({ name: '' }).locale;
  let words = wordsByLanguage.get(tag);
  if (!words) wordsByLanguage.set(tag, (words = new DocumentLocale(defaultCatalog, tag).forBox({ name: '' }).locale));
  return words;
}
