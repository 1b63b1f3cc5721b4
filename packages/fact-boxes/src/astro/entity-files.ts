/**
 * Entities kept in files, for the Astro integration and `fact-boxes check`:
 * a folder of YAML or JSON files, one entity each (its id the file's name,
 * as Astro's `glob()` loader gives it), or one file holding a list of
 * entities or an object of them by id (as Astro's `file()` loader reads it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Point } from 'unist';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { didYouMean } from '../text/spelling.js';
import { FactBoxesError, type FileProblem } from '../engine/errors.js';
import { toKebabCase } from '../text/case.js';
import { checkEntities, ENTITY_FIELDS, entitySchema, fieldName, type Entity } from '../entities/entity.js';

const DATA = new Set(['.yaml', '.yml', '.json']);

/** What was read: the entities, checked, and the files they came from (to watch). */
export interface EntityFiles {
  entities: Entity[];
  files: string[];
}

/** A data file read, with the place of each of its fields for messages. */
interface DataFile {
  file: string;
  data: unknown;
  /** Where a field (by its path in the data, camelCase keys matching kebab-case ones) is written. */
  placeOf(path: readonly PropertyKey[]): Point | undefined;
}

const START: Point = { line: 1, column: 1 };

/** Read a YAML or JSON file, or the problems that keep it from being read, each at its line and column. */
function readDataFile(file: string): DataFile | FileProblem[] {
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  // JSON is YAML too: the YAML reading places the fields of JSON files as well, once a message needs it.
  let document: Document | undefined;
  const yaml = () => (document ??= parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }));
  const at = (offset: number | undefined): Point | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const placeOf = (path: readonly PropertyKey[]) => placeIn(yaml(), path, at);
  if (extname(file) === '.json') {
    try {
      return { file, data: JSON.parse(text), placeOf };
    } catch (error) {
      const message = (error as Error).message;
      const where = /line (\d+) column (\d+)/.exec(message);
      const place = where ? { line: Number(where[1]), column: Number(where[2]) } : START;
      return [{ file, ruleId: 'invalid-entity-file', reason: `this JSON cannot be read: ${message.replace(/,\s*(?:\.\.\.)?"[\s\S]*$/, '').replace(/ in JSON at position.*$/, '')}`, fix: 'check the quotes, commas and brackets here', place }];
    }
  }
  if (yaml().errors.length > 0) {
    return yaml().errors.map((error) => ({
      file,
      ruleId: 'invalid-entity-file',
      reason: `this YAML cannot be read: ${error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').replace(/\.$/, '')}`,
      fix: 'check the indentation, quotes and brackets here (one field per line: name: …, type: …)',
      place: at(error.pos[0]) ?? START,
    }));
  }
  return { file, data: yaml().toJS(), placeOf };
}

/** Where a YAML node starts. */
const startOf = (node: unknown): number | undefined => (node as { range?: [number, number, number] } | null)?.range?.[0];

/** Where the field at `path` is written in a YAML/JSON document: its key, else the nearest enclosing node. */
function placeIn(document: Document, path: readonly PropertyKey[], at: (offset: number | undefined) => Point | undefined): Point | undefined {
  let node: unknown = document.contents;
  let place = at(startOf(node));
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key = isScalar(item.key) ? item.key.value : item.key;
        return key === segment || (typeof key === 'string' && fieldName(key) === segment);
      });
      if (!pair) return place;
      place = at(startOf(pair.key)) ?? place;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      place = at(startOf(node)) ?? place;
    } else {
      return place;
    }
  }
  return place;
}

const FIELDS = ENTITY_FIELDS.map(toKebabCase);

