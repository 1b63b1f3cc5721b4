/** Shared rendering helpers: counts, dates and periods in words (in the box's language), label-value lists. */
import type { Count } from '../values/count.js';
import type { DateInterval, DateValue } from '../values/date.js';
import { englishWords, type FactBoxLocale } from '../locales/i18n.js';
import { h, type BoxElement, type HChild } from './h.js';

/** A count in words, with its kind for styling. */
export function renderCount(count: Count, locale: FactBoxLocale = englishWords): BoxElement {
  return h('span', { className: ['fact-box__count'], dataCount: count.kind }, locale.count(count));
}

/** A date in words inside `<time datetime>`. */
export function renderDate(date: DateValue, locale: FactBoxLocale = englishWords): BoxElement {
  return h('time', { dateTime: date.iso }, locale.date(date));
}

/** A date or interval in words, each end in its own `<time>`. */
export function renderPeriod(period: DateValue | DateInterval, locale: FactBoxLocale = englishWords): HChild {
  if (period.kind === 'date') return renderDate(period, locale);
  if (period.end === null) return locale.parts('period.since', { date: period.start });
  return locale.parts('period.range', { start: period.start, end: period.end });
}

/** One row of a label-value list; skipped when the value is missing. */
export type FactRow = readonly [label: string, value: HChild, key?: string];

/** A `<dl>` of label-value pairs, each pair in a `<div>`. */
export function renderFacts(rows: readonly FactRow[]): BoxElement | undefined {
  const present = rows.filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '');
  if (present.length === 0) return undefined;
  return h(
    'dl',
    { className: ['fact-box__facts'] },
    present.map(([label, value, key]) => h('div', { className: ['fact-box__fact'], dataFact: key }, h('dt', {}, label), h('dd', {}, value))),
  );
}
