/**
 * The processor-agnostic heart: from one container directive (mdast shape)
 * to rendered hast (with author content slots), a record and problems.
 * Adapters walk their trees and call `buildBox` for each box they meet.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Nodes as MdastNodes, Paragraph } from 'mdast';
import type { Position } from 'unist';
import type { z } from 'zod';
import type { AnyFactBoxDefinition, FactBoxRecord, Problem } from '../boxes/define.js';
import { didYouMean, nearSpelling } from '../text/spelling.js';
import { formatPlace } from './errors.js';
import { locateAttribute, openingLine, quote, readWrittenAttributes } from '../text/written.js';
import { remembered, toCamelCase, toKebabCase } from '../text/case.js';
import { content, h, type BoxElement, type HChild } from '../render/h.js';
import { renderFrame } from '../render/frame.js';
import { canonicalTag, DocumentLocale, type FactBoxLocale } from '../locales/i18n.js';
import type { ValueIssueParams } from '../values/schemas.js';
import type { Entity, EntityIndex } from '../entities/entity.js';
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
  /** Ids given so far, with the place of the box that has each. */
  private readonly ids = new Map<string, Position | undefined>();
  /** Per slug, the next number to try, so ten thousand boxes titled alike do not rescan `-2`, `-3`… each time. */
  private readonly nextSuffix = new Map<string, number>();

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

  /** A unique id: the one asked for, or a slug of the title. */
  claimId(requested: string | undefined, title: string, fallback: string, place: Position | undefined, report: (problem: Problem) => void): string {
    if (requested !== undefined) {
      if (!this.isTaken(requested)) {
        this.take(requested, place);
        return requested;
      }
      const clash = this.ids.has(requested) ? requested : `${requested}-title`;
      report({
        ruleId: 'duplicate-id',
        reason: clash === requested
          ? `the id "${requested}" is already used by the box at ${formatPlace(this.ids.get(requested))}`
          : `the id "${requested}" would give this box's title the id "${clash}", which is already used by the box at ${formatPlace(this.ids.get(clash))}`,
        fix: 'give each box its own {#id}, or leave it out to get one made from the title',
      });
    }
    const base = slugify(title) || fallback;
    let id = base;
    if (this.isTaken(id)) {
      // Ids are never given back, so every number below the remembered one is still taken.
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.isTaken(`${base}-${n}`)) n++;
      this.nextSuffix.set(base, n + 1);
      id = `${base}-${n}`;
    }
    this.take(id, place);
    return id;
  }

  // Every box's heading gets the id `<id>-title` (its accessible name points at it), so a box
  // `{#vow-title}` and a box `{#vow}` would share one: reserve both ids together.
  private isTaken(id: string): boolean {
    return this.ids.has(id) || this.ids.has(`${id}-title`);
  }

  private take(id: string, place: Position | undefined): void {
    this.ids.set(id, place);
    this.ids.set(`${id}-title`, place);
  }
}

// Not `html`: mdast uses it for inline HTML too (`Strikes <sup>1</sup> begin`), and it adds no text.
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'thematicBreak', 'containerDirective', 'leafDirective', 'mdxJsxFlowElement', 'mdxFlowExpression']);

function isBlock(node: MdastNodes): boolean {
  return BLOCK_TYPES.has(node.type);
}

