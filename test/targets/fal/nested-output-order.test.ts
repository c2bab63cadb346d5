// QA P1 (cog-clip): `-> List[NamedEmbedding]` emitted `class Output` (output: List[OutputNamedEmbedding])
// before `class OutputNamedEmbedding`, so app.py raised NameError at import. Every generated model
// class must come after the classes its fields use, at any depth, for every output shape.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IrType, ObjectField } from '../../../src/ir/types.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { checkedFiles, emitWithSources, LOAD_APP_PY, pyrightErrors, runPython, runPythonAsync, STANDIN_RUNNER } from './harness.js';
import { cogIR, input, loc, predictor } from './ir-builders.js';

type ObjectType = Extract<IrType, { kind: 'object' }>;
const field = (name: string, type: IrType, line: number): ObjectField => ({ name, type, loc: loc('predict.py', line, 5) });
const object = (name: string, line: number, fields: ObjectField[]): ObjectType => ({ kind: 'object', name, fields, loc: loc('predict.py', line, 7) });

// Three levels below the output: NamedEmbedding -> Part -> Meta.
const meta = object('Meta', 5, [field('score', { kind: 'float' }, 6)]);
const part = object('Part', 9, [
  field('label', { kind: 'str' }, 10),
  field('meta', { kind: 'optional', inner: meta }, 11),
  field('crops', { kind: 'list', items: { kind: 'path' } }, 12),
]);
const named = object('NamedEmbedding', 15, [
  field('input', { kind: 'str' }, 16),
  field('embedding', { kind: 'list', items: { kind: 'float' } }, 17),
  field('parts', { kind: 'list', items: part }, 18),
]);

const PREDICT_PY = `from typing import Iterator, List, Optional

from cog import BaseModel, BasePredictor, Input, Path


class Meta(BaseModel):
    score: float


class Part(BaseModel):
    label: str
    meta: Optional[Meta]
    crops: List[Path]


class NamedEmbedding(BaseModel):
    input: str
    embedding: List[float]
    parts: List[Part]


class Predictor(BasePredictor):
    def predict(self, inputs: str = Input(default="a\\nb")) -> List[NamedEmbedding]:
        return [
            NamedEmbedding(input=line, embedding=[float(len(line))], parts=[Part(label=line, meta=Meta(score=0.5) if line == "a" else None, crops=[])])
            for line in inputs.splitlines()
        ]

    def train(self, n: int) -> Iterator[NamedEmbedding]:
        for i in range(n):
            yield NamedEmbedding(input=str(i), embedding=[], parts=[])
`;

// The cog-clip shape (a list of models) for predict, an iterator of models for train.
const listIR = cogIR({
  name: 'clip-features',
  predict: predictor({ inputs: [input('inputs', { kind: 'str' }, { default: { kind: 'literal', value: 'a\nb' } })], output: { kind: 'list', items: named } }),
  train: predictor({ role: 'train', ref: 'predict.py:Predictor', method: 'train', setup: undefined, inputs: [input('n', { kind: 'int' })], output: { kind: 'iterator', items: named } }),
});

// A model output whose fields use the nested models, once directly and once in a list.
const result = object('Result', 21, [field('best', named, 22), field('all', { kind: 'list', items: named }, 23)]);
const objectIR = cogIR({ name: 'clip-result', predict: predictor({ output: result }) });

