/**
 * timeline: dated events, one list item each, `DATE: event`, in the box's order.
 */
import type { List, ListItem, Nodes as MdastNodes, Paragraph, Text } from 'mdast';
import type { Point, Position } from 'unist';
import * as z from 'zod';
import { defineFactBox, type JsonLdNode } from './define.js';
import { anchorOf } from '../render/anchor.js';
import { renderPeriod } from '../render/format.js';
import { dateEnd, dateStart, parsePeriod, PERIOD_FORMS, type DateInterval, type DateValue } from '../values/date.js';
import { commonAttributes } from '../values/schemas.js';
import { cut } from '../text/cut.js';

const timelineAttributes = z.object({
  order: z.enum(['asc', 'desc']).default('asc'),
  ...commonAttributes,
});

export type TimelineAttributes = z.output<typeof timelineAttributes>;

/** One dated event of a timeline. */
export interface TimelineEvent {
  date: DateValue | DateInterval;
  /** Plain text of the event, without its date. */
  text: string;
}

/** What the body of a timeline adds to its record. */
export interface TimelineBody extends Record<string, unknown> {
  events: TimelineEvent[];
}

const ITEM = /^\s*([^\s:]+)\s*:(?:\s+|$)/;

function startOf(date: DateValue | DateInterval): number {
  return dateStart(date.kind === 'interval' ? date.start : date);
}

function endOf(date: DateValue | DateInterval): number {
  if (date.kind === 'date') return dateEnd(date);
  return date.end === null ? Number.POSITIVE_INFINITY : dateEnd(date.end);
}

/** The id of the nth event (from 1) of a timeline; `-event-` keeps it apart from de-duplicated box ids like `escalation-2`. */
function eventId(boxId: string, n: number): string {
  return `${boxId}-event-${n}`;
}

/** A list item as the timeline reads it: its date as written and parsed, and the item without the date. */
interface ReadItem {
  item: ListItem;
  /** The date prefix as written (`2023-10-17`), when the item starts with one and a colon. */
  written?: string;
  /** The date, when it parses. */
  date?: DateValue | DateInterval;
  /** Why the date does not parse, when it does not. */
  invalid?: string;
  /** The item's nodes with the `DATE:` prefix taken off a copy of its first text (the author's nodes stay as they are). */
  children: ListItem['children'];
}

/** Each list's items as read, by the list's array of items, so `render` reuses what `parseBody` read. */
const readLists = new WeakMap<readonly ListItem[], ReadItem[]>();

/**
 * Read each item of the list: a pure step, shared by `parseBody` (which reports) and `render`, done once per list
 * (`parseBody` reads it first, with the document's `source`).
 */
function readItems(list: List, source?: string): ReadItem[] {
  const known = readLists.get(list.children);
  if (known) return known;
  const items = list.children.map((item): ReadItem => {
    const paragraph = item.children[0];
    const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    const match = first?.type === 'text' ? ITEM.exec(first.value) : null;
    if (!match || first?.type !== 'text' || paragraph?.type !== 'paragraph') return { item, children: item.children };
    const parsed = parsePeriod(match[1]!);
    // An item whose date does not parse is shown as written: nothing the author wrote is dropped.
    if (!parsed.ok) return { item, written: match[1]!, invalid: parsed.reason, children: item.children };
    const rest = first.value.slice(match[0].length);
    const restAt = source === undefined ? undefined : afterDate(first, match[0], source);
    const trimmed: Paragraph = {
      ...paragraph,
      children: rest === '' ? paragraph.children.slice(1) : [{ ...first, value: rest, position: restAt && { start: restAt, end: first.position!.end } }, ...paragraph.children.slice(1)],
      position: rest === '' ? startingAt(paragraph, paragraph.children[1]?.position?.start) : startingAt(paragraph, restAt),
    };
    return { item, written: match[1]!, date: parsed.value, children: [trimmed, ...item.children.slice(1)] };
  });
  readLists.set(list.children, items);
  return items;
}

/**
 * Where an event's words start, after its date (`cut`, the start of the text `first`): only where the date was
 * written as read, on one line (no escape or reference in it), else undefined.
 */
function afterDate(first: Text, cut: string, source: string): Point | undefined {
  const start = first.position?.start;
  if (start?.offset === undefined || /[\r\n]/.test(cut) || !source.startsWith(cut, start.offset)) return undefined;
  return { line: start.line, column: start.column + cut.length, offset: start.offset + cut.length };
}

/**
 * The place of an event's paragraph without its date: from where its words start, so what reads it again by its
 * place (the restoration of prose) reads the words, not the date. None where that is not known.
 */
function startingAt(paragraph: Paragraph, start: Point | undefined): Position | undefined {
  return start && paragraph.position ? { start, end: paragraph.position.end } : undefined;
}

