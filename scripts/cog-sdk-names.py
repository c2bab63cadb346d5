#!/usr/bin/env python3
"""Writes src/dockerfile/data/cog-sdk-names.json: for each release of the Cog SDK on PyPI (0.16.0,
the oldest build.sdk_version cog-migrate accepts, and later), the names `from cog import NAME`
succeeds with in that release, read from the real wheel without importing it:

- the names cog/__init__.py binds at module level (imports, defs, classes, assignments, also
  inside if/try blocks) and lists in __all__;
- the names its module-level __getattr__ answers (`if name == "X":`, Cog's deprecation shims);
- the submodules and subpackages of the wheel's `cog` package (`from cog import types`).

Usage: python3 scripts/cog-sdk-names.py [VERSION ...]   (default: every release >= 0.16.0)
Needs pip and PyPI. The output is sorted and dated; rerun it when Cog releases.
"""

import ast
import datetime
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dockerfile" / "data" / "cog-sdk-names.json"
OLDEST = (0, 16, 0)


def version_key(v):
    return tuple(int(x) for x in v.split("."))


def releases():
    text = subprocess.run([sys.executable, "-m", "pip", "index", "versions", "cog"], capture_output=True, text=True, check=True).stdout
    listed = re.search(r"Available versions: (.*)", text).group(1).split(", ")
    return sorted((v for v in listed if re.fullmatch(r"\d+\.\d+\.\d+", v) and version_key(v) >= OLDEST), key=version_key)


def bound_names(body, into):
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    into.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            into.add(node.name)
            if node.name == "__getattr__":
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Compare) and any(isinstance(op, ast.Eq) for op in sub.ops):
                        for c in [sub.left, *sub.comparators]:
                            if isinstance(c, ast.Constant) and isinstance(c.value, str):
                                into.add(c.value)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        into.add(n.id)
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
                into.update(ast.literal_eval(node.value))
        elif isinstance(node, (ast.If, ast.Try)):
            bound_names(node.body, into)
            bound_names(node.orelse, into)
            for h in getattr(node, "handlers", []):
                bound_names(h.body, into)
            bound_names(getattr(node, "finalbody", []), into)


def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set()
        bound_names(ast.parse(z.read("cog/__init__.py")).body, names)
        for entry in z.namelist():
            m = re.fullmatch(r"cog/([A-Za-z_]\w*)(?:\.py|/__init__\.py)", entry)
            if m and m.group(1) != "__init__":
                names.add(m.group(1))
    return sorted(names)


def main():
    wanted = sys.argv[1:] or releases()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for v in wanted:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--python-version", "3.12", "--dest", tmp, "cog==" + v], check=True)
            out[v] = wheel_names(next(pathlib.Path(tmp).glob("cog-%s-*.whl" % v)))
    doc = {
        "generated": datetime.date.today().isoformat(),
        "source": "the cog wheels on PyPI, read by scripts/cog-sdk-names.py: the names `from cog import NAME` succeeds with",
        "releases": {v: out[v] for v in sorted(out, key=version_key)},
    }
    OUT.write_text(json.dumps(doc, indent=1) + "\n")
    print("wrote %s (%d releases)" % (OUT.relative_to(ROOT), len(out)))


if __name__ == "__main__":
    main()
