/**
 * How numbers, dates and lists are written in a language: Intl formatters,
 * one per locale and kind, kept for the process (Intl objects are immutable),
 * and the few forms Intl does not give (a month after a day, Turkish suffixes).
 */
import type { DateValue } from '../values/date.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

export function numberFormat(tag: string): Intl.NumberFormat {
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
export function dateFormat(tag: string, precision: DateValue['precision']): Intl.DateTimeFormat {
  const key = `${tag}\0${precision}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[precision], timeZone: 'UTC', calendar: 'gregory' })));
  return format;
}

export function pluralRule(tag: string): Intl.PluralRules {
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules;
}

export function listFormat(tag: string): Intl.ListFormat {
  let format = listFormats.get(tag);
  if (!format) listFormats.set(tag, (format = new Intl.ListFormat(tag, { type: 'conjunction' })));
  return format;
}

/** The first instant of a date, in UTC (years 1 to 99 included, which `Date.UTC` would read as 19xx). */
export function instantOf(date: DateValue): Date {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  return instant;
}

/**
 * A month and year in the form they take after a day number: Russian
 * "ноября 2023 г." where the month alone reads "ноябрь 2023 г.". The day
 * format, less its day (identical to the month form in languages without cases).
 */
export function monthAfterDay(tag: string, instant: Date): string {
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
export function turkishAblative(n: number): string {
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

/** The tag Intl formats with: the page's region when it has one (`en-US`), else the locale's house style (`en` → `en-GB`). */
export function formatTagOf(tag: string): string {
  return tag === 'en' ? 'en-GB' : tag;
}
