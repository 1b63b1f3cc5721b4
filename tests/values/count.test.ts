import { countToWords, parseCount, sumCounts, type Count } from 'fact-boxes';
import { describe, expect, test } from 'vitest';

/** Parse a count that must be valid. */
function count(input: string): Count {
  const result = parseCount(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${result.reason}`);
  return result.value;
}

describe('parseCount: every form an author can write', () => {
  test.each<[input: string, parsed: Count, words: string]>([
    ['12', { kind: 'exact', min: 12, max: 12, best: 12, raw: '12' }, '12'],
    ['12+', { kind: 'at-least', min: 12, best: 12, raw: '12+' }, 'at least 12'],
    ['>12', { kind: 'more-than', min: 13, best: 12, raw: '>12' }, 'more than 12'],
    ['>24', { kind: 'more-than', min: 25, best: 24, raw: '>24' }, 'more than 24'],
    ['<12', { kind: 'fewer-than', min: 0, max: 11, best: 12, raw: '<12' }, 'fewer than 12'],
    ['<=12', { kind: 'at-most', min: 0, max: 12, best: 12, raw: '<=12' }, 'at most 12'],
    ['~12', { kind: 'about', best: 12, raw: '~12' }, 'about 12'],
    ['~30', { kind: 'about', best: 30, raw: '~30' }, 'about 30'],
    ['10-15', { kind: 'range', min: 10, max: 15, raw: '10-15' }, '10 to 15'],
    ['10–15', { kind: 'range', min: 10, max: 15, raw: '10–15' }, '10 to 15'],
    ['?', { kind: 'unknown', raw: '?' }, 'unknown'],
    ['0', { kind: 'none', min: 0, max: 0, best: 0, raw: '0' }, 'none'],
    ['none', { kind: 'none', min: 0, max: 0, best: 0, raw: 'none' }, 'none'],
    ['1,200', { kind: 'exact', min: 1200, max: 1200, best: 1200, raw: '1,200' }, '1,200'],
    ['1200', { kind: 'exact', min: 1200, max: 1200, best: 1200, raw: '1200' }, '1,200'],
    ['1,200+', { kind: 'at-least', min: 1200, best: 1200, raw: '1,200+' }, 'at least 1,200'],
    ['1,200-1,500', { kind: 'range', min: 1200, max: 1500, raw: '1,200-1,500' }, '1,200 to 1,500'],
    ['~2,000', { kind: 'about', best: 2000, raw: '~2,000' }, 'about 2,000'],
  ])('should read %j exactly', (input, parsed, words) => {
    const result = parseCount(input);
    expect(result).toEqual({ ok: true, value: parsed });
    expect(countToWords(count(input))).toBe(words);
  });

  test('should never turn "about N" into a range', () => {
    const about = count('~30');
    expect(about.min).toBeUndefined();
    expect(about.max).toBeUndefined();
    expect(countToWords(about)).toBe('about 30');
  });

  test('should trim what the author wrote, and keep the trimmed text as raw', () => {
    expect(parseCount('  24+ ')).toEqual({ ok: true, value: { kind: 'at-least', min: 24, best: 24, raw: '24+' } });
  });

  test.each<[input: string, reason: RegExp]>([
    ['-5', /cannot be negative/],
    ['10-5', /lower figure to the higher/],
    ['15–10', /lower figure to the higher/],
    ['10-10', /lower figure to the higher/],
    ['two dozen', /not a count/],
    ['1,20', /not a count/],
    ['12,34,567', /not a count/],
    ['', /empty/],
    ['   ', /empty/],
    ['12.5', /not a count/],
    ['>=12', /not a count/],
    ['>12+', /either ">" or "\+"/],
    ['<0', /fewer than 0/],
    ['99999999999999999999', /too large/],
  ])('should reject %j with a reason', (input, reason) => {
    const result = parseCount(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('sumCounts: totals computed honestly from the bounds', () => {
  const sum = (...inputs: string[]) => sumCounts(inputs.map(count));

  test('should add exact figures to an exact figure', () => {
    expect(sum('3', '2')).toEqual({ kind: 'exact', min: 5, max: 5, best: 5, raw: '5' });
    expect(countToWords(sum('1,200', '34'))).toBe('1,234');
  });

  test('should make 3 + "2+" at least 5, never exactly 5', () => {
    const total = sum('3', '2+');
    expect(total).toEqual({ kind: 'at-least', min: 5, best: 5, raw: '5+' });
    expect(countToWords(total)).toBe('at least 5');
  });

  test('should make a "more than" part a lower bound of the total', () => {
    expect(countToWords(sum('>2', '1'))).toBe('at least 4');
  });

  test('should make the total unknown when a part is unknown', () => {
    expect(sum('3', '?')).toEqual({ kind: 'unknown', raw: '?' });
    expect(countToWords(sum('3', '?'))).toBe('unknown');
  });

  test('should make the total unknown when a part is only "about" a figure', () => {
    expect(sum('3', '~2')).toEqual({ kind: 'unknown', raw: '?' });
    expect(sum('~3', '~2').kind).toBe('unknown');
  });

  test('should add the bounds of ranges', () => {
    const total = sum('10-15', '5-7');
    expect(total).toEqual({ kind: 'range', min: 15, max: 22, raw: '15-22' });
    expect(countToWords(total)).toBe('15 to 22');
    expect(sum('10-15', '3')).toEqual({ kind: 'range', min: 13, max: 18, raw: '13-18' });
  });

  test('should add upper bounds only into "at most"', () => {
    expect(sum('<=3', '<5')).toEqual({ kind: 'at-most', min: 0, max: 7, best: 7, raw: '<=7' });
    expect(countToWords(sum('<=3', '<5'))).toBe('at most 7');
  });

  test('should keep a total of nothing as none', () => {
    expect(sum('0', 'none')).toEqual({ kind: 'none', min: 0, max: 0, best: 0, raw: '0' });
  });

  test('should give a lower bound when a range meets an open figure', () => {
    expect(countToWords(sum('10-15', '2+'))).toBe('at least 12');
  });
});