/** A slug for an id: lowercase letters and digits of any script, joined by dashes. */
export function slugify(text: string): string {
  // Plain ASCII (most titles) needs neither normalisation nor Unicode classes.
  const ascii = /^[\x20-\x7e]*$/.test(text);
  return (ascii ? text : text.normalize('NFKC'))
    .toLowerCase()
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** What `buildBox` gives back. */
export interface BuiltBox {
  element: BoxElement;
  record: FactBoxRecord;
  problems: Problem[];
}

/**
 * What an author's `{#id}` or `.class` may not hold. An id is part of URLs and of
 * `aria-labelledby` (a space-separated list), and neither may carry markup
 * characters into the page, even escaped.
 */
const UNSAFE_NAME = /[\s<>"'`]/;

function labelOf(node: ContainerDirective): Paragraph | undefined {
  const first = node.children[0];
  return first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
}

const capitalised = new Map<string, string>();

/** `casualties` -> `Casualties`: a box's name as a label (box names are few; remembered). */
function capitalise(text: string): string {
  return remembered(capitalised, text, (name) => name.charAt(0).toUpperCase() + name.slice(1).replaceAll('-', ' '));
}

/** A box's kind when it has none of its own: the built-in word for it (`kind.claim`), else its name capitalised. */
function kindWord(box: string, locale: FactBoxLocale): string {
  const key = `kind.${box}`;
  return locale.has(key) ? locale.t(key) : capitalise(box);
}

const shapes = new WeakMap<z.ZodObject, string[]>();

function shapeKeys(schema: z.ZodObject): string[] {
  let keys = shapes.get(schema);
  if (!keys) shapes.set(schema, (keys = Object.keys(schema.shape)));
  return keys;
}

/**
 * Validate and render one box.
 *
 * @example
 *   const built = buildBox(claim, directiveNode, new DocumentState(source));
 *   built.problems // [] when valid
 */
export function buildBox(definition: AnyFactBoxDefinition, node: ContainerDirective, state: DocumentState): BuiltBox {
  const problems: Problem[] = [];
  const box = definition.name;
  const report = (problem: Problem) => problems.push({ ...problem, place: problem.place ?? node.position });

  // Attributes: kebab-case in Markdown, camelCase in the schema.
  const raw = node.attributes ?? {};
  const known = shapeKeys(definition.attributes);
  const input: Record<string, string> = {};
  const strayWords = reportUnquotedValues(box, raw, known, state, node, report);
  // `ref="id"`: the box stands for an entity, whose attributes come first; the author's own follow.
  const takesRef = definition.fromEntity !== undefined && !known.includes('ref');
  const ref = takesRef && typeof raw.ref === 'string' ? refOf(box, raw.ref, state, node, report) : undefined;
  if (ref?.entity) {
    for (const [name, value] of Object.entries(definition.fromEntity!(ref.entity))) input[toCamelCase(name)] = value;
  }
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (name === 'id' || name === 'class' || strayWords.has(name) || (name === 'lang' && !known.includes('lang')) || (name === 'ref' && takesRef)) continue;
    const key = toCamelCase(name);
    if (name !== toKebabCase(key) || !known.includes(key)) {
      const names = known.map(toKebabCase);
      const guess = didYouMean(name, names);
      report({
        ruleId: 'unknown-attribute',
        reason: `${box}: unknown attribute "${name}"${guess ? `; did you mean "${guess}"?` : ''}`,
        fix: guess ? `write ${guess}=${quote(value)}` : `use one of: ${names.join(', ')}`,
        place: locateAttribute(state.source, node.position, name),
      });
      continue;
    }
    input[key] = value;
  }

  const parsed = definition.attributes.safeParse(input);
  let attributes: Record<string, unknown> = {};
  if (parsed.success) {
    attributes = parsed.data as Record<string, unknown>;
  } else if (ref && !ref.entity) {
    // An unknown ref is the one problem: the attributes it would have given are not missing.
  } else {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (seen.has(key)) continue;
      seen.add(key);
      report(describeIssue(box, key, input[key], issue, state, node));
    }
    // Keep what is valid, so the box can still be shown with its problems.
    for (const [key, schema] of Object.entries(definition.attributes.shape)) {
      if (seen.has(key)) continue;
      const one = (schema as z.ZodType).safeParse(input[key]);
      if (one.success && one.data !== undefined) attributes[key] = one.data;
    }
  }

  // `lang` sets the language of one box's words, unless the box has an attribute of that name.
  const writtenLang = typeof raw.lang === 'string' && !known.includes('lang') ? raw.lang.trim() : undefined;
  const requestedLang = writtenLang === undefined || writtenLang === '' ? undefined : canonicalTag(writtenLang);
  if (writtenLang !== undefined && requestedLang === undefined) {
    report({
      ruleId: 'invalid-attribute',
      reason: `${box}: "lang" must be a language tag like fr, ar or pt-BR; got ${quote(writtenLang)}`,
      fix: 'write lang=fr, or leave it out to use the page\'s language',
      place: locateAttribute(state.source, node.position, 'lang'),
    });
  }
  const words = state.locale.forBox(definition, requestedLang);
  const locale = words.locale;

  const label = labelOf(node);
  const bodyNodes = (label ? node.children.slice(1) : node.children) as MdastNodes[];
  const consumed = new Set<MdastNodes>();
  // A box whose attributes are invalid is not handed to its renderer (which may rely on them):
  // it is shown with its body as written, so nothing is lost while the author fixes it.
  const valid = parsed.success && !(ref && !ref.entity);
  const body = !valid ? undefined : definition.parseBody?.({
    attributes,
    nodes: bodyNodes,
    source: state.source,
    toText: (nodes) => state.toText(nodes),
    report,
    consume: (child) => consumed.add(child),
  });
  const nodes = bodyNodes.filter((child) => !consumed.has(child));

  let title = label ? state.toText(label.children as MdastNodes[]) : '';
  if (title === '' && ref?.entity) title = ref.entity.name;
  if (title === '') {
    if (definition.titleRequired && !ref) {
      report({ ruleId: 'missing-title', reason: `${box}: a title is required, in brackets after the name`, fix: `write :::${box}[Name]{…}` });
    }
    title = (valid ? definition.defaultTitle?.(attributes, locale) : undefined) ?? kindWord(box, locale);
  }

  const writtenId = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id.trim() : undefined;
  let requestedId = writtenId;
  if (writtenId !== undefined && UNSAFE_NAME.test(writtenId)) {
    report({
      ruleId: 'invalid-attribute',
      reason: `${box}: the id ${quote(writtenId)} cannot be used: an id has no spaces and none of < > " ' \``,
      fix: `write {#${slugify(writtenId) || box}}, or leave the id out to get one made from the title`,
      place: locateAttribute(state.source, node.position, 'id'),
    });
    requestedId = undefined;
  }
  const classes = typeof raw.class === 'string' ? raw.class.split(/\s+/).filter(Boolean) : [];
  for (const name of classes.filter((name) => UNSAFE_NAME.test(name))) {
    report({
      ruleId: 'invalid-attribute',
      reason: `${box}: the class ${quote(name)} cannot be used: a class name has none of < > " ' \``,
      fix: `write .${slugify(name) || 'name'}, or leave it out`,
      place: locateAttribute(state.source, node.position, 'class'),
    });
  }
  const id = state.claimId(requestedId, title, box, node.position, (problem) =>
    report({ ...problem, reason: `${box}: ${problem.reason}`, place: locateAttribute(state.source, node.position, 'id') }),
  );
  const kind = (valid ? definition.kind?.(attributes, locale) : undefined) ?? kindWord(box, locale);
  let entities = definition.mentions && state.entities ? recogniseNames(definition, box, ref?.entity ? undefined : title, attributes, state, node, report) : undefined;
  if (ref?.entity) entities = { ...entities, title: ref.entity.id };
  const linked = entities && state.entityUrl ? entities : undefined;
  const mention = (attribute: string, name: HChild): HChild => {
    const entity = linked?.[attribute];
    return entity === undefined ? name : h('a', { href: state.entityUrl!(entity), className: ['fact-box__entity'] }, name);
  };
  const inner = !valid ? h('div', { className: ['fact-box__body'] }, content(nodes)) : definition.render({
    attributes,
    body,
    nodes,
    consumed: bodyNodes.filter((child) => consumed.has(child)),
    children: content(nodes),
    title,
    id,
    h,
    content,
    locale,
    t: (key, values) => locale.t(key, values),
    mention,
    ...(ref?.entity ? { entity: ref.entity } : {}),
  });
  for (const missing of state.locale.takeMissing()) report({ ...missing, severity: 'warning' });
  const element = renderFrame({
    type: box,
    id,
    kind,
    title: label ? content(label.children as MdastNodes[]) : title,
    // The title of a box that stands for an entity links to its page (unless the author put a link in it).
    titleHref: linked?.title !== undefined && !(label && hasLink(label)) ? state.entityUrl!(linked.title) : undefined,
    headingLevel: state.headingLevel,
    attributes,
    className: classes.filter((name) => !UNSAFE_NAME.test(name)),
    inner,
    locale,
    lang: words.lang,
    dir: words.dir,
  });
  // The frame's words (the source line) may be missing too.
  for (const missing of state.locale.takeMissing()) report({ ...missing, severity: 'warning' });

  const recordAttributes = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...attributes, ...(body as Record<string, unknown>) } : attributes;
  const bodyText = state.toText(nodes);
  const text = ref?.entity?.description ? [ref.entity.description, bodyText].filter((part) => part !== '').join('\n') : bodyText;
  const record: FactBoxRecord = { type: box, kind, id, title, attributes: recordAttributes, text, position: node.position };
  if (words.recordLang !== undefined) record.lang = words.recordLang;
  if (entities && Object.keys(entities).length > 0) record.entities = entities;
  return { element, record, problems };
}

