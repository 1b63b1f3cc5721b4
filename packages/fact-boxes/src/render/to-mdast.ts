/**
 * Rendered boxes go back into the mdast tree. Elements that hold author
 * content (the section, its header, the title, the body) become nodes
 * carrying `data.hName`/`data.hProperties`, so author content (MDX JSX and
 * `{expressions}` included) stays real mdast that remark-rehype, MDX and other
 * plugins handle as usual.
 *
 * The parts of a box with no author content inside (the kind label, the
 * `<dl>` of facts, tables, the footer) are static: how they travel depends on
 * what the host compiles cheaply (`StaticHtml`). As hast (the default) every
 * element of them becomes, in an MDX page, a `_jsx()` call that the bundler
 * parses and keeps; as HTML the plugin serialised itself (with the same
 * escaping rules as rehype-stringify), a static part is one string.
 */
import type { Element, ElementContent } from 'hast';
import type { Data, Html, Parent, RootContent, Text } from 'mdast';
import type { BoxChild, BoxElement } from './h.js';
import { closingTag, serialiseHtml, writeHtml, writeStartTag } from './html.js';

/**
 * How the static parts of a box enter the tree:
 * - `false`: hast elements (`hChildren`), for any remark pipeline (the default);
 * - `'raw'`: mdast `html` nodes, for pipelines that keep raw HTML (Markdown pages in Astro, Sätteri's HTML output);
 * - `'fragment'`: `<Fragment set:html="…" />` MDX JSX, for MDX hosts that compile it to a string (Astro's MDX).
 */
export type StaticHtml = false | 'raw' | 'fragment';

/** An element of a rendered box, as an mdast node. */
export interface FactBoxElementNode extends Parent {
  type: 'factBoxElement';
  data: Data & { hName: string; hProperties?: Record<string, unknown>; hChildren?: ElementContent[] };
  children: RootContent[];
}

/** A static part of a box as one MDX JSX node: `<Fragment set:html="…" />`. */
export interface StaticFragmentNode {
  type: 'mdxJsxFlowElement';
  name: 'Fragment';
  attributes: [{ type: 'mdxJsxAttribute'; name: 'set:html'; value: string }];
  children: [];
}

declare module 'mdast' {
  interface RootContentMap {
    factBoxElement: FactBoxElementNode;
  }
  interface BlockContentMap {
    factBoxElement: FactBoxElementNode;
  }
  interface PhrasingContentMap {
    factBoxElement: FactBoxElementNode;
  }
}

function hasContent(child: BoxChild): boolean {
  if (child.type === 'factBoxContent') return true;
  return child.type === 'element' && child.children.some(hasContent);
}

/** The node that becomes `element`, around `children` (mdast) or `hChildren` (hast, for a part without author content). */
function elementNode(element: BoxElement, children: RootContent[], hChildren?: ElementContent[]): FactBoxElementNode {
  const properties = Object.keys(element.properties).length > 0 ? { ...element.properties } : undefined;
  return { type: 'factBoxElement', data: { hName: element.tagName, ...(properties ? { hProperties: properties } : {}), ...(hChildren ? { hChildren } : {}) }, children };
}

/**
 * A box's static HTML and author content, in reading order: the HTML between
 * two pieces of author content is written into `html` and becomes one string
 * when author content comes (`flush`), so no string is made per element.
 */
interface Pieces {
  /** The strings and author nodes so far. */
  list: Array<string | RootContent>;
  /** HTML written since the last author content. */
  html: string[];
}

function flush(pieces: Pieces): void {
  const html = pieces.html.join('');
  pieces.html = [];
  if (html !== '') pieces.list.push(html);
}

/**
 * An element as pieces: all of it as HTML when it holds no author content,
 * else its tags as HTML around its children. The box's own `<section>` stays
 * one node (an element in Markdown, a bare `<Fragment>` in MDX), so the author
 * content inside it is never wrapped or re-spaced by the host; titles are then
 * headings in the page but not nodes that hosts collect for a table of contents.
 */
function toPieces(child: BoxChild, pieces: Pieces): void {
  if (child.type === 'factBoxContent') {
    // Plain words (a title, a casualty group's label) go in the string around them: one piece of code fewer
    // in every compiled page. Only where the HTML is the same either way: no markup, nothing any
    // serialiser escapes, no data another plugin left on them.
    if (child.nodes.every(isPlainText)) {
      for (const node of child.nodes) pieces.html.push((node as Text).value);
      return;
    }
    flush(pieces);
    for (const node of child.nodes) pieces.list.push(node as RootContent);
  } else if (child.type === 'text') {
    writeHtml([child], pieces.html);
  } else if (child.type === 'element') {
    if (!hasContent(child)) {
      writeHtml([child as ElementContent], pieces.html);
      return;
    }
    writeStartTag(child as Element, pieces.html);
    for (const grandchild of child.children) toPieces(grandchild, pieces);
    pieces.html.push(closingTag(child.tagName));
  }
  // hast comments and doctypes have no place in a box.
}

