/**
 * The boxes a pipeline knows: the built-ins plus the site's own, each name
 * once. The plugins, `toJsonLd` and `boxesJsonSchema` all look boxes up here,
 * so a site's boxes validate, render, map and describe themselves alike.
 */
import type { AnyFactBoxDefinition } from './define.js';
import { builtinBoxes } from './index.js';

/**
 * The built-in boxes and `custom`, by name. A custom box may take a built-in
 * name only when `replace` lists it; anything not made with `defineFactBox`
 * is refused.
 *
 * @example
 *   boxRegistry([ownClaim], ['claim']).get('claim') // ownClaim
 */
export function boxRegistry(custom: readonly AnyFactBoxDefinition[] = [], replace: readonly string[] = []): ReadonlyMap<string, AnyFactBoxDefinition> {
  const boxes = new Map<string, AnyFactBoxDefinition>(builtinBoxes.map((box) => [box.name, box]));
  const replaceable = new Set(replace);
  for (const box of custom) {
    if (!box || typeof box.name !== 'string' || typeof box.render !== 'function') {
      throw new TypeError('fact-boxes: every entry of `boxes` must be made with defineFactBox()');
    }
    if (boxes.has(box.name) && !replaceable.has(box.name)) {
      throw new TypeError(`fact-boxes: a box named "${box.name}" already exists; to replace the built-in, pass replace: ['${box.name}']`);
    }
    boxes.set(box.name, box);
  }
  return boxes;
}