/** The list of events among a box's nodes. */
function listOf(nodes: readonly MdastNodes[]): List | undefined {
  return nodes.find((node): node is List => node.type === 'list');
}

export const timeline = defineFactBox({
  name: 'timeline',
  attributes: timelineAttributes,
  defaultTitle: (_attributes, locale) => locale.t('title.timeline'),
  parseBody({ attributes, nodes, source, toText, report, consume }): TimelineBody {
    const events: TimelineEvent[] = [];
    const list = listOf(nodes);
    if (!list) {
      report({ ruleId: 'missing-items', reason: 'timeline: there is no list of events in this box', fix: 'write one event per list item, like "- 2023-10-17: Attacks begin."' });
      return { events };
    }
    consume(list);
    const order = attributes.order ?? 'asc';
    let previous: { start: number; end: number; raw: string } | undefined;
    for (const { item, written, date, invalid, children } of readItems(list, source)) {
      if (written === undefined) {
        const text = toText(item).split('\n')[0] ?? '';
        report({
          ruleId: 'invalid-item',
          reason: `timeline item: an event must start with its date and a colon; got "${cut(text, 40)}"`,
          fix: 'write it like "- 2023-10-26: US strikes two facilities in eastern Syria."',
          place: item.position,
        });
        continue; // shown as written: nothing the author wrote is dropped
      }
      if (!date) {
        report({
          ruleId: 'invalid-item',
          reason: `timeline item: "${written}" must be ${PERIOD_FORMS}; got "${written}" (${invalid})`,
          fix: 'correct the date at the start of the item',
          place: item.position,
        });
        continue;
      }
      const start = startOf(date);
      const end = endOf(date);
      // Only a date that lies wholly before (or after) the previous one is out of order; overlapping ones are not.
      if (previous && (order === 'asc' ? end < previous.start : start > previous.end)) {
        report({
          ruleId: 'timeline-order',
          reason: `timeline item: "${written}" is out of order: with order="${order}" events go from ${order === 'asc' ? 'earliest to latest' : 'latest to earliest'}, but it comes after "${previous.raw}"`,
          fix: order === 'asc' ? 'move this item up, or set order="desc" if the list runs backwards' : 'move this item down, or set order="asc"',
          place: item.position,
        });
      }
      // Compare with the latest start (or earliest end) so far, so a broad period in between hides nothing.
      if (!previous || (order === 'asc' ? start > previous.start : end < previous.end)) previous = { start, end, raw: written };
      const text = toText(children as MdastNodes[]);
      if (text === '') {
        report({ ruleId: 'invalid-item', reason: `timeline item: there is no event after the date "${written}"`, fix: 'say what happened after the colon', place: item.position });
      }
      events.push({ date, text });
    }
    if (list.children.length === 0) {
      report({ ruleId: 'missing-items', reason: `timeline: the list of events is empty`, fix: 'add items like "- 2023-10-17: Attacks begin."' });
    }
    return { events };
  },
  render({ nodes, consumed, id, h, content, locale }) {
    const list = listOf(consumed);
    const items = list ? readItems(list) : [];
    let dated = 0;
    return [
      nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
      // No empty <ol> when there are no items (that is reported as a problem).
      items.length > 0
        ? h(
            'ol',
            { className: ['fact-box__timeline'] },
            items.map(({ date, children }) =>
              h(
                'li',
                {
                  // The anchor of the event's JSON-LD `@id`; an item without a valid date is no event.
                  id: date ? eventId(id, ++dated) : undefined,
                  className: ['fact-box__event'],
                  dataPeriod: date?.kind === 'interval' ? 'interval' : undefined,
                  dataApproximate: (date?.kind === 'interval' ? date.start : date)?.approximate,
                },
                date ? h('p', { className: ['fact-box__event-date'] }, renderPeriod(date, locale)) : undefined,
                h('div', { className: ['fact-box__event-text'] }, content(children as MdastNodes[])),
              ),
            ),
          )
        : undefined,
    ];
  },
  jsonLd(record, { url, inLanguage }) {
    // A record of a box with invalid attributes (kept with onInvalid: 'warn') has no events.
    return (record.attributes.events ?? []).map((event, index): JsonLdNode => {
      const start = event.date.kind === 'interval' ? event.date.start : event.date;
      const end = event.date.kind === 'interval' ? event.date.end : null;
      return {
        '@type': 'Event',
        '@id': anchorOf(url, eventId(record.id, index + 1)),
        ...(inLanguage ? { inLanguage } : {}),
        name: event.text,
        startDate: start.iso,
        ...(end ? { endDate: end.iso } : {}),
      };
    });
  },
});
