/** A page's language from its path, under Astro's i18n routing. */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

/** Astro's `i18n` config. */
type AstroI18n = NonNullable<AstroConfig['i18n']>;

/**
 * The language of a file from the folders of its path, under Astro's i18n
 * routing: `src/pages/fr/…` or `src/content/docs/fr/…` is in `fr` (a locale
 * given as `{ path, codes }` is in its first code). Files in no locale folder
 * are in the site's language (its `defaultLocale`).
 */
export function pathLanguageOf(i18n: AstroI18n, root: URL): (path: string) => string | undefined {
  const byFolder = new Map<string, string>();
  for (const locale of i18n.locales) {
    if (typeof locale === 'string') byFolder.set(locale, locale);
    else if (locale.codes[0]) byFolder.set(locale.path, locale.codes[0]);
  }
  const base = fileURLToPath(root);
  return (path) => {
    const folders = relative(base, path).split(sep).slice(0, -1);
    for (let index = folders.length - 1; index >= 0; index--) {
      const found = byFolder.get(folders[index]!);
      if (found) return found;
    }
    return undefined;
  };
}
