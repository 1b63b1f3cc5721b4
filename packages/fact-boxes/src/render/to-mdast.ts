/**
 * Rendered boxes go back into the mdast tree as nodes carrying
 * `data.hName`/`data.hProperties`, so remark-rehype, MDX and other plugins
 * turn them into HTML without raw strings, and author content (including MDX
 * JSX) stays real mdast.
 */
import type { ElementContent } from 'hast';
import type { Data, Parent, RootContent } from 'mdast';
import type { BoxChild, BoxElement } from './h.js';

/** An element of a rendered box, as an mdast node. */
export interface FactBoxElementNode extends Parent {
  type: 'factBoxElement';
  data: Data & { hName: string; hProperties?: Record<string, unknown>; hChildren?: ElementContent[] };
  children: RootContent[];
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

function childToMdast(child: BoxChild, out: RootContent[]): void {
  if (child.type === 'factBoxContent') {
    out.push(...(child.nodes as RootContent[]));
  } else if (child.type === 'text') {
    out.push({ type: 'text', value: child.value });
  } else if (child.type === 'element') {
    out.push(toMdast(child));
  }
  // hast comments and doctypes have no place in a box.
}

function hasContent(element: BoxElement): boolean {
  return element.children.some((child) => child.type === 'factBoxContent' || (child.type === 'element' && hasContent(child)));
}

/**
 * Turn a rendered element into an mdast node that becomes that element.
 * A part with no author content inside (a `<dl>`, a table, the footer) goes
 * over whole as `hChildren`: one node instead of one per element, which keeps
 * mdast-util-to-hast from cloning the properties of each of them.
 */
export function toMdast(element: BoxElement): FactBoxElementNode {
  const properties = Object.keys(element.properties).length > 0 ? { ...element.properties } : undefined;
  if (!hasContent(element)) {
    return {
      type: 'factBoxElement',
      data: { hName: element.tagName, ...(properties ? { hProperties: properties } : {}), hChildren: element.children as ElementContent[] },
      children: [],
    };
  }
  const children: RootContent[] = [];
  for (const child of element.children) childToMdast(child, children);
  return {
    type: 'factBoxElement',
    data: { hName: element.tagName, ...(properties ? { hProperties: properties } : {}) },
    children,
  };
}
