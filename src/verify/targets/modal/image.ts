// The image a Modal output's modal_app.py describes, as one Dockerfile the local engine can build.
// modal_app.py is read with Python's parser (never executed): the `image = (...)` chain of
// `modal.Image` calls, with literal arguments only. Each call becomes the layer Modal's own image
// builder writes for it (modal/_image.py of the pinned client), except where Modal copies a binary
// out of a registry image (uv from ghcr.io/astral-sh/uv): a pull is never made here, so uv comes
// from PyPI. `add_local_dir` is a mount at container start in Modal, not a layer: the smoke run
// puts the folder there itself. Then the Modal client, which Modal's runtime provides in every
// container, is installed for the smoke run (src/verify/targets/modal/modal-client.txt).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../findings/types.js';
import { finding } from '../../../findings/finding.js';
import { verifyAsset } from '../../assets.js';

/** uv from PyPI where Modal copies `/uv` out of `ghcr.io/astral-sh/uv:latest`. */
export const UV_SPEC = 'uv==0.13.8';

/** One call of the chain, as the reader returns it. */
export type ImageStep =
  | { call: 'from_dockerfile'; path: string; line: number }
  | { call: 'debian_slim'; python?: string; line: number }
  | { call: 'uv_pip_install' | 'pip_install' | 'apt_install'; packages: string[]; line: number }
  | { call: 'run_commands'; commands: string[]; line: number }
  | { call: 'env'; vars: Record<string, string>; line: number }
  | { call: 'add_local_dir'; remote: string; line: number }
  | { call: 'unsupported'; name: string; why: string; line: number };

const READ_CHAIN = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1], 'rb').read())
chain = None
for node in tree.body:
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == 'image' for t in node.targets):
        chain = node.value
if chain is None:
    json.dump(None, sys.stdout); sys.exit(0)
calls = []
node = chain
while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
    calls.append(node)
    node = node.func.value
calls.reverse()
consts = {}
for node in tree.body:
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        try:
            consts[node.targets[0].id] = ast.literal_eval(node.value)
        except ValueError:
            pass
def lit(v):
    if isinstance(v, ast.BinOp) and isinstance(v.op, ast.Div) and isinstance(v.left, ast.Name) and v.left.id == 'HERE':
        return lit(v.right)
    if isinstance(v, ast.Name) and v.id in consts:
        return consts[v.id]
    return ast.literal_eval(v)
def strings(args):
    out = []
    for a in args:
        v = lit(a)
        out.extend(v if isinstance(v, list) else [v])
    if not all(isinstance(s, str) for s in out):
        raise ValueError('not a string')
    return out
steps = []
for c in calls:
    name, kw = c.func.attr, {k.arg: k.value for k in c.keywords}
    try:
        if name == 'from_dockerfile':
            ctx = kw.get('context_dir')
            if not (isinstance(ctx, ast.Name) and ctx.id == 'HERE'):
                raise ValueError('context_dir is not the output folder (HERE)')
            steps.append({'call': name, 'path': lit(c.args[0]), 'line': c.func.end_lineno})
        elif name == 'debian_slim':
            py = kw.get('python_version')
            steps.append({'call': name, **({'python': lit(py)} if py is not None else {}), 'line': c.func.end_lineno})
        elif name in ('uv_pip_install', 'pip_install', 'apt_install'):
            if set(kw) - {'force_build'}:
                raise ValueError('options ' + ', '.join(sorted(set(kw) - {'force_build'})))
            steps.append({'call': name, 'packages': strings(c.args), 'line': c.func.end_lineno})
        elif name == 'run_commands':
            steps.append({'call': name, 'commands': strings(c.args), 'line': c.func.end_lineno})
        elif name == 'env':
            steps.append({'call': name, 'vars': lit(c.args[0]), 'line': c.func.end_lineno})
        elif name == 'add_local_dir':
            steps.append({'call': name, 'remote': lit(kw['remote_path']) if 'remote_path' in kw else lit(c.args[1]), 'line': c.func.end_lineno})
        else:
            steps.append({'call': 'unsupported', 'name': name, 'why': 'not one of the Image methods verify rebuilds', 'line': c.func.end_lineno})
    except (ValueError, KeyError, IndexError, TypeError, SyntaxError) as e:
        steps.append({'call': 'unsupported', 'name': name, 'why': 'arguments are not literals (%s)' % e, 'line': c.func.end_lineno})
