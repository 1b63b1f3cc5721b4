/**
 * An MDX page's compiled module with its boxes' HTML written back where the module asks for it. On a site
 * without an adapter the integration keeps that HTML in the build's store, out of the module, and the module
 * asks for it when it renders (`fact-boxes/astro/html`); this process, which compiled the page, has it.
 */
import { factBoxHtml } from 'fact-boxes/astro/html';

const html = (key: string, index: string) => JSON.stringify(factBoxHtml(key, Number(index)));

/**
 * `code` with each call for a box's HTML replaced by the string it gives when the page renders: `__factBoxHtml(n)`
 * (a page Sätteri compiled from the text fact-boxes wrote, its key given once) and `__factBoxHtmlOf(key, n)` (unified()).
 */
export function withBoxHtml(code: string): string {
  const key = /__factBoxHtmlOf\(("[^"]*"), index\)/.exec(code)?.[1];
  const once = key === undefined ? code : code.replace(/\b__factBoxHtml\((\d+)\)/g, (_call, index: string) => html(JSON.parse(key) as string, index));
  return once.replace(/\b__factBoxHtmlOf\("([^"]*)", (\d+)\)/g, (_call, called: string, index: string) => html(called, index));
}
