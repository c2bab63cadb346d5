// The static predictor extractor: cog.yaml reference -> IR Predictor. Reads Python with
// tree-sitter; user code is never imported or run. Every problem becomes a finding; bad input
// never throws.

import type { Predictor, PredictorKind, SetupSignature } from '../../../ir/types.js';
import { finding } from '../../../findings/finding.js';
import { submoduleNote, uncheckedSubmoduleFor } from '../../../fs/submodules.js';
import { reportSubmoduleImports } from './submodule-imports.js';
import { reportSysPath } from './sys-path-findings.js';
import { ModuleGraph, type PyModule } from '../../../python/modules.js';
import type { SyntaxNode } from '../../../python/parse.js';
import { isAsyncFunction, locOf } from '../../../python/nodes.js';
import type { PredictorRef, PredictorResult } from '../types.js';
import { report, type Ctx } from './context.js';
import { externalBases, findMethod, type ClassRef } from './classes.js';
import { findTarget, loadProblemFinding, parseRef } from './locate.js';
import { parametersOf, readInputs } from './inputs.js';
import { readOutput } from './outputs.js';
import { readOutputMedia } from './output-media.js';
import { hasLegacyInputs, readLegacyInputs } from './legacy.js';
import { runtimeApiUses } from './runtime-apis.js';
import { huggingFaceUse } from './hugging-face.js';
import { typeReader } from './types.js';
import { pushAll } from '../../../util/push-all.js';

export { parsePython, type ParsedPython } from '../../../python/parse.js';

/** A PredictorRef for a reference written by hand (benchmarks, tests, the CLI's --predictor). */
export function predictorRef(ref: string, role: PredictorRef['role'] = 'predict', key: PredictorRef['key'] = role): PredictorRef {
  return { ref, key, role, loc: { file: 'cog.yaml', line: 1, column: 1 } };
}

/** The part of a Predictor that depends on its kind (class, function, runner, legacy). */
type PredictorBody = Omit<Predictor, 'role' | 'ref' | 'file' | 'name' | 'loc' | 'localImports' | 'runtimeApis' | 'huggingFace'>;

/** Methods Cog calls; in a very large file only these are parsed inside a big class. */
const PREDICTOR_MEMBERS = ['setup', 'predict', 'train', 'run'];

export interface ExtractOptions {
  /** Time budget for parsing one file, in milliseconds. */
  parseBudgetMs?: number;
  /** Project files imports do not see (LoadOptions.hiddenPaths). */
  hiddenPaths?: readonly string[];
}

/** Statically extracts the predictor named by `ref` (never imports or runs user code). Never throws for bad input. */
export function extractPredictor(root: string, ref: PredictorRef, options: ExtractOptions = {}): PredictorResult {
  const graphOptions = {
    keepMembers: PREDICTOR_MEMBERS,
    ...(options.parseBudgetMs !== undefined ? { budgetMs: options.parseBudgetMs } : {}),
    ...(options.hiddenPaths ? { hiddenPaths: options.hiddenPaths } : {}),
  };
  const ctx: Ctx = { graph: new ModuleGraph(root, graphOptions), findings: [] };
  try {
    const predictor = extract(ctx, ref);
    return predictor ? { predictor, findings: ctx.findings } : { findings: ctx.findings };
  } catch (err) {
    // A bug, not bad input: surface it as an internal-fault finding instead of a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    return { findings: [...ctx.findings, finding('CM901', `predictor extraction failed: ${message}`, ref.loc)] };
  }
}

