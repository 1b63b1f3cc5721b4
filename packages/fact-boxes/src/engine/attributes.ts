/**
 * A box's attributes, from what remark-directive read to what the box's zod
 * schema gives: kebab-case names to camelCase, unknown names and unquoted
 * values with spaces reported with their fix, each zod issue as a sentence
 * that says what was expected and what was found, at the attribute.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { z } from 'zod';
import type { AnyFactBoxDefinition, Problem } from '../boxes/define.js';
import type { Entity } from '../entities/entity.js';
import type { ValueIssueParams } from '../values/schemas.js';
import { toCamelCase, toKebabCase } from '../text/case.js';
import { didYouMean, nearSpelling } from '../text/spelling.js';
import { locateAttribute, openingLine, quote, readWrittenAttributes } from '../text/written.js';
import { refOf } from './mentions.js';
import type { DocumentState } from './state.js';

const shapes = new WeakMap<z.ZodObject, string[]>();

function shapeKeys(schema: z.ZodObject): string[] {
  let keys = shapes.get(schema);
  if (!keys) shapes.set(schema, (keys = Object.keys(schema.shape)));
  return keys;
}

/** What `readAttributes` gives back. */
export interface ReadAttributes {
  /** The attributes, validated and camelCased: all of them when `valid`, else those that are valid. */
  attributes: Record<string, unknown>;
  /** Whether every attribute is valid (and a `ref`, if any, names an entity). */
  valid: boolean;
  /** The entity a `ref="…"` names, when the box takes one and was given one. */
  ref: { entity?: Entity } | undefined;
  /** The names (camelCase) the box's schema knows. */
  known: readonly string[];
}

/**
 * Read and validate a box's attributes: the author's, after those of the
 * entity a `ref` names; every problem reported where it is written.
 */
export function readAttributes(definition: AnyFactBoxDefinition, node: ContainerDirective, state: DocumentState, report: (problem: Problem) => void): ReadAttributes {
  const box = definition.name;
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
  return { attributes, valid: parsed.success && !(ref && !ref.entity), ref, known };
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
