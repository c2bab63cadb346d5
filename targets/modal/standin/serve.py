"""A local stand-in for Modal's container runtime, for tests and verify's smoke runs.

    python serve.py APP_DIR PORT

Imports APP_DIR/modal_app.py under the real modal package (no account, no network), creates the
class as Modal's container would (its @modal.enter methods in order: snap=True first), and
serves what its @modal.asgi_app method returns under uvicorn on 127.0.0.1:PORT. The project is
read from APP_DIR instead of /src when COG_MIGRATE_PROJECT_DIR is set (local runs).
"""

import importlib.util
import os
import sys
import typing


def load_app(app_dir: str) -> typing.Any:
    spec = importlib.util.spec_from_file_location("modal_app", os.path.join(app_dir, "modal_app.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["modal_app"] = module
    spec.loader.exec_module(module)
    project = os.environ.get("COG_MIGRATE_PROJECT_DIR")
    if project:
        module.PROJECT_DIR = project
        module.OPENAPI_FILE = os.path.join(project, "openapi.json")
    return module


def asgi(module: typing.Any) -> typing.Any:
    import asyncio

    import modal

    classes = [v for v in vars(module).values() if isinstance(v, modal.Cls)]
    if len(classes) != 1:
        raise RuntimeError(f"modal_app.py defines {len(classes)} Modal classes, expected 1")
    user_cls = classes[0]._get_user_cls()
    obj = user_cls()
    methods = [(n, v) for n, v in vars(user_cls).items() if type(v).__name__ == "PartialFunction"]

    def raw(v: typing.Any) -> typing.Any:
        return v._get_raw_f()

    enter = [(n, v) for n, v in methods if n in ("load", "setup")]
    enter.sort(key=lambda nv: 0 if nv[0] == "load" else 1)  # snap=True (load) runs before restore
    for _, v in enter:
        result = raw(v)(obj)
        if asyncio.iscoroutine(result):
            asyncio.run(result)
    return raw(dict(methods)["web"])(obj)


def main() -> None:
    import uvicorn

    app_dir, port = sys.argv[1], int(sys.argv[2])
    uvicorn.run(asgi(load_app(app_dir)), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
