// Property: for random valid predictor signatures, our document equals Cog's own, both
// generations. Each sample is an IR plus the Python text that declares it; the text is
// rendered into .cache/oracle/generated/ and given to Cog's Go generator (static dialect) and
// to the cog 0.19.3 SDK (python-0.19 dialect). Strings avoid escape sequences (a static-Cog
// bug we do not copy, see test/known-failures.ts) and Path defaults (0.19 cannot encode them).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOpenApi, type JsonObject } from '../../src/ir/openapi.js';
import type { Input, IrType, LiteralValue } from '../../src/ir/types.js';
import { inputs as buildInputs, ir as buildIr, lit, predictor, t, type InputSpec } from './helpers/ir-builder.js';
import { goOracleBinary, runGoOracle } from './helpers/go-oracle.js';
import { oraclePython, runOracle } from './helpers/oracle.js';

const generated = fileURLToPath(new URL('../../.cache/oracle/generated/', import.meta.url));

interface Param {
  name: string;
  type: IrType;
  py: string;
  spec: InputSpec;
}

const NAMES = ['prompt', 'seed', 'num_steps', 'HDR_mode', 'lora_2x', 'image', 'mask_url', 'scale', 'a', 'b_c', 'x9'];
const TEXTS = ['A prompt', 'café ✓ 日本', "it's fine", 'say "hi"', '', 'x'];
const FLOATS = [0, 0.5, 1, 2.25, -1.5, 7.5, 100];

const py = (v: LiteralValue): string =>
  v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? pyStr(v) : Array.isArray(v) ? `[${v.map(py).join(', ')}]` : String(v);
// The texts above need no escapes; pick the quote that the text does not contain.
const pyStr = (s: string): string => (s.includes('"') ? `'${s}'` : `"${s}"`);

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** One parameter of a given kind: its IR, its annotation and its Input(...) keywords. */
const param: fc.Arbitrary<Omit<Param, 'name'>> = fc.oneof(
  // str, with either choices or length/regex constraints
  fc.record({
    choices: maybe(fc.uniqueArray(fc.constantFrom('fast', 'slow', 'medium', 'a b'), { minLength: 2, maxLength: 3 })),
    withDefault: fc.boolean(),
    lengths: fc.boolean(),
    regex: fc.boolean(),
    description: maybe(fc.constantFrom(...TEXTS)),
    deprecated: maybe(fc.boolean()),
  }).map(({ choices, withDefault, lengths, regex, description, deprecated }) => {
    const spec: InputSpec = { description, deprecated };
    if (choices) {
      spec.choices = lit(choices);
      if (withDefault) spec.default = lit(choices[0]!);
    } else {
      if (withDefault) spec.default = lit('abc');
      if (lengths) Object.assign(spec, { minLength: 1, maxLength: 10 });
      if (regex) spec.regex = '^[a-z]+$';
    }
    return { type: t.str(), py: 'str', spec };
  }),
  // int, with either choices or ge/le
  fc.record({ choices: fc.boolean(), d: fc.integer({ min: -5, max: 5 }), bounds: fc.boolean(), withDefault: fc.boolean() }).map(({ choices, d, bounds, withDefault }) => {
    const spec: InputSpec = {};
    if (choices) {
      spec.choices = lit([1, 2, 4]);
      if (withDefault) spec.default = lit(2);
    } else {
      if (withDefault) spec.default = lit(d);
      if (bounds) Object.assign(spec, { ge: -10, le: 10 });
    }
    return { type: t.int(), py: 'int', spec };
  }),
  fc.record({ d: fc.constantFrom(...FLOATS), bounds: fc.boolean() }).map(({ d, bounds }) => ({
    type: t.float(), py: 'float', spec: { default: lit(d), ...(bounds ? { ge: -100, le: 100 } : {}) },
  })),
  fc.boolean().map((d) => ({ type: t.bool(), py: 'bool', spec: { default: lit(d) } })),
  fc.constant({ type: t.path(), py: 'Path', spec: { description: 'A file' } }),
  fc.boolean().map((none) => ({ type: t.secret(), py: 'Secret', spec: none ? { default: lit(null) } : {} })),
  fc.boolean().map((none) => ({ type: t.dict(), py: 'dict', spec: none ? { default: lit(null) } : {} })),
  fc.constant({ type: t.any(), py: 'Any', spec: {} }),
  fc.constantFrom<[IrType, string, LiteralValue]>([t.str(), 'str', ['a', 'b']], [t.int(), 'int', [1, 2]], [t.float(), 'float', [0.5]]).chain(([item, name, d]) =>
    fc.boolean().map((withDefault) => ({ type: t.list(item), py: `List[${name}]`, spec: withDefault ? { default: lit(d) } : {} }))),
  fc.constant({ type: t.list(t.path()), py: 'List[Path]', spec: {} }),
  fc.constantFrom<[IrType, string, LiteralValue]>([t.str(), 'str', 'hi'], [t.int(), 'int', 3], [t.float(), 'float', 0.5], [t.path(), 'Path', null], [t.list(t.str()), 'List[str]', null]).chain(
    ([inner, name, value]) =>
      fc.constantFrom<'none' | 'value' | 'absent'>('none', 'value', 'absent').map((d) => ({
        type: t.optional(inner),
        py: `Optional[${name}]`,
        spec: d === 'none' || (d === 'value' && value === null) ? { default: lit(null) } : d === 'value' ? { default: lit(value) } : {},
      })),
  ),
);

