// MIGRATION.md's mapping table for the Cog target: what each part of the source became.

import type { CogIR } from '../../src/ir/types.js';
import type { AppliedMapping } from '../../src/target/types.js';

export function mappingRows(ir: CogIR): AppliedMapping[] {
  const p = ir.predictors.predict;
  if (!p) return [];
  const rows: AppliedMapping[] = [];
  if (p.app) {
    const where = p.app.platform === 'fal' ? `@fal.endpoint(${JSON.stringify(p.app.endpoint)}) ${p.app.method}()` : `${p.app.method}()`;
    rows.push({ concept: 'Endpoint', cog: where, target: 'Predictor.predict() calling it', status: 'mapped' });
    rows.push({ concept: 'Inputs', cog: p.app.request.style === 'model' ? `request model ${p.app.request.model}` : 'method parameters', target: `${p.inputs.length} Input(...) parameters`, status: 'mapped' });
    if (p.app.setup.length) rows.push({ concept: 'Start-up', cog: p.app.setup.map((s) => `${s.name}()`).join(', '), target: 'Predictor.setup()', status: 'mapped' });
    if (ir.predictors.train?.app) rows.push({ concept: 'Training', cog: `${ir.predictors.train.app.method}()`, target: 'train: in cog.yaml', status: 'mapped' });
  } else {
    rows.push({ concept: 'Predictor', cog: p.ref, target: `${p.ref} (unchanged)`, status: 'mapped' });
  }
  rows.push({ concept: 'Build', cog: ir.build.gpu ? 'GPU' : 'CPU', target: `cog.yaml gpu: ${ir.build.gpu}, python_version ${ir.build.pythonVersion}`, status: 'mapped' });
  return rows;
}
