/** The built-in locales: one module of strings each, every one with every key of English. */
import { ar } from './ar.js';
import { de } from './de.js';
import { en, type LocaleStrings } from './en.js';
import { es } from './es.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { he } from './he.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

export type { LocaleStrings, Phrase, PhraseVariants, StringKey } from './en.js';
export { en };

/** The tags of the built-in locales. */
export const BUILTIN_LOCALES = ['en', 'ar', 'fr', 'de', 'es', 'ru', 'uk', 'tr', 'fa', 'he'] as const;
export type BuiltinLocale = (typeof BUILTIN_LOCALES)[number];

/** Every built-in locale's strings, by tag. */
export const builtinStrings: Readonly<Record<BuiltinLocale, LocaleStrings>> = { en, ar, fr, de, es, ru, uk, tr, fa, he };
