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

/**
 * Create an element.
 *
 * @example
 *   h('p', { className: ['fact-box__note'] }, 'described as ', h('q', {}, 'light'))
 */
export function h(tagName: string, properties: HProperties | null = null, ...children: HChild[]): BoxElement {
  const props: Properties = {};
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) continue;
    const value = properties[key];
    if (value === undefined || value === null || value === false) continue;
    // A `data-*` flag is written "true": HTML serialisers would write it empty and JSX (MDX) "true".
    props[key] = value === true && key.startsWith('data') ? 'true' : value;
  }
  const list: BoxChild[] = [];
  append(list, children);
  return { type: 'element', tagName, properties: props, children: list };
}

/** Wrap the author's Markdown nodes so a renderer can place them. */
export function content(nodes: readonly MdastNodes[]): ContentSlot {
  return { type: 'factBoxContent', nodes: [...nodes] };
}
