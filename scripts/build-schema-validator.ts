// Compiles src/events/event.schema.json into a standalone validator module
// (src/events/generated/event-validators.js). The browser runs under a CSP without
// 'unsafe-eval', so ajv cannot compile there; the generated code needs no eval and
// no runtime imports. Run: npm run schema. A unit test fails when the committed
// module is out of step with the schema.
import { fileURLToPath } from 'node:url';
import { generateValidatorSource } from '../src/events/schema-codegen.ts';
import { writeFileAtomic } from '../src/geoparse/emit/write.ts';

const out = fileURLToPath(new URL('../src/events/generated/event-validators.js', import.meta.url));
writeFileAtomic(out, generateValidatorSource());
process.stderr.write(`wrote ${out.replace(process.cwd() + '/', '')}\n`);
