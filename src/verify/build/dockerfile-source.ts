// Where an output's Dockerfile is: a `Dockerfile` at the root, or (fal) the string literal the
// generated app.py hands to `fal.ContainerImage.from_dockerfile_str` (`DOCKERFILE = (...)`).
// app.py is read with Python's parser and `ast.literal_eval` on that one literal: never executed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirementsRun } from '../../dockerfile/prune.js';
import targetNeeds from '../../dockerfile/data/target-needs.json' with { type: 'json' };

const EXTRACT = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1], 'rb').read())
found = None
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == 'DOCKERFILE' for t in node.targets):
        found = node.value
        break
    if isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'from_dockerfile_str' and node.args:
        found = node.args[0]
value = None
if found is not None:
    try:
        value = ast.literal_eval(found)
    except ValueError:
        if isinstance(found, ast.Name):
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == found.id for t in node.targets):
                    value = ast.literal_eval(node.value)
# The fal Runtime form: no Dockerfile, the REQUIREMENTS list and the class's python_version=.
requirements, python = None, None
for node in ast.walk(tree):
    # \`REQUIREMENTS = [...]\`, or annotated when empty (\`REQUIREMENTS: "list[str]" = []\`)
    targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else []
    if any(isinstance(t, ast.Name) and t.id == 'REQUIREMENTS' for t in targets):
        try:
            requirements = ast.literal_eval(node.value)
        except ValueError:
            pass
    if isinstance(node, ast.ClassDef):
        for kw in node.keywords:
            if kw.arg == 'python_version' and isinstance(kw.value, ast.Constant):
                python = kw.value.value
json.dump({"dockerfile": value if isinstance(value, str) else None, "requirements": requirements, "python": python}, sys.stdout)
`;

export interface DockerfileSource {
  text: string;
  /** Output-relative file the text came from: `Dockerfile` or `app.py`. */
  from: string;
}

export function findDockerfile(outDir: string): DockerfileSource | undefined {
  const plain = join(outDir, 'Dockerfile');
  if (existsSync(plain)) return { text: readFileSync(plain, 'utf8'), from: 'Dockerfile' };
  const app = join(outDir, 'app.py');
  if (!existsSync(app)) return undefined;
  try {
    const out = execFileSync('python3', ['-c', EXTRACT, app], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const found = JSON.parse(out) as { dockerfile: string | null; requirements: unknown; python: unknown };
    if (found.dockerfile) return { text: found.dockerfile, from: 'app.py' };
    const requirements = Array.isArray(found.requirements) && found.requirements.every((r) => typeof r === 'string') ? found.requirements as string[] : undefined;
    if (requirements && typeof found.python === 'string' && /^3\.\d{1,2}$/.test(found.python)) return { text: runtimeFormDockerfile(requirements, found.python), from: 'app.py (the fal Runtime form, as a Dockerfile)' };
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * What fal's managed environment is for an app that declares `requirements` instead of an
 * image, as a Dockerfile the build level can run: the app's Python, its requirements installed
 * by pip, and the packages fal's own serving code needs (fal adds them itself on fal). It checks
 * that the requirements install on that Python; fal's CUDA setup per machine type is not part of
 * it (a CPU build, as every verify build is). The folder goes to /app, where fal puts app_files.
 */
export function runtimeFormDockerfile(requirements: readonly string[], python: string): string {
  const base = { image: `python:${python}-slim`, installsPython: false, isDebian: true, reason: 'fal Runtime form' };
  const lines = [
    `FROM python:${python}-slim`,
    'ENV PYTHONUNBUFFERED=1',
    ...(requirements.length > 0 ? [`RUN ${requirementsRun(requirements.join('\n'), base)}`] : []),
    `RUN pip install --no-cache-dir ${targetNeeds.fal.pipLast.map((p) => `'${p}'`).join(' ')}`,
    'WORKDIR /app',
    'COPY . /app',
  ];
  return `${lines.join('\n')}\n`;
}