/** Words with nothing in them that HTML writes differently from the text itself. */
const PLAIN = /^[^&<>"'\u0000]*$/;

function isPlainText(node: RootContent | { type: string }): boolean {
  return node.type === 'text' && (node as Text).data === undefined && PLAIN.test((node as Text).value);
}

function staticHtmlNode(html: string, form: Exclude<StaticHtml, false>): RootContent {
  if (form === 'raw') return { type: 'html', value: html } satisfies Html;
  const fragment: StaticFragmentNode = { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }], children: [] };
  return fragment as unknown as RootContent;
}

/** The HTML of a static part as `staticHtmlNode` makes it for MDX (`<Fragment set:html="…" />`); `undefined` for any other node. */
export function staticFragmentHtml(node: unknown): string | undefined {
  const fragment = node as Partial<StaticFragmentNode> & { attributes?: readonly { type: string; name?: string; value?: unknown }[]; children?: readonly unknown[] };
  if (fragment.type !== 'mdxJsxFlowElement' || fragment.name !== 'Fragment' || fragment.children?.length !== 0 || fragment.attributes?.length !== 1) return undefined;
  const [attribute] = fragment.attributes;
  return attribute?.type === 'mdxJsxAttribute' && attribute.name === 'set:html' && typeof attribute.value === 'string' ? attribute.value : undefined;
}

function withStaticHtml(element: BoxElement, form: Exclude<StaticHtml, false>): RootContent {
  if (!hasContent(element)) return staticHtmlNode(serialiseHtml([element as ElementContent]), form);
  const pieces: Pieces = { list: [], html: [] };
  // In MDX the section's own tags are strings too, inside a bare `<Fragment>`: it holds the pieces
  // together (MDX would put a line break between pieces at the top of a page) and costs no attributes.
  if (form === 'fragment') toPieces(element, pieces);
  else for (const child of element.children) toPieces(child, pieces);
  flush(pieces);
  // A box whose author content is all plain words is one string, like a box without any.
  if (form === 'fragment' && pieces.list.length === 1 && typeof pieces.list[0] === 'string') return staticHtmlNode(pieces.list[0], form);
  const children = pieces.list.map((piece) => (typeof piece === 'string' ? staticHtmlNode(piece, form) : piece));
  if (form === 'fragment') return { type: 'mdxJsxFlowElement', name: 'Fragment', attributes: [], children } as unknown as RootContent;
  return elementNode(element, children);
}

/** Author content of plain words on one line: the same HTML as hast text as through remark-rehype, which trims spaces around line endings. */
function isPlainLine(node: RootContent | { type: string }): boolean {
  return isPlainText(node) && !/[\r\n]/.test((node as Text).value);
}

/** Whether an element holds author content other than plain words on one line (that content must stay mdast). */
function hasMarkdown(child: BoxChild): boolean {
  if (child.type === 'factBoxContent') return !child.nodes.every(isPlainLine);
  return child.type === 'element' && child.children.some(hasMarkdown);
}

/** Hast of a part whose author content is plain words only: those words as hast text. */
function asHast(children: BoxChild[]): ElementContent[] {
  if (!children.some(hasContent)) return children as ElementContent[];
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'factBoxContent') return child.nodes.map((node) => ({ type: 'text', value: (node as Text).value }));
    if (child.type === 'element') return [{ ...child, children: asHast(child.children) } as Element];
    return [child as ElementContent];
  });
}

function asElements(element: BoxElement): RootContent {
  // A part without author content, or with plain words only (a title), goes over whole: one node,
  // which keeps mdast-util-to-hast from cloning the properties of each element (about 3 µs a clone).
  if (!hasMarkdown(element)) return elementNode(element, [], asHast(element.children));
  const children: RootContent[] = [];
  for (const child of element.children) {
    if (child.type === 'factBoxContent') children.push(...(child.nodes as RootContent[]));
    else if (child.type === 'text') children.push({ type: 'text', value: child.value });
    else if (child.type === 'element') children.push(asElements(child));
  }
  return elementNode(element, children);
}

/**
 * Turn a rendered box into the mdast node that becomes it.
 *
 * @example
 *   toMdast(h('section', {}, h('p', {}, 'Claim'), content(body)), 'fragment')
 */
export function toMdast(element: BoxElement, form: StaticHtml = false): RootContent {
  return form === false ? asElements(element) : withStaticHtml(element, form);
}
