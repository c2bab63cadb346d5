// The workers-ai target: a Cog project's IR -> Cloudflare, in one of two forms.
//   byo: Workers AI bring-your-own-model runs the Cog container on Cloudflare's GPUs. Output: the
//        Cog project (predictor unchanged, cog.yaml normalised by src/cogyaml) + worker/ calling it
//        through the AI binding. https://developers.cloudflare.com/workers-ai/
//   containers: Cloudflare Containers (CPU) run the cog debug image with Cog's server on port
//        5000. Output: Dockerfile + worker/ with a Container class (@cloudflare/containers).
//        https://developers.cloudflare.com/containers/
// The mode follows cog.yaml's gpu unless --mode overrides it.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { EmittedFile, Target, TargetResult } from '../../src/target/types.js';
import { finding } from '../../src/findings/finding.js';
import { normaliseCogYaml } from '../../src/cogyaml/index.js';
import { dockerfileFor, renderDockerfile } from '../../src/dockerfile/index.js';
import { toOpenApi } from '../../src/ir/openapi.js';
import { parseWorkersAiOptions, parseWorkersAiOptionsChecked, type WorkersAiMode, type WorkersAiOptions } from './options.js';
import { chooseInstanceType, instanceTypeNamed, INSTANCE_TYPES, type InstanceType } from './instance-types.js';
import { byoWorker } from './worker-byo.js';
import { containersWorker } from './worker-containers.js';
import { byoWrangler, containersWrangler, workerFiles, workerPackageJson } from './project-files.js';
import { CONTAINER_BINDING, containerClassName, workerName } from './names.js';
import { mappingRows, runtimeFindings } from './mapping.js';
import { byoGuide, containersGuide } from './guide.js';
import { hardwarePlan, instanceForHardware, type HardwarePlan } from './hardware.js';
import type { DeploySpec } from '../../src/model-tests/workflow.js';

export type { WorkersAiOptions, WorkersAiMode } from './options.js';
export { parseWorkersAiOptionsChecked } from './options.js';

const DOCS_URL = 'https://developers.cloudflare.com/workers-ai/';
const T = { target: 'workers-ai' };
const DEFAULT_SLEEP_AFTER = '10m';

/** Files that keep Docker from sending the Worker (and its node_modules) into the image. */
const DOCKERIGNORE = ['# The Worker is not part of the image (BuildKit reads this file for ./Dockerfile).', 'worker/', '**/node_modules', '.git', ''].join('\n');

function chooseMode(ir: CogIR, options: WorkersAiOptions, findings: Finding[], hardware: HardwarePlan | undefined): WorkersAiMode {
  if (hardware) findings.push(...hardware.findings);
  const mode = options.mode ?? hardware?.mode ?? (ir.build.gpu ? 'byo' : 'containers');
  const at = { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column };
  if (mode === 'containers' && ir.build.gpu) findings.push(finding('CM430', 'cog.yaml sets gpu: true, but Cloudflare Containers have no GPU', at, T));
  if (mode === 'byo' && !ir.build.gpu) findings.push(finding('CM431', `cog.yaml sets gpu: false; the model is sent to Workers AI bring-your-own-model ${options.mode ? 'as asked (--mode byo)' : 'because the machine it runs on has a GPU (CM481)'}`, at, T));
  return mode;
}

export function emitWorkersAi(ir: CogIR, options: WorkersAiOptions): TargetResult {
  const findings: Finding[] = [];
  const p = ir.predictors.predict;
  if (!p) {
    findings.push(finding('CM409', 'cog.yaml names no predictor, so there is no model for Cloudflare to serve', { file: 'cog.yaml' }, T));
    return { files: [], findings, mapping: [{ concept: 'Predictor', cog: 'no predict: entry', target: 'nothing emitted', status: 'manual', code: 'CM409' }], nextSteps: [] };
  }
  const hardware = hardwarePlan(ir);
  const mode = chooseMode(ir, options, findings, hardware);
  if (mode === 'containers' && ir.build.gpu) {
    return { files: [], findings, mapping: mappingRows(ir, mode, {}), nextSteps: [] };
  }
  const name = options.workerName ?? workerName(ir.project.name);
  const cogYaml = normaliseCogYaml(ir);
  findings.push(...cogYaml.findings.map((f) => ({ ...f, target: 'workers-ai' })));
  const files: EmittedFile[] = [...cogYaml.files];
  let extra: { instanceType?: string; maxInstances?: number } = {};

  if (mode === 'byo') {
    const modelName = options.modelName ?? name;
    findings.push(finding('CM432', 'Workers AI runs custom Cog models for enterprise accounts and design partners today; ask Cloudflare for access and a registry (MIGRATION.md)', undefined, T));
    if (options.modelName === undefined) findings.push(finding('CM436', `the Worker calls the model as ${JSON.stringify(modelName)} until you set MODEL_NAME to the name Cloudflare assigns`, { file: 'worker/src/index.ts' }, T));
    files.push(...workerFiles(byoWrangler(name), workerPackageJson(name, false), byoWorker(p, modelName)));
  } else {
    const instance = pickInstance(ir, options, findings);
    const maxInstances = options.maxInstances ?? ir.runtime.concurrency?.max ?? 1;
    findings.push(finding('CM435', `max_instances: ${maxInstances} (${options.maxInstances !== undefined ? 'set with --max-instances' : ir.runtime.concurrency?.max !== undefined ? `concurrency.max: ${ir.runtime.concurrency.max}` : 'no concurrency.max: one container'})`, ir.runtime.concurrency?.loc, T));
    const plan = dockerfileFor(ir, 'workers-ai');
    findings.push(...plan.findings);
    if (plan.pruned.instructions.length === 0) findings.push(finding('CM437', 'the Dockerfile stage returned no Dockerfile for the container', undefined, T));
    const className = containerClassName(ir.project.name);
    files.push(
      { path: 'Dockerfile', text: renderDockerfile(plan.pruned) },
      { path: 'Dockerfile.dockerignore', text: DOCKERIGNORE },
      // Cog's server validates inputs and serves GET /openapi.json from this file, which `cog build`
      // would write; with the values the model has at runtime where Cog's static generator reads
      // less (CM245/CM247), so requests are accepted as they were on Replicate.
      { path: '.cog/openapi_schema.json', text: JSON.stringify(toOpenApi(ir, { runtimeValues: true }), null, 2) + '\n' },
      ...workerFiles(
        containersWrangler({ name, className, binding: CONTAINER_BINDING, maxInstances, instanceType: instance }),
        workerPackageJson(name, true),
        containersWorker({ predictor: p, className, binding: CONTAINER_BINDING, maxInstances, sleepAfter: options.sleepAfter ?? DEFAULT_SLEEP_AFTER }),
      ),
    );
    extra = { instanceType: instance.name, maxInstances };
  }
  findings.push(...runtimeFindings(ir, mode));
  return {
    files,
    findings,
    mapping: mappingRows(ir, mode, extra),
    replaces: ['cog.yaml'],
    deploy: workersDeploySpec(mode === 'byo' ? `the Cog image is pushed to the registry Cloudflare gives you (cog push <registry>/${options.modelName ?? name}); this workflow deploys the Worker only` : undefined),
    guide: mode === 'byo' ? byoGuide(options.modelName ?? name, hardware?.gpuAsk) : containersGuide(),
    nextSteps: mode === 'byo'
      ? [
          { title: 'Build and push the Cog image to the registry Cloudflare gives you', command: `cog push <registry>/${options.modelName ?? name}` },
          { title: 'Install the Worker\'s tools', command: 'cd worker && npm install' },
          { title: 'Deploy the Worker', command: 'cd worker && npx wrangler deploy' },
        ]
      : [
          { title: 'Install the Worker\'s tools', command: 'cd worker && npm install' },
          { title: 'Try it locally (needs Docker)', command: 'cd worker && npx wrangler dev' },
          { title: 'Deploy (builds and pushes the image)', command: 'cd worker && npx wrangler deploy' },
        ],
  };
}