/** Every problem of one entity against `entitySchema`, at the field it is about. */
function entityProblems(input: unknown, path: readonly PropertyKey[], source: DataFile, label: string): FileProblem[] {
  const parsed = entitySchema.safeParse(input);
  if (parsed.success) return [];
  const problems: FileProblem[] = [];
  // Each unknown field, with the field it may be a misspelling of: that one need not be reported missing too.
  const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  const guesses = new Map(unknown.map((key) => [key, didYouMean(toKebabCase(key), FIELDS)]));
  const misspelt = new Set(guesses.values());
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const written = toKebabCase(key);
        const guess = guesses.get(key);
        problems.push({
          file: source.file,
          ruleId: 'unknown-entity-field',
          reason: `${label}: unknown field "${written}"${guess ? `; did you mean "${guess}"?` : ''}`,
          fix: guess ? `write ${guess}: …` : `use one of: ${FIELDS.join(', ')}`,
          place: source.placeOf([...path, key]) ?? START,
        });
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    const field = toKebabCase(key);
    const fields = input as Record<string, unknown> | null;
    const missing = fields?.[key] === undefined && fields?.[field] === undefined;
    // A misspelt field already says what to write instead.
    if (missing && misspelt.has(field)) continue;
    const values = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
    const got = fields?.[key] ?? fields?.[field];
    problems.push({
      file: source.file,
      ruleId: 'invalid-entity',
      reason: missing
        ? `${label}: "${field}" is missing`
        : values
          ? `${label}: "${field}" must be one of ${values.join(', ')}; got ${JSON.stringify(got)}`
          : `${label}: "${field}" ${issue.message.replace(/^Invalid input:?\s*/i, 'is invalid: ')}`,
      fix: missing ? `add ${field}: …` : values ? `write ${field}: ${didYouMean(String(got), values) ?? 'and one of them'}` : `correct ${field}`,
      place: source.placeOf(missing ? path : [...path, key]) ?? START,
    });
  }
  return problems.sort((a, b) => pointLine(a) - pointLine(b));
}

const pointLine = (problem: FileProblem) => (problem.place && 'line' in problem.place ? problem.place.line : 0);

/** The entities' checks across files (unique ids), as one problem of where they came from. */
function checkAll(inputs: readonly unknown[], where: string, file: string): Entity[] {
  try {
    return checkEntities(inputs, where);
  } catch (error) {
    throw new FactBoxesError([{ file, ruleId: 'invalid-entity', reason: (error as Error).message.replace(/^fact-boxes: /, ''), fix: 'give each entity its own id' }]);
  }
}

/** A file's id as Astro's glob() loader makes it: its path without the extension, lowercased, dashes for spaces. */
function idOfPath(path: string): string {
  return path
    .slice(0, -extname(path).length)
    .split(sep)
    .map((part) => part.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''))
    .join('-');
}

function listFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...listFiles(path));
    else if (DATA.has(extname(name))) found.push(path);
  }
  return found;
}

/**
 * Read entities from a folder of YAML/JSON files (one entity per file, its id
 * the file name unless it gives one) or from one file (a list, or an object
 * by id), and check them against `entitySchema`.
 *
 * @example
 *   readEntityFiles('src/content/entities').entities // [{ id: 'kataib-hezbollah', name: 'Kataib Hezbollah', … }]
 */
export function readEntityFiles(path: string): EntityFiles {
  if (!existsSync(path)) throw new TypeError(`fact-boxes: the entities path ${path} does not exist`);
  const problems: FileProblem[] = [];
  const fail = () => new FactBoxesError(problems);
  if (statSync(path).isDirectory()) {
    const files = listFiles(path);
    const inputs: unknown[] = [];
    for (const file of files) {
      const read = readDataFile(file);
      if (Array.isArray(read)) {
        problems.push(...read);
        continue;
      }
      const id = idOfPath(relative(path, file));
      if (typeof read.data !== 'object' || read.data === null || Array.isArray(read.data)) {
        problems.push({ file, ruleId: 'invalid-entity-file', reason: `the entity file must hold one entity, its fields one per line`, fix: 'write name: …, type: … and the other fields at the start of their lines', place: START });
        continue;
      }
      const input = { id, ...read.data };
      problems.push(...entityProblems(input, [], read, `entity "${(read.data as { id?: unknown }).id ?? id}"`));
      inputs.push(input);
    }
    if (problems.length > 0) throw fail();
    return { entities: checkAll(inputs, `entities in ${path}`, path), files: [path, ...files] };
  }
  const read = readDataFile(path);
  if (Array.isArray(read)) throw new FactBoxesError(read);
  const data = read.data;
  const entries: [PropertyKey[], unknown, string][] = Array.isArray(data)
    ? data.map((entity, index) => [[index], entity, typeof (entity as { name?: unknown })?.name === 'string' ? `entity "${(entity as { name: string }).name}"` : `entity #${index + 1}`])
    : typeof data === 'object' && data !== null
      ? Object.entries(data).map(([id, entity]) => [[id], { id, ...(entity as object) }, `entity "${id}"`])
      : [];
  for (const [at, input, label] of entries) problems.push(...entityProblems(input, at, read, label));
  if (problems.length > 0) throw fail();
  return { entities: checkAll(entries.map(([, input]) => input), `entities in ${path}`, path), files: [path] };
}
