/**
 * Counts, dates and periods in words, per locale, against text written by
 * hand: what a reader of each language expects to see.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countToWords, dateToWords, factBoxWords, parseCount, parseDate, parsePeriod, periodToWords, type Count, type DateValue } from 'fact-boxes';

const count = (text: string): Count => {
  const parsed = parseCount(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};
const date = (text: string): DateValue => {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};
const period = (text: string) => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

const COUNTS = ['12', '12+', '>24', '<24', '<=24', '~30', '10-15', '?', 'none', '1,200'] as const;
const DATES = ['2023-11-05', '2023-11', '2023', '2023-11-05~', '2023-11~', '2023~'] as const;
const PERIODS = ['2023-10-17/..', '2023-10/..', '2019/..', '2023-10-17/2023-11-05', '2019-12/2020-01', '2019/2020', '2023-10-17/2023-11'] as const;

/** NBSP and NNBSP, as Intl writes thousands in French and Russian. */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const EXPECTED: Record<string, { counts: string[]; dates: string[]; periods: string[] }> = {
  en: {
    counts: ['12', 'at least 12', 'more than 24', 'fewer than 24', 'at most 24', 'about 30', '10 to 15', 'unknown', 'none', '1,200'],
    dates: ['5 November 2023', 'November 2023', '2023', 'around 5 November 2023', 'around November 2023', 'around 2023'],
    periods: ['since 17 October 2023', 'since October 2023', 'since 2019', '17 October 2023 to 5 November 2023', 'December 2019 to January 2020', '2019 to 2020', '17 October 2023 to November 2023'],
  },
  ar: {
    counts: ['12', '12 على الأقل', 'أكثر من 24', 'أقل من 24', '24 على الأكثر', 'نحو 30', 'بين 10 و15', 'غير معروف', 'لا يوجد', '1,200'],
    dates: ['5 نوفمبر 2023', 'نوفمبر 2023', 'عام 2023', 'حوالي 5 نوفمبر 2023', 'حوالي نوفمبر 2023', 'حوالي عام 2023'],
    periods: [
      'منذ 17 أكتوبر 2023',
      'منذ أكتوبر 2023',
      'منذ عام 2019',
      'من 17 أكتوبر 2023 إلى 5 نوفمبر 2023',
      'من ديسمبر 2019 إلى يناير 2020',
      'من عام 2019 إلى عام 2020',
      'من 17 أكتوبر 2023 إلى نوفمبر 2023',
    ],
  },
  fr: {
    counts: ['12', 'au moins 12', 'plus de 24', 'moins de 24', 'au plus 24', 'environ 30', 'entre 10 et 15', 'inconnu', 'aucun', `1${NNBSP}200`],
    dates: ['5 novembre 2023', 'novembre 2023', '2023', 'vers le 5 novembre 2023', 'vers novembre 2023', 'vers 2023'],
    periods: ['depuis le 17 octobre 2023', 'depuis octobre 2023', 'depuis 2019', 'du 17 octobre 2023 au 5 novembre 2023', 'décembre 2019 – janvier 2020', '2019 – 2020', '17 octobre 2023 – novembre 2023'],
  },
  ru: {
    counts: ['12', 'не менее 12', 'более 24', 'менее 24', 'не более 24', 'около 30', 'от 10 до 15', 'неизвестно', 'нет', `1${NBSP}200`],
    dates: ['5 ноября 2023 г.', 'ноябрь 2023 г.', '2023 г.', 'около 5 ноября 2023 г.', 'около ноября 2023 г.', 'около 2023 г.'],
    periods: [
      'с 17 октября 2023 г.',
      'с октября 2023 г.',
      'с 2019 г.',
      'с 17 октября 2023 г. по 5 ноября 2023 г.',
      'с декабря 2019 г. по январь 2020 г.',
      'с 2019 г. по 2020 г.',
      'с 17 октября 2023 г. по ноябрь 2023 г.',
    ],
  },
};

describe.each(Object.keys(EXPECTED))('%s', (tag) => {
  const words = factBoxWords(tag);
  const expected = EXPECTED[tag]!;

  test.each(COUNTS.map((written, index) => [written, expected.counts[index]!] as const))('should write the count %s as %j', (written, text) => {
    expect(words.count(count(written))).toBe(text);
  });

  test.each(DATES.map((written, index) => [written, expected.dates[index]!] as const))('should write the date %s as %j', (written, text) => {
    expect(words.date(date(written))).toBe(text);
  });

  test.each(PERIODS.map((written, index) => [written, expected.periods[index]!] as const))('should write the period %s as %j', (written, text) => {
    expect(words.period(period(written))).toBe(text);
  });
});