function extract(ctx: Ctx, ref: PredictorRef): Predictor | undefined {
  const parsed = parseRef(ctx, ref.ref, ref.loc);
  if (!parsed) return undefined;
  const loaded = ctx.graph.load(parsed.file, { keepNames: [parsed.name] });
  if (!('root' in loaded)) {
    const submodule = loaded.kind === 'read' && loaded.problem === 'missing' ? uncheckedSubmoduleFor(ctx.graph.root, parsed.file) : undefined;
    if (loaded.kind === 'read' && submodule !== undefined) {
      const note = submoduleNote(submodule);
      ctx.findings.push(finding('CM201', `${loaded.detail}${note.message}`, ref.loc, { hint: note.hint }));
    } else ctx.findings.push(loadProblemFinding(loaded, { read: 'CM201', syntax: 'CM202' }, ref.loc));
    return undefined;
  }
  const mod = loaded;
  ctx.graph.setEntry(mod.file);
  if (mod.parsed.skippedChars) {
    ctx.findings.push(finding('CM225', `${mod.file} is ${mod.parsed.text.length} characters; only the ${mod.parsed.text.length - mod.parsed.skippedChars} the predictor needs were parsed`, { file: mod.file, line: 1, column: 1 }));
  }
  const target = findTarget(ctx.graph, mod, parsed.name);
  if (!target) {
    ctx.findings.push(finding('CM203', `${mod.file} defines no class or function named ${parsed.name}${definedClasses(mod)}`, ref.loc));
    reportParseProblems(ctx, mod.file);
    return undefined;
  }

  const base = {
    role: ref.role,
    ref: ref.ref,
    file: mod.file,
    name: parsed.name,
    loc: locOf(target.node.childForFieldName('name') ?? target.node, target.module.file),
  };
  let body: PredictorBody | undefined;
  if (target.kind === 'function') {
    const what = target.name;
    const params = parametersOf(ctx, target.module, target.node, what);
    body = {
      kind: 'function',
      isAsync: isAsyncFunction(target.node),
      inputs: readInputs(ctx, target.module, params, what),
      output: readOutput(ctx, target.module, target.node, what, true),
    };
    const media = readOutputMedia(target.node, body.inputs, body.output);
    if (media) body.outputMedia = media;
  } else {
    body = classPredictor(ctx, ref, { module: target.module, node: target.node, name: target.name });
  }
  if (!body) return undefined;

  const runtimeApis = runtimeApiUses(ctx.graph, mod);
  if (target.module !== mod) pushAll(runtimeApis, runtimeApiUses(ctx.graph, target.module));
  const imports = ctx.graph.localImports(mod);
  for (const { problem, at } of imports.problems) {
    // Read problems point at the import that asked for the file.
    const f = loadProblemFinding(problem, { read: 'CM220', syntax: 'CM220' }, at);
    if (at.guarded) {
      // `try: from ._version import version` / `except ImportError:`: the fallback is the design.
      f.severity = 'info';
      f.hint = 'The import is inside a `try:` whose `except` catches ImportError, so the predictor loads without the module and the except branch runs. Nothing to do unless that fallback is not what the model should run.';
    } else if (at.deferred) {
      // An import inside a function fails only if that code path runs; the predictor still loads.
      f.severity = 'info';
      f.hint = 'The import is inside a function, so it fails only when that function runs, not when the predictor loads. Check that the code path is unused, or add the module.';
    }
    ctx.findings.push(f);
  }
  reportSubmoduleImports(ctx, [mod.file, ...imports.files]);
  reportSysPath(ctx, [mod.file, ...imports.files]);
  reportParseProblems(ctx, mod.file);
  const huggingFace = huggingFaceUse(ctx, [mod, target.module], imports.files);
  return { ...base, ...body, localImports: imports.files, runtimeApis, ...(huggingFace ? { huggingFace } : {}) };
}

/**
 * Syntax errors (and parse timeouts) of the local modules a name was resolved in. A module
 * nothing resolves a name in is not parsed while reading; `verify --level static` parses every
 * file of the output with Python's own parser.
 */
function reportParseProblems(ctx: Ctx, entry: string): void {
  for (const problem of ctx.graph.parseProblems()) {
    if (problem.file !== entry) ctx.findings.push(loadProblemFinding(problem, { read: 'CM220', syntax: 'CM220' }));
  }
}

