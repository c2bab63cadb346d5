// Hand-built IRs for the fal target tests (the Cog frontend is not wired up yet). Small helpers
// keep each test's IR readable: only what the test is about is spelled out.

import { IR_VERSION, type CogIR, type Input, type IrType, type Predictor, type SourceLocation } from '../../../src/ir/types.js';
import type { Dockerfile } from '../../../src/dockerfile/index.js';
import type { DockerfileProvider } from '../../../targets/fal/index.js';

export const loc = (file = 'predict.py', line = 1, column = 1): SourceLocation => ({ file, line, column });

export function input(name: string, type: IrType, extra: Partial<Input> = {}): Input {
  return { name, type, default: 'required', order: 0, spelling: 'Input', loc: loc('predict.py', 10), ...extra };
}

export function predictor(extra: Partial<Predictor> = {}): Predictor {
  const inputs = (extra.inputs ?? []).map((i, order) => ({ ...i, order }));
  return {
    role: 'predict',
    ref: 'predict.py:Predictor',
    file: 'predict.py',
    name: 'Predictor',
    kind: 'class',
    method: 'predict',
    isAsync: false,
    setup: { isAsync: false, loc: loc('predict.py', 5) },
    output: { kind: 'str' },
    localImports: [],
    runtimeApis: [],
    loc: loc('predict.py', 4),
    ...extra,
    inputs,
  };
}

export function cogIR(extra: { name?: string; gpu?: boolean; predict?: Predictor; train?: Predictor; concurrency?: number } = {}): CogIR {
  return {
    irVersion: IR_VERSION,
    project: { name: extra.name ?? 'hello-model', root: '/fixture', configGeneration: 'current' },
    build: {
      gpu: extra.gpu ?? false,
      pythonVersion: '3.11',
      pythonVersionExplicit: true,
      systemPackages: [],
      requirementsSource: 'none',
      pythonRequirements: [],
      run: [],
      preInstall: [],
      loc: loc('cog.yaml', 1),
    },
    runtime: {
      ...(extra.concurrency !== undefined ? { concurrency: { max: extra.concurrency, loc: loc('cog.yaml', 9) } } : {}),
      environment: [],
      weights: [],
    },
    predictors: {
      ...(extra.predict ? { predict: extra.predict } : {}),
      ...(extra.train ? { train: extra.train } : {}),
    },
  };
}

/** What the pruner is expected to produce for fal: a slim Python base, requirements, no COPY. */
export const fakePruned: Dockerfile = {
  instructions: [
    { keyword: 'FROM', args: 'python:3.11-slim', provenance: 'build.python_version' },
    { keyword: 'RUN', args: 'pip install --no-cache-dir pillow==11.0.0', provenance: 'build.python_requirements' },
    { keyword: 'WORKDIR', args: '/src', provenance: 'cog: workdir' },
  ],
};

export const fakeDockerfile: DockerfileProvider = () => ({ dockerfile: fakePruned, findings: [] });
