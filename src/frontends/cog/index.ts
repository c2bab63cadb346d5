// The Cog frontend: cog.yaml + predictor source -> IR. Reads statically; never runs user code.

import { basename, dirname, join, resolve } from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { IR_VERSION, type CogIR } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { loadCogConfig } from './config/index.js';
import { extractPredictor } from './predictor/index.js';
import { readSafePush } from '../cog-safe-push/index.js';
import { pushAll } from '../../util/push-all.js';

export interface ReadResult {
  ir?: CogIR;
  findings: Finding[];
}

export function readCog(dir: string): ReadResult {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { findings: [finding('CM002', `${dir} is not a directory`)] };
  }
  if (!existsSync(resolve(root, 'cog.yaml'))) {
    const nearby = nearbyCogYamls(root);
    const hint = nearby.length > 0 ? `Did you mean ${nearby.map((p) => join(dir, p)).join(' or ')}? Point cog-migrate at the folder that holds cog.yaml.` : undefined;
    return { findings: [finding('CM001', `no cog.yaml in ${dir}`, { file: 'cog.yaml' }, hint ? { hint } : {})] };
  }
  const { config, findings } = loadCogConfig(root);
  if (!config) return { findings };
  const ir: CogIR = {
    irVersion: IR_VERSION,
    project: { name: projectName(root, config.runtime.image ?? config.runtime.model), root, configGeneration: config.configGeneration },
    build: config.build,
    runtime: config.runtime,
    predictors: {},
  };
  for (const ref of [config.predict, config.train]) {
    if (!ref) continue;
    const result = extractPredictor(root, ref);
    pushAll(findings, result.findings);
    if (result.predictor) ir.predictors[ref.role] = result.predictor;
  }
  const safePush = readSafePush(ir);
  pushAll(findings, safePush.findings);
  if (safePush.configs.length > 0) ir.safePush = safePush.configs;
  if (safePush.hardware) ir.runtime.hardware = safePush.hardware;
  return { ir, findings };
}

// Folder names that say where a project sits rather than what it is.
const GENERIC_FOLDERS = new Set(['input', 'src', 'source', 'code', 'cog', 'project', 'app', '.']);

/**
 * A lower-case, dash-separated name usable as an app name on every target: the last segment
 * of `image:`/`model:` (`r8.im/acme/grayscale` -> `grayscale`) when cog.yaml gives one, else the
 * folder's name, or its parent's when the folder has a generic name like `src` or `input`.
 */
export function projectName(root: string, image?: string): string {
  const fromImage = image?.split('/').pop()?.split(':')[0];
  let folder = basename(root);
  if (GENERIC_FOLDERS.has(folder.toLowerCase())) folder = basename(dirname(root));
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug(fromImage ?? '') || slug(folder) || 'model';
}

/** Folders one or two levels down that hold a cog.yaml (monorepos keep the model in `cog/`). */
function nearbyCogYamls(root: string): string[] {
  const found: string[] = [];
  const visit = (rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = rel ? `${rel}/${name}` : name;
      let isDir = false;
      try {
        isDir = statSync(join(root, child)).isDirectory();
      } catch {
        continue;
      }
      if (!isDir) continue;
      if (existsSync(join(root, child, 'cog.yaml'))) found.push(child);
      else if (depth < 2) visit(child, depth + 1);
      if (found.length >= 3) return;
    }
  };
  visit('', 1);
  return found;
}
