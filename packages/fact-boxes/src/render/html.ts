/**
 * HTML for the static parts of a box, byte for byte what `hast-util-to-html`
 * (rehype-stringify) writes with its default settings, in a fraction of the
 * time: a box is a few dozen plain HTML elements with known properties, and a
 * newsroom build serialises hundreds of thousands of them.
 *
 * Anything outside that plain subset (SVG, `<script>`/`<style>`/`<template>`,
 * comments, raw nodes, unusual property values) goes to `hast-util-to-html`
 * itself, so the output never differs; `tests/render/html.test.ts` holds the
 * two to the same bytes.
 */
import type { ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlSchema } from 'property-information';

type Info = { attribute: string; boolean: boolean; overloadedBoolean: boolean; commaSeparated: boolean } | null;

/** Property name → how it is written, or `null` when its name needs escaping (left to hast-util-to-html). */
const infos = new Map<string, Info>();

function infoOf(key: string): Info {
  let info = infos.get(key);
  if (info === undefined) {
    const found = find(htmlSchema, key);
    // The characters hast-util-to-html escapes in attribute names, with its default settings.
    info = /[\0\t\n\f\r "&'/<=>`]/.test(found.attribute)
      ? null
      : { attribute: found.attribute, boolean: Boolean(found.boolean), overloadedBoolean: Boolean(found.overloadedBoolean), commaSeparated: Boolean(found.commaSeparated) };
    infos.set(key, info);
  }
  return info;
}

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content hast-util-to-html treats specially (raw text, templates, foreign content). */
const SPECIAL = new Set(['script', 'style', 'template', 'svg', 'math']);

const TEXT_ESCAPES = /[<&]/g;
const HAS_TEXT_ESCAPE = /[<&]/;
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
const HAS_ATTRIBUTE_ESCAPE = /[\0"&'`]/;
const hex = (char: string) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;

/** Text content, escaped as hast-util-to-html escapes it. */
function escapeText(value: string): string {
  return HAS_TEXT_ESCAPE.test(value) ? value.replace(TEXT_ESCAPES, hex) : value;
}

function escapeAttribute(value: string): string {
  return HAS_ATTRIBUTE_ESCAPE.test(value) ? value.replace(ATTRIBUTE_ESCAPES, hex) : value;
}

/** ` name="value"` for one property, `''` when it is left out, `undefined` when the fast path does not know it. */
function attribute(key: string, raw: Properties[string]): string | undefined {
  if (raw === null || raw === undefined) return '';
  const info = infoOf(key);
  if (info === null) return undefined;
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === false || (typeof value === 'number' && Number.isNaN(value))) return '';
  if (value === true) return ` ${info.attribute}`;
  let text: string;
  if (Array.isArray(value)) {
    // As comma-separated-tokens and space-separated-tokens write lists (a last empty entry of a comma list is kept).
    const items = info.commaSeparated && value[value.length - 1] === '' ? [...value, ''] : value;
    text = items.join(info.commaSeparated ? ', ' : ' ').trim();
  }
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else return undefined;
  return ` ${info.attribute}="${escapeAttribute(text)}"`;
}

function element(node: Extract<ElementContent, { type: 'element' }>): string | undefined {
  if (SPECIAL.has(node.tagName) || node.tagName.toLowerCase() !== node.tagName) return undefined;
  let out = `<${node.tagName}`;
  for (const key in node.properties) {
    const written = attribute(key, node.properties[key]);
    if (written === undefined) return undefined;
    out += written;
  }
  out += '>';
  const inner = nodes(node.children);
  if (inner === undefined) return undefined;
  // A void element with children loses its void-ness, as in hast-util-to-html.
  if (VOID.has(node.tagName) && inner === '') return out;
  return `${out}${inner}</${node.tagName}>`;
}

function nodes(list: readonly ElementContent[]): string | undefined {
  let out = '';
  for (const node of list) {
    if (node.type === 'text') out += escapeText(node.value);
    else if (node.type === 'element') {
      const written = element(node);
      if (written === undefined) return undefined;
      out += written;
    } else return undefined;
  }
  return out;
}

/**
 * Serialise hast nodes as rehype-stringify would with its defaults.
 *
 * @example
 *   serialiseHtml([{ type: 'element', tagName: 'p', properties: { className: ['a'] }, children: [{ type: 'text', value: 'x < y' }] }])
 *   // '<p class="a">x &#x3C; y</p>'
 */
export function serialiseHtml(list: readonly ElementContent[]): string {
  return nodes(list) ?? toHtml({ type: 'root', children: [...list] });
}
