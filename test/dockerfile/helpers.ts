// Builds IRs by hand for the Dockerfile tests: a tiny reading of the cog.yaml keys the Dockerfile
// stage consumes, so these tests do not depend on the real cog.yaml loader.
import { parse } from 'yaml';
import { IR_VERSION, type CogIR, type PythonRequirement, type SourceLocation } from '../../src/ir/types.js';

const at = (line = 1): SourceLocation => ({ file: 'cog.yaml', line, column: 1 });

type Y = Record<string, unknown>;

export function irFromCogYaml(text: string, requirementsFile?: string): CogIR {
  const doc = (parse(text) ?? {}) as Y;
  const b = (doc.build ?? {}) as Y;
  const reqLine = (raw: string, i: number): PythonRequirement => ({ raw, kind: raw.startsWith('-') ? 'option' : 'package', loc: at(10 + i) });
  const packages = (b.python_packages as string[] | undefined) ?? [];
  const reqLines = requirementsFile !== undefined
    ? requirementsFile.split('\n').map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter(Boolean)
    : packages;
  const run = ((b.run as unknown[] | undefined) ?? []).map((r, i) =>
    typeof r === 'string'
      ? { command: r, mounts: [], loc: at(20 + i) }
      : { command: String((r as Y).command), mounts: (((r as Y).mounts as Y[] | undefined) ?? []).map((m) => ({ type: 'secret' as const, id: String(m.id), target: String(m.target) })), loc: at(20 + i) });
  const env = ((doc.environment as string[] | undefined) ?? []).map((e, i) => {
    const k = e.indexOf('=');
    return { name: e.slice(0, k), value: e.slice(k + 1), loc: at(40 + i) };
  });
  const ir: CogIR = {
    irVersion: IR_VERSION,
    project: { name: 'test', root: '/tmp/test', configGeneration: 'current' },
    build: {
      gpu: b.gpu === true,
      pythonVersion: String(b.python_version ?? '3.13'),
      pythonVersionExplicit: b.python_version !== undefined,
      systemPackages: ((b.system_packages as string[] | undefined) ?? []).map((name, i) => ({ name, loc: at(30 + i) })),
      requirementsSource: requirementsFile !== undefined ? 'python_requirements' : packages.length ? 'python_packages' : 'none',
      pythonRequirements: reqLines.map(reqLine),
      run,
      preInstall: ((b.pre_install as string[] | undefined) ?? []).map((command, i) => ({ command, mounts: [], loc: at(50 + i) })),
      loc: at(2),
    },
    runtime: { environment: env, weights: [] },
    predictors: {},
  };
  if (b.cuda !== undefined) ir.build.cuda = String(b.cuda);
  if (b.cudnn !== undefined) ir.build.cudnn = String(b.cudnn);
  if (b.sdk_version !== undefined) ir.build.sdkVersion = String(b.sdk_version);
  if (requirementsFile !== undefined) ir.build.requirementsFile = String(b.python_requirements);
  const conc = doc.concurrency as Y | undefined;
  if (conc?.max !== undefined) ir.runtime.concurrency = { max: Number(conc.max), loc: at(60) };
  for (const role of ['predict', 'train'] as const) {
    const ref = doc[role];
    if (typeof ref !== 'string') continue;
    const [file = '', name = ''] = ref.split(':');
    ir.predictors[role] = { role, ref, file, name, kind: 'class', isAsync: false, inputs: [], output: { kind: 'any' }, localImports: [], runtimeApis: [], loc: at(70) };
  }
  return ir;
}
