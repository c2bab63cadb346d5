// OpenAPI generation on hand-built IRs: one small expected fragment per type and constraint.
// Expected values are Cog's, read from replicate/cog pkg/schema (static, Cog >= 0.20: its
// openapi_spec_test.go and schema_type.go) and python/cog/_schemas.py + _adt.py (0.19.x).
// test/ir/oracle.test.ts holds the 0.19 dialect against Cog's own code.

import { describe, expect, it } from 'vitest';
import { buildOpenApi, goTitle, pythonTitle, toOpenApi, type JsonObject, type OpenApiDialect } from '../../src/ir/openapi.js';
import { inputs, ir, lit, predictIr, predictor, src, t, type InputSpec } from './helpers/ir-builder.js';
import type { IrType } from '../../src/ir/types.js';

const schemas = (doc: JsonObject): JsonObject => (doc.components as JsonObject).schemas as JsonObject;
const inputComponent = (doc: JsonObject, name = 'Input'): JsonObject => schemas(doc)[name] as JsonObject;
const prop = (doc: JsonObject, name: string, component = 'Input'): JsonObject =>
  (inputComponent(doc, component).properties as JsonObject)[name] as JsonObject;

function one(type: IrType, spec: InputSpec = {}, dialect: OpenApiDialect = 'static') {
  const doc = toOpenApi(predictIr(inputs(['x', type, spec])), { dialect });
  return { prop: prop(doc, 'x'), required: inputComponent(doc).required, doc };
}
const output = (type: IrType, dialect: OpenApiDialect = 'static'): JsonObject =>
  schemas(toOpenApi(predictIr([], type), { dialect })).Output as JsonObject;

