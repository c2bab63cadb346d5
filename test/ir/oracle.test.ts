// Our OpenAPI against Cog's own code, two oracles:
//   - Cog's Go static generator (github.com/replicate/cog pkg/schema, v0.22.0, test/oracle/go),
//     what `cog build` runs today: our default document must equal its output exactly;
//   - the cog 0.19.3 Python SDK's schema code (test/oracle/cog_schema.py, pinned in
//     test/python-env/cog.txt; the venv is built on first use) with the project's heavy imports
//     stubbed: the 'python-0.19' dialect must equal it exactly (predict, and train alone), and
//     our default document may differ from it only as test/known-failures.ts
//     (generationDifferences) explains.
// Where Cog rejects a project, the frontend must give an error finding. Projects: every
// fixtures/*/input with a cog.yaml (IR from readCog), and the oracle-only projects
// test/oracle/projects/* (IR built by hand in oracle-projects.ts, and from readCog).
// Cases that cannot match are listed, with reasons, in test/known-failures.ts.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { toOpenApi, type JsonObject } from '../../src/ir/openapi.js';
import type { CogIR } from '../../src/ir/types.js';
import { readCog } from '../../src/frontends/cog/index.js';
import type { Finding } from '../../src/findings/types.js';
import { generationDifferences, knownFailure } from '../known-failures.js';
import { jsonDiff, showPath } from './helpers/json-diff.js';
import { oraclePython, runOracle, type OracleResult } from './helpers/oracle.js';
import { GO_ORACLE_COG, goOracleBinary, runGoOracle, type GoOracleResult } from './helpers/go-oracle.js';
import { oracleProjectIrs } from './oracle-projects.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixturesDir = join(repo, 'fixtures');
const projectsDir = join(repo, 'test/oracle/projects');

const subdirs = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort() : [];

const fixtures = subdirs(fixturesDir).filter((name) => existsSync(join(fixturesDir, name, 'input', 'cog.yaml')));
const projects = subdirs(projectsDir);

function caseOptions(name: string): { expectError?: boolean } {
  const file = join(fixturesDir, name, 'case.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { expectError?: boolean }) : {};
}

/** The frontend's IR, or an assertion failure that says why there is none. */
function readIr(dir: string): { ir: CogIR; findings: Finding[] } {
  let result: ReturnType<typeof readCog>;
  try {
    result = readCog(dir);
  } catch (e) {
    throw new Error(`readCog(${dir}) threw: ${(e as Error).message}`);
  }
  if (!result.ir) throw new Error(`readCog(${dir}) gave no IR; findings: ${JSON.stringify(result.findings)}`);
  return { ir: result.ir, findings: result.findings };
}

type Part = 'predict' | 'train' | 'static';

/** Ids of the generationDifferences rules that explained a real difference in this run. */
const rulesUsed = new Set<string>();

/** Holds one IR against the oracle's answer for its project, part by part; throws on a mismatch. */
function comparePart(part: Part, ir: CogIR, findings: Finding[], oracle: OracleResult): void {
  if (part === 'static') {
    if (!oracle.schema) {
      // Cog serves no schema: it rejects the project, so must we (or known-failures.ts says why not).
      const errors = findings.filter((f) => f.severity === 'error');
      expect(oracle.error, 'the oracle gave neither a schema nor an error').toEqual(expect.any(String));
      expect(errors, `Cog 0.19.3 serves no schema (${oracle.error}); the frontend gave no error finding`).not.toEqual([]);
      return;
    }
    const unexplained = jsonDiff(toOpenApi(ir), oracle.schema).filter((d) => {
      const rule = generationDifferences.find((r) => r.explains(d, ir));
      if (rule) rulesUsed.add(rule.id);
      return !rule;
    });
    expect(
      unexplained.map((d) => `${showPath(d.path)}: ours ${JSON.stringify(d.ours)}, Cog 0.19.3 ${JSON.stringify(d.theirs)}`),
      'differences between our static schema and Cog 0.19.3 that no rule in test/known-failures.ts explains',
    ).toEqual([]);
    return;
  }
  const mode = oracle.modes[part];
  if (!mode) {
    expect(ir.predictors[part], `cog.yaml names no ${part} that Cog 0.19.3 reads; the IR has one`).toBeUndefined();
    return;
  }
  if (mode.error !== undefined) {
    // Cog rejects this predictor; so must we (issue 3: an error finding instead).
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors, `Cog rejects ${part} (${mode.error}); the frontend gave no error finding`).not.toEqual([]);
    return;
  }
  expect(ir.predictors[part], `Cog reads a ${part} predictor; the IR has none`).toBeDefined();
  const alone: CogIR = { ...ir, predictors: { [part]: ir.predictors[part] } };
  expect(toOpenApi(alone, { dialect: 'python-0.19' }), `${part}: our 0.19 dialect vs Cog 0.19.3`).toEqual(mode.schema);
}

function compare(ir: CogIR, findings: Finding[], oracle: OracleResult): void {
  for (const part of ['predict', 'train', 'static'] as const) comparePart(part, ir, findings, oracle);
}

/**
 * Checks every part of a case. A part listed in known-failures.ts (as `case` for all parts or
 * `case/part`) must still fail, else the entry is stale; every other part must pass.
 */
