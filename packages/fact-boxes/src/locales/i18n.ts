/**
 * Words in the reader's language, as the rest of the package uses them:
 * which locale a page and a box are in (`catalog.ts`), one box's words
 * (`box-words.ts`), phrases as sites give them (`phrases.ts`), language tags
 * (`tags.ts`); and the words of a language outside any box (`factBoxWords`,
 * `englishWords`).
 */
import { defaultCatalog, DocumentLocale, LocaleCatalog } from './catalog.js';
import type { FactBoxLocale } from './box-words.js';
import type { SiteStrings } from './phrases.js';
import { canonicalTag } from './tags.js';

export { DocumentLocale, LocaleCatalog, type BoxLanguage, type MissingWords } from './catalog.js';
export type { FactBoxLocale } from './box-words.js';
export { knownKeys, phraseProblem, type BoxStrings, type PhraseValue, type SiteStrings } from './phrases.js';
export { canonicalTag, declaredLanguage, directionOf } from './tags.js';

/** The English words of the built-in boxes, for callers without a document (`countToWords`, `dateToWords`). */
export const englishWords: FactBoxLocale = new DocumentLocale(defaultCatalog).forBox({ name: '' }).locale;

const wordsByLanguage = new Map<string, FactBoxLocale>();

/**
 * The words of a language, outside a box: for layouts and components that
 * label facts the way the boxes do ("Facts in this article", a list of kinds).
 * Without `strings`, one object per language is kept for the process.
 *
 * @example
 *   const words = factBoxWords('ar');
 *   words.t('kind.claim') // 'ادعاء'
 *   words.count(parseCount('>24').value) // 'أكثر من 24'
 */
export function factBoxWords(lang?: string, options: { strings?: SiteStrings } = {}): FactBoxLocale {
  const tag = canonicalTag(lang) ?? 'en';
  if (options.strings) return new DocumentLocale(new LocaleCatalog({ strings: options.strings }), tag).forBox({ name: '' }).locale;
  let words = wordsByLanguage.get(tag);
  if (!words) wordsByLanguage.set(tag, (words = new DocumentLocale(defaultCatalog, tag).forBox({ name: '' }).locale));
  return words;
}