/** Class names in definition order, and for each class the generated classes its fields name. */
function classUses(app: string): { order: string[]; uses: Map<string, string[]> } {
  const order = [...app.matchAll(/^class (\w+)\(/gm)].map((m) => m[1]!);
  const uses = new Map<string, string[]>();
  for (const m of app.matchAll(/^class (\w+)\(BaseModel\):\n((?: {4}.*\n|\n)*)/gm)) {
    const annotations = [...m[2]!.matchAll(/^ {4}\w+: (.*?)(?: = .*)?$/gm)].map((a) => a[1]!).join(' ');
    uses.set(m[1]!, order.filter((name) => new RegExp(`\\b${name}\\b`).test(annotations)));
  }
  return { order, uses };
}

const IMPORT = String.raw`${LOAD_APP_PY}app_dir, class_name, model, value = sys.argv[1:5]
module = load_app(app_dir)
openapi = getattr(module, class_name).build_metadata()["openapi"]
print(json.dumps({"paths": sorted(openapi["paths"]), "value": getattr(module, model).model_validate(json.loads(value)).model_dump(by_alias=True)}))
`;

let python: string;
const emitted = new Map<string, { dir: string; app: string }>();

beforeAll(() => {
  python = pythonEnv('fal');
  for (const ir of [listIR, objectIR]) {
    const { dir, result: r } = emitWithSources(ir, { 'predict.py': PREDICT_PY });
    emitted.set(ir.project.name, { dir, app: r.files.find((f) => f.path === 'app.py')!.text });
  }
});

describe('nested output models are defined before the models that use them', () => {
  it('orders every class after the classes its fields use (list, iterator and model outputs, three levels deep)', () => {
    for (const { app } of emitted.values()) {
      const { order, uses } = classUses(app);
      expect(uses.size).toBeGreaterThan(3);
      for (const [name, used] of uses) {
        for (const u of used) expect(order.indexOf(u), `${u} is used by ${name}`).toBeLessThan(order.indexOf(name));
      }
    }
    const list = classUses(emitted.get('clip-features')!.app);
    expect(list.uses.get('Output')).toEqual(['OutputNamedEmbedding']);
    expect(list.uses.get('OutputNamedEmbedding')).toEqual(['OutputPart']);
    expect(list.uses.get('OutputPart')).toEqual(['OutputMeta']);
    expect(list.uses.get('TrainOutput')).toEqual(['TrainOutputNamedEmbedding']);
    expect(classUses(emitted.get('clip-result')!.app).uses.get('Output')).toEqual(['OutputNamedEmbedding']);
  });

  it('imports under the real fal SDK and validates nested values (cog-clip failed here with NameError)', () => {
    const value = { input: 'a', embedding: [1], parts: [{ label: 'x', meta: { score: 1 }, crops: [] }] };
    const list = JSON.parse(runPython(python, ['-c', IMPORT, emitted.get('clip-features')!.dir, 'ClipFeatures', 'Output', JSON.stringify({ output: [value] })]));
    expect(list).toEqual({ paths: ['/', '/health', '/train', '/train/stream'], value: { output: [{ ...value, embedding: [1.0] }] } });
    const model = JSON.parse(runPython(python, ['-c', IMPORT, emitted.get('clip-result')!.dir, 'ClipResult', 'Output', JSON.stringify({ best: value, all: [] })]));
    expect(model.value).toEqual({ best: value, all: [] });
  });

  it('serves the nested list end to end with the stand-in runtime', async () => {
    const { dir } = emitted.get('clip-features')!;
    const out = await runPythonAsync(python, [STANDIN_RUNNER, join(dir, 'app.py'), 'ClipFeatures', '/', '{}'], {
      COG_MIGRATE_PROJECT_DIR: dir,
      FAL_STANDIN_STORAGE: mkdtempSync(join(tmpdir(), 'fal-storage-')),
    });
    expect(JSON.parse(out)).toEqual({
      output: [
        { input: 'a', embedding: [1.0], parts: [{ label: 'a', meta: { score: 0.5 }, crops: [] }] },
        { input: 'b', embedding: [1.0], parts: [{ label: 'b', meta: null, crops: [] }] },
      ],
    });
  });

  it('type-checks with pyright against the pinned SDK with 0 errors', () => {
    expect(pyrightErrors(python, [...emitted.values()].flatMap(({ dir }) => checkedFiles(dir)))).toEqual([]);
  }, 180_000);
});