describe('the document around Input and Output', () => {
  it('writes nothing but the envelope for a predictor with no inputs returning str', () => {
    const doc = toOpenApi(predictIr([]));
    expect(doc.openapi).toBe('3.0.2');
    expect(doc.info).toEqual({ title: 'Cog', version: '0.22.0' });
    expect(Object.keys(doc.paths as JsonObject)).toEqual(['/', '/health-check', '/predictions', '/predictions/{prediction_id}/cancel']);
    expect(Object.keys(schemas(doc))).toEqual([
      'Input', 'Output', 'PredictionRequest', 'PredictionResponse', 'Status', 'HTTPValidationError', 'ValidationError',
    ]);
    expect(inputComponent(doc)).toEqual({ title: 'Input', type: 'object', properties: {} });
    expect(schemas(doc).Output).toEqual({ title: 'Output', type: 'string' });
    expect(schemas(doc).Status).toEqual({
      title: 'Status', description: 'An enumeration.', enum: ['starting', 'processing', 'succeeded', 'canceled', 'failed'], type: 'string',
    });
    expect(((doc.paths as JsonObject)['/predictions'] as JsonObject).post).toMatchObject({
      summary: 'Predict', description: 'Run a single prediction on the model', operationId: 'predict_predictions_post',
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/PredictionRequest' } } } },
    });
  });

  it('takes info.version from the Cog that builds the image, and 0.1.0 in the 0.19 dialect', () => {
    expect(toOpenApi(predictIr([]), { cogVersion: '0.23.1' }).info).toEqual({ title: 'Cog', version: '0.23.1' });
    expect(toOpenApi(predictIr([]), { dialect: 'python-0.19' }).info).toEqual({ title: 'Cog', version: '0.1.0' });
  });

  it('serves predict and train in one document with TrainingInput/TrainingOutput (static)', () => {
    const doc = toOpenApi(ir({
      predict: predictor('predict', inputs(['prompt', t.str()]), t.str()),
      train: predictor('train', inputs(['steps', t.int(), { default: lit(10) }]), t.path()),
    }));
    expect(Object.keys(doc.paths as JsonObject)).toEqual([
      '/', '/health-check', '/predictions', '/predictions/{prediction_id}/cancel', '/trainings', '/trainings/{training_id}/cancel',
    ]);
    expect(prop(doc, 'steps', 'TrainingInput')).toEqual({ 'x-order': 0, title: 'Steps', type: 'integer', default: 10 });
    expect(schemas(doc).TrainingOutput).toEqual({ title: 'Output', type: 'string', format: 'uri' });
    expect(schemas(doc).TrainingRequest).toEqual({
      title: 'TrainingRequest', type: 'object',
      properties: { id: { title: 'Id', type: 'string' }, input: { $ref: '#/components/schemas/TrainingInput' } },
    });
    expect(((doc.paths as JsonObject)['/trainings'] as JsonObject).post).toMatchObject({
      summary: 'Train', description: 'Run a single training on the model', operationId: 'train_trainings_post',
    });
  });

  it('serves only predict when both exist, and train alone under Input/Output, in the 0.19 dialect', () => {
    const both = ir({
      predict: predictor('predict', [], t.str()),
      train: predictor('train', inputs(['steps', t.int()]), t.path()),
    });
    const doc = toOpenApi(both, { dialect: 'python-0.19' });
    expect(Object.keys(doc.paths as JsonObject)).not.toContain('/trainings');
    const trainOnly = toOpenApi(ir({ train: predictor('train', inputs(['steps', t.int()]), t.path()) }), { dialect: 'python-0.19' });
    expect(Object.keys(schemas(trainOnly))).toContain('Input');
    expect(((trainOnly.paths as JsonObject)['/trainings'] as JsonObject).post).toMatchObject({ description: 'Run a training session' });
    expect((trainOnly.paths as JsonObject)['/trainings/{training_id}/cancel']).toMatchObject({
      post: { parameters: [{ required: true, schema: { title: 'Training Id', type: 'string' }, name: 'training_id', in: 'path' }] },
    });
  });

  it('keeps the predict enum when train has an input of the same name (Cog merges predict first)', () => {
    const doc = toOpenApi(ir({
      predict: predictor('predict', inputs(['mode', t.str(), { choices: lit(['a', 'b']) }]), t.str()),
      train: predictor('train', inputs(['mode', t.str(), { choices: lit(['x', 'y']) }]), t.str()),
    }));
    expect((schemas(doc).mode as JsonObject).enum).toEqual(['a', 'b']);
  });

  it('notes a project without predictors', () => {
    const result = buildOpenApi(ir({}));
    expect(result.notes.map((n) => n.kind)).toEqual(['no-predictor']);
    expect(schemas(result.schema).Input).toEqual({ title: 'Input', type: 'object', properties: {} });
  });
});