/** Whether a paragraph holds a link (a title with one is not wrapped in another). */
function hasLink(node: MdastNodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && (node.children as MdastNodes[]).some(hasLink);
}

/** The entity a `ref` names, or a problem (unknown id, or no entities at all). */
function refOf(box: string, written: string, state: DocumentState, node: ContainerDirective, report: (problem: Problem) => void): { entity?: Entity } {
  const id = written.trim();
  const entity = state.entities?.get(id);
  if (entity) return { entity };
  const place = locateAttribute(state.source, node.position, 'ref');
  if (!state.entities || state.entities.size === 0) {
    report({
      ruleId: 'unknown-entity',
      reason: `${box}: ref=${quote(id)} names an entity, but the site has none`,
      fix: 'define the entity (the entities option, or a file in the entities folder), or write the box out in full',
      place,
    });
    return {};
  }
  const guess = didYouMean(id, state.entities.ids());
  report({
    ruleId: 'unknown-entity',
    reason: `${box}: there is no entity with the id ${quote(id)}${guess ? `; did you mean "${guess}"?` : ''}`,
    fix: guess ? `write ref="${guess}"` : 'use the id of a defined entity (its file name), or define it',
    place,
  });
  return {};
}

/**
 * Match the names a box shows (its `mentions`) against the site's entities:
 * the ids of those that match, by attribute; a near miss is a warning.
 */
