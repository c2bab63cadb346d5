// The Cog target: any IR -> a Cog project (https://cog.run/yaml, https://cog.run/python).
// A Cog project's IR gives its cog.yaml back in current keys (src/cogyaml), the predictor files
// carried unchanged: the round-trip material. An app read from fal or Modal also gets predict.py,
// a Predictor declaring the app's inputs with Input(...) and calling its endpoint unchanged, and
// the stand-in package for the platform's names (runtime/platform_shims).

import type { CogIR, PlatformEntry, Predictor } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { EmittedFile, Target, TargetResult } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';
import { buildPredictView, moduleName } from './predictor.js';
import { renderPredict } from './render.js';
import { platformShimFiles, runtimeFiles } from '../../src/runtime/index.js';
import { mappingRows } from './mapping.js';

export type CogOptions = Record<string, never>;

const DOCS_URL = 'https://cog.run/yaml';

type PlatformPredictor = Predictor & { app: PlatformEntry };

const isPlatform = (p: Predictor | undefined): p is PlatformPredictor => p?.app !== undefined;

/** predict.py unless the app's folder has a module of that name (the round trip's own predict.py). */
function predictFile(p: PlatformPredictor): string {
  for (const name of ['predict', 'cog_predict', 'cog_predictor']) {
    if (!p.app.projectModules.includes(name) && p.file !== `${name}.py`) return `${name}.py`;
  }
  return 'cog_migrate_predict.py';
}

/**
 * The stand-in `fal` package (runtime/platform_shims/fal) is written on pydantic, and so is every
 * fal app (its inputs and outputs are BaseModels). fal installs pydantic into its own images, so
 * the fal frontend leaves it out of the app's packages; Cog 0.19 and newer no longer bring it, so
 * a Cog project made from a fal app declares it. The floor is the pinned fal's own
 * (src/dockerfile/data/target-needs.json).
 */
const FAL_APP_PYDANTIC = 'pydantic>=2.5';

/** The app's build with the packages its Cog image needs beside the app's own. */
function withShimPackages(ir: CogIR, p: PlatformPredictor, findings: Finding[]): CogIR['build'] {
  const build = ir.build;
  // A requirements file the app's project has is carried unchanged; only declared lists are extended.
  const declared = build.requirementsSource === 'app' || build.requirementsSource === 'none';
  if (p.app.platform !== 'fal' || !declared || build.pythonRequirements.some((r) => r.name === 'pydantic')) return build;
  const loc = p.loc;
  findings.push(finding('CM443', `${FAL_APP_PYDANTIC} is added to the requirements: the fal app and the stand-in fal package import pydantic, which fal's images provide and Cog's do not`, loc, { target: 'cog' }));
  return {
    ...build,
    requirementsSource: build.requirementsSource === 'none' ? 'app' : build.requirementsSource,
    pythonRequirements: [...build.pythonRequirements, { raw: FAL_APP_PYDANTIC, kind: 'package', name: 'pydantic', specifier: '>=2.5', loc }],
  };
}

const SHADOWS_SDK = 'a local `cog` package would shadow the Cog SDK that Cog installs';

/** Files of the folder read that a Cog project must not carry, each with its reason. */
function leftOut(ir: CogIR, fromApp: boolean): { path: string; reason: string }[] {
  const wrapper = ir.project.wrapper;
  if (wrapper) {
    return wrapper.files.map((path) => ({
      path,
      reason: path === 'cog/' ? SHADOWS_SDK : `it is cog-migrate's ${wrapper.platform} wrapper of the predictor, and Cog serves the predictor itself`,
    }));
  }
  return fromApp ? [{ path: 'cog/', reason: SHADOWS_SDK }] : [];
}

export function emitCog(ir: CogIR): TargetResult {
  const findings: Finding[] = [];
  const predict = ir.predictors.predict;
  if (!predict) {
    findings.push(finding('CM440', 'the project names no predictor, so there is no Cog predictor to emit', { file: 'cog.yaml' }, { target: 'cog' }));
    return { files: [], findings, mapping: [], nextSteps: [] };
  }
  const files: EmittedFile[] = [];
  let yamlIr = ir;
  if (isPlatform(predict)) {
    const file = predictFile(predict);
    if (file !== 'predict.py') findings.push(finding('CM441', `the app's folder already has a predict module, so the Cog predictor is ${file}`, { file: predict.file }, { target: 'cog' }));
    const train = ir.predictors.train;
    yamlIr = {
      ...ir,
      build: withShimPackages(ir, predict, findings),
      predictors: {
        predict: { ...predict, ref: `${file}:Predictor` },
        ...(train ? { train: { ...train, ref: `${file}:train` } } : {}),
      },
    };
    files.push({ path: file, text: renderPredict(buildPredictView(ir, predict)) });
    files.push(...platformShimFiles(predict.app.platform));
    if (!moduleName(predict.file)) files.push(...runtimeFiles(['loading']));
  }
  const yaml = normaliseCogYaml(yamlIr);
  findings.push(...yaml.findings);
  files.unshift(...yaml.files);
  return {
    files,
    findings,
    mapping: mappingRows(ir),
    // A converted app may carry the `cog` compatibility package another target shipped; in a
    // Cog image it would shadow the real SDK. A Cog project's own predictor never needs one.
    leaveOut: leftOut(ir, isPlatform(predict)),
    nextSteps: [
      { title: 'Check the schema Cog serves', command: 'cog predict --help  # or: cog-migrate inspect . --openapi' },
      { title: 'Build the image', command: 'cog build' },
      { title: 'Run one prediction', command: 'cog predict -i <input>=<value>' },
      { title: 'Push it to Replicate', command: 'cog push r8.im/<owner>/<model>' },
    ],
  };
}

export const cogTarget: Target<CogOptions> = {
  name: 'cog',
  title: 'cog: a Cog project (cog.yaml in current keys; fal/Modal apps get a Predictor calling them)',
  docsUrl: DOCS_URL,
  // Cog's own server loads the predictor: its imports are checked against the SDK release installed.
  cogModule: 'sdk',
  parseOptions: () => ({}),
  emit: (ir) => emitCog(ir),
};
