/**
 * The benchmark corpus is what the speed figures are measured on: it must be
 * the same on every run and its boxes must be valid, or the figures would
 * measure error paths.
 */
import { describe, expect, test } from 'vitest';
import { article, articleAsComponents, wordCount } from '../../bench/corpus.mjs';
import { render } from '../helpers/pipeline.js';

const articleOf = article as (index: number, seed?: number) => string;
const words = wordCount as (text: string) => number;

describe('benchmark corpus', () => {
  test('should be the same for the same seed and differ between articles', () => {
    expect(articleOf(3)).toBe(articleOf(3));
    expect(articleOf(3)).not.toBe(articleOf(4));
  });

  test('should hold about 1,500 words and eight valid boxes of every kind', async () => {
    for (const index of [0, 1, 2]) {
      const text = articleOf(index);
      expect(words(text)).toBeGreaterThan(1200);
      expect(words(text)).toBeLessThan(1900);
      const { file, messages } = await render(text, {});
      expect(messages).toEqual([]);
      expect(new Set(file.data.factBoxes?.map((record) => record.type))).toEqual(new Set(['claim', 'casualties', 'timeline', 'actor']));
      expect(file.data.factBoxes).toHaveLength(8);
    }
  });

  test('should write the same boxes as components for the component variant', () => {
    const text = articleAsComponents(0);
    expect(text).not.toMatch(/^:::/m);
    expect(text.match(/<(Claim|Casualties|Timeline|Actor)\b/g)).toHaveLength(8);
  });
});
