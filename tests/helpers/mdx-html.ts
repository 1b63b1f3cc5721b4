/**
 * The HTML an MDX page renders, as Astro renders it: the page evaluated with Sätteri, its JSX made into
 * HTML by a small runtime of our own, with Astro's `<Fragment set:html="…">` written as its HTML unescaped.
 * Compares what two ways of compiling a page give readers, where their modules differ in how they split
 * strings or nest fragments.
 */
import { evaluate, type MdastPluginList, type Features } from 'satteri';

const JSX_FRAGMENT = Symbol('jsx fragment');
type Element = { type: unknown; props: Record<string, unknown> };
/** Astro's Fragment component, which MDX pages are handed. */
const AstroFragment = (props: Record<string, unknown>): Element => ({ type: AstroFragment, props });

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

function toHtml(node: unknown): string {
  if (node === null || node === undefined || node === false || node === true) return '';
  if (Array.isArray(node)) return node.map(toHtml).join('');
  if (typeof node === 'string' || typeof node === 'number') return escape(String(node));
  const { type, props } = node as Element;
  if (type === JSX_FRAGMENT || type === AstroFragment) return typeof props['set:html'] === 'string' ? props['set:html'] : toHtml(props.children);
  if (typeof type === 'function') return toHtml((type as (props: unknown) => unknown)(props));
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && value !== undefined && value !== null && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`))
    .join('');
  return `<${String(type)}${attributes}>${toHtml(props.children)}</${String(type)}>`;
}

/** The HTML of an MDX page compiled with `features` and `mdastPlugins`. */
export function mdxHtml(text: string, features: Features, mdastPlugins?: MdastPluginList): string {
  const jsx = (type: unknown, props: Record<string, unknown>): Element => ({ type, props });
  const module = evaluate(text, { features, ...(mdastPlugins ? { mdastPlugins } : {}), data: { astro: { frontmatter: {} } }, Fragment: JSX_FRAGMENT, jsx, jsxs: jsx, elementAttributeNameCase: 'html' } as never);
  if (module instanceof Promise) throw new Error('expected a synchronous compile');
  const content = module.default as (props: object) => unknown;
  return toHtml(content({ components: { Fragment: AstroFragment } }));
}
