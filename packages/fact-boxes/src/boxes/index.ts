import type { AnyFactBoxDefinition } from '../define.js';
import { casualties } from './casualties.js';
import { claim } from './claim.js';

export { casualties } from './casualties.js';
export { claim } from './claim.js';

/** The boxes every pipeline knows. */
export const builtinBoxes: readonly AnyFactBoxDefinition[] = [claim, casualties] as readonly AnyFactBoxDefinition[];
