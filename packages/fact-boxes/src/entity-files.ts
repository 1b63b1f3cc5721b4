/**
 * Entities kept in files, for the Astro integration and `fact-boxes check`:
 * a folder of YAML or JSON files, one entity each (its id the file's name,
 * as Astro's `glob()` loader gives it), or one file holding a list of
 * entities or an object of them by id (as Astro's `file()` loader reads it).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkEntities, type Entity } from './entities.js';

const DATA = new Set(['.yaml', '.yml', '.json']);

/** What was read: the entities, checked, and the files they came from (to watch). */
export interface EntityFiles {
  entities: Entity[];
  files: string[];
}

function parseFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new TypeError(`fact-boxes: could not read the entity file ${file}: ${(error as Error).message}`);
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
  if (statSync(path).isDirectory()) {
    const files = listFiles(path);
    const inputs = files.map((file) => {
      const data = parseFile(file);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TypeError(`fact-boxes: the entity file ${file} must hold one entity (name, type, …)`);
      return { id: idOfPath(relative(path, file)), ...data };
    });
    return { entities: checkEntities(inputs, `entities in ${path}`), files: [path, ...files] };
  }
  const data = parseFile(path);
  const inputs = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null
      ? Object.entries(data).map(([id, entity]) => ({ id, ...(entity as object) }))
      : [];
  return { entities: checkEntities(inputs, `entities in ${path}`), files: [path] };
}
