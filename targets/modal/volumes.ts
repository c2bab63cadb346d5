// The documented rule for weights caches (docs/targets/modal.md): a predictor whose code downloads
// from the Hugging Face Hub (read statically: IR predictors.*.huggingFace) gets a modal.Volume
// where the downloads land, so setup() downloads once instead of on every cold start. Where they
// land: the call's cache_dir=, else HF_HOME and friends as the code or cog.yaml sets them, else
// the default cache of root's home. A relative folder is inside the project (/src): the Volume is
// mounted there and the local copy of that folder is not uploaded with the project. A predictor
// that only loads from its own folders gets no Volume, whatever its requirements install: the
// folder goes up with the project, and a finding says when the project lacks it (a script made it
// before `cog build`) or when setup() downloads into it (an empty Volume mounted there would make
// an exists-check skip that download, so that Volume is left to the user, filled first).
// cog.yaml `weights:` with a target path get a Volume at that path, filled by hand (`modal volume put`).

import { posix } from 'node:path';
import type { CogIR, SourceLocation } from '../../src/ir/types.js';
import { pyStr } from '../../src/quote/index.js';

export interface VolumeView {
  /** Python variable in modal_app.py. */
  variable: string;
  /** Volume name on Modal. */
  name: string;
  path: string;
  /** Why, for the report. */
  reason: string;
  /** `modal.Volume.from_name(...)` */
  code: string;
  /** The project-relative folder the Volume replaces (a relative cache dir): left out of the upload. */
  projectFolder?: string;
  /** Where the code (or cog.yaml) says so. */
  loc?: SourceLocation;
}

/** Where huggingface_hub caches without HF_HOME: root's home in Modal's containers. */
export const DEFAULT_HF_CACHE = '/root/.cache/huggingface';
/** Variables that move the Hub cache, most specific first (each names a folder the downloads go under). */
const HF_VARIABLES = ['HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE', 'TRANSFORMERS_CACHE', 'HF_HOME'];
/** Paths modal.Volume cannot be mounted at (modal/_utils/mount_utils.py validate_mount_points), and the project folder itself. */
const UNMOUNTABLE = new Set(['/', '/root', '/tmp', '/src']);

/** The container path a cache folder as written means: relative to the working directory /src, `~` is /root. */
export function containerPath(written: string, projectDir: string): string {
  const v = written.trim();
  if (v.startsWith('~')) return posix.normalize(`/root${v.slice(1)}`).replace(/\/$/, '') || '/';
  if (v.startsWith('/')) return posix.normalize(v).replace(/(.)\/$/, '$1');
  return posix.normalize(`${projectDir}/${v}`).replace(/(.)\/$/, '$1');
}

interface CacheDir { path: string; why: string; loc?: SourceLocation }

/** The folders Hub downloads land in, one entry per distinct container path. */
function hubCacheDirs(ir: CogIR, projectDir: string): CacheDir[] {
  const uses = [ir.predictors.predict, ir.predictors.train].flatMap((p) => (p?.huggingFace ? [p.huggingFace] : []));
  const downloads = uses.flatMap((u) => u.downloads);
  if (downloads.length === 0) return [];
  const out: CacheDir[] = [];
  const add = (d: CacheDir) => { if (!out.some((o) => o.path === d.path)) out.push(d); };
  for (const d of downloads) {
    if (d.cacheDir !== undefined) add({ path: containerPath(d.cacheDir, projectDir), why: `cache_dir ${JSON.stringify(d.cacheDir)}`, loc: d.loc });
  }
  if (downloads.some((d) => d.cacheDir === undefined)) {
    const inCode = HF_VARIABLES.map((name) => uses.flatMap((u) => u.cacheVariables).find((v) => v.name === name)).find((v) => v !== undefined);
    const inYaml = HF_VARIABLES.map((name) => ir.runtime.environment.find((e) => e.name === name)).find((e) => e !== undefined && !e.value.includes('$'));
    if (inCode) add({ path: containerPath(inCode.path, projectDir), why: `${inCode.name} ${JSON.stringify(inCode.path)} set in the code`, loc: inCode.loc });
    else if (inYaml) add({ path: containerPath(inYaml.value, projectDir), why: `${inYaml.name} ${JSON.stringify(inYaml.value)} in cog.yaml`, loc: inYaml.loc });
    else add({ path: DEFAULT_HF_CACHE, why: 'the Hugging Face Hub cache', loc: downloads.find((d) => d.cacheDir === undefined)!.loc });
  }
  return out;
}