function classPredictor(ctx: Ctx, ref: PredictorRef, cls: ClassRef): PredictorBody | undefined {
  const { names, unresolved } = externalBases(ctx.graph, cls);
  let kind: PredictorKind = 'class';
  if (names.has('cog.BaseRunner')) kind = 'runner';
  // cog.Predictor is the pre-1.0 base; cog.Model the 2021 pre-release one (with run()).
  else if (names.has('cog.Predictor') || names.has('cog.Model')) kind = 'legacy';
  else if (!names.has('cog.BasePredictor')) {
    const why = unresolved ? 'its base class could not be followed statically' : 'it does not subclass cog.BasePredictor';
    report(ctx, 'CM207', `${cls.name}: ${why}; read as a predictor anyway`, cls.module, cls.node.childForFieldName('name') ?? cls.node);
  }
  let method = ref.role === 'train' ? 'train' : kind === 'runner' || ref.key === 'run' ? 'run' : 'predict';
  if (kind === 'class' && ref.key === 'run' && !names.has('cog.BasePredictor')) kind = 'runner';
  let found = findMethod(ctx.graph, cls, method);
  if (!found && kind === 'legacy' && method === 'predict') {
    found = findMethod(ctx.graph, cls, 'run');
    if (found) method = 'run';
  }
  if (!found) {
    report(ctx, 'CM208', `${cls.name} has no ${method}() method`, cls.module, cls.node.childForFieldName('name') ?? cls.node);
    return undefined;
  }
  const fnMod = found.owner.module;
  const fn = found.node;
  const all = parametersOf(ctx, fnMod, fn, method);
  if (all[0]?.name !== 'self') {
    report(ctx, 'CM216', `${method}() must take \`self\` as its first parameter`, fnMod, fn.childForFieldName('parameters') ?? fn);
  }
  const params = all[0]?.name === 'self' ? all.slice(1) : all;
  if (kind !== 'legacy' && hasLegacyInputs(ctx, fnMod, fn)) kind = 'legacy';
  const inputs = kind === 'legacy'
    ? readLegacyInputs(ctx, fnMod, fn, params.map((p) => p.name))
    : readInputs(ctx, fnMod, params, method);
  const out: PredictorBody = {
    kind,
    method,
    isAsync: isAsyncFunction(fn),
    inputs,
    output: readOutput(ctx, fnMod, fn, method, kind !== 'legacy'),
  };
  const media = readOutputMedia(fn, out.inputs, out.output);
  if (media) out.outputMedia = media;
  const setup = readSetup(ctx, cls);
  if (setup) out.setup = setup;
  return out;
}

function readSetup(ctx: Ctx, cls: ClassRef): SetupSignature | undefined {
  const found = findMethod(ctx.graph, cls, 'setup');
  if (!found) return undefined;
  const mod: PyModule = found.owner.module;
  const fn: SyntaxNode = found.node;
  const setup: SetupSignature = { isAsync: isAsyncFunction(fn), loc: locOf(fn.childForFieldName('name') ?? fn, mod.file) };
  const ret = fn.childForFieldName('return_type');
  if (ret && ret.text !== 'None') report(ctx, 'CM218', `setup() must return None, not ${ret.text}`, mod, ret);
  for (const p of parametersOf(ctx, mod, fn, 'setup').slice(1)) {
    if (p.name === 'weights') {
      setup.weightsParameter = { name: p.name, type: p.type ? typeReader(ctx, mod).read(p.type) : { kind: 'any' }, loc: locOf(p.nameNode, mod.file) };
    } else if (!p.value) {
      report(ctx, 'CM218', `setup() parameter \`${p.name}\` has no default, and Cog passes only \`weights\``, mod, p.nameNode);
    }
  }
  return setup;
}

/** ` (its classes: A, B, ...)`: what the file does define, to pick from when cog.yaml names another. */
function definedClasses(mod: { classes: ReadonlyMap<string, unknown> }): string {
  const names = [...mod.classes.keys()];
  if (names.length === 0) return '';
  const shown = names.slice(0, 8).join(', ');
  return ` (its classes: ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ''})`;
}
