/**
 * `fact-boxes check --fix`: the fixes that cannot change what an author meant,
 * and nothing else. A misspelt box or attribute name is renamed only when it
 * is one slip from exactly one known name (`nearSpelling`) and the build
 * suggested that very name; an attribute only when its value is valid for
 * the name it gets. A value with spaces gets quotes around exactly what was
 * written. A box left open gets its `:::` only at the end of the file, after
 * a single block of text. Every other byte of the file stays as it was.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { z } from 'zod';
import type { AnyFactBoxDefinition } from '../boxes/define.js';
import { didYouMean, nearSpelling } from '../text/spelling.js';
import { openingLine, readWrittenAttributes, type WrittenAttribute } from '../text/written.js';
import { toCamelCase, toKebabCase } from '../text/case.js';
import type { ResolvedOptions } from '../engine/options.js';
import { isClosed } from '../engine/syntax.js';
import { pointAt } from '../engine/positions.js';
import { markdownParser } from './check.js';

/** One change to a document: replace `[start, end)` of the parsed text by `text`. */
export interface Fix {
  /** The rule whose problem this fixes. */
  ruleId: 'unknown-box' | 'unknown-attribute' | 'unquoted-value-with-spaces' | 'unclosed-box';
  /** Where, in the text the fix was found in. */
  line: number;
  column: number;
  /** What it does, in a few words: `renamed "dat" to "date"`. */
  description: string;
  start: number;
  end: number;
  text: string;
}

/** A document after `fixDocument`. */
export interface FixedDocument {
  /** The new text of the file, byte order mark and line endings as they were. */
  output: string;
  /** The fixes applied, in order. */
  fixes: Fix[];
}

function fixAt(text: string, start: number, end: number, replacement: string, ruleId: Fix['ruleId'], description: string): Fix {
  const { line, column } = pointAt(text, start);
  return { ruleId, line, column, description, start, end, text: replacement };
}

function shapeOf(definition: AnyFactBoxDefinition): Record<string, z.ZodType> {
  return definition.attributes.shape as Record<string, z.ZodType>;
}

/**
 * The words of an unquoted value that remark-directive read as attributes of
 * their own (`by=Police spokesperson`: `spokesperson`), per attribute index:
 * the attributes after it without a value and without a known name.
 */
function strayWords(written: readonly WrittenAttribute[], known: ReadonlySet<string>): Map<number, WrittenAttribute[]> {
  const found = new Map<number, WrittenAttribute[]>();
  for (let index = 0; index < written.length; index++) {
    const attribute = written[index]!;
    if (attribute.value === undefined || attribute.quoted || attribute.name === 'id' || attribute.name === 'class') continue;
    const words: WrittenAttribute[] = [];
    for (let next = written[index + 1]; next && next.value === undefined && next.name !== 'id' && next.name !== 'class' && !known.has(next.name); next = written[index + 1 + words.length]) {
      words.push(next);
    }
    if (words.length === 0) continue;
    found.set(index, words);
    index += words.length;
  }
  return found;
}

/** Quotes around a value with spaces, exactly as the words were written between them. */
function quoteFixes(text: string, lineStart: number, line: string, known: ReadonlySet<string>): Fix[] {
  const written = readWrittenAttributes(line);
  const fixes: Fix[] = [];
  for (const [index, words] of strayWords(written, known)) {
    const attribute = written[index]!;
    if (!attribute.value) continue;
    const valueStart = line.indexOf(attribute.value!, line.indexOf('=', attribute.index));
    const last = words.at(-1)!;
    const valueEnd = last.index + last.name.length;
    const value = line.slice(valueStart, valueEnd);
    if (value.includes('"')) continue;
    fixes.push(fixAt(text, lineStart + valueStart, lineStart + valueEnd, `"${value}"`, 'unquoted-value-with-spaces', `quoted the value of "${attribute.name}": "${value}"`));
  }
  return fixes;
}

function attributeFixes(text: string, node: ContainerDirective, definition: AnyFactBoxDefinition): Fix[] {
  const start = node.position?.start.offset;
  const line = openingLine(text, node.position);
  if (start === undefined || line === undefined) return [];
  const shape = shapeOf(definition);
  const known = new Set(Object.keys(shape).map(toKebabCase));
  const written = readWrittenAttributes(line);
  const stray = new Set([...strayWords(written, known).values()].flat());
  const fixes = quoteFixes(text, start, line, known);
  const names = new Set(written.map((attribute) => attribute.name));
  for (const attribute of written) {
    if (attribute.name === 'id' || attribute.name === 'class' || stray.has(attribute) || known.has(attribute.name)) continue;
    const guess = nearSpelling(attribute.name, known);
    // Only the name the build suggested, never one already written, and only where the value is one the attribute takes.
    if (!guess || guess !== didYouMean(attribute.name, known) || names.has(guess) || attribute.value === undefined) continue;
    if (!shape[toCamelCase(guess)]!.safeParse(attribute.value).success) continue;
    fixes.push(fixAt(text, start + attribute.index, start + attribute.index + attribute.name.length, guess, 'unknown-attribute', `renamed attribute "${attribute.name}" to "${guess}"`));
  }
  return fixes;
}

