// The image of a Cog project as `cog build` makes it: the `cog debug` Dockerfile of the output's
// own cog.yaml, in the form the offline builder takes (src/verify/build/legacy-form.ts), with the
// requirements file it copies and the schema `cog build` writes into the image (Cog's server
// validates inputs only with it). Verify builds this for the cog target and for a Workers AI BYO
// output (the normalised Cog project `cog push` would build).

import type { Predictor } from '../../../ir/types.js';
import { readCog } from '../../../frontends/cog/index.js';
import { dockerfileFor, renderDockerfile } from '../../../dockerfile/index.js';
import { toOpenApi } from '../../../ir/openapi.js';
import type { TarEntry } from '../../build/tar.js';
import { legacyCogDebug, REQS } from '../../build/legacy-form.js';

export interface CogProjectImage {
  dockerfile: string;
  extraFiles: TarEntry[];
  /** The predictors the output's cog.yaml names, read from the output itself. */
  predict?: Predictor;
  train?: Predictor;
  /** What the offline form changed (legacy-form.ts). */
  notes: string[];
}

/** The build of the Cog project in `dir`, or why it does not read as one. */
export function cogProjectImage(dir: string): CogProjectImage | { error: string } {
  const { ir, findings } = readCog(dir);
  if (!ir) return { error: findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`).join('; ') || 'no cog.yaml' };
  const form = legacyCogDebug(renderDockerfile(dockerfileFor(ir, 'cog').cogDebug));
  const reqs = ir.build.pythonRequirements.map((r) => r.raw).join('\n') + '\n';
  const schema = JSON.stringify(toOpenApi(ir), null, 2) + '\n';
  return {
    dockerfile: form.text,
    extraFiles: [{ name: REQS, data: Buffer.from(reqs) }, { name: '.cog/openapi_schema.json', data: Buffer.from(schema) }],
    ...(ir.predictors.predict ? { predict: ir.predictors.predict } : {}),
    ...(ir.predictors.train ? { train: ir.predictors.train } : {}),
    notes: form.notes,
  };
}
