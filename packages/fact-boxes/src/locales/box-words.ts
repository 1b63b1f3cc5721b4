/**
 * The words of one box in its language (`FactBoxLocale`): its strings looked
 * up, their placeholders filled, numbers, counts, dates and lists written as
 * the language writes them.
 */
import type { Count } from '../values/count.js';
import type { DateInterval, DateValue } from '../values/date.js';
import { h, type HChild } from '../render/h.js';
import type { DocumentLocale } from './catalog.js';
import { dateFormat, formatTagOf, instantOf, listFormat, monthAfterDay, numberFormat, turkishAblative } from './intl.js';
import { chooseText, isDate, tokensOf, type Entry, type PhraseValue, type WordedBox } from './phrases.js';
import type { Phrase } from './index.js';

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

/** Dates remembered per language, at most; then the memory starts again. */
const DATES_KEPT = 10_000;

export class BoxWords implements FactBoxLocale {
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
