/**
 * One box, processor-agnostic: from its container directive (mdast shape) to
 * rendered hast (with author content slots), a record and problems. The
 * document walk (document.ts) calls `buildBox` for each box it meets.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Nodes as MdastNodes, Paragraph } from 'mdast';
import type { AnyFactBoxDefinition, FactBoxRecord, Problem } from '../boxes/define.js';
import { locateAttribute, quote } from '../text/written.js';
import { remembered } from '../text/case.js';
import { content, h, type BoxElement, type HChild } from '../render/h.js';
import { renderFrame } from '../render/frame.js';
import { canonicalTag, type FactBoxLocale } from '../locales/i18n.js';
import { readAttributes } from './attributes.js';
import { slugify } from './ids.js';
import { recogniseNames } from './mentions.js';
import type { DocumentState } from './state.js';

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
  const { attributes, valid, ref, known } = readAttributes(definition, node, state, report);

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
  // An empty label (`[]`, `[ ]`) titles nothing: the box is titled as one without, never with an empty heading.
  const titledBy = title === '' ? undefined : label;
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
    title: titledBy ? content(titledBy.children as MdastNodes[]) : title,
    // The title of a box that stands for an entity links to its page (unless the author put a link in it).
    titleHref: linked?.title !== undefined && !(titledBy && hasLink(titledBy)) ? state.entityUrl!(linked.title) : undefined,
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
