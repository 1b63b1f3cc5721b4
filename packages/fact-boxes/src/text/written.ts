/**
 * What an author wrote, read from the source: a directive's opening line,
 * its attributes as written (so messages point at them), and a found value
 * quoted for a message.
 */
import type { Point, Position } from 'unist';
import { cut } from './cut.js';

/** An attribute as written on a directive's opening line. */
export interface WrittenAttribute {
  /** The name, or `id` / `class` for the `#id` and `.class` shortcuts. */
  name: string;
  /** Index of the name (or of `#` / `.`) in the line. */
  index: number;
  /** The value, when one was written with `=`. */
  value?: string;
  quoted: boolean;
}

/** Index of the `{` that opens a directive's attributes, after its name and `[label]`. */
function attributesStart(line: string): number {
  const name = /^[ \t]*:+[A-Za-z][\w-]*/.exec(line);
  if (!name) return line.indexOf('{');
  let index = name[0].length;
  if (line[index] === '[') {
    let depth = 0;
    for (; index < line.length; index++) {
      const char = line[index];
      if (char === '\\') index++;
      else if (char === '[') depth++;
      else if (char === ']' && --depth === 0) break;
    }
    index++;
  }
  return line[index] === '{' ? index : line.indexOf('{');
}

// Sticky patterns, each read from the current index: one call per token rather than one per character.
const SPACE = /\s*/y;
const SHORTCUT_VALUE = /[^\s}#.]*/y;
const NAME = /[^\s=}"']*/y;
const UNQUOTED_VALUE = /[^\s}"'=<>`]*/y;

/** The line read last, and what it gave: a box's line is read by the adapter and again by the attribute check. */
let lastLine: string | undefined;
let lastRead: readonly WrittenAttribute[] = [];

/**
 * The attributes written on a directive's opening line, in order, read the
 * way remark-directive reads them (quoted values may hold spaces, `=` and names).
 */
export function readWrittenAttributes(line: string): readonly WrittenAttribute[] {
  if (line === lastLine) return lastRead;
  const attributes: WrittenAttribute[] = [];
  lastLine = line;
  lastRead = attributes;
  const start = attributesStart(line);
  if (start === -1) return attributes;
  let index = start + 1;
  const readWhile = (pattern: RegExp) => {
    pattern.lastIndex = index;
    pattern.test(line);
    const from = index;
    index = pattern.lastIndex;
    return line.slice(from, index);
  };
  while (index < line.length) {
    readWhile(SPACE);
    const char = line[index];
    if (char === undefined || char === '}') break;
    const at = index;
    if (char === '#' || char === '.') {
      index++;
      attributes.push({ name: char === '#' ? 'id' : 'class', index: at, value: readWhile(SHORTCUT_VALUE), quoted: false });
      continue;
    }
    const name = readWhile(NAME);
    if (name === '') {
      index++; // a stray quote or `=`
      continue;
    }
    const afterName = index;
    readWhile(SPACE);
    if (line[index] !== '=') {
      index = afterName;
      attributes.push({ name, index: at, quoted: false });
      continue;
    }
    index++;
    readWhile(SPACE);
    const quoteChar = line[index];
    if (quoteChar === '"' || quoteChar === "'") {
      const close = line.indexOf(quoteChar, index + 1);
      const end = close === -1 ? line.length : close;
      attributes.push({ name, index: at, value: line.slice(index + 1, end), quoted: true });
      index = end + 1;
    } else {
      attributes.push({ name, index: at, value: readWhile(UNQUOTED_VALUE), quoted: false });
    }
  }
  return attributes;
}

/** The first line of a node in the source, from where the node starts, without its line break (`\n` or `\r\n`). */
export function openingLine(source: string, position: Position | undefined): string | undefined {
  const offset = position?.start.offset;
  if (offset === undefined) return undefined;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(offset, lineEnd === -1 ? undefined : lineEnd);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Where an attribute is written on a directive's opening line, so messages
 * point at it rather than at the start of the box.
 */
export function locateAttribute(source: string, position: Position | undefined, name: string): Point | undefined {
  const start = position?.start;
  if (!position || start?.offset === undefined) return undefined;
  const found = attributesByName(source, position)?.get(name);
  if (!found) return undefined;
  return { line: start.line, column: start.column + found.index, offset: start.offset + found.index };
}

/** A box with many attribute problems asks for many places: index its opening line by name once, not once per problem. */
const openingLines = new WeakMap<Position, { source: string; offset: number; byName: Map<string, WrittenAttribute> }>();

function attributesByName(source: string, position: Position): Map<string, WrittenAttribute> | undefined {
  const offset = position.start.offset;
  const cached = openingLines.get(position);
  if (cached && cached.source === source && cached.offset === offset) return cached.byName;
  const line = openingLine(source, position);
  if (line === undefined || offset === undefined) return undefined;
  const byName = new Map<string, WrittenAttribute>();
  for (const attribute of readWrittenAttributes(line)) if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
  openingLines.set(position, { source, offset, byName });
  return byName;
}

/** Quote a found value for a message, shortened when long. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${cut(value, 57)}…` : value;
  return JSON.stringify(short);
}
