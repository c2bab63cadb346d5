// The Modal target's own output read back: a modal_app.py whose `@app.cls` class wraps a Cog
// predictor through cog_migrate_runtime (`self.model = CogModel(PROJECT_DIR, "predict.py:Predictor",
// OPENAPI_FILE, ...)` in its @modal.enter method). Such an app is the Cog predictor, unchanged,
// behind a generic `predict(input: Dict[str, Any])` method and Cog's HTTP API: its inputs and
// output are the predictor's, so that predictor is read as the Cog frontend reads it, and the
// image from the Dockerfile the class is built on. The wrapper's own files (the app file, its
// Dockerfile, openapi.json, the `cog` compatibility package, cog_migrate_runtime, the reports and
// the carried-over tests) are named in the IR, so a Cog project made from it leaves them out.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IR_VERSION, type CogIR, type Predictor, type SourceLocation } from '../../ir/types.js';
import type { PyModule } from '../../python/modules.js';
import type { SyntaxNode } from '../../python/parse.js';
import { callArguments, decoratorsOf, definitionOf, locOf, statements, unwrapExpr } from '../../python/nodes.js';
import { finding } from '../../findings/finding.js';
import type { Ctx } from '../cog/predictor/context.js';
import { qnameOf } from '../cog/predictor/symbols.js';
import { literalOf } from '../cog/predictor/values.js';
import { extractPredictor } from '../cog/predictor/index.js';
import { readSafePush } from '../cog-safe-push/index.js';
import { slug } from '../shared/app-ir.js';
import { cudaOfTorchIndex } from '../shared/build.js';
import { pushAll } from '../../util/push-all.js';
import type { ModalSettings } from './options.js';

/** One `self.<attr> = CogModel(...)`: the Cog predictor a method of the class serves. */
export interface WrappedPredictor {
  ref: string;
  role: 'predict' | 'train';
  /** The cog.yaml key that named it: `run` for a BaseRunner (its method is run()). */
  key: 'predict' | 'train' | 'run';
  loc: SourceLocation;
}

const SERVICE = 'cog_migrate_runtime.service';

/**
 * The Cog predictors an `@app.cls` class wraps, in its @modal.enter methods; empty when the class
 * is not cog-migrate's wrapper (then it is read as any Modal class is).
 */
export function wrappedPredictors(ctx: Ctx, mod: PyModule, cls: SyntaxNode): WrappedPredictor[] {
  const out: WrappedPredictor[] = [];
  for (const m of statements(cls.childForFieldName('body')!)) {
    const fn = definitionOf(m);
    if (fn.type !== 'function_definition') continue;
    const isEnter = decoratorsOf(fn).some((d) => {
      const n = unwrapExpr(d);
      return qnameOf(ctx.graph, mod, n.type === 'call' ? n.childForFieldName('function')! : n) === 'modal.enter';
    });
    if (!isEnter || !importsCogModel(fn)) continue;
    for (const a of fn.descendantsOfType('assignment')) {
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type !== 'attribute' || left.childForFieldName('object')?.text !== 'self') continue;
      if (right?.type !== 'call' || right.childForFieldName('function')?.text !== 'CogModel') continue;
      const { positional, keywords } = callArguments(right);
      const ref = positional[1] ? literalOf(ctx, mod, positional[1]) : undefined;
      if (!ref?.ok || typeof ref.value !== 'string') continue;
      const schema = keywords.find((k) => k.name === 'input_schema')?.value;
      const schemaName = schema ? literalOf(ctx, mod, schema) : undefined;
      const role = schemaName?.ok && schemaName.value === 'TrainingInput' ? 'train' : 'predict';
      const method = keywords.find((k) => k.name === 'method')?.value;
      const methodName = method ? literalOf(ctx, mod, method) : undefined;
      const key = role === 'predict' && methodName?.ok && methodName.value === 'run' ? 'run' : role;
      if (!out.some((w) => w.role === role)) out.push({ ref: ref.value, role, key, loc: locOf(positional[1]!, mod.file) });
    }
  }
  return out;
}

/** `from cog_migrate_runtime.service import CogModel` inside the method (as the target writes it) or at module level. */
function importsCogModel(fn: SyntaxNode): boolean {
  let root: SyntaxNode = fn;
  while (root.parent) root = root.parent;
  return [fn, root].some((scope) => scope.descendantsOfType('import_from_statement').some((s) =>
    s.childForFieldName('module_name')?.text === SERVICE && s.namedChildren.some((c) => c !== s.childForFieldName('module_name') && /^CogModel\b/.test(c.text))));
}

/** Files cog-migrate's Modal output consists of besides the user's project (targets/modal, src/model-tests). */
const WRAPPER_FILES = ['openapi.json', 'MIGRATION.md', 'migration.json', 'cog/', 'cog_migrate_runtime/'];
const WRAPPER_TESTS = ['tests/test_cog_http.py', 'tests/checks.py', 'tests/cases.json', 'tests/requirements.txt'];

export interface WrapperSpec {
  app: { name?: string; loc: SourceLocation };
  /** The Dockerfile the image is built from (`Image.from_dockerfile`), project-relative. */
  dockerfile?: string;
  settings: ModalSettings;
  wrapped: WrappedPredictor[];
}

/** The IR of a wrapped Cog predictor: its predictors as the Cog frontend reads them, the build as the app's image gives it. */
export function wrapperIr(ctx: Ctx, mod: PyModule, spec: WrapperSpec): CogIR | undefined {
  const root = ctx.graph.root;
  const files = [mod.file, ...(spec.dockerfile ? [spec.dockerfile] : []), ...WRAPPER_FILES];
  if (existsSync(join(root, WRAPPER_TESTS[0]!))) files.push(...WRAPPER_TESTS);
  const predictors: CogIR['predictors'] = {};
  for (const w of spec.wrapped) {
    const read = extractPredictor(root, { ref: w.ref, key: w.key, role: w.role, loc: w.loc }, { hiddenPaths: files });
    pushAll(ctx.findings, read.findings);
    if (!read.predictor) return undefined;
    predictors[w.role] = read.predictor;
  }
  ctx.findings.push(finding('CM825', `${mod.file} is cog-migrate's Modal wrapper of the Cog predictor ${spec.wrapped.map((w) => w.ref).join(' and ')}: its inputs and output are read from ${spec.wrapped.length > 1 ? 'those files' : 'that file'}, the build from ${spec.dockerfile ?? 'the image'}`, spec.wrapped[0]!.loc));
  const build = spec.settings.app;
  // The wrapper's Dockerfile is Cog's, pruned: on a plain Python base (pip torch ships CUDA) the
  // PyTorch index Cog chose still says which CUDA cog.yaml named.
  const indexCuda = build.build.gpu && !build.build.cuda ? cudaOfTorchIndex(build) : undefined;
  if (indexCuda) build.build.cuda = indexCuda;
  const ir: CogIR = {
    irVersion: IR_VERSION,
    project: { name: slug(spec.app.name ?? (predictors.predict as Predictor | undefined)?.name ?? 'model'), root, configGeneration: 'current', wrapper: { platform: 'modal', files } },
    build: spec.settings.app.build,
    runtime: { ...spec.settings.runtime, environment: spec.settings.app.environment, weights: [] },
    predictors,
  };
  ctx.findings.push(...spec.settings.app.notes);
  const safePush = readSafePush(ir);
  pushAll(ctx.findings, safePush.findings);
  if (safePush.configs.length > 0) ir.safePush = safePush.configs;
  if (safePush.hardware) ir.runtime.hardware = safePush.hardware;
  return ir;
}
