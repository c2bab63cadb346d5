// The fal target: a Cog project's IR -> app.py (a fal.App adapter around the unchanged predictor)
// plus the `cog` compatibility package. fal docs followed:
//   https://docs.fal.ai/documentation/development/endpoints-overview (App, setup, @fal.endpoint)
//   https://docs.fal.ai/documentation/development/streaming (Server-Sent Events on /stream)
//   https://docs.fal.ai/documentation/deployment/machine-types (machine_type)
// Checked against the fal SDK pinned in test/python-env/fal.txt.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { Target, TargetResult } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import { cogCompatFiles, runtimeFiles } from '../../src/runtime/index.js';
import { modelHardware } from '../../src/hardware/index.js';
import { pyLiteral, pyStr } from '../../src/quote/index.js';
import { DEFAULT_PROJECT_DIR, falImage, realDockerfileProvider, type DockerfileProvider } from './dockerfile.js';
import { appSlug, buildAppView, buildSecrets, className, type AppView } from './model.js';
import { mappingRows, runtimeFindings } from './mapping.js';
import { falRuntimeModules, renderApp } from './render.js';
import { falPython } from './python-floor.js';
import { withGpuLibraries } from './gpu-libraries.js';
import { unpinnedAfterTorch } from './torch-companions.js';
import { persistentCaches } from './caches.js';
import { lifecycleAttributes } from './lifecycle.js';
import { machineByNeed } from './machine.js';
import { withTrainApp } from './train-app.js';
import { falForm, RUNTIME_PROJECT_DIR } from './runtime-form.js';
import { appFilesIgnore } from './app-files.js';
import { renderDockerfile } from '../../src/dockerfile/index.js';
import { isGpuMachineType, isKnownMachineType, machineTypeFor, parseFalOptions, parseFalOptionsChecked, type FalOptions } from './options.js';

export type { FalOptions } from './options.js';
export { parseFalOptionsChecked, machineTypeFor } from './options.js';
export type { DockerfileProvider } from './dockerfile.js';

const DOCS_URL = 'https://docs.fal.ai/documentation/development/endpoints-overview';

function attributes(ir: CogIR, options: FalOptions, dockerfileText: string, findings: Finding[]): AppView['attributes'] {
  const out: AppView['attributes'] = [];
  const named = options.machineType === undefined ? modelHardware(ir) : undefined;
  const byNeed = options.machineType === undefined && !named && ir.build.gpu ? machineByNeed(ir, dockerfileText) : undefined;
  if (byNeed) {
    findings.push(finding('CM458', `machine_type ${byNeed.type}: ${byNeed.why}`, { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column }, { target: 'fal', ...(byNeed.cudaLimited ? { severity: 'warning' as const } : {}) }));
  }
  const machineType = options.machineType ?? named?.mapping.fal.machineType ?? byNeed?.type ?? machineTypeFor(ir.build.gpu);
  if (options.machineType !== undefined && !isKnownMachineType(machineType)) {
    findings.push(finding('CM411', `machine type ${JSON.stringify(machineType)} is not one fal documents`, undefined, { target: 'fal' }));
  }
  if (isGpuMachineType(machineType) !== ir.build.gpu) {
    findings.push(finding('CM412', `machine type ${machineType} for a project with gpu: ${ir.build.gpu}`, { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column }, { target: 'fal' }));
  }
  out.push({
    name: 'machine_type',
    code: pyStr(machineType),
    note: options.machineType !== undefined ? 'set with --machine-type' : named ? `${named.where} (docs/hardware.md); change with --machine-type` : byNeed ? 'by what the model declares (MIGRATION.md, CM458); change with --machine-type' : `cog.yaml gpu: ${ir.build.gpu ? 'true' : 'false'}; change with --machine-type`,
  });
  const int = (name: string, value: number | undefined, note?: string) => {
    if (value !== undefined) out.push({ name, code: pyLiteral(value), ...(note ? { note } : {}) });
  };
  int('num_gpus', options.numGpus ?? named?.mapping.fal.numGpus);
  int('min_concurrency', options.minConcurrency);
  int('max_concurrency', options.maxConcurrency);
  const concurrency = ir.runtime.concurrency;
  if (concurrency?.max !== undefined) {
    int('max_multiplexing', concurrency.max, 'cog.yaml concurrency.max: requests served at once by one runner');
    const p = ir.predictors.predict;
    if (concurrency.max > 1 && p && !p.isAsync) {
      findings.push(finding('CM413', `concurrency.max: ${concurrency.max} with a synchronous ${p.ref}`, concurrency.loc, { target: 'fal' }));
    }
  }
  out.push(...lifecycleAttributes(ir, options, findings));
  return out;
}