function checkCase(name: string, load: () => { ir: CogIR; findings: Finding[]; oracle: OracleResult }): void {
  const whole = knownFailure('ir/oracle', name);
  let loaded: ReturnType<typeof load> | undefined;
  let loadError: unknown;
  try {
    loaded = load();
  } catch (e) {
    loadError = e;
  }
  const outcomes = (['predict', 'train', 'static'] as const).map((part) => {
    const known = whole ?? knownFailure('ir/oracle', `${name}/${part}`);
    let failure: unknown;
    try {
      if (!loaded) throw loadError;
      comparePart(part, loaded.ir, loaded.findings, loaded.oracle);
    } catch (e) {
      failure = e;
    }
    return { part, known, failure };
  });
  if (whole) {
    expect(outcomes.some((o) => o.failure), `${name} is listed in test/known-failures.ts (${whole.reason}) but now passes: remove the entry`).toBe(true);
    return;
  }
  for (const { part, known, failure } of outcomes) {
    if (known) expect(failure, `${name}/${part} is listed in test/known-failures.ts (${known.reason}) but now passes: remove the entry`).toBeDefined();
    else if (failure) throw failure;
  }
}

beforeAll(() => {
  oraclePython();
  goOracleBinary();
}, 1_800_000);

/** Our default (static) document against Cog's Go generator: identical, or both reject. */
function compareGo(ir: CogIR, findings: Finding[], go: GoOracleResult): void {
  if (go.error !== undefined) {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors, `Cog ${GO_ORACLE_COG} rejects the project (${go.error}); the frontend gave no error finding`).not.toEqual([]);
    return;
  }
  const version = (go.schema!.info as JsonObject).version as string;
  expect(toOpenApi(ir, { cogVersion: version }), `our static document vs Cog ${GO_ORACLE_COG}`).toEqual(go.schema);
}

/** A case listed in known-failures.ts must still fail (else the entry is stale). */
function checkGoCase(name: string, run: () => void): void {
  const known = knownFailure('ir/oracle', name);
  if (!known) return run();
  expect(run, `${name} is listed in test/known-failures.ts (${known.reason}) but now passes: remove the entry`).toThrow();
}

describe('the oracle itself', () => {
  it('stubs heavy imports and still reads the signature (heavy-imports project)', () => {
    const oracle = runOracle(join(projectsDir, 'heavy-imports'));
    expect(oracle.error).toBeNull();
    expect(oracle.stubbed).toEqual(expect.arrayContaining(['torch', 'transformers', 'diffusers', 'numpy', 'PIL']));
  });

  it('can disagree with us: a changed IR no longer matches', () => {
    const ir = structuredClone(oracleProjectIrs['iterator-of-paths']!);
    ir.predictors.predict!.inputs[0]!.le = 65;
    const oracle = runOracle(join(projectsDir, 'iterator-of-paths'));
    expect(() => compare(ir, [], oracle)).toThrow();
  });

  it('refuses a directory outside fixtures/ and test/oracle/projects/', () => {
    expect(() => runOracle(repo)).toThrow();
  });
});

describe('oracle-only projects, hand-built IR', () => {
  it('has a hand-built IR for every project and a project for every IR', () => {
    expect(Object.keys(oracleProjectIrs).sort()).toEqual(projects);
  });
  for (const name of projects) {
    it(name, () => {
      const ir = oracleProjectIrs[name];
      expect(ir, `no hand-built IR for ${name} in test/ir/oracle-projects.ts`).toBeDefined();
      checkCase(name, () => ({ ir: ir!, findings: [], oracle: runOracle(join(projectsDir, name)) }));
    });
  }
});

describe('oracle-only projects, IR from readCog', () => {
  for (const name of projects) {
    it(name, () => {
      const dir = join(projectsDir, name);
      checkCase(`readCog:${name}`, () => ({ ...readIr(dir), oracle: runOracle(dir) }));
    });
  }
});

describe('fixtures, IR from readCog', () => {
  for (const name of fixtures) {
    it(name, () => {
      const dir = join(fixturesDir, name, 'input');
      if (caseOptions(name).expectError) {
        // Bad-input cases: Cog's code is not run on them (some point outside the project).
        // The frontend must answer with an error finding, not a throw.
        const result = readCog(dir);
        expect(result.findings.some((f) => f.severity === 'error'), 'an expectError fixture must give an error finding').toBe(true);
        return;
      }
      checkCase(name, () => ({ ...readIr(dir), oracle: runOracle(dir) }));
    });
  }
});

describe(`static dialect vs Cog's Go generator (${GO_ORACLE_COG})`, () => {
  for (const name of projects) {
    it(`project ${name}, hand-built IR`, () => {
      checkGoCase(`go:${name}`, () => compareGo(oracleProjectIrs[name]!, [], runGoOracle(join(projectsDir, name))));
    });
    it(`project ${name}, IR from readCog`, () => {
      const dir = join(projectsDir, name);
      checkGoCase(`go:readCog:${name}`, () => {
        const { ir, findings } = readIr(dir);
        compareGo(ir, findings, runGoOracle(dir));
      });
    });
  }
  for (const name of fixtures.filter((n) => !caseOptions(n).expectError)) {
    it(`fixture ${name}`, () => {
      const dir = join(fixturesDir, name, 'input');
      checkGoCase(`go:${name}`, () => {
        const { ir, findings } = readIr(dir);
        compareGo(ir, findings, runGoOracle(dir));
      });
    });
  }
});

describe('test/known-failures.ts', () => {
  it('has no generation-difference rule that explained nothing (each is seen in a real project)', () => {
    expect(generationDifferences.map((r) => r.id).filter((id) => !rulesUsed.has(id))).toEqual([]);
  });
});
