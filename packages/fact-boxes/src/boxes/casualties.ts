/**
 * casualties: a toll, with its source, and optionally a row per party
 * (`::group[Name]{killed=… injured=…}`) summed honestly into a total.
 */
import type { LeafDirective } from 'mdast-util-directive';
import type { Nodes as MdastNodes } from 'mdast';
import * as z from 'zod';
import { defineFactBox, type Problem } from './define.js';
import { didYouMean } from '../text/spelling.js';
import { locateAttribute, quote } from '../text/written.js';
import { toCamelCase } from '../text/case.js';
import { renderCount, renderFacts, renderPeriod, renderDate } from '../render/format.js';
import { COUNT_FORMS, sumCounts, type Count } from '../values/count.js';
import { commonAttributes, countAttribute, dateAttribute, periodAttribute, textAttribute, type ValueIssueParams } from '../values/schemas.js';
import type { StringKey } from '../locales/en.js';

/** The figures a toll can give, in the order they are shown. */
export const CASUALTY_FIELDS = ['killed', 'injured', 'missing', 'captured'] as const;
export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

const FIELD_KEYS = { killed: 'casualties.killed', injured: 'casualties.injured', missing: 'casualties.missing', captured: 'casualties.captured' } as const satisfies Record<CasualtyField, StringKey>;

const casualtiesAttributes = z.object({
  killed: countAttribute().optional(),
  injured: countAttribute().optional(),
  missing: countAttribute().optional(),
  captured: countAttribute().optional(),
  party: textAttribute().optional(),
  period: periodAttribute().optional(),
  place: textAttribute().optional(),
  asOf: dateAttribute().optional(),
  ...commonAttributes,
  source: textAttribute(),
  describedAs: textAttribute().optional(),
});

export type CasualtiesAttributes = z.output<typeof casualtiesAttributes>;

/** One party's row. */
export interface CasualtyGroup {
  name: string;
  killed?: Count;
  injured?: Count;
  missing?: Count;
  captured?: Count;
}

/** What the body of a casualties box adds to its record. */
export interface CasualtiesBody extends Record<string, unknown> {
  groups?: CasualtyGroup[];
  /** Sums of the groups, per figure, computed from their bounds. */
  total?: Partial<Record<CasualtyField, Count>>;
}

/** A `::group` row's attributes: its figures, each a Count, and nothing else. */
const groupAttributes = z.strictObject({
  killed: countAttribute().optional(),
  injured: countAttribute().optional(),
  missing: countAttribute().optional(),
  captured: countAttribute().optional(),
});

type GroupFigures = z.output<typeof groupAttributes>;

/**
 * A group's figures, validated by `groupAttributes`; each problem names the
 * attribute as written and points at it, in the order the author wrote them.
 * What is valid is kept, so the row still shows while the author fixes the rest.
 */
function readGroup(node: LeafDirective, source: string, report: (problem: Problem) => void): GroupFigures {
  // camelCase key -> the attribute as written, in the author's order.
  const written = new Map<string, string>();
  for (const [attribute, value] of Object.entries(node.attributes ?? {})) {
    if (value !== null && value !== undefined) written.set(toCamelCase(attribute), attribute);
  }
  const order = [...written.keys()];
  // Own keys only (`__proto__` included), so every attribute is validated.
  const input: Record<string, string> = Object.fromEntries(order.map((key) => [key, node.attributes![written.get(key)!]!]));
  const inWrittenOrder = (figures: GroupFigures): GroupFigures => Object.fromEntries(order.filter((key) => key in figures).map((key) => [key, figures[key as CasualtyField]]));
  const parsed = groupAttributes.safeParse(input);
  if (parsed.success) return inWrittenOrder(parsed.data);
  const problems: { key: string; problem: Problem }[] = [];
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0])];
    for (const key of keys) {
      const attribute = written.get(key) ?? key;
      const place = locateAttribute(source, node.position, attribute) ?? node.position;
      if (issue.code === 'unrecognized_keys') {
        const guess = didYouMean(attribute, CASUALTY_FIELDS);
        problems.push({ key, problem: { ruleId: 'unknown-attribute', reason: `group: unknown attribute "${attribute}"${guess ? `; did you mean "${guess}"?` : ''}`, fix: `a group takes ${CASUALTY_FIELDS.join(', ')}`, place } });
        continue;
      }
      const params = (issue as { params?: Partial<ValueIssueParams> }).params;
      problems.push({
        key,
        problem: {
          ruleId: 'invalid-attribute',
          reason: `group: "${attribute}" must be ${params?.expected ?? COUNT_FORMS}; got ${quote(input[key] ?? '')}${params?.reason ? ` (${params.reason})` : ''}`,
          fix: `write it like ${attribute}="${params?.example ?? '24'}"`,
          place,
        },
      });
    }
  }
  for (const { problem } of problems.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))) report(problem);
  // Keep the figures that are valid.
  const figures: GroupFigures = {};
  for (const field of CASUALTY_FIELDS) {
    const one = groupAttributes.shape[field].safeParse(input[field]);
    if (one.success && one.data !== undefined) figures[field] = one.data;
  }
  return inWrittenOrder(figures);
}

