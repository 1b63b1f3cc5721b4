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
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { find, html as htmlSchema } from 'property-information';

/** How a property is written: its attribute name, that name as it opens a value (` name="`), and its kind. */
type Info = { attribute: string; opening: string; boolean: boolean; overloadedBoolean: boolean; commaSeparated: boolean } | null;

/** Property name → how it is written, or `null` when its name needs escaping (left to hast-util-to-html). */
const infos = new Map<string, Info>();

function infoOf(key: string): Info {
  let info = infos.get(key);
  if (info === undefined) {
    const found = find(htmlSchema, key);
    // The characters hast-util-to-html escapes in attribute names, with its default settings.
    info = /[\0\t\n\f\r "&'/<=>`]/.test(found.attribute)
      ? null
      : { attribute: found.attribute, opening: ` ${found.attribute}="`, boolean: Boolean(found.boolean), overloadedBoolean: Boolean(found.overloadedBoolean), commaSeparated: Boolean(found.commaSeparated) };
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
/** The character references hast-util-to-html writes for the characters escaped above, made once (not per match). */
const REFERENCES = new Map(['\0', '"', '&', "'", '<', '`'].map((char) => [char, `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`]));
const hex = (char: string) => REFERENCES.get(char)!;

/** Text content, escaped as hast-util-to-html escapes it. */
function escapeText(value: string): string {
  return HAS_TEXT_ESCAPE.test(value) ? value.replace(TEXT_ESCAPES, hex) : value;
}

/** An attribute's value, escaped as hast-util-to-html escapes it (`"` and `&` as character references). */
function escapeAttribute(value: string): string {
  return HAS_ATTRIBUTE_ESCAPE.test(value) ? value.replace(ATTRIBUTE_ESCAPES, hex) : value;
}

/** Writes ` name="value"` for one property (nothing when it is left out); `false` when the fast path does not know it. */
function writeAttribute(key: string, raw: Properties[string], out: string[]): boolean {
  if (raw === null || raw === undefined) return true;
  const info = infoOf(key);
  if (info === null) return false;
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === '')) value = true;
  else if ((info.boolean || info.overloadedBoolean) && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value);
  if (value === false || (typeof value === 'number' && Number.isNaN(value))) return true;
  if (value === true) {
    out.push(' ', info.attribute);
    return true;
  }
  let text: string;
  if (Array.isArray(value)) {
    // As comma-separated-tokens and space-separated-tokens write lists (a last empty entry of a comma list is kept).
    // One class name, the usual list, is written as it is, without a joined copy.
    if (value.length === 1 && typeof value[0] === 'string' && value[0] !== '') text = value[0].trim();
    else text = (info.commaSeparated && value[value.length - 1] === '' ? [...value, ''] : value).join(info.commaSeparated ? ', ' : ' ').trim();
  }
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else return false;
  out.push(info.opening, escapeAttribute(text), '"');
  return true;
}

/** `<name` and `</name>` of each tag written, made once: fewer, longer pieces for the caller to join. */
const tags = new Map<string, { open: string; close: string }>();

function tagOf(name: string): { open: string; close: string } {
  let tag = tags.get(name);
  if (tag !== undefined) return tag;
  tag = { open: `<${name}`, close: `</${name}>` };
  // Renderers use a few dozen names; a renderer that made names up would not grow this without end.
  if (tags.size < 512) tags.set(name, tag);
  return tag;
}

/** Whether the fast path writes this element's own tag (its children are checked as they are written). */
const plainElement = (node: Element): boolean => !SPECIAL.has(node.tagName) && node.tagName.toLowerCase() === node.tagName;

function writeStart(node: Element, out: string[]): boolean {
  out.push(tagOf(node.tagName).open);
  for (const key in node.properties) if (!writeAttribute(key, node.properties[key], out)) return false;
  out.push('>');
  return true;
}

function writeElement(node: Element, out: string[]): boolean {
  if (!plainElement(node) || !writeStart(node, out)) return false;
  const mark = out.length;
  if (!writeNodes(node.children, out)) return false;
  // A void element with children loses its void-ness, as in hast-util-to-html.
  if (VOID.has(node.tagName) && isEmpty(out, mark)) return true;
  out.push(tagOf(node.tagName).close);
  return true;
}

/** Whether nothing but empty strings was written after `mark`. */
function isEmpty(out: readonly string[], mark: number): boolean {
  for (let index = mark; index < out.length; index++) if (out[index] !== '') return false;
  return true;
}

function writeNodes(list: readonly ElementContent[], out: string[]): boolean {
  for (const node of list) {
    if (node.type === 'text') out.push(escapeText(node.value));
    else if (node.type !== 'element' || !writeElement(node, out)) return false;
  }
  return true;
}

/**
 * Write hast nodes as rehype-stringify would with its defaults, at the end of
 * `out` (the pieces are joined once, by whoever asked for them: no string is
 * built per element).
 *
 * @example
 *   const out: string[] = [];
 *   writeHtml([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'x < y' }] }], out);
 *   out.join('') // '<p>x &#x3C; y</p>'
 */
export function writeHtml(list: readonly ElementContent[], out: string[]): void {
  const mark = out.length;
  if (writeNodes(list, out)) return;
  out.length = mark;
  out.push(toHtml({ type: 'root', children: [...list] }));
}

/**
 * Write an element's start tag (`<p class="a">`) at the end of `out`, its
 * children left to the caller.
 */
export function writeStartTag(node: Element, out: string[]): void {
  const mark = out.length;
  if (plainElement(node) && writeStart(node, out)) return;
  out.length = mark;
  const close = `</${node.tagName}>`;
  const empty = toHtml({ ...node, children: [] });
  out.push(empty.endsWith(close) ? empty.slice(0, empty.length - close.length) : empty);
}

/**
 * Serialise hast nodes as rehype-stringify would with its defaults.
 *
 * @example
 *   serialiseHtml([{ type: 'element', tagName: 'p', properties: { className: ['a'] }, children: [{ type: 'text', value: 'x < y' }] }])
 *   // '<p class="a">x &#x3C; y</p>'
 */
export function serialiseHtml(list: readonly ElementContent[]): string {
  const out: string[] = [];
  writeHtml(list, out);
  return out.join('');
}

/** An element's end tag (`</p>`), made once per tag name. */
export function closingTag(tagName: string): string {
  return tagOf(tagName).close;
}
