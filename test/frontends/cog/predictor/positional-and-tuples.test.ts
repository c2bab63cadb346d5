// Two Cog 0.22 reader quirks: Input() arguments given positionally, and tuples and lists that
// are readable only in part. What every generation of Cog does was read from its code first
// (cog 0.1-0.16 `Input(default, description, ge, ...)`, 0.17+ `Input(default, *, ...)`, the Go
// static generator's parseInputCall and parseDefaultValue); each static reading here is held
// against the Go oracle itself, and the error case against the cog 0.19.3 SDK.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCog } from '../../../../src/frontends/cog/index.js';
import { toOpenApi, type JsonObject } from '../../../../src/ir/openapi.js';
import { goOracleBinary, runGoOracle } from '../../../ir/helpers/go-oracle.js';
import { runOracle } from '../../../ir/helpers/oracle.js';
import { extract, predictorOf } from './helpers.js';

function predict(params: string, prelude = ''): string {
  return `from typing import List, Optional\nfrom cog import BasePredictor, Input\n${prelude}\nclass Predictor(BasePredictor):\n    def predict(self, ${params}) -> str:\n        return ""\n`;
}

/** Where both oracles may read a project (the Python one refuses other folders). */
const generated = fileURLToPath(new URL('../../../../.cache/oracle/generated/', import.meta.url));

