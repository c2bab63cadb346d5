// Container lifecycle arguments of @app.cls from what the model does, where the user gave no
// option. Modal's `timeout` (300 s unless set) bounds a container's startup as well as each input,
// unless `startup_timeout` is set (modal 1.6 App.cls: "timeout: Maximum execution time for inputs
// and startup time"): a setup() that downloads its weights on a container's first start can take
// longer, and the container is then stopped and started again, downloading from the beginning.
// A cog-safe-push predict/train timeout beyond 300 s says how long one input may run. A GPU
// model's setup() is a slow reload after each scale-down (Modal's default scaledown_window is
// 60 s), so its idle containers stay up 5 minutes.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { pyLiteral } from '../../src/quote/index.js';
import { longestSafePushTimeout } from '../../src/target/timeouts.js';
import type { ModalOptions } from './options.js';

export interface Argument {
  name: string;
  code: string;
  note?: string;
}

/** Modal's default `timeout=` in seconds (modal 1.6 App.cls). */
export const MODAL_DEFAULT_TIMEOUT = 300;
/** Modal's default `scaledown_window=` in seconds. */
export const MODAL_DEFAULT_SCALEDOWN_WINDOW = 60;
/** How long an idle container that loaded a GPU model stays up: 5 minutes, as the fal target keeps its runners. */
export const GPU_SETUP_SCALEDOWN_WINDOW = 300;
/** Startup allowed to a setup() that downloads weights on a first start: 30 minutes, as the fal target gives it. */
export const FIRST_START_DOWNLOAD_TIMEOUT = 1800;

/** Why setup() may download on a container's first start, or undefined. */
function firstStartDownload(ir: CogIR): string | undefined {
  const predictors = [ir.predictors.predict, ir.predictors.train].filter((p) => p !== undefined);
  if (predictors.some((p) => p.setup?.weightsParameter)) return 'setup(weights) fetches COG_WEIGHTS';
  if (predictors.some((p) => (p.huggingFace?.downloads.length ?? 0) > 0)) return 'setup() downloads from the Hugging Face Hub';
  if (predictors.some((p) => p.huggingFace?.projectFolders.some((f) => f.filledBySetup && !f.exists))) return 'setup() downloads weights into a project folder';
  return undefined;
}

export function lifecycleArguments(ir: CogIR, options: ModalOptions, findings: Finding[]): Argument[] {
  const out: Argument[] = [];
  const setup = [ir.predictors.predict, ir.predictors.train].find((p) => p?.setup)?.setup;
  const at = setup?.loc ?? { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column };
  if (options.timeout !== undefined) out.push({ name: 'timeout', code: pyLiteral(options.timeout), note: 'seconds per input (--timeout)' });
  else {
    const long = longestSafePushTimeout(ir, MODAL_DEFAULT_TIMEOUT);
    if (long) {
      out.push({ name: 'timeout', code: pyLiteral(long.seconds), note: `seconds per input: ${long.what}` });
      findings.push(finding('CM478', `timeout = ${long.seconds}: ${long.what} is longer than Modal's default of ${MODAL_DEFAULT_TIMEOUT} s per input`, at, { target: 'modal' }));
    }
  }
  if (options.scaledownWindow !== undefined) out.push({ name: 'scaledown_window', code: pyLiteral(options.scaledownWindow), note: 'seconds an idle container stays up (--scaledown-window)' });
  else if (setup && ir.build.gpu) {
    out.push({ name: 'scaledown_window', code: pyLiteral(GPU_SETUP_SCALEDOWN_WINDOW), note: 'setup() loads a GPU model: an idle container stays up 5 minutes' });
    findings.push(finding('CM479', `scaledown_window = ${GPU_SETUP_SCALEDOWN_WINDOW}: setup() loads the model onto the GPU, so an idle container stays up ${GPU_SETUP_SCALEDOWN_WINDOW / 60} minutes and the next request skips the reload (Modal's default is ${MODAL_DEFAULT_SCALEDOWN_WINDOW} s)`, at, { target: 'modal' }));
  }
  const why = setup ? firstStartDownload(ir) : undefined;
  if (options.startupTimeout !== undefined) out.push({ name: 'startup_timeout', code: pyLiteral(options.startupTimeout), note: 'seconds for setup() (--startup-timeout)' });
  else if (why) {
    out.push({ name: 'startup_timeout', code: pyLiteral(FIRST_START_DOWNLOAD_TIMEOUT), note: `${why} on a first start` });
    findings.push(finding('CM477', `startup_timeout = ${FIRST_START_DOWNLOAD_TIMEOUT}: ${why} on a container's first start, which can take longer than the ${MODAL_DEFAULT_TIMEOUT} s Modal's timeout otherwise allows`, at, { target: 'modal' }));
  }
  return out;
}
