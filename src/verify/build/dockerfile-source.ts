// Where an output's Dockerfile is: a `Dockerfile` at the root, or (fal) the string literal the
// generated app.py hands to `fal.ContainerImage.from_dockerfile_str` (`DOCKERFILE = (...)`).
// app.py is read with Python's parser and `ast.literal_eval` on that one literal: never executed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
json.dump(value if isinstance(value, str) else None, sys.stdout)
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
    const text = JSON.parse(out) as string | null;
    return text ? { text, from: 'app.py' } : undefined;
  } catch {
    return undefined;
  }
}
