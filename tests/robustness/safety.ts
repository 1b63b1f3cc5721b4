/**
 * What fact-boxes promises never to emit, checked on rendered HTML: no script
 * or frame elements, no event-handler attributes, and no link, source or
 * citation that is not an absolute http(s) URL.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style']);
/** hast property names of the attributes that hold a URL. */
const URL_PROPERTIES = ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'srcSet', 'background', 'longDesc'];
const HTTP = /^https?:\/\/[^\s/]/i;

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') {
      out.push(child);
      elements(child, out);
      if (child.content) elements(child.content as unknown as Element, out);
    }
  }
  return out;
}

/**
 * Every way `html` breaks the output contract, as sentences; empty when it is safe.
 *
 * @example
 *   unsafeParts('<p onclick="steal()">hi</p>') // ['<p> has an event handler onClick']
 */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  // The serialiser escapes `<` in text, so a literal `<script` can only be an element.
  for (const tag of ['<script', '<iframe']) if (html.toLowerCase().includes(tag)) problems.push(`the HTML contains ${tag}`);
  for (const element of elements(fromHtml(html, { fragment: true }))) {
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) problems.push(`a <${element.tagName}> element`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on./i.test(name)) problems.push(`<${element.tagName}> has an event handler ${name}`);
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (URL_PROPERTIES.includes(name)) {
        for (const url of values) if (!HTTP.test(url)) problems.push(`<${element.tagName}> has ${name}=${JSON.stringify(url)}, not an http(s) URL`);
      }
    }
  }
  return problems;
}

/** Whitespace collapsed, so text can be compared across line breaks and indentation. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Elements whose content HTML reads as text, not markup: an author's `<script>` (raw HTML, kept by both) would hold the rest of the page, written differently by each serialiser. */
export const RAW_TEXT_TAGS = /<(?=(?:iframe|noembed|noframes|noscript|plaintext|script|style|textarea|title|xmp)\b)/gi;
