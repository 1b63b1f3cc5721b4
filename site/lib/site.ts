/** Site-wide facts: its name, who publishes the JSON-LD, where articles live, and the words of its chrome. */
import type { CollectionEntry } from 'astro:content';
import type { ActorType, FactBoxLocale } from 'fact-boxes';

export const SITE_NAME = 'fact-boxes demo';

/** The publisher named in JSON-LD (`ClaimReview` author). */
export const PUBLISHER = { name: 'fact-boxes demo' } as const;

/** Absolute URL of a page of this site. */
export function pageUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'http://localhost/').href;
}

/** The language of an article: its frontmatter `lang` (which also sets the language of its fact boxes), else English. */
export function languageOf(entry: CollectionEntry<'articles'>): string {
  return entry.data.lang ?? 'en';
}

/** An article's last path segment: `ar/embassy-threats` → `embassy-threats`. */
export function slugOf(entry: CollectionEntry<'articles'>): string {
  return entry.id.split('/').at(-1)!;
}

/** Where an article is: English ones at /articles/<id>/, others under their language, /ar/articles/<slug>/. */
export function articlePath(entry: CollectionEntry<'articles'>): string {
  const lang = languageOf(entry);
  return lang === 'en' ? `/articles/${entry.id}/` : `/${lang}/articles/${slugOf(entry)}/`;
}

/** The words of the site's own chrome (the boxes bring theirs from fact-boxes' locales). */
const UI = {
  en: {
    skip: 'Skip to content',
    site: 'Site',
    articles: 'Articles',
    guide: 'Authoring guide',
    facts: 'All facts (JSON)',
    actors: 'Actors',
    footer: 'A demo of fact-boxes: validated, accessible fact boxes for Markdown and MDX. The article is republished as written; the fact boxes are the site’s.',
    moreFromMe: 'More From Me',
    factList: 'Facts in this article',
    whoIsWho: 'Who is who',
    readIn: 'Read in English',
  },
  ar: {
    skip: 'انتقل إلى المحتوى',
    site: 'الموقع',
    articles: 'المقالات',
    guide: 'دليل الكتابة',
    facts: 'كل الحقائق (JSON)',
    actors: 'الجهات الفاعلة',
    footer: 'عرض توضيحي لحزمة fact-boxes: صناديق حقائق يُتحقَّق من صحتها عند البناء ويقرؤها الجميع، في Markdown وMDX. هذه ترجمة مختصرة للمقال، وصناديق الحقائق من إعداد الموقع.',
    moreFromMe: 'المزيد من الكاتب',
    factList: 'الحقائق في هذا المقال',
    whoIsWho: 'مَن هو مَن',
    readIn: 'اقرأ بالعربية',
  },
} as const;

export type UiWords = (typeof UI)[keyof typeof UI];

/** The chrome's words in a language (English when the site has none for it). */
export function ui(lang: string | undefined): UiWords {
  return UI[(lang ?? 'en') as keyof typeof UI] ?? UI.en;
}

/** The kind of an actor in a language's words (`state-forces` → "State forces"), as the actor box writes it. */
export function typeWord(type: ActorType, words: FactBoxLocale): string {
  return words.t(`actorType.${type.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`);
}