function isGroup(node: MdastNodes): node is LeafDirective {
  return node.type === 'leafDirective' && node.name === 'group';
}

/** The figure a bar can stand for: the source's own number, else the lower bound; none when unknown. */
function figureOf(count: Count | undefined): number | undefined {
  if (!count || count.kind === 'unknown') return undefined;
  return count.best ?? count.min;
}

function shareOf(count: Count | undefined, largest: number): string | undefined {
  const value = figureOf(count);
  if (value === undefined || largest <= 0) return undefined;
  return String(Math.round((value / largest) * 20) * 5);
}

export const casualties = defineFactBox({
  name: 'casualties',
  attributes: casualtiesAttributes,
  mentions: ['party'],
  defaultTitle: (attributes, locale) => (attributes.party ? locale.t('title.casualtiesAmong', { party: attributes.party }) : locale.t('title.casualties')),
  parseBody({ attributes, nodes, source, toText, report, consume }): CasualtiesBody {
    const groups: CasualtyGroup[] = [];
    for (const node of nodes) {
      if (!isGroup(node)) continue;
      consume(node);
      const name = toText(node.children as MdastNodes[]);
      if (name === '') report({ ruleId: 'missing-title', reason: `group: a group needs a name in brackets`, fix: 'write ::group[US personnel]{injured=">24"}', place: node.position });
      groups.push({ name, ...readGroup(node, source, report) });
    }

    const hasFigure = CASUALTY_FIELDS.some((field) => attributes[field] !== undefined || groups.some((group) => group[field] !== undefined));
    if (!hasFigure) {
      report({
        ruleId: 'missing-attribute',
        reason: 'casualties: no figure given; at least one of killed, injured, missing or captured is required (on the box or on its groups)',
        fix: 'add e.g. killed="12" or injured=">24"; write "?" when the figure is unknown',
      });
    }
    if (groups.length === 0) return {};
    const total: Partial<Record<CasualtyField, Count>> = {};
    for (const field of CASUALTY_FIELDS) {
      if (groups.some((group) => group[field] !== undefined)) {
        // A group that does not give the figure counts as unknown, never as zero.
        total[field] = sumCounts(groups.map((group) => group[field] ?? { kind: 'unknown', raw: '?' }));
      }
    }
    return { groups, total };
  },
  render({ attributes, body, h, content, nodes, locale, t, mention }) {
    const figures = CASUALTY_FIELDS.map((field) => [t(FIELD_KEYS[field]), attributes[field] ? renderCount(attributes[field], locale) : undefined, field] as const);
    const groups = body.groups ?? [];
    const columns = CASUALTY_FIELDS.filter((field) => groups.some((group) => group[field] !== undefined));
    // Each group's share of the largest figure in its column, in steps of 5, drawn as a bar by the stylesheet.
    const largest = Object.fromEntries(columns.map((field) => [field, Math.max(0, ...groups.map((group) => figureOf(group[field]) ?? 0))])) as Record<CasualtyField, number>;
    const cell = (count: Count | undefined) => (count ? renderCount(count, locale) : h('span', { className: ['fact-box__count'], dataCount: 'unknown' }, t('casualties.notGiven')));
    return [
      renderFacts([
        ...figures,
        [t('casualties.party'), attributes.party === undefined ? undefined : mention('party', locale.isolate(attributes.party)), 'party'],
        [t('casualties.place'), locale.isolate(attributes.place), 'place'],
        [t('casualties.period'), attributes.period ? renderPeriod(attributes.period, locale) : undefined, 'period'],
        [t('casualties.asOf'), attributes.asOf ? renderDate(attributes.asOf, locale) : undefined, 'as-of'],
      ]),
      attributes.describedAs
        ? h('p', { className: ['fact-box__characterisation'] }, locale.parts('casualties.describedAs', { description: h('q', {}, locale.isolate(attributes.describedAs)), source: locale.isolate(attributes.source) }))
        : undefined,
      groups.length > 0
        ? h(
            'table',
            { className: ['fact-box__table'] },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('casualties.partyColumn')), columns.map((field) => h('th', { scope: 'col' }, t(FIELD_KEYS[field]))))),
            h('tbody', {}, groups.map((group) => h('tr', {}, h('th', { scope: 'row' }, locale.isolate(group.name)), columns.map((field) => h('td', { dataShare: shareOf(group[field], largest[field]) }, cell(group[field])))))),
            h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('casualties.total')), columns.map((field) => h('td', {}, cell(body.total?.[field]))))),
          )
        : undefined,
      nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
    ];
  },
});
