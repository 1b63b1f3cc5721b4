/**
 * A tiny hast builder for renderers. Boxes describe their HTML as hast
 * elements; the author's own Markdown (the title, the body) stays in the tree
 * as `content` slots that each adapter fills with its own nodes, so MDX JSX
 * and expressions inside a box keep working.
 */
import type { Element, ElementContent, Properties, Text } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';

/** Author content (mdast nodes) placed inside rendered hast. */
export interface ContentSlot {
  type: 'factBoxContent';
  nodes: MdastNodes[];
}

/** A rendered element whose children may hold author content. */
export interface BoxElement extends Omit<Element, 'children'> {
  children: BoxChild[];
}

/** What a rendered element can contain. */
export type BoxChild = BoxElement | Text | ContentSlot | Exclude<ElementContent, Element>;

/** What `h` accepts as children: nodes, strings, numbers, nested arrays; `null`, `undefined` and `false` are skipped. */
export type HChild = BoxChild | string | number | null | undefined | false | readonly HChild[];

/** Properties for `h`: hast properties (`className` as an array, `dataFactBox`, `ariaLabelledBy`…). */
export type HProperties = Properties;

function append(children: BoxChild[], child: HChild): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child as readonly HChild[]) append(children, item);
  } else if (typeof child === 'string' || typeof child === 'number') {
    children.push({ type: 'text', value: String(child) });
  } else {
    children.push(child as BoxChild);
  }
}

/** The properties of an element: the caller's own, with the values `h` drops left out and `data-*` flags written "true". */
function propertiesOf(properties: HProperties | null): Properties {
  const props: Properties = {};
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = properties[key];
    if (value === undefined || value === null || value === false) continue;
    // A `data-*` flag is written "true": HTML serialisers would write it empty and JSX (MDX) "true".
    props[key] = value === true && key.startsWith('data') ? 'true' : value;
  }
  return props;
}

/**
 * The children of an element. The usual call (`h('p', {}, 'words')`, no nested
 * lists, nothing left out) keeps the list it was given, its words made text
 * nodes in place: an element then costs no list grown by pushes.
 */
function childrenOf(children: HChild[]): BoxChild[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false || Array.isArray(child)) {
      const list: BoxChild[] = [];
      append(list, children);
      return list;
    }
  }
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (typeof child === 'string' || typeof child === 'number') children[index] = { type: 'text', value: String(child) };
  }
  return children as BoxChild[];
}

/**
 * Create an element.
 *
 * @example
 *   h('p', { className: ['fact-box__note'] }, 'described as ', h('q', {}, 'light'))
 */
export function h(tagName: string, properties: HProperties | null = null, ...children: HChild[]): BoxElement {
  return { type: 'element', tagName, properties: propertiesOf(properties), children: childrenOf(children) };
}

/** Wrap the author's Markdown nodes so a renderer can place them. */
export function content(nodes: readonly MdastNodes[]): ContentSlot {
  return { type: 'factBoxContent', nodes: [...nodes] };
}
