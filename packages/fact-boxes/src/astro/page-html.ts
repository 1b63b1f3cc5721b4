/**
 * A compiled MDX page's boxes' HTML, kept out of its module. On a site where
 * every page renders in the build's process (no adapter), each static part
 * of a page's boxes is kept in the build's store, and the page asks for it
 * when it renders (`factBoxHtml` of `fact-boxes/astro/html`): the bundler
 * then parses, keeps and writes out a module about the size of the page
 * without boxes (bench/profile.md). Sätteri's pages written in beforehand
 * get these calls as MDX text (astro/satteri.ts), unified()'s as nodes.
 */
import type { Root, RootContent } from 'mdast';
import { keepPageHtml } from '../outputs/site-store.js';
import { staticFragmentHtml } from '../render/to-mdast.js';

/** The module compiled pages read their boxes' HTML from. */
const MODULE = 'fact-boxes/astro/html';
/** What a page's module calls `factBoxHtml` (MDX's own names start with `_`; this one does not meet an author's). */
const HTML_OF = '__factBoxHtmlOf';
/** What a page written in beforehand calls for the piece at a place, its key given once (`htmlEsm`). */
export const HTML_OF_PAGE = '__factBoxHtml';

/** The import a page's module reads its boxes' HTML with. */
const IMPORT = `import { factBoxHtml as ${HTML_OF} } from ${JSON.stringify(MODULE)};`;

/** The end of a page's module that gives it its boxes' HTML, kept under `key`, as `HTML_OF_PAGE(index)`. */
export function htmlEsm(key: string): string {
  return `${IMPORT}\nfunction ${HTML_OF_PAGE}(index) { return ${HTML_OF}(${JSON.stringify(key)}, index); }`;
}

type Attribute = { type: string; name?: string; value?: unknown };
const literal = (value: string | number) => ({ type: 'Literal', value, raw: JSON.stringify(value) });

/**
 * Keep the HTML of each static part of an MDX tree's boxes (`<Fragment set:html="…" />`) in the build's store, and
 * have the part ask for it: its attribute becomes the expression `__factBoxHtmlOf(key, index)`, with the estree
 * that @mdx-js/mdx compiles, and the page imports `factBoxHtml`. A tree without such a part is left as it is.
 * `replacing`: the page's file, where it is compiled again as it changes (`keepPageHtml`).
 */
export function keepHtmlOutOfModule(tree: Root, replacing?: string): void {
  const pieces: string[] = [];
  const attributes: Attribute[] = [];
  const visit = (node: RootContent | Root) => {
    const html = staticFragmentHtml(node);
    if (html !== undefined) {
      pieces.push(html);
      attributes.push((node as unknown as { attributes: [Attribute] }).attributes[0]);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  if (pieces.length === 0) return;
  const key = keepPageHtml(pieces, replacing);
  attributes.forEach((attribute, index) => {
    const call = { type: 'CallExpression', callee: { type: 'Identifier', name: HTML_OF }, arguments: [literal(key), literal(index)], optional: false };
    attribute.value = {
      type: 'mdxJsxAttributeValueExpression',
      value: `${HTML_OF}(${JSON.stringify(key)}, ${index})`,
      data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression: call }], comments: [] } },
    };
  });
  const specifier = { type: 'ImportSpecifier', imported: { type: 'Identifier', name: 'factBoxHtml' }, local: { type: 'Identifier', name: HTML_OF } };
  const estree = { type: 'Program', sourceType: 'module', body: [{ type: 'ImportDeclaration', specifiers: [specifier], attributes: [], source: literal(MODULE) }], comments: [] };
  tree.children.push({ type: 'mdxjsEsm', value: IMPORT, data: { estree } } as unknown as RootContent);
}
