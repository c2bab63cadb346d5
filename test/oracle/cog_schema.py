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
import importlib.abc
import importlib.machinery
import io
import json
import os
import sys
import types
import typing

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# Projects written here: fixtures, the oracle projects, and the ones the property test
# (test/ir/openapi.property.test.ts) renders from its own generated signatures.
ALLOWED_ROOTS = [
    os.path.join(REPO, "fixtures"),
    os.path.join(HERE, "projects"),
    os.path.join(REPO, ".cache", "oracle", "generated"),
]


# ---------------------------------------------------------------------------------------------
# Stubs for modules that are not installed


def _passthrough_decorator(args, kwargs):
    """`@torch.no_grad` used bare: the stub is called with the function; give it back."""
    return len(args) == 1 and not kwargs and (callable(args[0]) or isinstance(args[0], type))


class _StubMeta(type):
    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _stub_class(f"{cls.__name__}.{name}")

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get("_stub_root") and _passthrough_decorator(args, kwargs):
            return args[0]
        return super().__call__(*args, **kwargs)

    def __getitem__(cls, item):
        return cls

    def __or__(cls, other):
        return typing.Union[cls, other]

    def __ror__(cls, other):
        return typing.Union[other, cls]

    def __iter__(cls):
        return iter(())

    def __len__(cls):
        return 0

    def __bool__(cls):
        return True


class _StubBase(metaclass=_StubMeta):
    """Instances answer everything with another stub; calling one with a function returns it."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _stub_class(name)()

    def __call__(self, *args, **kwargs):
        if _passthrough_decorator(args, kwargs):
            return args[0]
        return _stub_class("result")()

    def __getitem__(self, item):
        return _stub_class("item")()

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __index__(self):
        return 0

    def __int__(self):
        return 0

    def __float__(self):
        return 0.0

    def _arith(self, *other):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _arith
    __truediv__ = __rtruediv__ = __floordiv__ = __matmul__ = __pow__ = __neg__ = _arith


def _stub_class(name):
    short = name.rsplit(".", 1)[-1] or "Stub"
    return _StubMeta(short, (_StubBase,), {"_stub_root": True, "__qualname__": name})


class _StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        value = _stub_class(f"{self.__name__}.{name}")
        setattr(self, name, value)
        return value


class _StubLoader(importlib.abc.Loader):
    def create_module(self, spec):
        module = _StubModule(spec.name)
        module.__path__ = []  # a package, so `import a.b.c` resolves through here too
        return module

    def exec_module(self, module):
        pass


class _StubFinder(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: only modules that nothing else can find reach it."""

    def __init__(self):
        self.stubbed = []

    def find_spec(self, fullname, path=None, target=None):
        # A missing standard-library module (msvcrt, _winapi on Linux) must stay missing:
        # stdlib code probes for them to pick the platform.
        if fullname.split(".")[0] in sys.stdlib_module_names:
            return None
        self.stubbed.append(fullname)
        return importlib.machinery.ModuleSpec(fullname, _StubLoader(), is_package=True)


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
