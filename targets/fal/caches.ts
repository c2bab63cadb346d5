// Weight caches on fal's persistent /data. A runner's disk starts empty on every cold start, so a
// predictor whose libraries cache weights under the home folder, /tmp or the project folder
// downloads them again each time. app.py's setup() points the well-known cache variables at
// /data before it imports the predictor (libraries read them at import), unless the path cog.yaml
// names already holds files in the image (weights baked in, as `COPY . /src` does). The table is
// data/caches.json, with the reason for each variable.

import type { CogIR, SourceLocation } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import data from './data/caches.json' with { type: 'json' };
import { installedPackages } from './installed-packages.js';

export interface PersistentCache {
  variable: string;
  path: string;
}

interface CacheSpec { path: string; readBy: string[]; why: string }
const VARIABLES = data.variables as Record<string, CacheSpec>;

/** A path a new runner starts without: relative (the project folder), under /tmp, or the home cache. */
export function isThrowaway(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('$')) return false;
  if (!v.startsWith('/') && !v.startsWith('~')) return true;
  return /^(\/tmp|\/var\/tmp|\/root|~|\/src)(\/|$)/.test(v);
}

export function persistentCaches(ir: CogIR): { caches: PersistentCache[]; findings: Finding[] } {
  const caches: PersistentCache[] = [];
  const findings: Finding[] = [];
  const installed = installedPackages(ir);
  const add = (variable: string, reason: string, at: SourceLocation | undefined) => {
    const spec = VARIABLES[variable]!;
    caches.push({ variable, path: spec.path });
    findings.push(finding('CM455', `${variable} points at fal's persistent ${spec.path}: ${spec.why}; ${reason}`, at, { target: 'fal' }));
  };
  for (const [variable, spec] of Object.entries(VARIABLES)) {
    const set = ir.runtime.environment.find((e) => e.name === variable);
    if (set) {
      if (isThrowaway(set.value)) add(variable, `cog.yaml sets it to ${JSON.stringify(set.value)}, which a new runner starts without (kept when the image already has files there, other than the project folder itself)`, set.loc);
      continue;
    }
    const reader = installed.find((p) => spec.readBy.includes(p.name));
    if (reader) add(variable, `${reader.written} reads it, and a new runner starts with an empty home folder`, reader.loc);
  }
  return { caches, findings };
}
