/**
 * The built-in locales: every one has every key of English, no other, and
 * each phrase uses the placeholders its English does (a translation that
 * drops `{n}` would show a count without its number).
 */
import { describe, expect, test } from 'vitest';
import { BUILTIN_LOCALES, builtinStrings, type Phrase } from 'fact-boxes';

const english = builtinStrings.en;
const keys = Object.keys(english).sort();

/** The placeholder names of a phrase (all its variants), without forms: `{date:genitive}` → `date`. */
function placeholders(phrase: Phrase): string[] {
  const texts = typeof phrase === 'string' ? [phrase] : Object.values(phrase);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{([A-Za-z][\w-]*)(?::[A-Za-z]+)?\}/g)].map((match) => match[1]!)))].sort();
}

describe('built-in locales', () => {
  test('should be the ten locales of the issue, English first', () => {
    expect([...BUILTIN_LOCALES]).toEqual(['en', 'ar', 'fr', 'de', 'es', 'ru', 'uk', 'tr', 'fa', 'he']);
    expect(Object.keys(builtinStrings).sort()).toEqual([...BUILTIN_LOCALES].sort());
  });

  test.each(BUILTIN_LOCALES.filter((tag) => tag !== 'en'))('%s should have every key of English, and no other', (tag) => {
    const strings = builtinStrings[tag] as Record<string, Phrase | undefined>;
    const missing = keys.filter((key) => strings[key] === undefined);
    expect(missing, `keys missing in ${tag}`).toEqual([]);
    expect(Object.keys(strings).filter((key) => !(key in english)), `keys in ${tag} that English does not have`).toEqual([]);
  });

  test.each(BUILTIN_LOCALES)('%s should use in each phrase the placeholders its English uses', (tag) => {
    const strings = builtinStrings[tag] as Record<string, Phrase>;
    for (const key of keys) {
      expect(placeholders(strings[key]!), `${tag} ${key}`).toEqual(placeholders(english[key as keyof typeof english]));
    }
  });

  test.each(BUILTIN_LOCALES)('%s should give non-empty text in every phrase, with "other" in every phrase with variants', (tag) => {
    for (const [key, phrase] of Object.entries(builtinStrings[tag])) {
      const texts = typeof phrase === 'string' ? [phrase] : Object.values(phrase);
      if (typeof phrase !== 'string') expect(phrase.other, `${tag} ${key}`).toBeTypeOf('string');
      for (const text of texts) expect(text.trim(), `${tag} ${key}`).not.toBe('');
    }
  });

  test('should give every status, verdict and type its own words in each locale', () => {
    for (const tag of BUILTIN_LOCALES) {
      const strings = builtinStrings[tag] as Record<string, Phrase>;
      for (const group of ['status.', 'rating.', 'actorType.']) {
        const words = keys.filter((key) => key.startsWith(group)).map((key) => strings[key]);
        expect(new Set(words).size, `${tag} ${group}*`).toBe(words.length);
      }
    }
  });
});
