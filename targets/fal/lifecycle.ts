// Runner lifecycle attributes from what the model does, where the user gave no option:
// startup_timeout when setup() downloads weights on a runner's first start, keep_alive when it
// loads a GPU model, and for long work (a train endpoint, a cog-safe-push timeout beyond fal's
// request default) request_timeout and skip_retry_conditions=["timeout"], since fal's queue
// retries a timed-out request from the start. Values and reasons: data/lifecycle.json.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { pyLiteral } from '../../src/quote/index.js';
import data from './data/lifecycle.json' with { type: 'json' };
import { installedPackages } from './installed-packages.js';
import type { FalOptions } from './options.js';
import { longestSafePushTimeout } from '../../src/target/timeouts.js';

export interface Attribute { name: string; code: string; note?: string }

export function lifecycleAttributes(ir: CogIR, options: FalOptions, findings: Finding[]): Attribute[] {
  const out: Attribute[] = [];
  const predictors = [ir.predictors.predict, ir.predictors.train].filter((p) => p !== undefined);
  const setup = predictors.find((p) => p.setup)?.setup;
  const at = setup?.loc ?? { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column };

  if (options.keepAlive !== undefined) out.push({ name: 'keep_alive', code: pyLiteral(options.keepAlive), note: 'set with --keep-alive' });
  else if (setup && ir.build.gpu) {
    out.push({ name: 'keep_alive', code: pyLiteral(data.gpuSetup.keepAlive), note: 'setup() loads a GPU model: idle runners stay warm (--keep-alive)' });
    findings.push(finding('CM456', `keep_alive = ${data.gpuSetup.keepAlive}: ${data.gpuSetup.why}`, at, { target: 'fal' }));
  }

  if (options.requestTimeout !== undefined) out.push({ name: 'request_timeout', code: pyLiteral(options.requestTimeout), note: 'set with --request-timeout' });
  const long = options.requestTimeout === undefined ? longestSafePushTimeout(ir, data.falDefaults.requestTimeout) : undefined;
  if (long) out.push({ name: 'request_timeout', code: pyLiteral(long.seconds), note: `${long.what} (--request-timeout)` });

  if (options.startupTimeout !== undefined) out.push({ name: 'startup_timeout', code: pyLiteral(options.startupTimeout), note: 'set with --startup-timeout' });
  else if (setup) {
    const reader = installedPackages(ir).find((p) => data.firstStartDownload.packages.includes(p.name));
    const weights = predictors.some((p) => p.setup?.weightsParameter) ? 'setup(weights) fetches COG_WEIGHTS' : undefined;
    const why = weights ?? (reader ? `${reader.name} can download weights in setup()` : undefined);
    if (why) {
      out.push({ name: 'startup_timeout', code: pyLiteral(data.firstStartDownload.startupTimeout), note: `${why} on a first start (--startup-timeout)` });
      findings.push(finding('CM456', `startup_timeout = ${data.firstStartDownload.startupTimeout}: ${why}; ${data.firstStartDownload.why}`, at, { target: 'fal' }));
    }
  }

  const train = ir.predictors.train;
  if (train || long) {
    out.push({ name: 'skip_retry_conditions', code: pyLiteral(data.longWork.retryConditions), note: 'a timed-out request is not run again' });
    const what = train ? `train: ${train.ref} is served as POST /train` : `${long!.what} is longer than fal's default request timeout`;
    const timeout = long ? `request_timeout = ${long.seconds} (${long.what}); ` : '';
    findings.push(finding('CM457', `${what}: ${timeout}skip_retry_conditions = ["timeout"]: ${data.longWork.why}`, train?.loc ?? at, { target: 'fal' }));
  }
  return out;
}