describe('input types', () => {
  const cases: [string, IrType, JsonObject][] = [
    ['str', t.str(), { type: 'string' }],
    ['int', t.int(), { type: 'integer' }],
    ['float', t.float(), { type: 'number' }],
    ['bool', t.bool(), { type: 'boolean' }],
    ['Path', t.path(), { type: 'string', format: 'uri' }],
    ['File', t.file(), { type: 'string', format: 'uri' }],
    ['Secret', t.secret(), { type: 'string', format: 'password', writeOnly: true, 'x-cog-secret': true }],
    ['Any', t.any(), { type: 'object' }],
    ['dict', t.dict(), { type: 'object' }],
    ['list[str]', t.list(t.str()), { type: 'array', items: { type: 'string' } }],
    ['list[Path]', t.list(t.path()), { type: 'array', items: { type: 'string', format: 'uri' } }],
    ['list[dict]', t.list(t.dict()), { type: 'array', items: { type: 'object' } }],
  ];
  for (const [name, type, expected] of cases) {
    it(`writes ${name} as ${JSON.stringify(expected)}, required, titled, with x-order`, () => {
      for (const dialect of ['static', 'python-0.19'] as const) {
        const { prop: p, required } = one(type, {}, dialect);
        expect(p).toEqual({ 'x-order': 0, title: 'X', ...expected });
        expect(required).toEqual(['x']);
      }
    });
  }

  it('writes Optional[str] without a default as nullable and not required', () => {
    for (const dialect of ['static', 'python-0.19'] as const) {
      const { prop: p, required } = one(t.optional(t.str()), {}, dialect);
      expect(p).toEqual({ 'x-order': 0, title: 'X', type: 'string', nullable: true });
      expect(required).toBeUndefined();
    }
  });

  it('writes Optional[list[int]] as a nullable array', () => {
    expect(one(t.optional(t.list(t.int()))).prop).toEqual({ 'x-order': 0, title: 'X', type: 'array', items: { type: 'integer' }, nullable: true });
  });

  it('notes a type Cog rejects as an input (list of lists) and writes an object', () => {
    const result = buildOpenApi(predictIr(inputs(['x', t.list(t.list(t.int()))])));
    expect(prop(result.schema, 'x')).toEqual({ 'x-order': 0, title: 'X', type: 'object' });
    expect(result.notes).toMatchObject([{ kind: 'unsupported-type', role: 'predict', name: 'x' }]);
  });

  it('orders properties by signature and numbers them with x-order', () => {
    const doc = toOpenApi(predictIr(inputs(['b', t.str()], ['a', t.int(), { default: lit(1) }])));
    expect(Object.keys(inputComponent(doc).properties as JsonObject)).toEqual(['b', 'a']);
    expect(prop(doc, 'a')['x-order']).toBe(1);
    expect(inputComponent(doc).required).toEqual(['b']);
  });
});

describe('titles', () => {
  it('title-cases each underscore part (static) or like str.title() (0.19)', () => {
    expect(goTitle('num_inference_steps')).toBe('Num Inference Steps');
    expect(pythonTitle('num_inference_steps')).toBe('Num Inference Steps');
    expect(goTitle('lora_2x')).toBe('Lora 2x');
    expect(pythonTitle('lora_2x')).toBe('Lora 2X');
    expect(goTitle('HDR_mode')).toBe('HDR Mode');
    expect(pythonTitle('HDR_mode')).toBe('Hdr Mode');
    expect(goTitle('loraURL')).toBe('LoraURL');
    expect(pythonTitle('loraURL')).toBe('Loraurl');
    expect(goTitle('_private')).toBe(' Private');
    expect(pythonTitle('_private')).toBe(' Private');
  });
});

