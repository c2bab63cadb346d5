// runtime/cog_migrate_runtime under Python: validation answers in coglet's words (the messages
// were taken from Cog 0.19's coglet server on the input-every-constraint fixture), outputs are
// encoded as Cog's server encodes them, file inputs are downloaded, and the HTTP API serves Cog's
// routes. The whole runtime/ folder also type-checks with pyright against the modal venv.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeDir } from '../../src/runtime/index.js';
import { pythonEnv } from '../helpers/python-env.js';

const SCHEMA = fileURLToPath(new URL('../../fixtures/input-every-constraint/expected/openapi.json', import.meta.url));
let python: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let seen: any;

beforeAll(() => {
  python = pythonEnv('modal');
  const probe = fileURLToPath(new URL('./probe.py', import.meta.url));
  const out = execFileSync(python, [probe, SCHEMA], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: runtimeDir(), PYTHONWARNINGS: 'ignore', NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
    timeout: 120_000,
  });
  seen = JSON.parse(out.trim().split('\n').at(-1)!);
}, 900_000);

const err = (field: string, msg: string, type = 'value_error') => ({ loc: ['body', 'input', field], msg, type });

describe('validation as coglet answers', () => {
  it('passes valid input through and drops unknown inputs', () => {
    expect(seen.validate.valid).toEqual([{ prompt: 'hi', seed: 1 }, []]);
    expect(seen.validate.unknown_dropped).toEqual([{ prompt: 'hi', seed: 1 }, []]);
  });

  it('words type, bound, length, pattern and choice errors as coglet does, in its order', () => {
    expect(seen.validate.wrong_type[1]).toEqual([err('width', '"abc" is not of type "integer"')]);
    expect(seen.validate.below_minimum[1]).toEqual([err('width', '5 is less than the minimum of 64')]);
    expect(seen.validate.many[1]).toEqual([
      err('hex_color', '"zz" does not match "^#[0-9a-fA-F]{6}$"'),
      err('max_tokens', '99999 is greater than the maximum of 4096'),
      err('num_outputs', '"1" is not one of [1,2,4]'),
      err('num_outputs', '"1" is not of type "integer"'),
      err('prompt', '"" is shorter than 1 character'),
      err('strength', '"0.5" is not of type "number"'),
      err('width', '5.5 is less than the minimum of 64'),
      err('width', '5.5 is not of type "integer"'),
    ]);
    expect(seen.validate.null_not_nullable[1]).toEqual([err('seed', 'null is not of type "integer"')]);
  });

  it('lists missing required inputs after the others, and refuses a non-object input', () => {
    expect(seen.validate.missing[1]).toEqual([err('prompt', 'Field required', 'value_error.missing'), err('seed', 'Field required', 'value_error.missing')]);
    expect(seen.validate.not_object[1]).toEqual([err('__root__', '[1] is not of type "object"')]);
  });
});

describe('outputs and inputs', () => {
  it('encodes files as data URLs with the type guessed from the name, models and containers recursively', () => {
    expect(seen.encode.path).toBe('data:image/png;base64,iVBORw==');
    expect(seen.encode.unknown_suffix).toBe('data:application/octet-stream;base64,eA==');
    expect(seen.encode.model).toEqual({ image: 'data:image/png;base64,iVBORw==', score: 0.5 });
    expect(seen.encode.nested).toEqual({ a: ['red', [1, 2]], b: null });
  });

  it('downloads data URIs and http URLs (keeping the file name) and refuses server paths', () => {
    expect(seen.data_uri).toEqual(['input.txt', 'hello']);
    expect(seen.url).toEqual(['in put.txt', 'from url']);
    expect(seen.server_path).toMatch(/http\(s\) URL or a data URI/);
  });
});

describe("Cog's HTTP API", () => {
  it('answers POST /predictions in Cog\'s response shape, with logs and the given id', () => {
    const [status, body] = seen.http_valid;
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['id', 'logs', 'metrics', 'output', 'status']);
    expect(body).toMatchObject({ id: 'abc', output: 'hi|1024', status: 'succeeded', logs: 'predicting hi\n' });
    expect(typeof body.metrics.predict_time).toBe('number');
    expect(seen.seen[0]).toEqual(['seed']); // unknown inputs never reach predict()
  });

  it('answers 422 with coglet\'s detail, a failed status for a raising predictor, 400 for bad JSON', () => {
    expect(seen.http_422).toEqual([422, { detail: [err('width', '5 is less than the minimum of 64')] }]);
    const [status, body] = seen.http_failed;
    expect(status).toBe(200);
    // coglet 0.22.0's words (its prefix doubled), and the time spent, as its failed responses have.
    expect(body).toMatchObject({ error: 'Prediction failed: Prediction failed: RuntimeError: it broke', status: 'failed' });
    expect(typeof body.metrics.predict_time).toBe('number');
    expect(seen.http_bad_json).toBe(400);
  });

  it('serves the shipped schema byte for byte, health, trainings, and iterator outputs as lists', () => {
    expect(seen.openapi_bytes_equal).toBe(true);
    expect(seen.health).toBe('READY');
    expect(seen.http_train).toEqual([200, { trained: 't' }, 'succeeded']);
    expect(seen.http_iterator).toEqual(['a', 'b', 'c']);
    expect(seen.no_trainings).toBe(404);
  });
});

describe('runtime/ type-checks', () => {
  it('has 0 pyright errors against the modal venv (fastapi, pydantic)', () => {
    const pyright = fileURLToPath(new URL('../../node_modules/pyright/index.js', import.meta.url));
    let out: string;
    try {
      out = execFileSync(process.execPath, [pyright, '--outputjson', '--pythonpath', python, '--project', join(runtimeDir(), 'pyrightconfig.json')], { encoding: 'utf8', timeout: 300_000 });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    const report = JSON.parse(out) as { generalDiagnostics: { message: string; severity: string }[]; summary: { filesAnalyzed: number } };
    expect(report.generalDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.summary.filesAnalyzed).toBeGreaterThanOrEqual(9);
  }, 300_000);
});