/** emit with an injectable Dockerfile stage (tests, and the verify stage's offline runs). */
export function emitFal(written: CogIR, options: FalOptions, deps: { dockerfile?: DockerfileProvider } = {}): TargetResult {
  const findings: Finding[] = [];
  // The image and the app take the Python fal supports; everything else reads the IR as written.
  const python = written.predictors.predict ? falPython(written, options.python, findings) : written.build.pythonVersion;
  const ir: CogIR = python === written.build.pythonVersion ? written : { ...written, build: { ...written.build, pythonVersion: python } };
  const name = className(ir.project.name);
  if (!ir.predictors.predict) {
    findings.push(finding('CM409', 'cog.yaml names no predictor, so there is no fal app to emit', { file: 'cog.yaml' }, { target: 'fal' }));
    return { files: [], findings, mapping: [{ concept: 'Predictor', cog: 'no predict: entry', target: 'nothing emitted', status: 'manual', code: 'CM409' }], nextSteps: [] };
  }
  const docker = (deps.dockerfile ?? realDockerfileProvider)(ir);
  const gpuLibraries = docker.dockerfile ? withGpuLibraries(ir, docker.dockerfile) : undefined;
  const form = falForm(ir, {
    forced: options.container === true,
    gpuLibraries: gpuLibraries !== undefined && (gpuLibraries.dockerfile !== docker.dockerfile || gpuLibraries.findings.length > 0),
    dockerFindings: docker.findings,
  });
  if (form.kind === 'runtime') {
    // No Dockerfile is emitted, so what the Dockerfile stage says about one does not apply.
    findings.push(finding('CM462', `the build is pip packages only: app.py declares requirements (${form.requirements.length}) and app_files for fal's managed environment, no container`, { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column }, { target: 'fal' }));
  } else {
    findings.push(...docker.findings);
    if (!docker.dockerfile && !docker.findings.some((f) => f.code === 'CM414')) {
      findings.push(finding('CM414', 'the Dockerfile stage returned no pruned Dockerfile for fal', undefined, { target: 'fal' }));
    }
    findings.push(...(gpuLibraries?.findings ?? []));
  }
  findings.push(...unpinnedAfterTorch(ir));
  // The image --container ships; the fal Runtime form ships none, and MIGRATION.md shows this one as its alternative.
  const containerImage = gpuLibraries ? falImage(gpuLibraries.dockerfile) : undefined;
  const image = form.kind === 'container' ? containerImage : undefined;
  const caches = persistentCaches(ir);
  findings.push(...caches.findings);
  const upload = form.kind === 'runtime' ? appFilesIgnore(ir) : undefined;
  findings.push(...(upload?.findings ?? []));
  const whole = buildAppView({
    ir,
    className: name,
    appName: options.appName ?? appSlug(ir.project.name),
    attributes: attributes(ir, options, gpuLibraries ? renderDockerfile(gpuLibraries.dockerfile) : '', findings),
    ...(image ? { dockerfile: image.text } : {}),
    ...(form.kind === 'runtime' ? { requirements: form.requirements, appFilesIgnore: upload?.entries ?? [] } : {}),
    projectDir: form.kind === 'runtime' ? RUNTIME_PROJECT_DIR : image?.projectDir ?? DEFAULT_PROJECT_DIR,
    ...(options.billableMetric !== undefined ? { billableMetric: options.billableMetric } : {}),
    persistentCaches: caches.caches,
  }, findings);
  const view = withTrainApp(ir, whole, options, findings);
  const trainApp = view.apps[1];
  const secretsPassed = docker.dockerfile && form.kind === 'container'
    ? buildSecrets(ir).map((s) => finding('CM452', `build secret ${JSON.stringify(s.id)} is passed to fal's image build from the environment variable ${s.env} when you run fal deploy`, { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column }, { target: 'fal' }))
    : [];
  // With its own app, training no longer shares the prediction app (CM406 says it does); secrets
  // app.py passes to the build (CM452) need nothing by hand (CM407 says they do).
  findings.push(...runtimeFindings(ir, options.billableMetric).filter((f) => !(trainApp && f.code === 'CM406') && !(secretsPassed.length > 0 && f.code === 'CM407')));
  findings.push(...secretsPassed);
  const files = [{ path: 'app.py', text: renderApp(view) }, ...cogCompatFiles(), ...runtimeFiles(falRuntimeModules(view))];
  return {
    files,
    ...(containerImage ? { shippedDockerfile: containerImage.text } : {}),
    findings,
    mapping: mappingRows(ir, view, findings),
    ...(form.kind === 'runtime' ? { guide: [RUNTIME_FORM_GUIDE] } : {}),
    nextSteps: [
      { title: 'Log in to fal (once)', command: 'fal auth login' },
      { title: 'Serve the app on a temporary URL and try it', command: `fal run app.py::${name}` },
      { title: 'Deploy it', command: `fal deploy app.py::${name}` },
      ...(trainApp ? [{ title: 'Deploy the training app', command: `fal deploy app.py::${trainApp.className}` }] : []),
    ],
    deploy: {
      platform: 'fal',
      toolchain: { kind: 'python', version: python },
      install: `pip install ${FAL_CLI}`,
      deploy: `fal deploy app.py::${name}`,
      secrets: [{ name: 'FAL_KEY', why: 'a fal API key (fal dashboard, Keys); fal deploy and the tests authenticate with it', tests: true }],
      testEnv: [{ name: 'FAL_APP_ID', value: '${{ vars.FAL_APP_ID }}', comment: `the deployed app, <your-fal-user>/${view.appName} (fal deploy prints it)` }],
    },
  };
}

