"""Imports each modal_app.py given on argv under the real modal SDK (no account, no network):
modal.App, @app.cls and the decorators validate their arguments at import. Modal's deprecation
warnings are errors. Prints one JSON object per file: app name, classes, methods, web endpoints."""

import importlib.util
import json
import sys
import warnings

warnings.simplefilter("error")  # a deprecated Modal name in the output fails here

for i, path in enumerate(sys.argv[1:]):
    try:
        spec = importlib.util.spec_from_file_location(f"modal_app_{i}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        state = module.app._local_state  # the public registered_* properties are deprecated
        print(json.dumps({
            "file": path,
            "ok": True,
            "name": module.app.name,
            "classes": sorted(state.classes),
            "web_endpoints": sorted(state.web_endpoints),
            "entrypoints": sorted(state.local_entrypoints),
        }))
    except BaseException as err:  # noqa: BLE001 - reported per file
        print(json.dumps({"file": path, "ok": False, "error": f"{type(err).__name__}: {err}"}))
