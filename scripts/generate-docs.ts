// Regenerates the docs that are data: docs/findings.md from the findings catalogue.
import { writeFileSync } from 'node:fs';
import { renderFindingsCatalogue } from '../src/docs/findings-md.js';

writeFileSync(new URL('../docs/findings.md', import.meta.url), renderFindingsCatalogue());
console.log('wrote docs/findings.md');
