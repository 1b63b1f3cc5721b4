/**
 * Dates as authors write them: ISO 8601 `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a
 * trailing `~` for "around", and intervals `A/B` or open-ended `A/..`.
 */
import type { ParseResult } from './count.js';

/** A calendar date, month or year. */
export interface DateValue {
  kind: 'date';
  precision: 'year' | 'month' | 'day';
  year: number;
  month?: number;
  day?: number;
  /** Written with a trailing `~`: "around". */
  approximate: boolean;
  /** The ISO form, fit for `<time datetime>`: `2023`, `2023-11`, `2023-11-05`. */
  iso: string;
  raw: string;
}

/** A period from one date to another, or open-ended (`end: null`). */
export interface DateInterval {
  kind: 'interval';
  start: DateValue;
  end: DateValue | null;
  raw: string;
}

/** The forms of a date, for messages. */
export const DATE_FORMS = 'a date like 2023, 2023-11 or 2023-11-05 (add ~ for "around")';
/** The forms of a date or interval, for messages. */
export const PERIOD_FORMS = `${DATE_FORMS}, or an interval like 2023-10-17/2023-11-05 or 2023-10-17/..`;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parse a single date.
 *
 * @example
 *   parseDate('2023-11-05') // { ok: true, value: { kind: 'date', precision: 'day', iso: '2023-11-05', … } }
 *   parseDate('2023-02-30') // { ok: false, reason: 'February 2023 has 28 days' }
 */
export function parseDate(input: string): ParseResult<DateValue> {
  const raw = input.trim();
  const match = DATE.exec(raw);
  if (!match) return { ok: false, reason: raw === '' ? 'the value is empty' : 'it is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD' };
  const [, y, m, d, tilde] = match;
  const year = Number(y);
  if (year === 0) return { ok: false, reason: 'there is no year 0000' };
  const approximate = tilde === '~';
  if (m === undefined) return { ok: true, value: { kind: 'date', precision: 'year', year, approximate, iso: y!, raw } };
  const month = Number(m);
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${m}` };
  if (d === undefined) return { ok: true, value: { kind: 'date', precision: 'month', year, month, approximate, iso: `${y}-${m}`, raw } };
  const day = Number(d);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, reason: `${MONTHS[month - 1]} ${year} has ${days} days` };
  return { ok: true, value: { kind: 'date', precision: 'day', year, month, day, approximate, iso: `${y}-${m}-${d}`, raw } };
}

/** The first day a date can mean, as a sortable number (YYYYMMDD). */
export function dateStart(date: DateValue): number {
  return date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

/** The last day a date can mean, as a sortable number (YYYYMMDD). */
export function dateEnd(date: DateValue): number {
  const month = date.month ?? 12;
  return date.year * 10000 + month * 100 + (date.day ?? daysInMonth(date.year, month));
}

/**
 * Parse a date or an interval (`2023-10-17/2023-11-05`, `2023-10-17/..`).
 *
 * @example
 *   parsePeriod('2023-10-17/..') // { ok: true, value: { kind: 'interval', end: null, … } }
 */
export function parsePeriod(input: string): ParseResult<DateValue | DateInterval> {
  const raw = input.trim();
  const slash = raw.indexOf('/');
  if (slash === -1) return parseDate(raw);
  const start = parseDate(raw.slice(0, slash));
  if (!start.ok) return { ok: false, reason: `its start: ${start.reason}` };
  const endText = raw.slice(slash + 1).trim();
  if (endText === '..') return { ok: true, value: { kind: 'interval', start: start.value, end: null, raw } };
  const end = parseDate(endText);
  if (!end.ok) return { ok: false, reason: `its end: ${end.reason}` };
  // `2023-10-17/2023-10` ends with October: compare the last day the end can mean.
  if (dateEnd(end.value) < dateStart(start.value)) return { ok: false, reason: 'it ends before it starts' };
  return { ok: true, value: { kind: 'interval', start: start.value, end: end.value, raw } };
}

/**
 * A date in words: "5 November 2023", "November 2023", "around 2023".
 *
 * @example
 *   dateToWords(parseDate('2023-10~').value) // 'around October 2023'
 */
export function dateToWords(date: DateValue): string {
  let words = String(date.year);
  if (date.month !== undefined) words = `${MONTHS[date.month - 1]} ${words}`;
  if (date.day !== undefined) words = `${date.day} ${words}`;
  return date.approximate ? `around ${words}` : words;
}

/** A date or interval in words: "17 October 2023 to 5 November 2023", "since 17 October 2023". */
export function periodToWords(period: DateValue | DateInterval): string {
  if (period.kind === 'date') return dateToWords(period);
  if (period.end === null) return `since ${dateToWords(period.start)}`;
  return `${dateToWords(period.start)} to ${dateToWords(period.end)}`;
}
