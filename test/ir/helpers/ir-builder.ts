// Small builders for hand-made IRs, so a test states only what it is about.

import { IR_VERSION, type CogIR, type Input, type IrType, type LiteralValue, type ObjectField, type Predictor, type SourceLocation, type StaticValue } from '../../../src/ir/types.js';

export const loc = (line = 1, column = 1, file = 'predict.py'): SourceLocation => ({ file, line, column });
export const lit = (value: LiteralValue): StaticValue => ({ kind: 'literal', value });
export const src = (text: string): StaticValue => ({ kind: 'source', text });

export const t = {
  str: (): IrType => ({ kind: 'str' }),
  int: (): IrType => ({ kind: 'int' }),
  float: (): IrType => ({ kind: 'float' }),
  bool: (): IrType => ({ kind: 'bool' }),
  path: (): IrType => ({ kind: 'path' }),
  file: (): IrType => ({ kind: 'file' }),
  secret: (): IrType => ({ kind: 'secret' }),
  any: (): IrType => ({ kind: 'any' }),
  dict: (): IrType => ({ kind: 'dict' }),
  list: (items: IrType): IrType => ({ kind: 'list', items }),
  optional: (inner: IrType): IrType => ({ kind: 'optional', inner }),
  iterator: (items: IrType): IrType => ({ kind: 'iterator', items }),
  asyncIterator: (items: IrType): IrType => ({ kind: 'asyncIterator', items }),
  concat: (items: IrType = { kind: 'str' }): IrType => ({ kind: 'concatenateIterator', items }),
  asyncConcat: (items: IrType = { kind: 'str' }): IrType => ({ kind: 'asyncConcatenateIterator', items }),
  object: (name: string, fields: [string, IrType, StaticValue?][]): IrType => ({
    kind: 'object',
    name,
    loc: loc(),
    fields: fields.map(([n, type, d], i): ObjectField => ({ name: n, type, ...(d ? { default: d } : {}), loc: loc(i + 2) })),
  }),
};

export type InputSpec = Partial<Omit<Input, 'name' | 'type' | 'order' | 'loc' | 'spelling'>> & { spelling?: Input['spelling'] };

/** Inputs in signature order; `order` is the position. Without a default the input is required. */
export function inputs(...specs: [string, IrType, InputSpec?][]): Input[] {
  return specs.map(([name, type, spec = {}], order) => ({
    name,
    type,
    order,
    default: 'required',
    spelling: 'Input',
    loc: loc(order + 5),
    ...spec,
  }));
}

export function predictor(role: 'predict' | 'train', ins: Input[], output: IrType, extra: Partial<Predictor> = {}): Predictor {
  const file = role === 'predict' ? 'predict.py' : 'train.py';
  const name = role === 'predict' ? 'Predictor' : 'train';
  return {
    role,
    ref: `${file}:${name}`,
    file,
    name,
    kind: role === 'predict' ? 'class' : 'function',
    ...(role === 'predict' ? { method: 'predict' } : {}),
    isAsync: false,
    inputs: ins,
    output,
    localImports: [],
    runtimeApis: [],
    loc: loc(),
    ...extra,
  };
}

export function ir(predictors: { predict?: Predictor; train?: Predictor }, name = 'model'): CogIR {
  return {
    irVersion: IR_VERSION,
    project: { name, root: `/tmp/${name}`, configGeneration: 'current' },
    build: {
      gpu: false,
      pythonVersion: '3.11',
      pythonVersionExplicit: true,
      systemPackages: [],
      requirementsSource: 'none',
      pythonRequirements: [],
      run: [],
      preInstall: [],
      loc: loc(1, 1, 'cog.yaml'),
    },
    runtime: { environment: [], weights: [] },
    predictors,
  };
}

/** A predict-only IR. */
export const predictIr = (ins: Input[], output: IrType = t.str()): CogIR => ir({ predict: predictor('predict', ins, output) });