describe('defaults', () => {
  it('writes literal defaults as JSON', () => {
    expect(one(t.int(), { default: lit(25) }).prop.default).toBe(25);
    expect(one(t.str(), { default: lit('a "quoted" \\ string') }).prop.default).toBe('a "quoted" \\ string');
    expect(one(t.bool(), { default: lit(false) }).prop.default).toBe(false);
    expect(one(t.list(t.float()), { default: lit([0.5, 1]) }).prop.default).toEqual([0.5, 1]);
    expect(one(t.dict(), { default: lit({ a: 1 }) }).prop.default).toEqual({ a: 1 });
    expect(one(t.path(), { default: lit('https://example.com/x.png') }).prop.default).toBe('https://example.com/x.png');
  });

  it('treats default=None on a non-Optional input as no default: required (both generations)', () => {
    for (const dialect of ['static', 'python-0.19'] as const) {
      const { prop: p, required } = one(t.int(), { default: lit(null) }, dialect);
      expect(p).toEqual({ 'x-order': 0, title: 'X', type: 'integer' });
      expect(required).toEqual(['x']);
    }
  });

  it('writes "default": null for Optional[X] = None (static) but no default (0.19)', () => {
    expect(one(t.optional(t.str()), { default: lit(null) }).prop).toEqual({ 'x-order': 0, title: 'X', type: 'string', default: null, nullable: true });
    expect(one(t.optional(t.str()), { default: lit(null) }, 'python-0.19').prop).toEqual({ 'x-order': 0, title: 'X', type: 'string', nullable: true });
  });

  it('makes Secret = Input(default=None) an optional credential (static), required (0.19)', () => {
    const s = one(t.secret(), { default: lit(null) });
    expect(s.prop).toMatchObject({ default: null, nullable: true, format: 'password' });
    expect(s.required).toBeUndefined();
    const p = one(t.secret(), { default: lit(null) }, 'python-0.19');
    expect(p.prop).not.toHaveProperty('default');
    expect(p.required).toEqual(['x']);
    // Without default=, a Secret stays required in both.
    expect(one(t.secret()).required).toEqual(['x']);
  });

  it('coerces defaults to the input type in the 0.19 dialect only', () => {
    expect(one(t.int(), { default: lit('3') }, 'python-0.19').prop.default).toBe(3);
    expect(one(t.int(), { default: lit('3') }).prop.default).toBe('3');
    expect(one(t.bool(), { default: lit(1) }, 'python-0.19').prop.default).toBe(true);
  });

  // Issue 9: static Cog reads an Input(default=...) it cannot resolve as no default.
  it('omits a default kept as source text, makes the input required as static Cog does, and notes it', () => {
    const result = buildOpenApi(predictIr(inputs(['x', t.float(), { default: src('DEFAULT_SCALE * 2') }])));
    expect(prop(result.schema, 'x')).toEqual({ 'x-order': 0, title: 'X', type: 'number' });
    expect(inputComponent(result.schema).required).toEqual(['x']);
    expect(result.notes).toMatchObject([{ kind: 'source-default', name: 'x', loc: { file: 'predict.py', line: 5 } }]);
    expect(result.notes[0]!.message).toContain('DEFAULT_SCALE * 2');
  });
  it('leaves such an input optional in the 0.19 dialect (0.19 evaluated the default at import)', () => {
    const result = buildOpenApi(predictIr(inputs(['x', t.float(), { default: src('DEFAULT_SCALE * 2') }])), { dialect: 'python-0.19' });
    expect(inputComponent(result.schema).required).toBeUndefined();
  });
});

// Issue 9: values resolved beyond what Cog's static generator reads (Input.staticCog).
describe('values Cog\'s static generator reads otherwise', () => {
  const spec: InputSpec = { default: lit('sketch'), description: 'Style', le: 50, staticCog: { reads: { default: null, description: null, le: null } } };

  it('writes what static Cog reads: a None default makes the input required, the keywords go', () => {
    const { prop: p, required } = one(t.str(), spec);
    expect(p).toEqual({ 'x-order': 0, title: 'X', type: 'string' });
    expect(required).toEqual(['x']);
  });
  it('writes a None default of an Optional input as null, as static Cog does', () => {
    const { prop: p, required } = one(t.optional(t.str()), { default: lit('a'), staticCog: { reads: { default: null } } });
    expect(p).toMatchObject({ default: null, nullable: true });
    expect(required).toBeUndefined();
  });
  it('writes the runtime values with runtimeValues, and in the 0.19 dialect', () => {
    const doc = toOpenApi(predictIr(inputs(['x', t.str(), spec])), { runtimeValues: true });
    expect(prop(doc, 'x')).toMatchObject({ default: 'sketch', description: 'Style', maximum: 50 });
    expect(inputComponent(doc).required).toBeUndefined();
    expect(one(t.str(), spec, 'python-0.19').prop).toMatchObject({ default: 'sketch', description: 'Style', maximum: 50 });
  });
});

