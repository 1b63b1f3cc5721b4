/**
 * What the boxes of one document share: its source (to slice what authors
 * wrote, and to read nodes as plain text), its language, the site's
 * entities, and the ids given so far.
 */
import type { Nodes as MdastNodes } from 'mdast';
import type { Position } from 'unist';
import type { Problem } from '../boxes/define.js';
import { DocumentLocale } from '../locales/i18n.js';
import type { EntityIndex } from '../entities/entity.js';
import { PageIds } from './ids.js';
import { isHandledDirective } from './restore.js';

/** The site's entities, as a document's boxes see them. */
export interface DocumentEntities {
  entities?: EntityIndex | undefined;
  entityUrl?: ((id: string) => string) | undefined;
}

/** State shared by the boxes of one document. */
export class DocumentState {
  readonly source: string;
  readonly headingLevel: number;
  /** The page's language, and the words of its boxes. */
  readonly locale: DocumentLocale;
  /** The site's entities, and where their pages are. */
  readonly entities: EntityIndex | undefined;
  readonly entityUrl: ((id: string) => string) | undefined;
  /** The ids of the page's boxes. */
  private readonly ids = new PageIds();

  constructor(source: string, headingLevel = 2, locale: DocumentLocale = new DocumentLocale(), entities: DocumentEntities = {}) {
    this.source = source;
    this.headingLevel = headingLevel;
    this.locale = locale;
    this.entities = entities.entities;
    this.entityUrl = entities.entityUrl;
  }

  /** The source text of a node, exactly as written. */
  slice(node: { position?: Position }): string | undefined {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : this.source.slice(start, end);
  }

  /** Plain text; directives nobody handled read as what the author wrote. */
  toText(nodes: readonly MdastNodes[] | MdastNodes): string {
    const list = Array.isArray(nodes) ? nodes : [nodes as MdastNodes];
    const blocks: string[] = [];
    let inline = '';
    for (const node of list) {
      const text = this.nodeText(node);
      if (isBlock(node)) {
        if (inline !== '') blocks.push(inline);
        inline = '';
        if (text !== '') blocks.push(text);
      } else {
        inline += text;
      }
    }
    if (inline !== '') blocks.push(inline);
    return blocks.join('\n').trim();
  }

  private nodeText(node: MdastNodes): string {
    // A box nested in this one is already rendered, and has a record of its own.
    if (node.type === 'factBoxElement') return '';
    if ((node.type === 'textDirective' || node.type === 'leafDirective') && !isHandledDirective(node)) {
      return this.slice(node) ?? '';
    }
    if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
    if (node.type === 'break') return '\n';
    if ('children' in node) return this.toText(node.children as MdastNodes[]);
    return '';
  }

  /** A unique id: the one asked for, or a slug of the title (see `PageIds`). */
  claimId(requested: string | undefined, title: string, fallback: string, place: Position | undefined, report: (problem: Problem) => void): string {
    return this.ids.claim(requested, title, fallback, place, report);
  }
}

// Not `html`: mdast uses it for inline HTML too (`Strikes <sup>1</sup> begin`), and it adds no text.
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'thematicBreak', 'containerDirective', 'leafDirective', 'mdxJsxFlowElement', 'mdxFlowExpression']);

function isBlock(node: MdastNodes): boolean {
  return BLOCK_TYPES.has(node.type);
}
