/**
 * Which words a page and each of its boxes use: a catalogue of the built-in
 * and the site's strings, made once per set of options, with a table per
 * language built on first use; a document's locale, asked for each box's words.
 */
import { BUILTIN_LOCALES, builtinStrings, type Phrase } from './index.js';
import { BoxWords, type FactBoxLocale } from './box-words.js';
import { entryOf, type Entry, type SiteStrings, type WordedBox } from './phrases.js';
import { canonicalTag, declaredLanguage, directionOf, lookupChain, sameLanguage } from './tags.js';

/** A language's strings, and the dates already written in it (a site's pages share most of their dates). */
export interface Table {
  entries: Map<string, Entry>;
  dates: Map<string, string>;
}

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
export const defaultCatalog = new LocaleCatalog();

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