function recogniseNames(definition: AnyFactBoxDefinition, box: string, title: string | undefined, attributes: Record<string, unknown>, state: DocumentState, node: ContainerDirective, report: (problem: Problem) => void): Record<string, string> {
  const found: Record<string, string> = {};
  for (const attribute of definition.mentions!) {
    const name = attribute === 'title' ? title : attributes[attribute];
    if (typeof name !== 'string' || name === '') continue;
    const match = state.entities!.match(name);
    if (!match) continue;
    if ('entity' in match) {
      found[attribute] = match.entity.id;
      continue;
    }
    const written = attribute === 'title' ? undefined : toKebabCase(attribute);
    report({
      ruleId: 'entity-near-miss',
      severity: 'warning',
      reason: `${box}: ${quote(name)} is not the name of a known actor; did you mean "${match.name}" (${match.nearMiss.id})?`,
      fix: written ? `write ${written}="${match.name}", or leave it if it is another actor` : `write :::${box}[${match.name}], or leave it if it is another actor`,
      place: written ? locateAttribute(state.source, node.position, written) ?? node.position : node.position,
    });
  }
  return found;
}

/**
 * `by=Police spokesperson` is read by remark-directive as `by="Police"` and an
 * attribute `spokesperson` without a value. Say so, with the quoted fix, rather
 * than report an unknown attribute; give back the stray words.
 */
