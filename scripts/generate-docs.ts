// Regenerates the docs that are data: docs/findings.md from the findings catalogue and
// docs/conversion-matrix.md from the targets' matrices.
import { writeFileSync } from 'node:fs';
import { renderFindingsCatalogue } from '../src/docs/findings-md.js';
import { renderConversionMatrix } from '../src/docs/conversion-matrix-md.js';
import { renderHardwareDoc } from '../src/docs/hardware-md.js';

writeFileSync(new URL('../docs/findings.md', import.meta.url), renderFindingsCatalogue());
writeFileSync(new URL('../docs/conversion-matrix.md', import.meta.url), renderConversionMatrix());
writeFileSync(new URL('../docs/hardware.md', import.meta.url), renderHardwareDoc());
console.log('wrote docs/findings.md, docs/conversion-matrix.md and docs/hardware.md');
