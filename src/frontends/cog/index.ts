// The Cog frontend: cog.yaml + predictor source -> IR. Reads statically; never runs user code.
// A multi-model project is read as one of its variants when asked (./variant.ts).

import { join, resolve } from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { finding } from '../../findings/finding.js';
import { readSelectScript } from '../select-model/script.js';
import { selectNotes } from '../select-model/notes.js';
import { readProjectFrom, type ReadResult } from './project.js';
import { readVariant } from './variant.js';

export type { ReadResult } from './project.js';
export { projectName } from './name.js';

export interface ReadOptions {
  /**
   * One variant of a multi-model project: one its select script can make live
   * (script/select-model), or one cog-safe-push-configs/<variant>.yaml. Read as that model alone.
   */
  variant?: string;
}

export function readCog(dir: string, options: ReadOptions = {}): ReadResult {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return { findings: [finding('CM002', `${dir} is not a directory`)] };
  }
  const select = readSelectScript(root);
  if (options.variant !== undefined) return readVariant(root, options.variant, select);
  const hasCogYaml = existsSync(resolve(root, 'cog.yaml'));
  const notes = selectNotes(select, hasCogYaml);
  if (!hasCogYaml) {
    const nearby = notes.length > 0 ? [] : nearbyCogYamls(root);
    const hint = notes.length > 0 && select && 'plan' in select
      ? `${select.plan.script} makes cog.yaml for one variant at a time: convert one with --variant NAME (${select.plan.variants.slice(0, 5).join(', ')}${select.plan.variants.length > 5 ? ', ...' : ''}), or every variant with cog-migrate batch.`
      : nearby.length > 0 ? `Did you mean ${nearby.map((p) => join(dir, p)).join(' or ')}? Point cog-migrate at the folder that holds cog.yaml.` : undefined;
    return { findings: [finding('CM001', `no cog.yaml in ${dir}`, { file: 'cog.yaml' }, hint ? { hint } : {}), ...notes] };
  }
  const read = readProjectFrom(root);
  return { ...read, findings: [...notes, ...read.findings] };
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
