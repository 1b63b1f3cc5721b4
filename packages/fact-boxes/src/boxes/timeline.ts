/**
 * timeline: dated events, one list item each, `DATE: event`, in the box's order.
 */
import type { List, ListItem, Nodes as MdastNodes, Paragraph } from 'mdast';
import * as z from 'zod';
import { defineFactBox, type JsonLdNode } from '../define.js';
import { anchorOf } from '../render/jsonld.js';
import { renderPeriod } from '../render/format.js';
import { dateEnd, dateStart, parsePeriod, PERIOD_FORMS, type DateInterval, type DateValue } from '../values/date.js';
import { commonAttributes } from '../values/schemas.js';

export const timelineAttributes = z.object({
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

/** Items read from the list, with the list items whose date prefix was taken off. */
const itemsOf = new WeakMap<object, { item: ListItem; date?: DateValue | DateInterval }[]>();

export const timeline = defineFactBox({
  name: 'timeline',
  attributes: timelineAttributes,
  defaultTitle: (_attributes, locale) => locale.t('title.timeline'),
  parseBody({ attributes, nodes, toText, report, consume }): TimelineBody {
    const events: TimelineEvent[] = [];
    const list = nodes.find((node): node is List => node.type === 'list');
    if (!list) {
      report({ ruleId: 'missing-items', reason: 'timeline: there is no list of events in this box', fix: 'write one event per list item, like "- 2023-10-17: Attacks begin."' });
      return { events };
    }
    consume(list);
    const items: { item: ListItem; date?: DateValue | DateInterval }[] = [];
    const order = attributes.order ?? 'asc';
    let previous: { start: number; end: number; raw: string } | undefined;
    for (const item of list.children) {
      const paragraph = item.children[0];
      const first = paragraph?.type === 'paragraph' ? (paragraph as Paragraph).children[0] : undefined;
      const match = first?.type === 'text' ? ITEM.exec(first.value) : null;
      if (!match || !first || first.type !== 'text') {
        const text = toText(item).split('\n')[0] ?? '';
        report({
          ruleId: 'invalid-item',
          reason: `timeline item: an event must start with its date and a colon; got "${text.slice(0, 40)}"`,
          fix: 'write it like "- 2023-10-26: US strikes two facilities in eastern Syria."',
          place: item.position,
        });
        items.push({ item }); // shown as written: nothing the author wrote is dropped
        continue;
      }
      const parsed = parsePeriod(match[1]!);
      if (!parsed.ok) {
        report({
          ruleId: 'invalid-item',
          reason: `timeline item: "${match[1]}" must be ${PERIOD_FORMS}; got "${match[1]}" (${parsed.reason})`,
          fix: 'correct the date at the start of the item',
          place: item.position,
        });
        items.push({ item });
        continue;
      }
      const start = startOf(parsed.value);
      const end = endOf(parsed.value);
      // Only a date that lies wholly before (or after) the previous one is out of order; overlapping ones are not.
      if (previous && (order === 'asc' ? end < previous.start : start > previous.end)) {
        report({
          ruleId: 'timeline-order',
          reason: `timeline item: "${match[1]}" is out of order: with order="${order}" events go from ${order === 'asc' ? 'earliest to latest' : 'latest to earliest'}, but it comes after "${previous.raw}"`,
          fix: order === 'asc' ? 'move this item up, or set order="desc" if the list runs backwards' : 'move this item down, or set order="asc"',
          place: item.position,
        });
      }
      // Compare with the latest start (or earliest end) so far, so a broad period in between hides nothing.
      if (!previous || (order === 'asc' ? start > previous.start : end < previous.end)) previous = { start, end, raw: match[1]! };
      // The date is shown in words by the renderer; take it off the author's text.
      first.value = first.value.slice(match[0].length);
      if (first.value === '') (paragraph as Paragraph).children.shift();
      items.push({ item, date: parsed.value });
      const text = toText(item.children as MdastNodes[]);
      if (text === '') {
        report({ ruleId: 'invalid-item', reason: `timeline item: there is no event after the date "${match[1]}"`, fix: 'say what happened after the colon', place: item.position });
      }
      events.push({ date: parsed.value, text });
    }
    if (list.children.length === 0) {
      report({ ruleId: 'missing-items', reason: `timeline: the list of events is empty`, fix: 'add items like "- 2023-10-17: Attacks begin."' });
    }
    itemsOf.set(events, items);
    return { events };
  },
  render({ body, nodes, id, h, content, locale }) {
    const items = itemsOf.get(body.events) ?? [];
    let dated = 0;
    return [
      nodes.length > 0 ? h('div', { className: ['fact-box__body'] }, content(nodes)) : undefined,
      // No empty <ol> when there are no items (that is reported as a problem).
      items.length > 0
        ? h(
            'ol',
            { className: ['fact-box__timeline'] },
            items.map(({ item, date }) =>
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
                h('div', { className: ['fact-box__event-text'] }, content(item.children as MdastNodes[])),
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
