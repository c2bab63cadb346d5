"""Runs one request through a generated fal app with the stand-in runtime (see README.md).

    python run_app.py APP_PY CLASS_NAME ENDPOINT_PATH BODY_JSON

Prints the response as JSON on stdout. Exit status 1 when the app raises (traceback on stderr).
"""

import asyncio
import importlib.util
import inspect
import json
import sys
import typing
from pathlib import Path
from typing import Any, List

HERE = Path(__file__).resolve().parent


def _use_standin() -> None:
    sys.path.insert(0, str(HERE))
    if importlib.util.find_spec("fastapi") is None:
        sys.path.insert(0, str(HERE / "_shims"))
    for name in [m for m in sys.modules if m == "fal" or m.startswith("fal.")]:
        del sys.modules[name]


def _load_app(app_file: str) -> Any:
    spec = importlib.util.spec_from_file_location("fal_app_under_test", app_file)
    if spec is None or spec.loader is None:
        raise ImportError(app_file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def _collect(iterator: Any) -> List[Any]:
    events: List[Any] = []

    def add(chunk: Any) -> None:
        text = chunk.decode() if isinstance(chunk, bytes) else str(chunk)
        for block in text.split("\n\n"):
            if block.startswith("data: "):
                events.append(json.loads(block[len("data: "):]))

    if hasattr(iterator, "__aiter__"):
        async for chunk in iterator:
            add(chunk)
    else:
        for chunk in iterator:
            add(chunk)
    return events


async def run(app_file: str, class_name: str, path: str, body: Any) -> Any:
    module = _load_app(app_file)
    cls = getattr(module, class_name)
    app = cls(_allow_init=True)
    await _maybe_await(app.setup())
    for _, method in inspect.getmembers(app, inspect.ismethod):
        signature = getattr(method, "route_signature", None)
        if signature is not None and signature.path == path:
            break
    else:
        raise LookupError(f"no endpoint {path}")
    hints = typing.get_type_hints(method)
    model = hints["input"]
    response = await _maybe_await(method(model.model_validate(body)))
    if hasattr(response, "body_iterator"):
        return {"events": await _collect(response.body_iterator)}
    return json.loads(response.model_dump_json(by_alias=True))


def main(argv: List[str]) -> int:
    app_file, class_name, path, body = argv
    _use_standin()
    result = asyncio.run(run(app_file, class_name, path, json.loads(body)))
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