const OUTPUTS: [IrType, string][] = [
  [t.str(), 'str'],
  [t.int(), 'int'],
  [t.float(), 'float'],
  [t.bool(), 'bool'],
  [t.path(), 'Path'],
  [t.dict(), 'dict'],
  [t.list(t.str()), 'List[str]'],
  [t.list(t.path()), 'List[Path]'],
  [t.iterator(t.str()), 'Iterator[str]'],
  [t.iterator(t.path()), 'Iterator[Path]'],
  [t.concat(), 'ConcatenateIterator[str]'],
  [t.any(), 'Any'],
  [t.object('Output', [['text', t.str()], ['score', t.float()], ['files', t.list(t.path())], ['note', t.optional(t.str())], ['count', t.int(), lit(0)]]), 'Output'],
];

const project = fc.record({
  params: fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), p: param }), { maxLength: 6, selector: (x) => x.name }),
  output: fc.constantFrom(...OUTPUTS),
  // A predict class, or a train function (0.19 reads a train *class* through predict()).
  role: fc.constantFrom<'predict' | 'train'>('predict', 'train'),
});

function render(params: Param[], outputPy: string, role: 'predict' | 'train'): string {
  const args = params.map(({ name, py: annotation, spec }) => {
    const kw: string[] = [];
    if (spec.default !== undefined && spec.default !== 'required' && spec.default.kind === 'literal') kw.push(`default=${py(spec.default.value)}`);
    if (spec.description !== undefined) kw.push(`description=${pyStr(spec.description)}`);
    if (spec.ge !== undefined) kw.push(`ge=${spec.ge}`);
    if (spec.le !== undefined) kw.push(`le=${spec.le}`);
    if (spec.minLength !== undefined) kw.push(`min_length=${spec.minLength}`);
    if (spec.maxLength !== undefined) kw.push(`max_length=${spec.maxLength}`);
    if (spec.regex !== undefined) kw.push(`regex=r"${spec.regex}"`);
    if (spec.choices?.kind === 'literal') kw.push(`choices=${py(spec.choices.value)}`);
    if (spec.deprecated !== undefined) kw.push(`deprecated=${py(spec.deprecated)}`);
    return `        ${name}: ${annotation} = Input(${kw.join(', ')}),`;
  });
  return `from typing import Any, Iterator, List, Optional

from cog import BaseModel, BasePredictor, ConcatenateIterator, Input, Path, Secret


class Output(BaseModel):
    text: str
    score: float
    files: List[Path]
    note: Optional[str]
    count: int = 0


${role === 'predict' ? 'class Predictor(BasePredictor):\n    def predict(\n        self,' : 'def train('}
${args.join('\n')}
    ) -> ${outputPy}:
        raise NotImplementedError
`;
}

beforeAll(() => {
  oraclePython();
  goOracleBinary();
  mkdirSync(generated, { recursive: true });
}, 1_800_000);

afterAll(() => rmSync(generated, { recursive: true, force: true }));

describe('random signatures against both Cog generations', () => {
  let n = 0;
  it('gives the document Cog gives, for every sample', () => {
    fc.assert(
      fc.property(project, ({ params: drawn, output: [outType, outPy], role }) => {
        const params: Param[] = drawn.map(({ name, p }) => ({ name, ...p }));
        const specs = params.map(({ name, type, spec }): [string, IrType, InputSpec] => [name, type, spec]);
        const pred = predictor(role, buildInputs(...specs) as Input[], outType);
        const ir = buildIr(role === 'predict' ? { predict: pred } : { train: pred });
        const dir = join(generated, `p${n++}`);
        mkdirSync(dir, { recursive: true });
        const source = render(params, outPy, role);
        writeFileSync(join(dir, 'predict.py'), source);
        const ref = role === 'predict' ? 'predict: "predict.py:Predictor"' : 'train: "predict.py:train"';
        writeFileSync(join(dir, 'cog.yaml'), `build:\n  python_version: "3.11"\n${ref}\n`);

        const python = runOracle(dir);
        expect(python.error, `cog 0.19.3 rejected the generated predictor:\n${source}`).toBeNull();
        expect(toOpenApi(ir, { dialect: 'python-0.19' }), `0.19 dialect for:\n${source}`).toEqual(python.schema);

        const go = runGoOracle(dir);
        expect(go.error, `static Cog rejected the generated predictor:\n${source}`).toBeUndefined();
        const version = (go.schema!.info as JsonObject).version as string;
        expect(toOpenApi(ir, { cogVersion: version }), `static dialect for:\n${source}`).toEqual(go.schema);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 600_000);
});
