/**
 * Counts: how many were killed, injured, missing or captured, written the way
 * reporters write them (`12`, `12+`, `>24`, `~30`, `10-15`, `?`, `none`).
 */

/** The kinds of count an author can write. */
export type CountKind =
  | 'exact'
  | 'at-least'
  | 'more-than'
  | 'fewer-than'
  | 'at-most'
  | 'about'
  | 'range'
  | 'unknown'
  | 'none';

/**
 * A parsed count. `min` and `max` are the integer bounds where they are known
 * (`>24` has `min: 25` and no `max`); `best` is the figure the source gave
 * (`~30` has `best: 30` and no bounds: "about" is never turned into a range).
 */
export interface Count {
  kind: CountKind;
  min?: number;
  max?: number;
  best?: number;
  /** What the author wrote, trimmed. */
  raw: string;
}

/** The forms of a count, for messages. */
export const COUNT_FORMS = 'a count like 24, 24+, >24, <24, <=24, ~24, 20-30, ? or none';

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const SINGLE = new RegExp(String.raw`^(>|<=|<|~)?\s*${NUMBER}(\+)?$`);
const RANGE = new RegExp(String.raw`^${NUMBER}\s*[-–]\s*${NUMBER}$`);

/** Result of parsing: the value or the reason it is not one. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function toInteger(digits: string): number | undefined {
  const value = Number(digits.replaceAll(',', ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Parse a count as authors write it.
 *
 * @example
 *   parseCount('>24') // { ok: true, value: { kind: 'more-than', min: 25, raw: '>24' } }
 *   parseCount('two dozen') // { ok: false, reason: '…' }
 */
export function parseCount(input: string): ParseResult<Count> {
  const raw = input.trim();
  if (raw === '?') return { ok: true, value: { kind: 'unknown', raw } };
  if (raw === 'none' || raw === '0') return { ok: true, value: { kind: 'none', min: 0, max: 0, best: 0, raw } };

  const range = RANGE.exec(raw);
  if (range) {
    const min = toInteger(range[1]!);
    const max = toInteger(range[2]!);
    if (min === undefined || max === undefined) return { ok: false, reason: 'the number is too large' };
    if (min >= max) return { ok: false, reason: 'a range goes from the lower figure to the higher one' };
    return { ok: true, value: { kind: 'range', min, max, raw } };
  }

  const single = SINGLE.exec(raw);
  if (!single) {
    if (/^-\s*\d/.test(raw)) return { ok: false, reason: 'a count cannot be negative' };
    return { ok: false, reason: raw === '' ? 'the value is empty' : 'it is not a count' };
  }
  const [, prefix, digits, plus] = single;
  const n = toInteger(digits!);
  if (n === undefined) return { ok: false, reason: 'the number is too large' };
  if (prefix && plus) return { ok: false, reason: `use either "${prefix}" or "+", not both` };
  if (plus) return { ok: true, value: { kind: 'at-least', min: n, best: n, raw } };
  switch (prefix) {
    case '>':
      // `>N` means at least N + 1, which must still be a number JavaScript holds exactly.
      if (!Number.isSafeInteger(n + 1)) return { ok: false, reason: 'the number is too large' };
      return { ok: true, value: { kind: 'more-than', min: n + 1, best: n, raw } };
    case '<':
      if (n === 0) return { ok: false, reason: 'nothing is fewer than 0' };
      return { ok: true, value: { kind: 'fewer-than', min: 0, max: n - 1, best: n, raw } };
    case '<=':
      return { ok: true, value: { kind: 'at-most', min: 0, max: n, best: n, raw } };
    case '~':
      return { ok: true, value: { kind: 'about', best: n, raw } };
    default:
      if (n === 0) return { ok: true, value: { kind: 'none', min: 0, max: 0, best: 0, raw } };
      return { ok: true, value: { kind: 'exact', min: n, max: n, best: n, raw } };
  }
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** Format an integer with thousands separators: `1200` -> `1,200`. */
function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * A count in words, as a reader would say it.
 *
 * @example
 *   countToWords(parseCount('>24').value) // 'more than 24'
 */
export function countToWords(count: Count): string {
  const best = count.best === undefined ? '' : formatNumber(count.best);
  switch (count.kind) {
    case 'exact':
      return best;
    case 'at-least':
      return `at least ${best}`;
    case 'more-than':
      return `more than ${best}`;
    case 'fewer-than':
      return `fewer than ${best}`;
    case 'at-most':
      return `at most ${best}`;
    case 'about':
      return `about ${best}`;
    case 'range':
      return `${formatNumber(count.min!)} to ${formatNumber(count.max!)}`;
    case 'unknown':
      return 'unknown';
    case 'none':
      return 'none';
  }
}

/**
 * The honest sum of several counts: exact only when every part is exact, a
 * lower bound ("at least") when some part has no upper bound, unknown when a
 * part has no bounds at all (`?`, `~N`).
 *
 * @example
 *   sumCounts([parseCount('3').value, parseCount('2+').value]) // at least 5
 */
export function sumCounts(counts: readonly Count[]): Count {
  let min = 0;
  let max: number | undefined = 0;
  for (const count of counts) {
    if (count.min === undefined) return { kind: 'unknown', raw: '?' };
    min += count.min;
    max = max === undefined || count.max === undefined ? undefined : max + count.max;
  }
  // Past Number.MAX_SAFE_INTEGER a sum is rounded: a lower bound that cannot be held exactly is
  // unknown, an upper bound that cannot is dropped, rather than shown as a made-up figure.
  if (!Number.isSafeInteger(min)) return { kind: 'unknown', raw: '?' };
  if (max !== undefined && !Number.isSafeInteger(max)) max = undefined;
  if (max === undefined) return { kind: 'at-least', min, best: min, raw: `${min}+` };
  if (min === max) return min === 0 ? { kind: 'none', min: 0, max: 0, best: 0, raw: '0' } : { kind: 'exact', min, max, best: min, raw: String(min) };
  if (min === 0) return { kind: 'at-most', min: 0, max, best: max, raw: `<=${max}` };
  return { kind: 'range', min, max, raw: `${min}-${max}` };
}
