"""The OpenAPI oracle: the schema Cog's own Python SDK (0.19.x) builds for a project.

Usage: python cog_schema.py PROJECT_DIR   (run with the venv of test/python-env/cog.txt)

Prints one JSON object:
  {"schema": <what `python -m cog.command.openapi_schema` prints> | null,
   "error": "<Type>: <message>" | null,
   "modes": {"predict": {"schema"|"error": ...} | null, "train": {...} | null}}

`schema` follows Cog's own choice (predict when cog.yaml names it, otherwise train); `modes`
builds each mode on its own so the train signature is checked even when predict exists.

Only signatures matter, so the project's heavy imports (torch, transformers, PIL, numpy ...)
are replaced by permissive stub modules: a meta-path finder placed *last* stubs any module no
real finder can locate. The predictor module is still executed (that is how Cog 0.19 reads
it), so this runs only on projects written in this repository: fixtures/*/input,
test/oracle/projects/* and the property test's generated ones. It refuses any other directory.
"""

import contextlib
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# Projects written here: fixtures, the oracle projects, and the ones the property test
# (test/ir/openapi.property.test.ts) renders from its own generated signatures.
ALLOWED_ROOTS = [
    os.path.join(REPO, "fixtures"),
    os.path.join(HERE, "projects"),
    os.path.join(REPO, ".cache", "oracle", "generated"),
]


# Stubs for modules that are not installed (shared with test/runtime/fixture_import.py).
from import_stubs import _StubFinder  # noqa: E402


# ---------------------------------------------------------------------------------------------
# Running Cog's own schema code


def _build(mode_name):
    from cog import _inspector
    from cog._schemas import to_json_schema
    from cog.command import openapi_schema as cmd
    from cog.config import Config
    from cog.mode import Mode

    mode = Mode(mode_name)
    ref = Config().get_predictor_ref(mode)
    # The predictor's own prints and Cog's warnings must not corrupt the JSON on stdout.
    with contextlib.redirect_stdout(io.StringIO()):
        module_name, class_name = cmd._load_module_from_ref(ref)
        info = _inspector.create_predictor(module_name, class_name)
    schema = to_json_schema(info, mode)
    cmd.remove_title_next_to_ref(schema)
    cmd.fix_nullable_anyof(schema)
    # Round-trip through JSON exactly as the command prints it (a value json cannot encode
    # is Cog's own failure, reported as an error).
    return json.loads(json.dumps(schema))


def _attempt(mode_name, loaded_modules):
    # Each mode loads the predictor afresh, as a separate `cog` process would.
    for name in list(sys.modules):
        if name not in loaded_modules:
            del sys.modules[name]
    try:
        return {"schema": _build(mode_name)}
    except BaseException as e:  # noqa: BLE001 — Cog's failure is the answer here
        return {"error": f"{type(e).__name__}: {e}"}


def main(argv):
    if len(argv) != 2:
        print("usage: cog_schema.py PROJECT_DIR", file=sys.stderr)
        return 2
    project = os.path.realpath(argv[1])
    if not any(project.startswith(os.path.realpath(r) + os.sep) for r in ALLOWED_ROOTS):
        print(f"cog_schema.py: refusing {project}: only fixtures/ and test/oracle/projects/", file=sys.stderr)
        return 2

    import yaml

    try:
        # Cog 0.19 reads cog.yaml with yaml.safe_load too; a file it cannot load is its failure.
        with open(os.path.join(project, "cog.yaml"), encoding="utf-8") as f:
            config = yaml.safe_load(f) or {}
    except Exception as e:  # noqa: BLE001
        error = {"error": f"{type(e).__name__}: {e}"}
        result = {"schema": None, "error": error["error"], "modes": {"predict": error, "train": None}, "stubbed": []}
        sys.stdout.write(json.dumps(result, indent=2, sort_keys=True) + "\n")
        return 0

    for key in ("predict", "train"):
        ref = config.get(key)
        if isinstance(ref, str):
            target = os.path.realpath(os.path.join(project, ref.rsplit(":", 1)[0]))
            if not target.startswith(project + os.sep):
                print(f"cog_schema.py: refusing {key}: {ref}: outside the project", file=sys.stderr)
                return 2

    os.environ.pop("COG_PREDICT_TYPE_STUB", None)
    os.environ.pop("COG_TRAIN_TYPE_STUB", None)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the fixtures
    os.chdir(project)
    sys.path.insert(0, project)
    # Cog and its own optional imports are loaded before the stubs go in.
    import cog  # noqa: F401
    import cog._inspector  # noqa: F401
    import cog._schemas  # noqa: F401
    import cog.command.openapi_schema  # noqa: F401

    finder = _StubFinder()
    sys.meta_path.append(finder)
    loaded = set(sys.modules)

    modes = {}
    for mode_name in ("predict", "train"):
        modes[mode_name] = _attempt(mode_name, loaded) if config.get(mode_name) else None
    served = modes["predict"] or modes["train"] or {"error": "ValueError: no predict or train in cog.yaml"}
    result = {
        "schema": served.get("schema"),
        "error": served.get("error"),
        "modes": modes,
        "stubbed": sorted({m.split(".")[0] for m in finder.stubbed}),
    }
    sys.stdout.write(json.dumps(result, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
