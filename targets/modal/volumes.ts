// The documented rule for weights caches (docs/targets/modal.md): a model whose requirements
// download weights through a library with a known cache folder gets a modal.Volume mounted there,
// so setup() downloads once instead of on every cold start. cog.yaml `weights:` with a target
// path get a Volume at that path, to be filled by hand (`modal volume put`).

import type { CogIR } from '../../src/ir/types.js';
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
}

/** Libraries that download weights in setup() and where they cache them (root's home in Modal). */
const CACHES: { packages: string[]; path: string; what: string }[] = [
  { packages: ['transformers', 'diffusers', 'huggingface-hub', 'huggingface_hub', 'sentence-transformers', 'accelerate', 'peft'], path: '/root/.cache/huggingface', what: 'the Hugging Face Hub cache' },
];

export function volumesFor(ir: CogIR, appName: string): VolumeView[] {
  const names = new Set(ir.build.pythonRequirements.map((r) => r.name?.toLowerCase()).filter((n): n is string => !!n));
  const out: VolumeView[] = [];
  CACHES.forEach((c) => {
    const hit = c.packages.find((p) => names.has(p));
    if (!hit) return;
    const name = `${appName}-hf-cache`;
    out.push({
      variable: 'hf_cache',
      name,
      path: c.path,
      reason: `${hit} downloads weights into ${c.what} (${c.path}) when setup() first runs; a Volume keeps them across cold starts`,
      code: `modal.Volume.from_name(${pyStr(name)}, create_if_missing=True)`,
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
    });
  });
  return out;
}
