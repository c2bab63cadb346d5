// Checks on an emitted app.py made by Python's own `ast` (run isolated in the fal venv; the file is
// parsed, never executed): where user text may appear, and which names a model field may take.

import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const SCRIPT = String.raw`
import ast, json, sys

def code_without_strings(tree):
    """The module unparsed with every string constant emptied: what is code, not data."""
    class Strip(ast.NodeTransformer):
        def visit_Constant(self, node):
            return ast.Constant(value="") if isinstance(node.value, (str, bytes)) else node
    return ast.unparse(Strip().visit(tree))

def scope_loads(node, out):
    """Names loaded at module level or in a class body: where a class attribute can shadow a
    name. Function bodies are their own scope; their decorators, annotations and defaults are not."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        a = node.args
        parts = list(node.decorator_list) + list(a.defaults) + [d for d in a.kw_defaults if d is not None]
        parts += [x.annotation for x in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg] if x is not None and x.annotation is not None]
        if node.returns is not None:
            parts.append(node.returns)
        for p in parts:
            scope_loads(p, out)
        return
    if isinstance(node, ast.Lambda):
        return
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        out.add(node.id)
    for child in ast.iter_child_nodes(node):
        scope_loads(child, out)

result = {}
for path in json.load(sys.stdin):
    tree = ast.parse(open(path, "rb").read())
    loads = set()
    scope_loads(tree, loads)
    fields, classes = [], []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes.append(node.name)
            if any(isinstance(b, ast.Name) and b.id in ("BaseModel", "FalBaseModel") for b in node.bases):
                fields += [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    result[path] = {
        "code": code_without_strings(tree),
        "fields": fields,
        "classes": classes,
        "scopeLoads": sorted(loads),
        "shadowing": sorted(set(fields) & loads),
    }
json.dump(result, sys.stdout)
`;

export interface AppAst {
  /** The module with every string constant emptied. */
  code: string;
  /** Identifiers of the fields of the BaseModel/FalBaseModel classes. */
  fields: string[];
  /** Module-level class names. */
  classes: string[];
  /** Names loaded at module level or in a class body (decorators, annotations, defaults included). */
  scopeLoads: string[];
  /** Field identifiers that are also loaded there: each one a name a field shadows. */
  shadowing: string[];
}

export function appAst(python: string, paths: string[]): Record<string, AppAst> {
  const out = execFileSync(python, ['-I', '-c', SCRIPT], { input: JSON.stringify(paths), cwd: tmpdir(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(out) as Record<string, AppAst>;
}