/** MIGRATION.md's note for the fal Runtime form: its Dockerfile section shows the image
 * `--container` would ship, not one this app uses. */
const RUNTIME_FORM_GUIDE = {
  title: "fal's managed environment",
  markdown: [
    'The build is pip packages only, so app.py declares `requirements` and `app_files` and fal builds the',
    'environment itself (CM462; docs/targets/fal.md, "Runtime or container"). No Dockerfile is shipped: the',
    'Dockerfile section below is the image `--container` would use instead.',
  ].join('\n'),
};

/** The fal CLI CI deploys with: the SDK the emitted app is checked against (test/python-env/fal.txt). */
export const FAL_CLI = 'fal==1.83.0';

export const falTarget: Target<FalOptions> = {
  name: 'fal',
  title: 'fal: a fal.App serving the Cog predictor (fal run / fal deploy)',
  docsUrl: DOCS_URL,
  parseOptions: parseFalOptions,
  optionProblems: (raw) => parseFalOptionsChecked(raw).problems,
  emit: (ir, options) => emitFal(ir, options),
  modelTests: {
    testFile: 'test_fal.py',
    requirements: ['pytest>=8', 'fal-client>=1.0', 'jq>=1.6', 'pillow>=10'],
    command: 'pip install -r tests/requirements.txt && FAL_APP_ID=<your-fal-user>/<app> pytest tests/',
  },
};