/** A folder of the project the predictor loads weights from, and what becomes of it on Modal. */
export interface ProjectWeightsFolder {
  /** Project-relative. */
  folder: string;
  /**
   * `upload`: the project holds it, so it goes up with the project; `downloaded`: setup() fills
   * it when it is missing, on every cold start; `missing`: neither.
   */
  fate: 'upload' | 'downloaded' | 'missing';
  written: string;
  loc: SourceLocation;
}

/**
 * The project folders the predictor loads from (relative, or under /src), other than those a
 * cog.yaml weights Volume already holds.
 */
export function projectWeightsFolders(ir: CogIR, projectDir: string): ProjectWeightsFolder[] {
  const out: ProjectWeightsFolder[] = [];
  const weightTargets = ir.runtime.weights.flatMap((w) => (w.target?.startsWith('/') ? [containerPath(w.target, projectDir)] : []));
  for (const p of [ir.predictors.predict, ir.predictors.train]) {
    for (const f of p?.huggingFace?.projectFolders ?? []) {
      const path = containerPath(f.path, projectDir);
      if (!path.startsWith(`${projectDir}/`)) continue;
      if (weightTargets.some((t) => path === t || path.startsWith(`${t}/`))) continue;
      const folder = path.slice(projectDir.length + 1);
      if (out.some((o) => o.folder === folder)) continue;
      out.push({ folder, fate: f.exists ? 'upload' : f.filledBySetup ? 'downloaded' : 'missing', written: f.path, loc: f.loc });
    }
  }
  return out;
}

/** Cache folders the rule would mount but Modal cannot (/, /root, /tmp, the project folder itself). */
export function unmountableCaches(ir: CogIR, projectDir: string): { path: string; why: string; loc?: SourceLocation }[] {
  return hubCacheDirs(ir, projectDir).filter((d) => UNMOUNTABLE.has(d.path));
}

export function volumesFor(ir: CogIR, appName: string, projectDir: string): VolumeView[] {
  const out: VolumeView[] = [];
  hubCacheDirs(ir, projectDir).filter((d) => !UNMOUNTABLE.has(d.path)).forEach((d, i) => {
    const name = `${appName}-hf-cache${i === 0 ? '' : `-${i + 1}`}`;
    const inProject = d.path.startsWith(`${projectDir}/`) ? d.path.slice(projectDir.length + 1) : undefined;
    out.push({
      variable: i === 0 ? 'hf_cache' : `hf_cache_${i + 1}`,
      name,
      path: d.path,
      reason: `setup() downloads from the Hugging Face Hub into ${d.path} (${d.why}); a Volume keeps the files across cold starts${inProject ? `, and the project's own ${inProject} folder is not uploaded` : ''}`,
      code: `modal.Volume.from_name(${pyStr(name)}, create_if_missing=True)`,
      ...(inProject ? { projectFolder: inProject } : {}),
      ...(d.loc ? { loc: d.loc } : {}),
    });
  });
  ir.runtime.weights.forEach((w, i) => {
    if (!w.target || !w.target.startsWith('/')) return;
    const name = `${appName}-weights-${i + 1}`;
    out.push({
      variable: `weights_${i + 1}`,
      name,
      path: w.target,
      reason: `cog.yaml weights ${w.source} were placed at ${w.target} by Cog; fill this Volume once with \`modal volume put ${name} <files> /\``,
      code: `modal.Volume.from_name(${pyStr(name)}, create_if_missing=True)`,
      loc: w.loc,
    });
  });
  return out;
}
