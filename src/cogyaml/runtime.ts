// The top-level runtime keys and predictor references of a normalised cog.yaml.

import type { CogIR, WeightsEntry } from '../ir/types.js';
import type { Finding } from '../findings/types.js';
import { finding } from '../findings/finding.js';
import { yamlScalar } from '../quote/index.js';

export function runtimeSections(ir: CogIR, findings: Finding[]): string[] {
  const { runtime } = ir;
  const out: string[] = [];
  if (runtime.image !== undefined) out.push(`image: ${yamlScalar(runtime.image)}`);
  if (runtime.model !== undefined) out.push(`model: ${yamlScalar(runtime.model)}`);
  const c = runtime.concurrency;
  if (c && (c.max !== undefined || c.defaultTarget !== undefined)) {
    out.push('concurrency:');
    if (c.max !== undefined) out.push(`  max: ${integer(c.max)}`);
    if (c.defaultTarget !== undefined) out.push(`  default_target: ${integer(c.defaultTarget)}`);
  }
  if (runtime.environment.length > 0) {
    out.push('environment:');
    for (const v of runtime.environment) out.push(`  - ${yamlScalar(`${v.name}=${v.value}`)}`);
  }
  if (runtime.weights.length > 0) out.push('weights:', ...weights(runtime.weights, findings));
  return out;
}

/** Entries sharing a name came from one multi-source item and go back into one. */
function weights(entries: WeightsEntry[], findings: Finding[]): string[] {
  const groups: WeightsEntry[][] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last && e.name !== undefined && last[0]!.name === e.name && last[0]!.target === e.target) last.push(e);
    else groups.push([e]);
  }
  const out: string[] = [];
  groups.forEach((group, i) => {
    const first = group[0]!;
    let name = first.name;
    if (name === undefined) {
      name = weightName(first.source, i);
      findings.push(finding('CM174', `weights item ${JSON.stringify(first.source)} has no name, which Cog requires since 0.20; it was named ${JSON.stringify(name)}`, first.loc));
    }
    out.push(`  - name: ${yamlScalar(name)}`);
    if (first.target !== undefined) out.push(`    target: ${yamlScalar(first.target)}`);
    out.push('    source:');
    for (const s of group) {
      out.push(`      - uri: ${yamlScalar(s.source)}`);
      if (s.include) out.push('        include:', ...s.include.map((p) => `          - ${yamlScalar(p)}`));
      if (s.exclude) out.push('        exclude:', ...s.exclude.map((p) => `          - ${yamlScalar(p)}`));
    }
  });
  return out;
}

/** A name Cog accepts (lower-case words joined by . _ -) derived from the source's last segment. */
function weightName(source: string, index: number): string {
  const base = source.split('/').filter(Boolean).pop() ?? '';
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || `weights-${index + 1}`;
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not a whole number: ${n}`);
  return String(n);
}

/** predict:/run: and train:, each a quoted "file.py:Name". The BaseRunner API keeps run:. */
export function predictorLines(ir: CogIR): string[] {
  const out: string[] = [];
  const { predict, train } = ir.predictors;
  if (predict) out.push(`${predict.kind === 'runner' ? 'run' : 'predict'}: ${yamlScalar(predict.ref)}`);
  if (train) out.push(`train: ${yamlScalar(train.ref)}`);
  return out;
}