describe('the other built-in locales', () => {
  test.each([
    ['de', '>24', 'mehr als 24'],
    ['de', '10-15', 'zwischen 10 und 15'],
    ['de', '1,200', '1.200'],
    ['es', '>24', 'más de 24'],
    ['es', '10-15', 'entre 10 y 15'],
    ['es', '?', 'se desconoce'],
    ['uk', '>24', 'понад 24'],
    ['uk', '10-15', 'від 10 до 15'],
    ['tr', '>24', "24'ten fazla"],
    ['tr', '<30', "30'dan az"],
    ['tr', '10-15', '10 ile 15 arası'],
    ['fa', '>24', 'بیش از ۲۴'],
    ['fa', '10-15', 'بین ۱۰ تا ۱۵'],
    ['fa', '1,200', '۱٬۲۰۰'],
    ['he', '>24', 'יותר מ־24'],
    ['he', '10-15', 'בין 10 ל־15'],
    ['he', '~30', 'כ־30'],
  ])('%s should write the count %s as %j', (tag, written, text) => {
    expect(factBoxWords(tag).count(count(written))).toBe(text);
  });

  test.each([
    ['de', '2023-10-17/..', 'seit dem 17. Oktober 2023'],
    ['de', '2023-10/..', 'seit Oktober 2023'],
    ['de', '2023-10-17/2023-11-05', 'vom 17. Oktober 2023 bis zum 5. November 2023'],
    ['de', '2023-11~', 'ca. November 2023'],
    ['es', '2023-10-17/..', 'desde el 17 de octubre de 2023'],
    ['es', '2023-10-17/2023-11-05', 'del 17 de octubre de 2023 al 5 de noviembre de 2023'],
    ['es', '2019/2020', 'de 2019 a 2020'],
    ['uk', '2023-10-17/..', 'з 17 жовтня 2023 р.'],
    ['uk', '2023-10/..', 'з жовтня 2023 р.'],
    ['uk', '2023-11~', 'близько листопада 2023 р.'],
    ['tr', '2023-10-17/..', '17 Ekim 2023 tarihinden bu yana'],
    ['tr', '2019/..', '2019 yılından bu yana'],
    ['tr', '2023-11~', 'Kasım 2023 civarı'],
    ['fa', '2023-10-17/..', 'از ۱۷ اکتبر ۲۰۲۳ تاکنون'],
    ['fa', '2023~', 'حدود سال ۲۰۲۳'],
    ['he', '2023-10-17/..', 'מאז 17 באוקטובר 2023'],
    ['he', '2023-11~', 'בסביבות נובמבר 2023'],
  ])('%s should write %s as %j', (tag, written, text) => {
    expect(factBoxWords(tag).period(period(written))).toBe(text);
  });

  test('should write digits as the tag asks: Arabic-Indic for ar-EG, Gregorian dates for Persian', () => {
    expect(factBoxWords('ar-EG').count(count('>24'))).toBe('أكثر من ٢٤');
    expect(factBoxWords('ar-EG').date(date('2023-11-05'))).toBe('٥ نوفمبر ٢٠٢٣');
    // Persian's own calendar would make this 14 Aban 1402: ISO dates stay Gregorian.
    expect(factBoxWords('fa').date(date('2023-11-05'))).toBe('۵ نوامبر ۲۰۲۳');
  });

  test('should write regional English as the region does, and plain English as the British house style', () => {
    expect(factBoxWords('en-US').date(date('2023-11-05'))).toBe('November 5, 2023');
    expect(factBoxWords('en').date(date('2023-11-05'))).toBe('5 November 2023');
    expect(factBoxWords('fr-CA').count(count('>24'))).toBe('plus de 24');
  });

  test.each([
    [1, "1'den"],
    [3, "3'ten"],
    [6, "6'dan"],
    [10, "10'dan"],
    [20, "20'den"],
    [40, "40'tan"],
    [70, "70'ten"],
    [100, "100'den"],
    [1000, "1.000'den"],
    [1500000, "1.500.000'den"],
    [2000000, "2.000.000'dan"],
  ])('tr should put the ablative suffix after %d as it sounds: %s', (n, text) => {
    expect(factBoxWords('tr').t('count.moreThan', { n })).toBe(`${text} fazla`);
  });
});

describe('English words', () => {
  const english = factBoxWords('en');

  test('should be the words of countToWords for every count', () => {
    const counts = fc.oneof(
      fc.nat({ max: 10_000_000 }).map(String),
      fc.tuple(fc.constantFrom('>', '<', '<=', '~'), fc.integer({ min: 1, max: 10_000_000 })).map(([prefix, n]) => `${prefix}${n}`),
      fc.integer({ min: 1, max: 10_000_000 }).map((n) => `${n}+`),
      fc.tuple(fc.nat({ max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 })).map(([a, b]) => `${a}-${a + b}`),
      fc.constantFrom('?', 'none'),
    );
    fc.assert(
      fc.property(counts, (written) => {
        expect(english.count(count(written))).toBe(countToWords(count(written)));
      }),
    );
  });

  test('should be the words of dateToWords and periodToWords for every date', () => {
    const dates = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }), fc.boolean())
      .map(([year, month, day, approximate]) => {
        const y = String(year).padStart(4, '0');
        const text = month === 0 ? y : day === 0 ? `${y}-${String(month).padStart(2, '0')}` : `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        return `${text}${approximate ? '~' : ''}`;
      });
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        expect(english.date(date(a))).toBe(dateToWords(date(a)));
        expect(english.period(period(`${a}/..`))).toBe(periodToWords(period(`${a}/..`)));
        const [first, last] = date(a).iso <= date(b).iso ? [a, b] : [b, a];
        const parsed = parsePeriod(`${first}/${last}`);
        if (parsed.ok) expect(english.period(parsed.value)).toBe(periodToWords(parsed.value));
      }),
    );
  });
});
