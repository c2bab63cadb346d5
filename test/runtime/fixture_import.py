"""Imports fixtures' predictor files with the `cog` compatibility package as `cog` (issue 15): a
name the package lacks fails here, in the quick suite, instead of in a smoke run or production.
Runs only on projects written in this repository (the fixtures, copied to temporary folders),
with their light requirements installed (test/python-env/fixtures.txt) and the heavy ones
stubbed (test/oracle/import_stubs.py). Each project is imported afresh, as its own Cog process
would: the modules it loaded are dropped before the next.

Usage: python -I -B fixture_import.py COMPAT_DIR STUBS_DIR < {"<project dir>": ["predict.py", ...]}
Prints {"<project dir>": {"errors": {file: "Type: message (file:line)"}, "stubbed": [names]}}.
"""

import contextlib
import importlib.util
import io
import json
import os
import sys
import traceback

compat_dir, stubs_dir = sys.argv[1], sys.argv[2]
sys.dont_write_bytecode = True
sys.path.insert(0, stubs_dir)
from import_stubs import _StubFinder  # noqa: E402

sys.path.remove(stubs_dir)
sys.path.insert(0, compat_dir)
import cog  # noqa: E402,F401
# The light requirements load once: C extensions cannot be imported twice in one process.
import numpy  # noqa: E402,F401
import PIL.Image  # noqa: E402,F401
import pydantic  # noqa: E402,F401
import requests  # noqa: E402,F401


class _NotCog(_StubFinder):
    """`from cog import X` of a name the package lacks would otherwise import a stub `cog.X`."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "cog" or fullname.startswith("cog."):
            return None
        return super().find_spec(fullname, path, target)


finder = _NotCog()
sys.meta_path.append(finder)
loaded = set(sys.modules)
base_path = list(sys.path)
results = {}
for project, files in json.load(sys.stdin).items():
    for name in list(sys.modules):
        if name not in loaded:
            del sys.modules[name]
    finder.stubbed = []
    # Cog runs predictors with the project first on the path and as the working folder.
    sys.path[:] = [project] + base_path
    os.chdir(project)
    errors = {}
    for rel in files:
        name = os.path.splitext(rel)[0].replace("/", ".").replace("-", "_")
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                spec = importlib.util.spec_from_file_location(name, os.path.join(project, rel))
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
        except BaseException as e:  # noqa: BLE001 - the failure is the answer
            last = traceback.extract_tb(e.__traceback__)[-1]
            errors[rel] = "%s: %s (%s:%s)" % (type(e).__name__, e, os.path.relpath(last.filename, project), last.lineno)
    results[project] = {"errors": errors, "stubbed": sorted({m.split(".")[0] for m in finder.stubbed})}
json.dump(results, sys.stdout)
