// QA P10 (cog-whisper-diarization): `language: str = None` on a Cog output class came out as
// `language: str`, so `Output(language=None)` raised a pydantic ValidationError. Output fields keep
// their defaults; a None default on a non-Optional type becomes `Optional[T] = None`.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IrType, LiteralValue, ObjectField, StaticValue } from '../../../src/ir/types.js';
import { pythonEnv } from '../../helpers/python-env.js';
import { checkedFiles, emitWithSources, LOAD_APP_PY, pyrightErrors, runPython, runPythonAsync, STANDIN_RUNNER } from './harness.js';
import { cogIR, loc, predictor } from './ir-builders.js';

const lit = (value: LiteralValue): StaticValue => ({ kind: 'literal', value });
const field = (name: string, type: IrType, line: number, dflt?: StaticValue): ObjectField =>
  ({ name, type, loc: loc('predict.py', line, 5), ...(dflt ? { default: dflt } : {}) });

const PREDICT_PY = `from typing import List

from cog import BaseModel, BasePredictor, Path

DEFAULT_THRESHOLD = 3


class Output(BaseModel):
    segments: list
    language: str = None
    num_speakers: int = None
    temperature: float = 1
    tags: List[str] = ["a\\"b", "{{c}}"]
    preview: Path = None
    threshold: int = DEFAULT_THRESHOLD


class Predictor(BasePredictor):
    def predict(self) -> Output:
        return Output(segments=[{"text": "hi"}])
`;

// The IR the frontend reads from PREDICT_PY.
const diarization = cogIR({
  name: 'whisper-diarization',
  predict: predictor({
    setup: undefined,
    output: {
      kind: 'object', name: 'Output', loc: loc('predict.py', 8, 7),
      fields: [
        field('segments', { kind: 'list', items: { kind: 'any' } }, 9),
        field('language', { kind: 'str' }, 10, lit(null)),
        field('num_speakers', { kind: 'int' }, 11, lit(null)),
        field('temperature', { kind: 'float' }, 12, lit(1)),
        field('tags', { kind: 'list', items: { kind: 'str' } }, 13, lit(['a"b', '{{c}}'])),
        field('preview', { kind: 'path' }, 14, lit(null)),
        field('threshold', { kind: 'int' }, 15, { kind: 'source', text: 'DEFAULT_THRESHOLD' }),
      ],
    },
  }),
});

// Defaults on an aliased field, on an already-Optional one, on a nested model's field, and one
// that does not fit the annotation (Cog never validates defaults; pyright would reject it here).
const inner: IrType = { kind: 'object', name: 'Speaker', loc: loc('predict.py', 3, 7), fields: [field('name', { kind: 'str' }, 4, lit('unknown'))] };
const edges = cogIR({
  name: 'defaults-edges',
  predict: predictor({
    output: {
      kind: 'object', name: 'Result', loc: loc('predict.py', 6, 7),
      fields: [
        field('from', { kind: 'str' }, 7, lit('x')),
        field('json', { kind: 'str' }, 8, lit(null)),
        field('note', { kind: 'optional', inner: { kind: 'str' } }, 9, lit(null)),
        field('count', { kind: 'int' }, 10, lit('many')),
        field('speaker', inner, 11),
        field('meta', { kind: 'dict' }, 12, lit({ k: [1, null] })),
      ],
    },
  }),
});

const DUMP = String.raw`${LOAD_APP_PY}app_dir, value = sys.argv[1:3]
module = load_app(app_dir)
schema = module.Output.model_json_schema(by_alias=True)
print(json.dumps({"dump": module.Output.model_validate(json.loads(value)).model_dump(by_alias=True), "required": schema.get("required", [])}))
`;

let python: string;
const emitted = new Map<string, { dir: string; app: string }>();

beforeAll(() => {
  python = pythonEnv('fal');
  for (const ir of [diarization, edges]) {
    const { dir, result } = emitWithSources(ir, { 'predict.py': PREDICT_PY });
    emitted.set(ir.project.name, { dir, app: result.files.find((f) => f.path === 'app.py')!.text });
  }
});

describe('defaults of output model fields', () => {
  it('keeps each default, as Optional[T] = None for a None default on a non-Optional type', () => {
    expect(emitted.get('whisper-diarization')!.app).toContain([
      '    segments: List[Any]',
      '    language: Optional[str] = None',
      '    num_speakers: Optional[int] = None',
      '    temperature: float = 1.0',
      '    tags: List[str] = ["a\\"b", "{{c}}"]',
      '    preview: Optional[File] = None',
      '    threshold: Optional[int] = None  # default in the predictor: DEFAULT_THRESHOLD',
    ].join('\n'));
    const app = emitted.get('defaults-edges')!.app;
    expect(app).toContain('    name: str = "unknown"');
    expect(app).toContain([
      '    from_: str = Field(default="x", alias="from")',
      '    json_: Optional[str] = Field(default=None, alias="json")',
      '    note: Optional[str] = None',
      '    count: int  # default in the predictor: "many"',
      '    speaker: OutputSpeaker',
      '    meta: dict = {"k": [1, None]}',
    ].join('\n'));
  });

  it('accepts None and fills the defaults under the real fal SDK; only fields without a default are required', () => {
    const d = JSON.parse(runPython(python, ['-c', DUMP, emitted.get('whisper-diarization')!.dir, JSON.stringify({ segments: [], language: null })]));
    expect(d).toEqual({
      dump: { segments: [], language: null, num_speakers: null, temperature: 1.0, tags: ['a"b', '{{c}}'], preview: null, threshold: null },
      required: ['segments'],
    });
    const e = JSON.parse(runPython(python, ['-c', DUMP, emitted.get('defaults-edges')!.dir, JSON.stringify({ count: 2, speaker: {} })]));
    expect(e).toEqual({
      dump: { from: 'x', json: null, note: null, count: 2, speaker: { name: 'unknown' }, meta: { k: [1, null] } },
      required: ['count', 'speaker'],
    });
  });

  it('returns what the predictor left at its defaults (None included) through the adapter', async () => {
    const { dir } = emitted.get('whisper-diarization')!;
    const out = await runPythonAsync(python, [STANDIN_RUNNER, join(dir, 'app.py'), 'WhisperDiarization', '/', '{}'], {
      COG_MIGRATE_PROJECT_DIR: dir,
      FAL_STANDIN_STORAGE: mkdtempSync(join(tmpdir(), 'fal-storage-')),
    });
    expect(JSON.parse(out)).toEqual({
      segments: [{ text: 'hi' }], language: null, num_speakers: null, temperature: 1.0, tags: ['a"b', '{{c}}'], preview: null, threshold: 3,
    });
  });

  it('type-checks with pyright against the pinned SDK with 0 errors', () => {
    expect(pyrightErrors(python, [...emitted.values()].flatMap(({ dir }) => checkedFiles(dir)))).toEqual([]);
  }, 180_000);
});
