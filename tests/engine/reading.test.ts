/**
 * What the engine reads once and remembers on the hot path gives what reading
 * afresh would: an opening line's attributes, a number in words, where a
 * parsed body lies in its file, whether a node runs over a box line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { factBoxWords, parseCount } from 'fact-boxes';
import { holdsBoxLine, readWrittenAttributes, shiftOf } from '../helpers/internal.js';

describe('readWrittenAttributes', () => {
  test('should give each line its own attributes, however lines alternate', () => {
    const a = ':::claim[Vow]{by="Ashab al-Kahf" date=2023-11-05 #vow .wide}';
    const b = "::group[Iraqi forces]{killed='3' injured=~10}";
    const first = readWrittenAttributes(a).map(({ name, value, quoted }) => [name, value, quoted]);
    expect(first).toEqual([
      ['by', 'Ashab al-Kahf', true],
      ['date', '2023-11-05', false],
      ['id', 'vow', false],
      ['class', 'wide', false],
    ]);
    expect(readWrittenAttributes(b).map(({ name, value }) => [name, value])).toEqual([
      ['killed', '3'],
      ['injured', '~10'],
    ]);
    expect(readWrittenAttributes(a).map(({ name, value, quoted }) => [name, value, quoted])).toEqual(first);
  });

  test('should place each attribute at its column, and read names without values', () => {
    const line = ':::claim{by=Police spokesperson  date = 2024 }';
    expect(readWrittenAttributes(line).map(({ name, index, value }) => [name, index, value])).toEqual([
      ['by', 9, 'Police'],
      ['spokesperson', 19, undefined],
      ['date', 33, '2024'],
    ]);
  });
});

describe('numbers in words', () => {
  test('should write each number as Intl does, the second time as the first', () => {
    const german = factBoxWords('de');
    const parsed = parseCount('12345');
    if (!parsed.ok) throw new Error('12345 is a count');
    const count = parsed.value;
    expect(german.count(count)).toBe(german.count(count));
    expect(german.count(count)).toContain(new Intl.NumberFormat('de', { maximumFractionDigits: 0 }).format(12345));
    expect(factBoxWords('en').count(count)).toContain('12,345');
  });
});

describe('shiftOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fact-boxes-shift-'));

  test('should find no shift when the text is the whole file, or the file with its frontmatter blanked in place', () => {
    const file = join(dir, 'page.mdx');
    const text = '---\ntitle: Ça va\n---\n\n:::claim{by=x}\nQ\n:::\n';
    writeFileSync(file, text);
    expect(shiftOf(file, text)).toBeUndefined();
    expect(shiftOf(file, text.replace(/^---[\s\S]*?---/, (frontmatter) => frontmatter.replace(/[^\n]/g, ' ')))).toBeUndefined();
  });

  test('should move a body given alone to the lines of its file', () => {
    const file = join(dir, 'entry.md');
    writeFileSync(file, '---\ntitle: Vow\ndate: 2023-11-05\n---\n\n:::claim{by=x}\nQ\n:::\n');
    expect(shiftOf(file, ':::claim{by=x}\nQ\n:::\n')).toEqual({ lines: 5, columns: 0 });
  });

  test('should find no shift for a file it cannot read', () => {
    expect(shiftOf(join(dir, 'missing.md'), 'text')).toBeUndefined();
  });
});

describe('holdsBoxLine', () => {
  /** The pattern it stands for, over a copy of the node's text from its first line break. */
  const byPattern = (source: string, start: number, end: number) => {
    const newline = source.indexOf('\n', start);
    return newline !== -1 && newline < end && /\n[ \t]*:{3}/.test(source.slice(newline, end));
  };
  const at = (start: number, end: number) => ({ position: { start: { offset: start }, end: { offset: end } } });

  test('should find a line that starts like a box after the first line of a node, and only inside it', () => {
    const source = 'Words\n  :::claim{by=x}\nmore\n:::';
    expect(holdsBoxLine(source, at(0, source.length))).toBe(true);
    expect(holdsBoxLine(source, at(0, 11))).toBe(true);
    expect(holdsBoxLine(source, at(0, 10))).toBe(false); // the node ends inside the colons
    expect(holdsBoxLine(source, at(6, source.length))).toBe(true); // a later line, not the node's first
    expect(holdsBoxLine('Words\n \t ::x\n', at(0, 14))).toBe(false);
    expect(holdsBoxLine('a', {})).toBe(true); // a node without a place may hold one
  });

  test('should agree with its pattern for any text and range', () => {
    const text = fc.string({ unit: fc.constantFrom(':', ' ', '\t', '\n', '\r', 'a'), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        const start = source.length === 0 ? 0 : a % (source.length + 1);
        const end = start + (b % (source.length - start + 1));
        expect(holdsBoxLine(source, at(start, end))).toBe(byPattern(source, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});
