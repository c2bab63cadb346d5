"""Loading a Cog predictor the way Cog does: by file path, from the project folder.

Cog imports `predict: "predict.py:Predictor"` with the project folder first on sys.path (so the
predictor's own local modules, and the `cog` compatibility package shipped beside it, are found),
from any file name, and runs in that folder: predictors open relative paths.
"""

import importlib.util
import inspect
import os
import sys
import types
import typing
from pathlib import Path


def load_module(project_dir: Path, file: str, name: str) -> types.ModuleType:
    """Imports `file` (relative to project_dir) as module `name`."""
    if str(project_dir) not in sys.path:
        sys.path.insert(0, str(project_dir))
    spec = importlib.util.spec_from_file_location(name, project_dir / file)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {file} from {project_dir}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_predictor(project_dir: Path, ref: str, module_name: str = "predict") -> typing.Any:
    """`file.py:Name` -> an instance of the class Name, or the function Name itself (Cog's
    function predictors). Changes into project_dir, as Cog ran predictors there."""
    file, _, name = ref.rpartition(":")
    if not file or not name:
        raise ValueError(f"a predictor reference is file.py:Name, not {ref!r}")
    os.chdir(project_dir)
    target = getattr(load_module(project_dir, file, module_name), name)
    return target() if inspect.isclass(target) else target


def cog_weights() -> typing.Optional[str]:
    """What Cog passed to setup(weights=...): the COG_WEIGHTS environment variable, or None."""
    return os.environ.get("COG_WEIGHTS") or None


def setup_takes_weights(predictor: typing.Any) -> bool:
    setup = getattr(predictor, "setup", None)
    return setup is not None and "weights" in inspect.signature(setup).parameters


def run_setup(predictor: typing.Any, weights: typing.Any = None) -> typing.Any:
    """Calls predictor.setup() as Cog does (with weights= only when setup takes it); returns what
    setup returned, a coroutine for an async setup, which the caller awaits."""
    setup = getattr(predictor, "setup", None)
    if setup is None or inspect.isfunction(predictor):
        return None
    if setup_takes_weights(predictor):
        return setup(weights=weights)
    return setup()
