// Writes schema.json from the built package: `npm run schema` (after `npm run build`).
import { writeFileSync } from 'node:fs';
import { boxesJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(boxesJsonSchema(), null, 2)}\n`);
console.log('wrote schema.json');
