// Regenerates the docs that are data: docs/findings.md from the findings catalogue and
// docs/conversion-matrix.md from the targets' matrices, docs/hardware.md from the hardware data,
// and the generated block of docs/targets/workers-ai.md from the instance-type data.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderFindingsCatalogue } from '../src/docs/findings-md.js';
import { renderConversionMatrix } from '../src/docs/conversion-matrix-md.js';
import { renderHardwareDoc } from '../src/docs/hardware-md.js';
import { withWorkersAiGenerated } from '../src/docs/workers-ai-md.js';

writeFileSync(new URL('../docs/findings.md', import.meta.url), renderFindingsCatalogue());
writeFileSync(new URL('../docs/conversion-matrix.md', import.meta.url), renderConversionMatrix());
writeFileSync(new URL('../docs/hardware.md', import.meta.url), renderHardwareDoc());
const workersAiPage = new URL('../docs/targets/workers-ai.md', import.meta.url);
const workersAi = withWorkersAiGenerated(readFileSync(workersAiPage, 'utf8'));
if (workersAi === undefined) throw new Error('docs/targets/workers-ai.md lost its generated-block markers');
writeFileSync(workersAiPage, workersAi);
console.log('wrote docs/findings.md, docs/conversion-matrix.md, docs/hardware.md and the tables of docs/targets/workers-ai.md');
