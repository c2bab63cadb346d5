// The Modal class's lifecycle arguments from what the model does (targets/modal/lifecycle.ts):
// startup_timeout where setup() downloads on a first start (Modal's timeout bounds startup too),
// timeout= from a cog-safe-push timeout beyond Modal's 300 s.

import { describe, expect, it } from 'vitest';
import type { CogIR } from '../../../src/ir/types.js';
import { emitModal } from '../../../targets/modal/index.js';
import { cogIR, loc, predictor } from '../fal/ir-builders.js';

const fakeDockerfile = () => ({ text: 'FROM python:3.11-slim\n', findings: [] });
function emit(ir: CogIR, options: Parameters<typeof emitModal>[1] = {}) {
  const r = emitModal(ir, options, { dockerfile: fakeDockerfile });
  return { app: r.files.find((f) => f.path === 'modal_app.py')!.text, codes: r.findings.map((f) => f.code), r };
}
const safePush = (phase: 'predict' | 'train', timeout: number) =>
  [{ file: 'cog-safe-push.yaml', [phase]: { timeout, testCases: [], compareOutputs: true, destinationHardware: 'cpu', loc: loc('cog-safe-push.yaml') } }] as unknown as NonNullable<CogIR['safePush']>;

describe('Modal lifecycle arguments', () => {
  it('leaves Modal\'s defaults alone for a setup() that downloads nothing', () => {
    const { app, codes } = emit(cogIR({ predict: predictor() }));
    expect(app).not.toContain('startup_timeout');
    expect(app).not.toContain('timeout=');
    expect(codes).not.toContain('CM477');
  });

  it('gives a setup() that downloads from the Hub startup_timeout=1800 (CM477 at setup())', () => {
    const { app, r } = emit(cogIR({ gpu: true, predict: predictor({ huggingFace: { downloads: [{ loc: loc('predict.py', 9) }], cacheVariables: [], projectFolders: [] } }) }));
    expect(app).toContain('    startup_timeout=1800,  # setup() downloads from the Hugging Face Hub on a first start');
    expect(r.findings.find((f) => f.code === 'CM477')).toMatchObject({ file: 'predict.py', line: 5 });
  });

  it('setup(weights) fetching COG_WEIGHTS counts as a first-start download', () => {
    const p = predictor({ setup: { isAsync: false, loc: loc('predict.py', 5), weightsParameter: { name: 'weights', type: { kind: 'path' }, loc: loc('predict.py', 5, 20) } } });
    expect(emit(cogIR({ predict: p })).app).toContain('startup_timeout=1800,  # setup(weights) fetches COG_WEIGHTS on a first start');
  });

  it('keeps an idle GPU container with a setup() up 5 minutes (CM479); a CPU model keeps Modal\'s 60 s; --scaledown-window wins', () => {
    const gpu = emit(cogIR({ gpu: true, predict: predictor() }));
    expect(gpu.app).toContain('    scaledown_window=300,  # setup() loads a GPU model: an idle container stays up 5 minutes');
    expect(gpu.codes).toContain('CM479');
    expect(emit(cogIR({ predict: predictor() })).app).not.toContain('scaledown_window');
    expect(emit(cogIR({ gpu: true, predict: predictor({ setup: undefined }) })).app).not.toContain('scaledown_window');
    const given = emit(cogIR({ gpu: true, predict: predictor() }), { scaledownWindow: 20 });
    expect(given.app).toContain('    scaledown_window=20,  # seconds an idle container stays up (--scaledown-window)');
    expect(given.codes).not.toContain('CM479');
  });

  it('a cog-safe-push predict_timeout beyond 300 s is timeout= (CM478); --timeout wins over it', () => {
    const ir = cogIR({ predict: predictor() });
    ir.safePush = safePush('predict', 900);
    const { app, codes } = emit(ir);
    expect(app).toContain('    timeout=900,  # seconds per input: cog-safe-push.yaml predict_timeout: 900');
    expect(codes).toContain('CM478');
    const given = emit(ir, { timeout: 120 });
    expect(given.app).toContain('    timeout=120,  # seconds per input (--timeout)');
    expect(given.codes).not.toContain('CM478');
    ir.safePush = safePush('predict', 200);
    expect(emit(ir).app).not.toContain('timeout=');
  });
});
