/**
 * What an author wrote, read from the source: a directive's opening line,
 * its attributes as written (so messages point at them), and a found value
 * quoted for a message.
 */
import type { Point, Position } from 'unist';

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

/**
 * The attributes written on a directive's opening line, in order, read the
 * way remark-directive reads them (quoted values may hold spaces, `=` and names).
 */
export function readWrittenAttributes(line: string): WrittenAttribute[] {
  const attributes: WrittenAttribute[] = [];
  const start = attributesStart(line);
  if (start === -1) return attributes;
  let index = start + 1;
  const skipSpace = () => {
    while (index < line.length && /\s/.test(line[index]!)) index++;
  };
  const readWhile = (pattern: RegExp) => {
    const from = index;
    while (index < line.length && pattern.test(line[index]!)) index++;
    return line.slice(from, index);
  };
  while (index < line.length) {
    skipSpace();
    const char = line[index];
    if (char === undefined || char === '}') break;
    const at = index;
    if (char === '#' || char === '.') {
      index++;
      attributes.push({ name: char === '#' ? 'id' : 'class', index: at, value: readWhile(/[^\s}#.]/), quoted: false });
      continue;
    }
    const name = readWhile(/[^\s=}"']/);
    if (name === '') {
      index++; // a stray quote or `=`
      continue;
    }
    const afterName = index;
    skipSpace();
    if (line[index] !== '=') {
      index = afterName;
      attributes.push({ name, index: at, quoted: false });
      continue;
    }
    index++;
    skipSpace();
    const quoteChar = line[index];
    if (quoteChar === '"' || quoteChar === "'") {
      const close = line.indexOf(quoteChar, index + 1);
      const end = close === -1 ? line.length : close;
      attributes.push({ name, index: at, value: line.slice(index + 1, end), quoted: true });
      index = end + 1;
    } else {
      attributes.push({ name, index: at, value: readWhile(/[^\s}"'=<>`]/), quoted: false });
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

/** A box with many attribute problems asks for many places: read its opening line once, not once per problem. */
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
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