/**
 * A box that runs to the end of the file, holding one block of text and
 * nothing that could have been meant to follow it (a heading, another box, a
 * code fence): its `:::` goes after that block. Anything else is left for the
 * author, who alone knows where the box was meant to end.
 */
function closingFix(text: string, node: ContainerDirective): Fix | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || text.slice(end).trim() !== '' || isClosed(text.slice(start, end))) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const fence = /^:+/.exec(text.slice(start))![0];
  const openingEnd = text.indexOf('\n', start);
  const body = openingEnd === -1 ? [] : text.slice(openingEnd + 1).trimEnd().split('\n');
  const blank = body.findIndex((line) => line.trim() === '');
  if (blank !== -1 && body.slice(blank).some((line) => line.trim() !== '')) return undefined;
  // `::group` lines belong to the box; a heading, a fence or a code block may not.
  if (body.some((line) => /^[ \t]*(?:#|:{3,}|`{3,}|~{3,})/.test(line))) return undefined;
  const at = text.trimEnd().length;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return fixAt(text, at, at, `${newline}${indent}${fence}`, 'unclosed-box', `closed the ${node.name} box of line ${node.position!.start.line} at the end of the file`);
}

/** A line that opens a known box but was read as a paragraph (`:::claim{by=Police spokesperson's office}`). */
function paragraphFixes(text: string, paragraph: Paragraph, boxes: ReadonlyMap<string, AnyFactBoxDefinition>): Fix[] {
  const start = paragraph.position?.start.offset;
  const line = openingLine(text, paragraph.position);
  const name = line === undefined ? undefined : /^:{3,}([A-Za-z][\w-]*)\{/.exec(line)?.[1];
  const definition = name === undefined ? undefined : boxes.get(name);
  if (start === undefined || line === undefined || !definition || !line.includes('}')) return [];
  return quoteFixes(text, start, line, new Set(Object.keys(shapeOf(definition)).map(toKebabCase)));
}

/**
 * The safe fixes of a parsed document, in the order they appear.
 *
 * @example
 *   findFixes(':::claim{by=Police spokesperson}\nQ\n:::\n', tree, resolveOptions())
 *   // [{ ruleId: 'unquoted-value-with-spaces', text: '"Police spokesperson"', … }]
 */
function findFixes(text: string, tree: Root, resolved: ResolvedOptions): Fix[] {
  const names = [...resolved.boxes.keys()];
  const fixes: Fix[] = [];
  const visit = (node: Nodes, atRoot: boolean) => {
    if (node.type === 'containerDirective') {
      const definition = resolved.boxes.get(node.name);
      const start = node.position?.start.offset;
      if (!definition && start !== undefined) {
        const guess = nearSpelling(node.name, names);
        const at = start + /^:+/.exec(text.slice(start))![0].length;
        if (guess && guess === didYouMean(node.name, names) && text.startsWith(node.name, at)) {
          fixes.push(fixAt(text, at, at + node.name.length, guess, 'unknown-box', `renamed box "${node.name}" to "${guess}"`));
        }
      }
      if (definition) {
        fixes.push(...attributeFixes(text, node, definition));
        const closing = atRoot ? closingFix(text, node) : undefined;
        if (closing) fixes.push(closing);
      }
    }
    if (node.type === 'paragraph') fixes.push(...paragraphFixes(text, node, resolved.boxes));
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node.type === 'root');
  };
  visit(tree, false);
  return fixes.sort((a, b) => a.start - b.start);
}

/**
 * Apply the safe fixes of a document, again on the result until none is left
 * (a box renamed may then have an attribute to rename), at most a few rounds.
 * A document that does not parse (an MDX syntax error) is left as it is.
 *
 * @example
 *   fixDocument('article.md', ':::casualty{kiled=3 source=x}\n:::\n', resolved).output
 *   // ':::casualties{killed=3 source=x}\n:::\n'
 */
export function fixDocument(path: string, source: string, resolved: ResolvedOptions): FixedDocument {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let text = source.slice(bom.length);
  const applied: Fix[] = [];
  for (let round = 0; round < 5; round++) {
    let tree: Root;
    try {
      tree = markdownParser(path).parse(text);
    } catch {
      break;
    }
    const fixes: Fix[] = [];
    for (const fix of findFixes(text, tree, resolved)) {
      const previous = fixes.at(-1);
      if (!previous || fix.start >= previous.end) fixes.push(fix);
    }
    if (fixes.length === 0) break;
    for (const fix of [...fixes].reverse()) text = `${text.slice(0, fix.start)}${fix.text}${text.slice(fix.end)}`;
    applied.push(...fixes);
  }
  // Lines stay where they were (a closing fence only adds the last): list the fixes in reading order.
  return { output: `${bom}${text}`, fixes: applied.sort((a, b) => a.line - b.line || a.column - b.column) };
}