describe('constraints', () => {
  it('maps ge/le to minimum/maximum', () => {
    expect(one(t.float(), { ge: 0, le: 1.5, default: lit(0.5) }).prop).toEqual({
      'x-order': 0, title: 'X', type: 'number', default: 0.5, minimum: 0, maximum: 1.5,
    });
    expect(one(t.int(), { ge: -3 }).prop).toMatchObject({ minimum: -3 });
    expect(one(t.int(), { le: 10 }).prop).not.toHaveProperty('minimum');
  });

  it('maps min_length/max_length and regex', () => {
    expect(one(t.str(), { minLength: 1, maxLength: 20, regex: '^[a-z]+$' }).prop).toEqual({
      'x-order': 0, title: 'X', type: 'string', minLength: 1, maxLength: 20, pattern: '^[a-z]+$',
    });
  });

  it('writes the description verbatim', () => {
    expect(one(t.str(), { description: 'Line one\n"two" — 三' }).prop.description).toBe('Line one\n"two" — 三');
  });

  it('writes deprecated: true; deprecated=False only in the 0.19 dialect', () => {
    expect(one(t.str(), { deprecated: true }).prop.deprecated).toBe(true);
    expect(one(t.str(), { deprecated: false }).prop).not.toHaveProperty('deprecated');
    expect(one(t.str(), { deprecated: false }, 'python-0.19').prop.deprecated).toBe(false);
  });
});

describe('choices', () => {
  it('writes choices as an enum component named after the input, referenced through allOf', () => {
    const { prop: p, doc } = one(t.str(), { choices: lit(['fast', 'slow']), default: lit('fast'), description: 'Speed' });
    expect(p).toEqual({ 'x-order': 0, allOf: [{ $ref: '#/components/schemas/x' }], default: 'fast', description: 'Speed' });
    expect(schemas(doc).x).toEqual({ title: 'x', description: 'An enumeration.', enum: ['fast', 'slow'], type: 'string' });
  });

  it('types integer choices and keeps the enum name exactly as the input name', () => {
    const doc = toOpenApi(predictIr(inputs(['model_size', t.int(), { choices: lit([1, 2, 4]) }])));
    expect(schemas(doc).model_size).toEqual({ title: 'model_size', description: 'An enumeration.', enum: [1, 2, 4], type: 'integer' });
    expect(inputComponent(doc).required).toEqual(['model_size']);
  });

  it('gives a Path enum only its type (0.19 rejected Path choices)', () => {
    for (const dialect of ['static', 'python-0.19'] as const) {
      const doc = toOpenApi(predictIr(inputs(['x', t.path(), { choices: lit(['a.png', 'b.png']) }])), { dialect });
      expect(schemas(doc).x).toEqual({ title: 'x', description: 'An enumeration.', enum: ['a.png', 'b.png'], type: 'string' });
    }
  });

  it('marks Optional choices nullable', () => {
    expect(one(t.optional(t.str()), { choices: lit(['a', 'b']) }).prop).toEqual({ 'x-order': 0, allOf: [{ $ref: '#/components/schemas/x' }], nullable: true });
  });

  it('writes choices kept as source text as a plain input and notes it', () => {
    const result = buildOpenApi(predictIr(inputs(['x', t.str(), { choices: src('list(MODELS)') }])));
    expect(prop(result.schema, 'x')).toEqual({ 'x-order': 0, title: 'X', type: 'string' });
    expect(schemas(result.schema)).not.toHaveProperty('x');
    expect(result.notes).toMatchObject([{ kind: 'source-choices', name: 'x' }]);
  });
});

