/**
 * zod schemas for attribute values. Directive attributes arrive as strings;
 * these parse them into the values records carry. A failing value raises a
 * custom issue whose `params` say what was expected, which the diagnostics
 * turn into a sentence with a fix.
 */
import * as z from 'zod';
import { COUNT_FORMS, parseCount, type Count, type ParseResult } from './count.js';
import { DATE_FORMS, PERIOD_FORMS, parseDate, parsePeriod, type DateInterval, type DateValue } from './date.js';

/** Parameters carried by the custom issues of these schemas. */
export interface ValueIssueParams {
  expected: string;
  reason: string;
  example?: string;
}

/**
 * An attribute of a value type of your own, validated like the built-in ones:
 * `parse` turns what the author wrote into the value, or says why it cannot;
 * a failure is reported as `"name" must be <expected>; got "…" (<reason>)`,
 * with the fix `write it like name="<example>"`.
 *
 * @example
 *   const percent = valueAttribute((text) => (/^\d+%$/.test(text) ? { ok: true, value: Number.parseInt(text, 10) } : { ok: false, reason: 'it is not a percentage' }), { expected: 'a percentage like 40%', example: '40%' });
 */
export function valueAttribute<T>(parse: (input: string) => ParseResult<T>, { expected, example }: { expected: string; example: string }) {
  return z.string().meta({ description: `Written as ${expected}.`, examples: [example] }).transform((value, ctx): T => {
    const result = parse(value);
    if (result.ok) return result.value;
    const params: ValueIssueParams = { expected, reason: result.reason, example };
    ctx.addIssue({ code: 'custom', message: `must be ${expected}`, params: { ...params } });
    return z.NEVER;
  });
}

/** A Count attribute: `12`, `12+`, `>12`, `~12`, `10-15`, `?`, `none`. */
export function countAttribute() {
  return valueAttribute<Count>(parseCount, { expected: COUNT_FORMS, example: '24' });
}

/** A Date attribute: `2023`, `2023-11`, `2023-11-05`, with an optional trailing `~`. */
export function dateAttribute() {
  return valueAttribute<DateValue>(parseDate, { expected: DATE_FORMS, example: '2023-11-05' });
}

/** A Date or interval attribute: `2023-10-17/2023-11-05`, `2023-10-17/..`. */
export function periodAttribute() {
  return valueAttribute<DateValue | DateInterval>(parsePeriod, { expected: PERIOD_FORMS, example: '2023-10-17/2023-11-05' });
}

/** Non-empty text, trimmed. */
export function textAttribute() {
  return z.string().meta({ minLength: 1 }).transform((value, ctx) => {
    const text = value.trim();
    if (text !== '') return text;
    ctx.addIssue({ code: 'custom', message: 'must not be empty', params: { expected: 'some text', reason: 'the value is empty' } });
    return z.NEVER;
  });
}

/** A comma-separated list: `PMF, Hashd` -> `['PMF', 'Hashd']`. */
export function listAttribute() {
  return z.string().meta({ description: 'A comma-separated list.', examples: ['PMF, Hashd'] }).transform((value, ctx) => {
    const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (items.length > 0) return items;
    ctx.addIssue({ code: 'custom', message: 'must list at least one name', params: { expected: 'a comma-separated list like "PMF, Hashd"', reason: 'the list is empty' } });
    return z.NEVER;
  });
}

/** An absolute http or https URL; anything else (javascript:, data:, //host) is rejected. */
export function urlAttribute() {
  return z.string().meta({ description: 'An absolute http or https URL.', examples: ['https://example.com/report'], format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' }).transform((value, ctx) => {
    const text = value.trim();
    let reason = 'it is not an absolute URL';
    if (/^https?:\/\//i.test(text)) {
      try {
        const url = new URL(text);
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
      } catch {
        reason = 'it is not a valid URL';
      }
    } else if (/^[a-z][a-z\d+.-]*:/i.test(text)) {
      reason = `only http and https links are allowed, not "${text.slice(0, text.indexOf(':') + 1)}"`;
    } else if (text.startsWith('//')) {
      reason = 'protocol-relative URLs are not allowed';
    }
    ctx.addIssue({ code: 'custom', message: 'must be an http or https URL', params: { expected: 'an http or https URL', reason, example: 'https://example.com/report' } });
    return z.NEVER;
  });
}

/** Attributes every box accepts: who reports it and where. */
export const commonAttributes = {
  source: textAttribute().optional(),
  sourceUrl: urlAttribute().optional(),
};
