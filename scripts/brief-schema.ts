// Writes the JSON Schema of brief version 1, generated from the zod schema, beside it; a test keeps the file in step.
import { writeFileSync } from 'node:fs';
import { briefJsonSchema } from '../server/brief/json-schema.js';

const out = new URL('../server/brief/brief-v1.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(briefJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
