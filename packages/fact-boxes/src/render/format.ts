/** Shared pieces of box content: counts and dates in words, label-value lists. */
import { countToWords, type Count } from '../values/count.js';
import { dateToWords, type DateInterval, type DateValue } from '../values/date.js';
import { h, type BoxElement, type HChild } from './h.js';

/** A count in words, with its kind for styling. */
export function renderCount(count: Count): BoxElement {
  return h('span', { className: ['fact-box__count'], dataCount: count.kind }, countToWords(count));
}

/** A date in words inside `<time datetime>`. */
export function renderDate(date: DateValue): BoxElement {
  return h('time', { dateTime: date.iso }, dateToWords(date));
}

/** A date or interval in words, each end in its own `<time>`. */
export function renderPeriod(period: DateValue | DateInterval): HChild {
  if (period.kind === 'date') return renderDate(period);
  if (period.end === null) return ['since ', renderDate(period.start)];
  return [renderDate(period.start), ' to ', renderDate(period.end)];
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