describe('outputs', () => {
  const both: [string, IrType, JsonObject][] = [
    ['str', t.str(), { type: 'string' }],
    ['int', t.int(), { type: 'integer' }],
    ['float', t.float(), { type: 'number' }],
    ['bool', t.bool(), { type: 'boolean' }],
    ['Path', t.path(), { type: 'string', format: 'uri' }],
    ['File', t.file(), { type: 'string', format: 'uri' }],
    ['dict', t.dict(), { type: 'object' }],
    ['list[Path]', t.list(t.path()), { type: 'array', items: { type: 'string', format: 'uri' } }],
    ['list[str]', t.list(t.str()), { type: 'array', items: { type: 'string' } }],
    ['Iterator[str]', t.iterator(t.str()), { type: 'array', items: { type: 'string' }, 'x-cog-array-type': 'iterator' }],
    ['AsyncIterator[Path]', t.asyncIterator(t.path()), { type: 'array', items: { type: 'string', format: 'uri' }, 'x-cog-array-type': 'iterator' }],
    ['ConcatenateIterator[str]', t.concat(), { type: 'array', items: { type: 'string' }, 'x-cog-array-type': 'iterator', 'x-cog-array-display': 'concatenate' }],
    ['AsyncConcatenateIterator[str]', t.asyncConcat(), { type: 'array', items: { type: 'string' }, 'x-cog-array-type': 'iterator', 'x-cog-array-display': 'concatenate' }],
  ];
  for (const [name, type, expected] of both) {
    it(`writes a ${name} output as ${JSON.stringify(expected)}`, () => {
      expect(output(type)).toEqual({ title: 'Output', ...expected });
      expect(output(type, 'python-0.19')).toEqual({ title: 'Output', ...expected });
    });
  }

  it('writes Any as an object (static) and untyped (0.19)', () => {
    expect(output(t.any())).toEqual({ title: 'Output', type: 'object' });
    expect(output(t.any(), 'python-0.19')).toEqual({ title: 'Output' });
  });

  it('writes a BaseModel output as an object with titled properties and required fields (static)', () => {
    const out = t.object('Output', [
      ['text', t.str()],
      ['scores', t.list(t.float())],
      ['image_path', t.optional(t.path())],
      ['seed', t.int(), lit(0)],
      ['meta', t.object('Meta', [['model_name', t.str()]])],
    ]);
    expect(output(out)).toEqual({
      title: 'Output',
      type: 'object',
      properties: {
        text: { type: 'string', title: 'Text' },
        scores: { type: 'array', items: { type: 'number' }, title: 'Scores' },
        image_path: { type: 'string', format: 'uri', title: 'Image Path', nullable: true },
        seed: { type: 'integer', title: 'Seed' },
        meta: { type: 'object', properties: { model_name: { type: 'string', title: 'Model Name' } }, required: ['model_name'], title: 'Meta' },
      },
      required: ['text', 'scores', 'meta'],
    });
  });

  it('flattens BaseModel fields to their primitive and requires all in the 0.19 dialect', () => {
    const out = t.object('Output', [['scores', t.list(t.float())], ['maybe', t.optional(t.str())]]);
    expect(output(out, 'python-0.19')).toEqual({
      title: 'Output',
      type: 'object',
      properties: { scores: { type: 'number', title: 'Scores' }, maybe: { type: 'string', title: 'Maybe' } },
      required: ['scores', 'maybe'],
    });
  });

  it('resolves nested outputs recursively (static) and notes what 0.19 cannot describe', () => {
    expect(output(t.list(t.list(t.int())))).toEqual({ title: 'Output', type: 'array', items: { type: 'array', items: { type: 'integer' } } });
    const result = buildOpenApi(predictIr([], t.list(t.list(t.int()))), { dialect: 'python-0.19' });
    expect(result.notes).toMatchObject([{ kind: 'unsupported-type', role: 'predict' }]);
  });

  it('notes an Optional output, which Cog rejects, and writes its inner type', () => {
    const result = buildOpenApi(predictIr([], t.optional(t.str())));
    expect(schemas(result.schema).Output).toEqual({ title: 'Output', type: 'string' });
    expect(result.notes).toMatchObject([{ kind: 'unsupported-type' }]);
  });

  it('gives no notes for an exact schema', () => {
    const result = buildOpenApi(predictIr(inputs(['a', t.str()], ['b', t.optional(t.int()), { default: lit(null) }]), t.iterator(t.path())));
    expect(result.notes).toEqual([]);
  });
});

