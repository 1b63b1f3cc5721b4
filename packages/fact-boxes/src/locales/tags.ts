/**
 * Language tags: their canonical form, the direction they are written in,
 * the tags whose strings serve them, and the language a document declares.
 */

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
const directions = new Map<string, 'ltr' | 'rtl'>();

/** The direction a language is written in, from its script (`ar` → Arab → rtl). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  let dir = directions.get(tag);
  if (dir === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(tag).maximize().script;
    } catch {
      script = undefined;
    }
    dir = script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    directions.set(tag, dir);
  }
  return dir;
}

/** A tag in its canonical form (`EN-gb` → `en-GB`), or `undefined` when it is not a language tag. */
export function canonicalTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/** `fr-CA` → [`fr-CA`, `fr`]: the tags whose strings serve a tag, most specific first. */
export function lookupChain(tag: string): string[] {
  const chain = [tag];
  for (let cut = tag.lastIndexOf('-'); cut > 0; cut = tag.lastIndexOf('-', cut - 1)) chain.push(tag.slice(0, cut));
  return chain;
}

/** Whether words in `a` need no `lang` of their own on a page in `b`: the same tag, or `b` a regional form of `a` (`fr` on an `fr-CA` page). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || (b.toLowerCase().startsWith(`${a.toLowerCase()}-`) && a.length > 0 && !a.includes('-'));
}

const FRONTMATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const LANG_LINE = /^lang[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))[ \t]*(?:#.*)?$/m;

/**
 * The language a document declares: `lang` in the frontmatter Astro read
 * (`data.astro.frontmatter`), in `data.matter` or `data.frontmatter` (other
 * hosts' conventions), or in the source's own YAML frontmatter.
 *
 * @example
 *   declaredLanguage({}, '---\nlang: ar\n---\n# …') // 'ar'
 */
export function declaredLanguage(data: unknown, source?: string): string | undefined {
  const record = data as { astro?: { frontmatter?: { lang?: unknown } }; matter?: { lang?: unknown }; frontmatter?: { lang?: unknown } } | undefined;
  for (const value of [record?.astro?.frontmatter?.lang, record?.matter?.lang, record?.frontmatter?.lang]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  if (source === undefined || !(source.startsWith('---') || source.startsWith('\uFEFF---'))) return undefined;
  const block = FRONTMATTER.exec(source)?.[1];
  const line = block === undefined ? undefined : LANG_LINE.exec(block);
  const value = line ? (line[1] ?? line[2] ?? line[3]) : undefined;
  return value && value.trim() !== '' ? value.trim() : undefined;
}