function reportUnquotedValues(box: string, raw: Record<string, string | null | undefined>, known: readonly string[], state: DocumentState, node: ContainerDirective, report: (problem: Problem) => void): Set<string> {
  const stray = new Set<string>();
  const line = openingLine(state.source, node.position);
  if (line === undefined) return stray;
  const written = readWrittenAttributes(line);
  // The same attribute twice: markdown keeps the last one, silently.
  const seen = new Set<string>();
  for (const attribute of written) {
    if (attribute.name === 'class') continue;
    if (seen.has(attribute.name)) {
      const start = node.position?.start;
      report({
        ruleId: 'duplicate-attribute',
        severity: 'warning',
        reason: `${box}: "${attribute.name}" is given more than once; only the last value${raw[attribute.name] ? ` (${quote(String(raw[attribute.name]))})` : ''} is used`,
        fix: `keep one ${attribute.name}=…`,
        place: start?.offset === undefined ? undefined : { line: start.line, column: start.column + attribute.index, offset: start.offset + attribute.index },
      });
    }
    seen.add(attribute.name);
  }
  for (let index = 0; index < written.length; index++) {
    const attribute = written[index]!;
    if (attribute.value === undefined || attribute.quoted || attribute.name === 'id' || attribute.name === 'class') continue;
    const words: string[] = [];
    for (let next = written[index + 1]; next && next.value === undefined && raw[next.name] === '' && !known.includes(toCamelCase(next.name)); next = written[index + 1 + words.length]) {
      words.push(next.name);
    }
    if (words.length === 0) continue;
    for (const word of words) stray.add(word);
    const meant = [attribute.value, ...words].join(' ');
    const start = node.position?.start;
    report({
      ruleId: 'unquoted-value-with-spaces',
      reason: `${box}: the value of "${attribute.name}" has spaces but no quotes, so only ${quote(attribute.value)} was read as its value`,
      fix: `quote it: ${attribute.name}="${meant}"`,
      place: start?.offset === undefined ? undefined : { line: start.line, column: start.column + attribute.index, offset: start.offset + attribute.index },
    });
    index += words.length;
  }
  return stray;
}

function describeIssue(box: string, key: string, value: string | undefined, issue: z.core.$ZodIssue, state: DocumentState, node: ContainerDirective): Problem {
  const name = toKebabCase(key);
  const place = locateAttribute(state.source, node.position, name);
  if (value === undefined) {
    return {
      ruleId: 'missing-attribute',
      reason: `${box}: "${name}" is required`,
      fix: `add ${name}="…" inside the {…} after :::${box}`,
    };
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const values = issue.values.map(String);
    const guess = nearSpelling(value, values);
    return {
      ruleId: 'invalid-attribute',
      reason: `${box}: "${name}" must be one of ${values.join(', ')}; got ${quote(value)}${guess ? `; did you mean "${guess}"?` : ''}`,
      fix: guess ? `write ${name}="${guess}"` : `choose one of ${values.join(', ')}`,
      place,
    };
  }
  const params = (issue as { params?: Partial<ValueIssueParams> }).params;
  if (params?.expected) {
    return {
      ruleId: 'invalid-attribute',
      reason: `${box}: "${name}" must be ${params.expected}; got ${quote(value)}${params.reason ? ` (${params.reason})` : ''}`,
      fix: params.example ? `write it like ${name}="${params.example}"` : `correct "${name}"`,
      place,
    };
  }
  return {
    ruleId: 'invalid-attribute',
    reason: `${box}: "${name}" ${issue.message.replace(/^Invalid input:?\s*/i, 'is invalid: ')}; got ${quote(value)}`,
    fix: `correct "${name}"`,
    place,
  };
}
