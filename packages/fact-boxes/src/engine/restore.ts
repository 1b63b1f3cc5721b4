/**
 * Nothing the author wrote disappears: remark-directive reads prose such as
 * `re:Invent`, `Note:this` or `mailto:` as directives. Every text or leaf
 * directive that no plugin handled is turned back into exactly the source
 * text it came from, sliced by position (not re-serialised, which would
 * change what the author wrote).
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';

/**
 * The text a remark parser gave its nodes positions in: the file as a string
 * (as unified hands it to the parser), without a leading byte order mark,
 * which micromark skips (offsets count from the character after it).
 *
 * @example
 *   parsedSource(new VFile('\uFEFFre:Invent')) // 're:Invent'
 */
export function parsedSource(file: { toString(): string }): string {
  const text = String(file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether a plugin took a directive over (gave it an element name, properties or children). */
export function isHandledDirective(node: { data?: unknown }): boolean {
  const data = node.data as { hName?: unknown; hProperties?: unknown; hChildren?: unknown } | undefined;
  return Boolean(data && (data.hName !== undefined || data.hProperties !== undefined || data.hChildren !== undefined));
}

/** Rebuild a directive's text when the source cannot be sliced (a node made by a plugin). */
function serialise(node: TextDirective | LeafDirective, source: string): string {
  const colons = node.type === 'leafDirective' ? '::' : ':';
  const label = node.children.length > 0 ? `[${node.children.map((child) => textOf(child as Nodes, source)).join('')}]` : '';
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => (value === '' ? key : `${key}="${String(value).replaceAll('"', '&quot;')}"`))
    .join(' ');
  return `${colons}${node.name}${label}${attributes ? `{${attributes}}` : ''}`;
}

function textOf(node: Nodes, source: string): string {
  if (node.type === 'textDirective' || node.type === 'leafDirective') return directiveSource(node, source);
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map((child) => textOf(child, source)).join('');
  return '';
}

/** What the author wrote for a directive: the source slice, or a rebuilt form for nodes made by plugins. */
export function directiveSource(node: TextDirective | LeafDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && end <= source.length) return source.slice(start, end);
  return serialise(node, source);
}

/**
 * `At 10` + `:30` + ` local time` back into one text node, as the author wrote
 * it (React, in Next.js, would otherwise put `<!-- -->` between the pieces).
 */
function mergeTexts(children: RootContent[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const previous = children[index - 1]!;
    const current = children[index]!;
    if (previous.type !== 'text' || current.type !== 'text') continue;
    const start = previous.position?.start;
    const end = current.position?.end;
    children.splice(index - 1, 2, { type: 'text', value: previous.value + current.value, ...(start && end ? { position: { start, end } } : {}) });
  }
}

/**
 * Turn every text and leaf directive nobody handled back into its source text.
 * Container directives are left for other plugins. Code is never touched.
 *
 * @example
 *   restoreUnhandledDirectives(tree, String(file.value))
 */
export function restoreUnhandledDirectives(tree: Root, source: string): void {
  const visit = (parent: Parent) => {
    const children = parent.children as RootContent[];
    let restored = false;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if ((child.type === 'textDirective' || child.type === 'leafDirective') && !isHandledDirective(child)) {
        const text = { type: 'text' as const, value: directiveSource(child, source), position: child.position };
        children[index] = child.type === 'leafDirective' ? { type: 'paragraph', children: [text], position: child.position } : text;
        restored ||= child.type === 'textDirective';
        continue;
      }
      if ('children' in child) visit(child as Parent);
    }
    if (restored) mergeTexts(children);
  };
  visit(tree);
}
