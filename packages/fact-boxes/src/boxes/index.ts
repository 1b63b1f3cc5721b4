/** The built-in boxes, in the order the README lists them. */
import type { AnyFactBoxDefinition } from './define.js';
import { actor } from './actor.js';
import { casualties } from './casualties.js';
import { claim } from './claim.js';
import { timeline } from './timeline.js';

export { actor } from './actor.js';
export { casualties } from './casualties.js';
export { claim } from './claim.js';
export { timeline } from './timeline.js';

/** The boxes every pipeline knows. */
export const builtinBoxes: readonly AnyFactBoxDefinition[] = [claim, casualties, timeline, actor] as readonly AnyFactBoxDefinition[];
