import { dateToWords, parseDate, parsePeriod, periodToWords, type DateInterval, type DateValue } from 'fact-boxes';
import { describe, expect, test } from 'vitest';

function date(input: string): DateValue {
  const result = parseDate(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${result.reason}`);
  return result.value;
}

function period(input: string): DateValue | DateInterval {
  const result = parsePeriod(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${result.reason}`);
  return result.value;
}

describe('parseDate: ISO 8601 dates as authors write them', () => {
  test.each<[input: string, parsed: DateValue, words: string]>([
    ['2023', { kind: 'date', precision: 'year', year: 2023, approximate: false, iso: '2023', raw: '2023' }, '2023'],
    ['2023-11', { kind: 'date', precision: 'month', year: 2023, month: 11, approximate: false, iso: '2023-11', raw: '2023-11' }, 'November 2023'],
    ['2023-11-05', { kind: 'date', precision: 'day', year: 2023, month: 11, day: 5, approximate: false, iso: '2023-11-05', raw: '2023-11-05' }, '5 November 2023'],
    ['2023-10~', { kind: 'date', precision: 'month', year: 2023, month: 10, approximate: true, iso: '2023-10', raw: '2023-10~' }, 'around October 2023'],
    ['2023~', { kind: 'date', precision: 'year', year: 2023, approximate: true, iso: '2023', raw: '2023~' }, 'around 2023'],
    ['2023-11-05~', { kind: 'date', precision: 'day', year: 2023, month: 11, day: 5, approximate: true, iso: '2023-11-05', raw: '2023-11-05~' }, 'around 5 November 2023'],
    ['2024-02-29', { kind: 'date', precision: 'day', year: 2024, month: 2, day: 29, approximate: false, iso: '2024-02-29', raw: '2024-02-29' }, '29 February 2024'],
    ['2000-02-29', { kind: 'date', precision: 'day', year: 2000, month: 2, day: 29, approximate: false, iso: '2000-02-29', raw: '2000-02-29' }, '29 February 2000'],
    ['2023-12-31', { kind: 'date', precision: 'day', year: 2023, month: 12, day: 31, approximate: false, iso: '2023-12-31', raw: '2023-12-31' }, '31 December 2023'],
  ])('should read %j exactly', (input, parsed, words) => {
    expect(parseDate(input)).toEqual({ ok: true, value: parsed });
    expect(dateToWords(date(input))).toBe(words);
  });

  test('should keep the approximate marker out of the machine-readable form', () => {
    expect(date('2023-10~').iso).toBe('2023-10');
  });

  test.each<[input: string, reason: RegExp]>([
    ['2023-13-01', /no month 13/],
    ['2023-00', /no month 00/],
    ['2023-02-30', /February 2023 has 28 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['1900-02-29', /February 1900 has 28 days/],
    ['2023-11-31', /November 2023 has 30 days/],
    ['2023-11-00', /November 2023 has 30 days/],
    ['0000-00-00', /no year 0000/],
    ['2023-1-5', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['23-11-05', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['05/11/2023', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['2023-11-05T10:30', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['November 2023', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['', /empty/],
  ])('should reject %j with a reason', (input, reason) => {
    const result = parseDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parsePeriod: a date or an interval', () => {
  test('should read a closed interval and say it in words', () => {
    const value = period('2023-10-17/2023-11-05');
    expect(value).toEqual({
      kind: 'interval',
      start: date('2023-10-17'),
      end: date('2023-11-05'),
      raw: '2023-10-17/2023-11-05',
    });
    expect(periodToWords(value)).toBe('17 October 2023 to 5 November 2023');
  });

  test('should read an open interval as "since"', () => {
    const value = period('2023-10-17/..');
    expect(value).toEqual({ kind: 'interval', start: date('2023-10-17'), end: null, raw: '2023-10-17/..' });
    expect(periodToWords(value)).toBe('since 17 October 2023');
  });

  test('should read a single date as a date', () => {
    expect(period('2023-11-05')).toEqual(date('2023-11-05'));
    expect(periodToWords(period('2023-11'))).toBe('November 2023');
  });

  test('should accept intervals of mixed precision, and approximate ends', () => {
    expect(periodToWords(period('2023-10/2023-11-05'))).toBe('October 2023 to 5 November 2023');
    expect(periodToWords(period('2023~/2024'))).toBe('around 2023 to 2024');
  });

  test('should accept an interval that ends within the month of its start day', () => {
    // October 2023 ends after 17 October 2023 starts.
    expect(periodToWords(period('2023-10-17/2023-10'))).toBe('17 October 2023 to October 2023');
  });

  test('should accept an interval of one day', () => {
    expect(periodToWords(period('2023-11-05/2023-11-05'))).toBe('5 November 2023 to 5 November 2023');
  });

  test.each<[input: string, reason: RegExp]>([
    ['2023-11-05/2023-10-17', /ends before it starts/],
    ['2023-10-17/2023-10-16', /ends before it starts/],
    ['2023-11/2023-10', /ends before it starts/],
    ['2023-13-01/..', /its start: there is no month 13/],
    ['2023-10-17/2023-02-30', /its end: February 2023 has 28 days/],
    ['2023-10-17/', /its end: the value is empty/],
    ['../2023-10-17', /its start/],
  ])('should reject %j with a reason', (input, reason) => {
    const result = parsePeriod(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
