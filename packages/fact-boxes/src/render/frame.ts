/**
 * The frame every box shares: a labelled `<section>` with a header (kind and
 * title) and a footer naming the source.
 */
import { englishWords, type FactBoxLocale } from '../locales/i18n.js';
import { h, type BoxElement, type ContentSlot, type HChild } from './h.js';

export interface FrameOptions {
  type: string;
  id: string;
  kind: string;
  title: string | ContentSlot;
  /** Where the title links to (an entity's page), if anywhere. */
  titleHref?: string | undefined;
  headingLevel: number;
  attributes: Record<string, unknown>;
  className: string[];
  inner: HChild;
  /** The box's words (English by default). */
  locale?: FactBoxLocale;
  /** `lang` of the box, when it is not the page's. */
  lang?: string | undefined;
  /** `dir` of the box, when it is not the page's. */
  dir?: 'ltr' | 'rtl' | undefined;
}

/** The host name of a URL, for link text. */
function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "Source: …" with a link when there is a URL. */
function renderSource(source: unknown, sourceUrl: unknown, locale: FactBoxLocale = englishWords): BoxElement | undefined {
  const name = typeof source === 'string' ? source : undefined;
  const url = typeof sourceUrl === 'string' ? sourceUrl : undefined;
  if (!name && !url) return undefined;
  const link = url ? h('a', { href: url, className: ['fact-box__source-link'] }, locale.isolate(name ?? hostOf(url))) : locale.isolate(name);
  // In right-to-left text the address keeps its own order.
  const address = url && name ? h('span', { className: ['fact-box__url'] }, locale.dir === 'rtl' ? [' (', locale.isolate(url), ')'] : ` (${url})`) : undefined;
  return h('footer', { className: ['fact-box__source'] }, h('p', {}, locale.parts('source.label', { source: link }), address));
}

/** Wrap a box's content in the shared frame. */
export function renderFrame(options: FrameOptions): BoxElement {
  const titleId = `${options.id}-title`;
  const level = Math.min(6, Math.max(2, options.headingLevel));
  return h(
    'section',
    {
      className: ['fact-box', `fact-box--${options.type}`, ...options.className],
      id: options.id,
      ariaLabelledBy: [titleId],
      // Focusable by script and by links to it (not by Tab): "Facts in this article"
      // and other #id links then move keyboard and screen reader focus to the box.
      tabIndex: -1,
      dataFactBox: options.type,
      lang: options.lang,
      dir: options.dir,
    },
    h(
      'header',
      { className: ['fact-box__header'] },
      h('p', { className: ['fact-box__kind'] }, options.kind),
      h(`h${level}`, { className: ['fact-box__title'], id: titleId }, options.titleHref === undefined ? options.title : h('a', { href: options.titleHref, className: ['fact-box__entity'] }, options.title)),
    ),
    options.inner,
    renderSource(options.attributes.source, options.attributes.sourceUrl, options.locale),
  );
}