json.dump(steps, sys.stdout)
`;

/** The `image = (...)` chain of modal_app.py; undefined when there is none or it does not parse. */
export function readImageChain(appFile: string): ImageStep[] | undefined {
  try {
    const out = execFileSync('python3', ['-I', '-c', READ_CHAIN, appFile], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return (JSON.parse(out) as ImageStep[] | null) ?? undefined;
  } catch {
    return undefined;
  }
}

const shQuote = (s: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Modal's `uv pip install` layer (modal/_image.py, uv_pip_install), uv taken from PyPI. */
function uvLayer(packages: string[]): string[] {
  return [
    `# .uv_pip_install: Modal copies /uv from ghcr.io/astral-sh/uv; a pull is never made here, so uv comes from PyPI.`,
    `RUN pip install --no-cache-dir ${UV_SPEC} && mkdir -p /.uv && ln -sf "$(command -v uv)" /.uv/uv`,
    `RUN /.uv/uv pip install --python $(command -v python) --compile-bytecode ${[...packages].sort().map(shQuote).join(' ')}`,
  ];
}

export interface ModalImage {
  /** The Dockerfile text: the output's Dockerfile lines first, so its line numbers hold. */
  text: string;
  /** Output-relative file the first lines come from (findings point there). */
  from: string;
  /** Where add_local_dir mounts the output folder in the container (`/src`). */
  projectDir?: string;
}

/** The Dockerfile of the image modal_app.py builds, plus the Modal client; or findings why not. */
export function modalImage(outDir: string, appFile = 'modal_app.py'): { image?: ModalImage; findings: Finding[] } {
  const app = join(outDir, appFile);
  if (!existsSync(app)) return { findings: [finding('CM516', `no ${appFile} in ${outDir}`)] };
  const steps = readImageChain(app);
  if (!steps || steps.length === 0) return { findings: [finding('CM530', `${appFile} has no \`image = modal.Image...\` chain that verify can read`, { file: appFile })] };
  const findings: Finding[] = [];
  const lines: string[] = [];
  let from = appFile;
  let projectDir: string | undefined;
  for (const [i, step] of steps.entries()) {
    const at = { file: appFile, line: step.line };
    if (i === 0 && step.call !== 'from_dockerfile' && step.call !== 'debian_slim') {
      findings.push(finding('CM530', `the image starts with .${step.call === 'unsupported' ? step.name : step.call}(), which verify does not rebuild`, at));
      return { findings };
    }
    switch (step.call) {
      case 'from_dockerfile': {
        const file = join(outDir, step.path);
        if (!existsSync(file)) return { findings: [finding('CM516', `${appFile} builds from ${step.path}, which is not in the output`, at)] };
        lines.push(...readFileSync(file, 'utf8').replace(/\n+$/, '').split('\n'));
        from = step.path;
        break;
      }
      case 'debian_slim':
        lines.push(`# modal.Image.debian_slim(): Modal's Debian slim image with python ${step.python ?? '3.11'}`, `FROM python:${step.python ?? '3.11'}-slim-bookworm`);
        break;
      case 'uv_pip_install':
        lines.push('', ...uvLayer(step.packages));
        break;
      case 'pip_install':
        lines.push('', `RUN python -m pip install ${[...step.packages].sort().map(shQuote).join(' ')}`);
        break;
      case 'apt_install':
        lines.push('', `RUN apt-get update && apt-get install -y ${step.packages.map(shQuote).join(' ')}`);
        break;
      case 'run_commands':
        lines.push('', ...step.commands.map((c) => `RUN ${c}`));
        break;
      case 'env':
        lines.push('', ...Object.entries(step.vars).map(([k, v]) => `ENV ${k}=${JSON.stringify(v)}`));
        break;
      case 'add_local_dir':
        projectDir = step.remote;
        break;
      case 'unsupported':
        findings.push(finding('CM530', `.${step.name}() of the image is not rebuilt locally: ${step.why}`, at));
        return { findings };
    }
  }
  // uv (from the first uv_pip_install, or here) installs it: several times faster than pip.
  if (!steps.some((s) => s.call === 'uv_pip_install')) lines.push('', ...uvLayer([]).slice(0, 2));
  lines.push('', "# Modal's runtime provides its client in every container; installed here for the smoke run.", `RUN /.uv/uv pip install --python $(command -v python) ${modalClientSpecs().map(shQuote).join(' ')}`);
  return { image: { text: `${lines.join('\n')}\n`, from, ...(projectDir ? { projectDir } : {}) }, findings };
}

/** The pinned Modal client (src/verify/targets/modal/modal-client.txt). */
export function modalClientSpecs(): string[] {
  return readFileSync(verifyAsset('targets/modal/modal-client.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
}
