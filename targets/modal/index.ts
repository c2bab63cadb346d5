// The Modal target: a Cog project's IR -> modal_app.py (a modal.App whose @app.cls serves the
// unchanged predictor by method and by Cog's HTTP API), modal.Dockerfile, openapi.json, the `cog`
// compatibility package and cog_migrate_runtime. Modal docs followed:
//   https://modal.com/docs/guide/apps (App, @app.cls), https://modal.com/docs/guide/lifecycle-functions
//   (@modal.enter, snap=True), https://modal.com/docs/guide/webhooks (@modal.asgi_app),
//   https://modal.com/docs/guide/gpu (gpu strings), https://modal.com/docs/guide/concurrent-inputs
//   (@modal.concurrent), https://modal.com/docs/guide/images (from_dockerfile, add_local_dir),
//   https://modal.com/docs/guide/memory-snapshot, https://modal.com/docs/guide/volumes
// Checked against the modal SDK pinned in test/python-env/modal.txt.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { Target, TargetResult } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';
import { cogCompatFiles, runtimeFiles } from '../../src/runtime/index.js';
import { buildModalView, DOCKERFILE, OPENAPI_FILE } from './model.js';
import { modalFindings, modalMapping } from './mapping.js';
import { renderModalApp } from './render.js';
import { parseModalOptions, parseModalOptionsChecked, type ModalOptions } from './options.js';
import { pyStr } from '../../src/quote/index.js';
import { shellWord } from '../../src/dockerfile/quote.js';
import type { DeploySpec } from '../../src/model-tests/workflow.js';
import { exampleRequestInput, FILE_URL_PLACEHOLDER } from '../../src/target/example-request.js';

export type { ModalOptions } from './options.js';
export { parseModalOptionsChecked, gpuFor, MODAL_GPUS } from './options.js';

const DOCS_URL = 'https://modal.com/docs/guide/apps';

/** The pruned Dockerfile for Modal, or findings saying why there is none. */
export type ModalDockerfileProvider = (ir: CogIR) => { text?: string; findings: Finding[] };

const realDockerfile: ModalDockerfileProvider = (ir) => {
  try {
    const plan = dockerfileFor(ir, 'modal');
    return { text: renderDockerfile(plan.pruned), findings: plan.findings };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { findings: [finding('CM420', `the pruned Dockerfile for Modal could not be produced: ${detail}`, undefined, { target: 'modal' })] };
  }
};

export function emitModal(ir: CogIR, options: ModalOptions, deps: { dockerfile?: ModalDockerfileProvider } = {}): TargetResult {
  const findings: Finding[] = [];
  const predict = ir.predictors.predict;
  if (!predict) {
    findings.push(finding('CM409', 'cog.yaml names no predictor, so there is no Modal app to emit', { file: 'cog.yaml' }, { target: 'modal' }));
    return { files: [], findings, mapping: [{ concept: 'Predictor', cog: 'no predict: entry', target: 'nothing emitted', status: 'manual', code: 'CM409' }], nextSteps: [] };
  }
  const docker = (deps.dockerfile ?? realDockerfile)(ir);
  findings.push(...docker.findings);
  if (docker.text === undefined && !docker.findings.some((f) => f.code === 'CM420')) {
    findings.push(finding('CM420', 'the Dockerfile stage returned no pruned Dockerfile for Modal', undefined, { target: 'modal' }));
  }
  const view = buildModalView(ir, options, predict, docker.text !== undefined ? DOCKERFILE : undefined, findings);
  if (options.gpu && !ir.build.gpu) {
    findings.push(finding('CM429', `--gpu ${options.gpu.join(',')} for a project with gpu: false`, { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column }, { target: 'modal' }));
  }
  findings.push(...modalFindings(ir, view));
  const example = exampleRequestInput(ir);
  const fileNote = Object.values(example).includes(FILE_URL_PLACEHOLDER) ? ` (replace ${FILE_URL_PLACEHOLDER} with your file's URL)` : '';
  const files = [
    { path: 'modal_app.py', text: renderModalApp(view) },
    ...(docker.text !== undefined ? [{ path: DOCKERFILE, text: docker.text }] : []),
    // Requests are validated against it: the values the model has at runtime, also where Cog's
    // static generator reads less (CM245/CM247).
    { path: OPENAPI_FILE, text: `${JSON.stringify(toOpenApi(ir, { runtimeValues: true }), null, 2)}\n` },
    ...cogCompatFiles(),
    ...runtimeFiles(['service', 'http']),
  ];
  return {
    files,
    ...(docker.text !== undefined ? { shippedDockerfile: docker.text } : {}),
    findings,
    mapping: modalMapping(ir, view, findings),
    nextSteps: [
      { title: 'Log in to Modal (once)', command: 'modal setup' },
      { title: "Serve Cog's HTTP API on a temporary URL, reloading on edits", command: 'modal serve modal_app.py' },
      { title: `Run one prediction from the command line${fileNote}`, command: `modal run modal_app.py --input ${shellWord(JSON.stringify(example))}` },
      { title: 'Deploy it', command: 'modal deploy modal_app.py' },
      // -L: a request longer than 150 s gets Modal's 303 redirect to its result URL (modal.com/docs/guide/webhook-timeouts).
      { title: `Call it as a Cog model, URL being the web endpoint serve/deploy prints${fileNote}`, command: `curl -s -L -X POST -H 'Content-Type: application/json' -d ${shellWord(JSON.stringify({ input: example }))} "$URL/predictions"` },
    ],
    deploy: deploySpec(view.appName, view.className),
  };
}

/** The Modal CLI CI deploys with: the SDK modal_app.py is checked against (test/python-env/modal.txt). */
export const MODAL_CLI = 'modal==1.6.4';

/** CI: `modal deploy`, then the deployed class's web endpoint URL for the HTTP tests. */
function deploySpec(appName: string, className: string): DeploySpec {
  const locate = `import modal; print("value=" + modal.Cls.from_name(${pyStr(appName)}, ${pyStr(className)})().web.get_web_url())`;
  return {
    platform: 'modal',
    // The CLI only imports modal_app.py locally; the model runs on the image's own Python.
    toolchain: { kind: 'python', version: '3.12' },
    install: `pip install ${MODAL_CLI}`,
    deploy: 'modal deploy modal_app.py',
    secrets: [
      { name: 'MODAL_TOKEN_ID', why: 'the id of a Modal API token (modal token new, or the Modal dashboard)' },
      { name: 'MODAL_TOKEN_SECRET', why: "that token's secret" },
    ],
    locate: { title: "Find the web endpoint's URL", run: `python -c ${shellWord(locate)} >> "$GITHUB_OUTPUT"` },
    testEnv: [{ name: 'MODAL_APP_URL', value: '${{ steps.locate.outputs.value }}' }],
  };
}

export const modalTarget: Target<ModalOptions> = {
  name: 'modal',
  title: "modal: a modal.App class serving the Cog predictor and Cog's HTTP API (modal serve / modal deploy)",
  docsUrl: DOCS_URL,
  parseOptions: parseModalOptions,
  optionProblems: (raw) => parseModalOptionsChecked(raw).problems,
  emit: (ir, options) => emitModal(ir, options),
  // The web endpoint speaks Cog's HTTP API, so the model's cog-safe-push cases run over HTTP.
  modelTests: {
    testFile: 'test_cog_http.py',
    requirements: ['pytest>=8', 'jq>=1.6', 'pillow>=10'],
    command: 'pip install -r tests/requirements.txt && MODAL_APP_URL=<the web URL modal deploy prints> pytest tests/',
    urlEnv: 'MODAL_APP_URL',
  },
};