/** Writes the project where the oracles may read it; returns its folder. */
function oracleProject(name: string, source: string): string {
  const dir = join(generated, `reader-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cog.yaml'), 'build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n');
  writeFileSync(join(dir, 'predict.py'), source);
  return dir;
}

/** Our static document for the project must be the Go generator's, `info.version` aside. */
function expectSameAsGo(dir: string): void {
  const go = runGoOracle(dir);
  expect(go.error).toBeUndefined();
  const ir = readCog(dir).ir!;
  expect(toOpenApi(ir, { cogVersion: (go.schema!.info as JsonObject).version as string })).toEqual(go.schema);
}

beforeAll(() => {
  goOracleBinary();
}, 900_000);

describe('positional Input() arguments', () => {
  it('reads a positional default as every Cog SDK does; static Cog reads no default at all, not even null on an Optional (CM230)', () => {
    const source = predict('text: str = Input("hello"), size: Optional[int] = Input(24), n: int = Input(3, ge=0)');
    const e = extract(source);
    const [text, size, n] = predictorOf(e).inputs;
    expect(text).toMatchObject({ default: { kind: 'literal', value: 'hello' }, staticCog: { noDefault: true } });
    expect(size).toMatchObject({ default: { kind: 'literal', value: 24 }, staticCog: { noDefault: true } });
    expect(n).toMatchObject({ default: { kind: 'literal', value: 3 }, ge: 0, staticCog: { noDefault: true } });
    expect(e.codes).toEqual(['CM230', 'CM230', 'CM230']);
    expect(e.findings[0]).toMatchObject({ line: 5, message: expect.stringContaining('makes `text` required') });
    expect(e.findings[1]!.message).toContain('no default (not even null)');
    expectSameAsGo(oracleProject('positional-default', source));
  });

  it('a positional default of `...` or of a helper bound at the call site is no difference (no finding)', () => {
    const source = predict('a: str = Input(...), b: float = Inputs.opacity(0.8)', 'class Inputs:\n    @staticmethod\n    def opacity(default: float = 0.5):\n        return Input(default, ge=0.0, le=1.0)\n');
    const e = extract(source);
    expect(predictorOf(e).inputs.map((i) => [i.default, i.staticCog])).toEqual([['required', undefined], [{ kind: 'literal', value: 0.8 }, undefined]]);
    expect(e.codes).toEqual([]);
    expectSameAsGo(oracleProject('positional-helper', source));
  });

  it('reads arguments after the default as Cog 0.16 did, and is an error as Cog 0.17+ refuses them at import (CM231)', () => {
    const source = predict('a: str = Input("hello", "A greeting"), n: int = Input(3, "Steps", 0, 10), r: str = Input(..., "Required")');
    const e = extract(source);
    const [a, n, r] = predictorOf(e).inputs;
    expect(a).toMatchObject({ default: { kind: 'literal', value: 'hello' }, description: 'A greeting' });
    expect(n).toMatchObject({ default: { kind: 'literal', value: 3 }, description: 'Steps', ge: 0, le: 10 });
    expect(r).toMatchObject({ default: 'required', description: 'Required' });
    expect(e.findings.map((f) => [f.code, f.severity, f.line])).toEqual([['CM231', 'error', 5], ['CM231', 'error', 5], ['CM231', 'error', 5]]);
    expect(e.findings.map((f) => /write (.*)$/.exec(f.message)?.[1])).toEqual([
      '`Input(default="hello", description="A greeting")`',
      '`Input(default=3, description="Steps", ge=0, le=10)`',
      '`Input(description="Required")`',
    ]);
    const dir = oracleProject('positional-description', source);
    // Cog 0.19's SDK (as every release from 0.17) refuses it when it imports the predictor ...
    expect(runOracle(dir).error).toMatch(/TypeError: Input\(\) takes from 0 to 1 positional arguments/);
    // ... and the Go generator, which builds the image, ignores positional arguments.
    expectSameAsGo(dir);
  });

  it('more positional arguments than Input() has parameters are CM212', () => {
    const e = extract(predict('a: str = Input("a", "d", None, None, None, None, None, None, None, "extra")'));
    expect(e.codes).toEqual(['CM212', 'CM231']);
  });
});

describe('tuples and lists readable in part', () => {
  it('points CM204 at the item of a tuple that cannot be read, and records the items static Cog keeps (CM232)', () => {
    const source = predict('sizes: List[int] = Input(default=(\n        1,\n        int(os.environ.get("N", "7")),\n        3,\n    ))', 'import os');
    const e = extract(source);
    const [sizes] = predictorOf(e).inputs;
    expect(sizes).toMatchObject({ default: { kind: 'source' }, staticCog: { reads: { default: [1, 3] } } });
    expect(e.findings.map((f) => [f.code, f.line])).toEqual([['CM204', 7], ['CM232', 5]]);
    expectSameAsGo(oracleProject('partial-tuple-call', source));
  });

  it('reads names in a tuple as Python does, while static Cog drops them (CM232); a tuple constant as choices too', () => {
    const source = predict('pad: List[int] = Input(default=(M, 8)), corner: str = Input(default="a", choices=CORNERS)', 'M = 16\nC = "c"\nCORNERS = ("a", "b", C)');
    const e = extract(source);
    const [pad, corner] = predictorOf(e).inputs;
    expect(pad).toMatchObject({ default: { kind: 'literal', value: [16, 8] }, staticCog: { reads: { default: [8] } } });
    expect(corner).toMatchObject({ choices: { kind: 'literal', value: ['a', 'b', 'c'] }, staticCog: { reads: { choices: ['a', 'b'] } } });
    expect(e.codes).toEqual(['CM232', 'CM232']);
    expectSameAsGo(oracleProject('partial-tuple-names', source));
  });

  it('a plain tuple default is read in part by static Cog too; a nested tuple in a list keeps its readable items', () => {
    const source = predict('a: List[int] = (4, M), b: List[int] = Input(default=[1, (2, M)])', 'M = 5');
    const e = extract(source);
    const [a, b] = predictorOf(e).inputs;
    expect(a!.staticCog).toEqual({ reads: { default: [4] } });
    expect(b!.staticCog).toEqual({ reads: { default: [1, [2]] } });
    expect(e.codes).toEqual(['CM232', 'CM232']);
    expectSameAsGo(oracleProject('partial-tuple-plain', source));
  });

  it('points CM205 at the item of a choices list that cannot be read, on its own line', () => {
    const e = extract(predict('s: str = Input(default="a", choices=[\n        "a",\n        "b",\n        os.environ.get("S", "c"),\n    ])', 'import os'));
    expect(e.findings.map((f) => [f.code, f.line, f.column])).toEqual([['CM205', 8, 9]]);
    expect(predictorOf(e).inputs[0]!.choices).toMatchObject({ kind: 'source' });
  });

  it('a comment between the items of a list makes it unreadable to static Cog: the default is None (CM245), choices are refused (CM246)', () => {
    const source = predict('a: List[int] = Input(default=[2,  # x\n        2])');
    const e = extract(source);
    expect(predictorOf(e).inputs[0]).toMatchObject({ default: { kind: 'literal', value: [2, 2] }, staticCog: { reads: { default: null } } });
    expect(e.codes).toEqual(['CM245']);
    expect(e.findings[0]!.message).toContain('a comment between the items of a list');
    expectSameAsGo(oracleProject('list-with-comment', source));

    const refused = extract(predict('s: str = Input(default="a", choices=["a",  # first\n        "b"])'));
    expect(refused.codes).toEqual(['CM246']);
    expect(refused.findings[0]!.message).toContain('a comment between the items of a list');
    expect(runGoOracle(oracleProject('choices-with-comment', predict('s: str = Input(default="a", choices=["a",  # first\n        "b"])'))).error).toMatch(/choices expression cannot be statically resolved/);
  });
});
