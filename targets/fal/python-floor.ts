// The Python of a fal app: fal 1.83.0 declares `Requires-Python: >=3.10` (its METADATA; a test reads
// it from the installed package). fal pickles the app locally and loads it in the image, so both
// interpreters must be one the SDK installs on. A project on an older python_version gets the
// oldest supported Python its pinned torch has wheels for (Cog's torch table), with a warning.

import type { CogIR } from '../../src/ir/types.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from '../../src/findings/finding.js';
import { TORCH_MATRIX } from '../../src/dockerfile/tables.js';

/** The oldest Python the pinned fal SDK supports (Requires-Python of fal 1.83.0). */
export const FAL_MIN_PYTHON = '3.10';

function minor(v: string): number {
  const m = /^3\.(\d+)/.exec(v);
  return m ? Number(m[1]) : NaN;
}

export function isBelowFalFloor(version: string): boolean {
  return minor(version) < minor(FAL_MIN_PYTHON);
}

/** Pythons Cog's torch table lists wheels for, for the project's exact `torch==X` pin. */
function torchPythons(ir: CogIR): { torch: string; pythons: string[] } | undefined {
  const pin = ir.build.pythonRequirements.find((r) => r.name === 'torch' && /^==\s*[0-9]/.test(r.specifier ?? ''));
  if (!pin) return undefined;
  const version = pin.specifier!.replace(/^==\s*/, '').replace(/\+.*$/, '');
  const rows = TORCH_MATRIX.filter((row) => row.Torch.replace(/\+.*$/, '') === version);
  if (rows.length === 0) return undefined;
  return { torch: version, pythons: [...new Set(rows.flatMap((r) => r.Pythons))].sort((a, b) => minor(a) - minor(b)) };
}

/** The Python the fal app and image use, and the finding that explains a change. */
export function falPython(ir: CogIR, requested: string | undefined, findings: Finding[]): string {
  const loc = { file: 'cog.yaml', line: ir.build.loc.line, column: ir.build.loc.column };
  if (requested !== undefined) {
    if (isBelowFalFloor(requested)) {
      findings.push(finding('CM451', `--python ${requested} is older than fal supports (Requires-Python >=${FAL_MIN_PYTHON}); fal run and fal deploy will not install there`, loc, { target: 'fal' }));
    }
    return requested;
  }
  const written = ir.build.pythonVersion;
  if (!isBelowFalFloor(written)) return written;
  const torch = torchPythons(ir);
  const supported = torch?.pythons.filter((p) => !isBelowFalFloor(p)) ?? [];
  const chosen = supported[0] ?? FAL_MIN_PYTHON;
  const why = torch && supported.length > 0 ? `; torch ${torch.torch} has wheels for Python ${chosen}` : '';
  findings.push(finding('CM450',
    `python_version "${written}" is older than fal supports (Requires-Python >=${FAL_MIN_PYTHON}): the image and your local interpreter use Python ${chosen}${why}`,
    loc, { target: 'fal' }));
  return chosen;
}