function pickInstance(ir: CogIR, options: WorkersAiOptions, findings: Finding[]): InstanceType {
  if (options.instanceType !== undefined) {
    const named = instanceTypeNamed(options.instanceType);
    if (named) {
      findings.push(finding('CM433', `instance_type ${named.name} (set with --instance-type)`, undefined, T));
      return named;
    }
    findings.push(finding('CM434', `--instance-type ${JSON.stringify(options.instanceType)} is not one of ${INSTANCE_TYPES.map((t) => t.name).join(', ')}`, undefined, T));
  }
  const choice = instanceForHardware(ir) ?? chooseInstanceType(ir);
  if (choice.mayNotFit) findings.push(finding('CM439', choice.mayNotFit, undefined, T));
  findings.push(finding('CM433', `instance_type ${choice.type.name} (${choice.type.vcpu} vCPU, ${choice.type.memoryMib} MiB): ${choice.reason}`, undefined, T));
  return choice.type;
}

export const workersAiTarget: Target<WorkersAiOptions> = {
  name: 'workers-ai',
  title: 'Cloudflare: Workers AI bring-your-own-model (GPU) or Cloudflare Containers (CPU), with a Worker',
  docsUrl: DOCS_URL,
  // Cog's own server loads the predictor: its imports are checked against the SDK release installed.
  cogModule: 'sdk',
  parseOptions: parseWorkersAiOptions,
  optionProblems: (raw) => parseWorkersAiOptionsChecked(raw).problems,
  variants: [
    { name: 'workers-ai-byo', options: { mode: 'byo' } },
    { name: 'workers-ai-containers', options: { mode: 'containers' } },
  ],
  emit: (ir, options) => emitWorkersAi(ir, options),
  // The Worker answers Cog's POST /predictions, so the cog-safe-push cases run against its URL,
  // as a vitest file (Cloudflare's tools are npm's): runtime/model_tests/vitest/.
  modelTests: {
    runner: 'vitest',
    testFile: 'vitest/model.test.ts',
    requirements: [],
    command: 'cd tests && npm install && WORKER_URL=<the URL wrangler deploy prints> npx vitest run',
    urlEnv: 'WORKER_URL',
  },
};

/**
 * CI: the Worker's own wrangler (pinned in worker/package.json) deploys it (Containers: it builds
 * and pushes the image with the runner's Docker), and the deploy log gives the URL the tests call.
 */
function workersDeploySpec(before: string | undefined): DeploySpec {
  return {
    platform: 'workers-ai',
    toolchain: { kind: 'node', version: '20' },
    install: 'cd worker && npm install',
    deploy: 'cd worker && npx wrangler deploy | tee ../wrangler-deploy.log',
    secrets: [
      { name: 'CLOUDFLARE_API_TOKEN', why: 'a Cloudflare API token allowed to edit Workers (and Containers)' },
      { name: 'CLOUDFLARE_ACCOUNT_ID', why: 'the Cloudflare account the Worker deploys to' },
    ],
    locate: { title: "Find the Worker's URL", run: 'echo "value=$(grep -o \'https://[^ ]*workers\\.dev\' wrangler-deploy.log | head -n 1)" >> "$GITHUB_OUTPUT"' },
    testEnv: [{ name: 'WORKER_URL', value: '${{ steps.locate.outputs.value }}' }],
    ...(before ? { before: [before] } : {}),
  };
}