// Exact fragments asserted by Cog's own integration tests (replicate/cog integration-tests/tests/
// *.txtar), which grep the compact JSON Go writes: object keys sorted, no spaces.
describe("Cog's integration-test expectations (static dialect)", () => {
  const goJson = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(goJson).join(',')}]`
    : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${goJson((v as Record<string, unknown>)[k])}`).join(',')}}`
    : JSON.stringify(v);
  const fragment = (doc: JsonObject, name: string, component = 'Input'): string => `${JSON.stringify(name)}:${goJson(prop(doc, name, component))}`;

  it('dict_input / list_dict_input: dict and list[dict] inputs', () => {
    expect(fragment(toOpenApi(predictIr(inputs(['data', t.dict()]))), 'data')).toBe('"data":{"title":"Data","type":"object","x-order":0}');
    expect(fragment(toOpenApi(predictIr(inputs(['messages', t.list(t.dict())]))), 'messages')).toBe(
      '"messages":{"items":{"type":"object"},"title":"Messages","type":"array","x-order":0}',
    );
  });

  it('typeddict_input: `items: list[Payload] | None = None` (a TypedDict is an opaque object)', () => {
    const doc = toOpenApi(predictIr(inputs(['data', t.dict()], ['items', t.optional(t.list(t.dict())), { default: lit(null), spelling: 'plain' }])));
    expect(fragment(doc, 'items')).toBe('"items":{"default":null,"items":{"type":"object"},"nullable":true,"title":"Items","type":"array","x-order":1}');
  });

  it('static_schema_opaque: opaque object and list outputs fields', () => {
    const doc = toOpenApi(predictIr(inputs(['payload', t.any()], ['items', t.list(t.any())]), t.object('Output', [['result', t.any()], ['results', t.list(t.any())]])));
    expect(fragment(doc, 'payload')).toBe('"payload":{"title":"Payload","type":"object","x-order":0}');
    expect(fragment(doc, 'items')).toBe('"items":{"items":{"type":"object"},"title":"Items","type":"array","x-order":1}');
    const out = schemas(doc).Output as JsonObject;
    expect(goJson(out.properties)).toBe('{"result":{"title":"Result","type":"object"},"results":{"items":{"type":"object"},"title":"Results","type":"array"}}');
    expect(goJson(out.required)).toBe('["result","results"]');
    expect(goJson(inputComponent(doc).required)).toBe('["payload","items"]');
  });

  it('static_schema_secret_optional: Secret = Input(default=None) is optional, int = Input(default=None) is not', () => {
    const doc = toOpenApi(predictIr(inputs(
      ['prompt', t.str(), { description: 'Text prompt' }],
      ['api_key', t.secret(), { description: 'Your API key (optional — uses proxy if omitted)', default: lit(null) }],
      ['api_key_required', t.secret(), { description: 'Required API key' }],
      ['seed', t.int(), { description: 'Random seed', default: lit(null) }],
    )));
    expect(goJson(inputComponent(doc).required)).toBe('["prompt","api_key_required","seed"]');
    expect(prop(doc, 'api_key')).toMatchObject({ nullable: true, default: null, format: 'password', 'x-cog-secret': true });
  });

  it('static_schema_gen / build_openapi_schema: required list, defaults, enum', () => {
    const doc = toOpenApi(predictIr(inputs(
      ['text', t.str(), { spelling: 'plain' }],
      ['image', t.path(), { spelling: 'plain' }],
      ['count', t.int(), { description: 'Number of iterations', default: lit(5), ge: 1, le: 100 }],
      ['mode', t.str(), { description: 'Quality mode', default: lit('fast'), choices: lit(['fast', 'balanced', 'quality']) }],
    )));
    expect(goJson(inputComponent(doc).required)).toBe('["text","image"]');
    expect(prop(doc, 'count').default).toBe(5);
    expect(goJson((schemas(doc).mode as JsonObject).enum)).toBe('["fast","balanced","quality"]');
  });
});
