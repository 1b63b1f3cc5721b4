/**
 * Imports flow one way (ARCHITECTURE.md, "One way down"): from the entry
 * points through the adapters and the engine to the boxes, and on down to
 * rendering, words, text and values. A file may import its own room or a room
 * below it, never one above.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../packages/fact-boxes/src/', import.meta.url));

/** The rooms, deepest first. */
const ROOMS = ['values', 'text', 'locales', 'render (leaf)', 'locales/i18n', 'render', 'entities', 'boxes/define', 'boxes', 'engine', 'outputs', 'adapters', 'astro', 'entry'] as const;

function roomOf(file: string): number {
  const path = relative(SRC, file).replaceAll('\\', '/');
  if (['render/h.ts', 'render/html.ts', 'render/anchor.ts'].includes(path)) return ROOMS.indexOf('render (leaf)');
  // The words of a page and its boxes, which render with h: above the render leaves.
  if (['locales/i18n.ts', 'locales/catalog.ts', 'locales/box-words.ts'].includes(path)) return ROOMS.indexOf('locales/i18n');
  if (path === 'boxes/define.ts') return ROOMS.indexOf('boxes/define');
  const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : 'entry';
  // The checker is a front end beside the Astro integration.
  const room = ROOMS.indexOf((folder === 'checker' ? 'astro' : folder) as (typeof ROOMS)[number]);
  if (room === -1) throw new Error(`${path} is in no room: add its folder to ARCHITECTURE.md and to this test`);
  return room;
}

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : []));
}

describe('layers', () => {
  test('should have no import from a room above the importing file', () => {
    const upward: string[] = [];
    for (const file of sources(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = normalize(join(dirname(file), match[1]!)).replace(/\.js$/, '.ts');
        if (roomOf(target) > roomOf(file)) upward.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
