// The Cog frontend: cog.yaml + predictor source -> IR. Reads statically; never runs user code.

import { basename, dirname, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { IR_VERSION, type CogIR } from '../../ir/types.js';
import type { Finding } from '../../findings/types.js';
import { finding } from '../../findings/finding.js';
import { loadCogConfig } from './config/index.js';
import { extractPredictor } from './predictor/index.js';

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
    return { findings: [finding('CM001', `no cog.yaml in ${dir}`, { file: 'cog.yaml' })] };
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
    findings.push(...result.findings);
    if (result.predictor) ir.predictors[ref.role] = result.predictor;
  }
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
