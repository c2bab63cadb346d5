"""cog-migrate smoke run of a Modal output: runs INSIDE the built image (never on the host).

As Modal would: the output folder is put where `add_local_dir` mounts it (/src), modal_app.py is
imported under the real modal client, and its class is driven by Modal's own lifecycle functions
(cog_migrate_modal.Container: the @modal.enter methods once). Then

- the very FastAPI object the @modal.asgi_app method returns is served under uvicorn on
  127.0.0.1, and gets one `POST /predictions` with the example inputs (file inputs as URLs served
  on 127.0.0.1), one with an invalid input (Cog's 422 expected) and `GET /openapi.json` (the
  shipped schema expected, byte for byte);
- the @modal.method predict() gets the same inputs, as `.remote()` would deliver them;
- the model's offline test cases (cog-safe-push) go to the same server as the emitted tests
  send them (POST /predictions or /trainings, {"input": ...}); their raw answers are reported
  and read and checked on the host (src/verify/smoke/cases.ts);
- the Cog predictor is called directly with the same inputs in the same image, and both results
  must equal its result (files by content hash). The shared helpers are the smoke driver's.

Usage: python smoke.py /cog-migrate/spec.json. One JSON line, prefixed with MARKER, reports it.
"""

import json
import os
import pathlib
import shutil
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(os.environ.get("COG_MIGRATE_SMOKE_ROOT", "/cog-migrate"))


# The smoke driver beside the runner's folder, whose helpers this runner shares; off the path
# again at once, so nothing else under /cog-migrate can shadow a module the app imports.
sys.path.insert(0, str(ROOT))
import driver as common  # noqa: E402  # pyright: ignore[reportMissingImports] (found at run time beside the runner)

sys.path.remove(str(ROOT))

stage, Failure = common.stage, common.Failure


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None):
    """(status, parsed JSON or text) of one request; an HTTP error status is an answer too."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def invalid_input(schema, inputs):
    """An input Cog's validation must refuse: an object where a scalar or list is declared."""
    props = schema.get("properties", {})
    for name, prop in props.items():
        if prop.get("type") in ("string", "integer", "number", "boolean", "array") or "allOf" in prop or "enum" in prop:
            return name, dict(inputs, **{name: {"not": "valid"}})
    return None, None


ROUTES = {"predict": "/predictions", "train": "/trainings"}


def cog_api_answer(base, case):
    """One test case sent to Cog's HTTP API as the emitted test sends it: status and body text."""
    status, _, raw = common.post(base + ROUTES[case["role"]], {"input": case["inputs"]}, timeout=case.get("timeout") or 300)
    return {"id": case["id"], "status": status, "text": raw}


def main():
    spec = json.loads(pathlib.Path(sys.argv[1]).read_text())
    result = {"ok": False, "timings": {}, "endpoint": "POST /predictions"}
    file_server = None
    web = None
    try:
        with stage("prepare"):
            project = pathlib.Path(spec.get("projectDir") or "/src")
            # add_local_dir mounts the output folder here when the container starts.
            shutil.copytree(ROOT / "app", project, symlinks=True, dirs_exist_ok=True)
            work = common.WORK
            if work.exists():
                shutil.rmtree(work)
            shutil.copytree(ROOT / "app", work / "app", symlinks=True)  # the direct call's own copy
            (work / "served").mkdir()
            file_server, base_url = common.serve(work / "served")
            openapi_bytes = (project / "openapi.json").read_bytes()
            openapi = json.loads(openapi_bytes)
            input_schema = openapi["components"]["schemas"]["Input"]
        t = time.monotonic()
        with stage("import"):
            sys.path.insert(0, str(ROOT / "modal"))
            import cog_migrate_modal

            module = cog_migrate_modal.import_app(str(project / spec.get("app", "modal_app.py")))
            container = cog_migrate_modal.Container(module)
        with stage("setup"):
            container.enter()
        result["timings"]["setup"] = round(time.monotonic() - t, 3)
        with stage("prepare"):
            derived = spec.get("inputs") is None
            url_inputs, direct_inputs = common.prepare_role_inputs(spec, lambda: (input_schema, openapi["components"]["schemas"]), lambda full, rel: base_url + urllib.parse.quote(rel))
            if derived:
                result["derived_inputs"] = url_inputs
        t = time.monotonic()
        with stage("adapter-predict"):
            port = free_port()
            web, _ = cog_migrate_modal.serve(container.asgi_app(), port)
            base = "http://127.0.0.1:%d" % port
            cog_migrate_modal.wait_ready(base)
            status, body = http("POST", base + "/predictions", {"input": url_inputs})
            result["http_status"] = status
            if status != 200 or not isinstance(body, dict) or body.get("status") != "succeeded":
                raise RuntimeError("POST /predictions answered %s: %s" % (status, json.dumps(body)[:2000]))
            adapter_out = common.normalise(common.files_as_digests(body.get("output")))
        result["timings"]["adapter"] = round(time.monotonic() - t, 3)
        result["adapter"] = adapter_out
        with stage("adapter-invalid"):
            bad_name, bad = invalid_input(input_schema, spec["inputs"])
            if bad_name is not None:
                status, body = http("POST", base + "/predictions", {"input": bad})
                detail = body.get("detail") if isinstance(body, dict) else None
                result["invalid"] = {"input": bad_name, "status": status, "body": body}
                if status != 422 or not isinstance(detail, list) or not any(d.get("loc") == ["body", "input", bad_name] for d in detail):
                    raise RuntimeError("an invalid %r got %s %s, not Cog's 422 for it" % (bad_name, status, json.dumps(body)[:500]))
        with stage("adapter-openapi"):
            status, served = http("GET", base + "/openapi.json")
            if status != 200 or served != openapi:
                raise RuntimeError("GET /openapi.json differs from the shipped openapi.json")
        t = time.monotonic()
        with stage("adapter-method"):
            method_out = common.normalise(common.files_as_digests(container.run(container.method("predict")(url_inputs))))
        result["timings"]["method"] = round(time.monotonic() - t, 3)
        result["method"] = method_out
        if spec.get("cases"):
            with stage("cases"):
                result["answers"] = [cog_api_answer(base, case) for case in spec["cases"]]
        t = time.monotonic()
        direct_out = common.normalise(common.direct_call(spec, direct_inputs))
        result["timings"]["direct"] = round(time.monotonic() - t, 3)
        result["direct"] = direct_out
        result["stage"] = "compare"
        match, result["rule"] = common.compare(adapter_out, direct_out)
        method_match, result["method_rule"] = common.compare(method_out, direct_out)
        if match and not method_match:
            result.update(stage="compare-method", error="@modal.method predict() returned %s" % json.dumps(method_out)[:300])
        result["match"] = match and method_match
        result["ok"] = result["match"]
    except Failure as failure:
        result.update(stage=failure.stage, error=failure.error, traceback=failure.tb)
    finally:
        if web is not None:
            web.should_exit = True
        if file_server is not None:
            file_server.shutdown()
    common.emit(result)


if __name__ == "__main__":
    main()
