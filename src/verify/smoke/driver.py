"""cog-migrate smoke driver: runs INSIDE the built image (never on the host).

It imports the generated adapter (app.py) with the platform runtime stand-in on sys.path, runs
setup() and one request through the adapter's endpoint, then calls the user's Cog predictor
directly with the same inputs, and compares the two results after normalising them (files by
content hash, models by their fields). One JSON line, prefixed with MARKER, reports everything.

Usage: python driver.py /cog-migrate/spec.json
"""

import asyncio
import base64
import contextlib
import functools
import hashlib
import http.server
import importlib
import importlib.util
import inspect
import io
import json
import math
import os
import pathlib
import shutil
import sys
import threading
import time
import traceback
import urllib.parse
import urllib.request

MARKER = "@@cog-migrate-smoke@@"
ROOT = pathlib.Path(os.environ.get("COG_MIGRATE_SMOKE_ROOT", "/cog-migrate"))
WORK = pathlib.Path("/tmp/cog-migrate-work")


def emit(result):
    sys.stdout.flush()
    sys.stdout.write("\n" + MARKER + " " + json.dumps(result, default=repr) + "\n")
    sys.stdout.flush()


class Failure(Exception):
    def __init__(self, stage, exc):
        super().__init__(stage)
        self.stage = stage
        self.error = "%s: %s" % (type(exc).__name__, exc)
        self.tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:]


@contextlib.contextmanager
def stage(name):
    try:
        yield
    except Failure:
        raise
    except BaseException as exc:  # SystemExit from user code counts as a failure of that stage
        raise Failure(name, exc) from exc


def serve(directory):
    """Serves the example files on 127.0.0.1 (host network) so the adapter gets real URLs."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def settle(value):
    """Runs coroutines and drains (async) generators: results as the caller finally sees them."""
    if inspect.isawaitable(value):
        value = asyncio.run(_await(value))
    if inspect.isasyncgen(value):
        value = asyncio.run(_drain_async(value))
    elif inspect.isgenerator(value) or (hasattr(value, "__next__") and hasattr(value, "__iter__")):
        value = list(value)
    body = getattr(value, "body_iterator", None)  # a streaming HTTP response
    if body is not None:
        value = settle(body)
        value = [v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else v for v in value]
    return value


async def _await(aw):
    return await aw


async def _drain_async(agen):
    return [item async for item in agen]


def file_digest(data):
    return {"file": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def read_url(url):
    if url.startswith("data:"):
        head, _, payload = url.partition(",")
        return base64.b64decode(payload) if head.endswith(";base64") else urllib.parse.unquote_to_bytes(payload)
    if url.startswith("file://"):
        return pathlib.Path(urllib.parse.urlparse(url).path).read_bytes()
    if url.startswith("http://127.0.0.1") or url.startswith("http://localhost"):
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.read()
    return None


def file_like(obj):
    """Bytes of a platform File/Image object (stand-in or real), found by duck typing."""
    for attr in ("path", "file_path", "local_path", "_path", "_file_path"):
        p = getattr(obj, attr, None)
        if isinstance(p, (str, os.PathLike)) and os.path.isfile(p):
            return pathlib.Path(p).read_bytes()
    for attr in ("data", "content", "_data", "file_data"):
        d = getattr(obj, attr, None)
        if isinstance(d, (bytes, bytearray)):
            return bytes(d)
    url = getattr(obj, "url", None)
    if isinstance(url, str):
        return read_url(url)
    return None


def normalise(value, depth=0):
    if depth > 20:
        return repr(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (bytes, bytearray)):
        return file_digest(bytes(value))
    if isinstance(value, os.PathLike):
        p = pathlib.Path(value)
        return file_digest(p.read_bytes()) if p.is_file() else {"missing_file": str(p)}
    if isinstance(value, dict):
        if isinstance(value.get("url"), str) and ("content_type" in value or "file_name" in value):
            data = read_url(value["url"])  # a serialised fal File: {url, content_type, ...}
            if data is not None:
                return file_digest(data)
        return {str(k): normalise(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v, depth + 1) for v in value]
    if hasattr(value, "model_dump") and not _is_file_model(value):
        fields = getattr(type(value), "model_fields", None)
        if isinstance(fields, dict):  # field by field, so nested File objects stay objects
            return {name: normalise(getattr(value, name), depth + 1) for name in fields}
        return normalise(value.model_dump(), depth + 1)
    data = file_like(value)
    if data is not None:
        return file_digest(data)
    if hasattr(value, "dict") and callable(value.dict):
        return normalise(value.dict(), depth + 1)
    if hasattr(value, "__dict__"):
        return {k: normalise(v, depth + 1) for k, v in vars(value).items() if not k.startswith("_")}
    return repr(value)


def _is_file_model(value):
    name = type(value).__name__
    return name in ("File", "Image", "Audio", "Video", "CompressedImage") and file_like(value) is not None


def close(a, b):
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
            return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        if "file" in a and "file" in b:
            return a["file"] == b["file"]
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    return a == b


def compare(adapter, direct):
    """(match, rule): exact up to float tolerance, or through one documented relaxation."""
    if close(adapter, direct):
        return True, "equal"
    # A response model wrapping the value in one field, e.g. {"output": ...}.
    if isinstance(adapter, dict) and len(adapter) == 1:
        inner = next(iter(adapter.values()))
        if close(inner, direct):
            return True, "single-field envelope"
        if isinstance(inner, str) and isinstance(direct, list) and all(isinstance(x, str) for x in direct) and inner == "".join(direct):
            return True, "envelope of concatenated stream"
    # A stream delivered as its items wrapped one by one, or as text events.
    if isinstance(adapter, list) and isinstance(direct, list) and len(adapter) == len(direct):
        if all(isinstance(a, dict) and len(a) == 1 and close(next(iter(a.values())), d) for a, d in zip(adapter, direct)):
            return True, "stream of single-field events"
        if all(isinstance(a, str) for a in adapter):
            parsed = [_event_payload(a) for a in adapter]
            if close(parsed, direct):
                return True, "server-sent events"
    if isinstance(adapter, str) and isinstance(direct, list) and all(isinstance(x, str) for x in direct) and adapter == "".join(direct):
        return True, "concatenated stream"
    return False, "different"


def concatenated_stream(events, whole):
    """A ConcatenateIterator's stream: each event one piece of new text, which joined give the
    text of the list POST / returned."""
    if not isinstance(events, list) or not isinstance(whole, dict) or len(whole) != 1:
        return False
    items = next(iter(whole.values()))
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        return False
    pieces = [next(iter(e.values())) if isinstance(e, dict) and len(e) == 1 else None for e in events]
    return all(isinstance(p, str) for p in pieces) and "".join(pieces) == "".join(items)


def _event_payload(text):
    body = "\n".join(line[5:].strip() for line in text.splitlines() if line.startswith("data:")) or text
    try:
        value = json.loads(body)
    except ValueError:
        return body
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value.values()))
    return value


def import_file(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def find_app_class(module):
    fal = sys.modules.get("fal")
    base = getattr(fal, "App", None) if fal else None
    found = [v for v in vars(module).values() if inspect.isclass(v) and base is not None and issubclass(v, base) and v is not base and v.__module__ == module.__name__]
    if not found:
        raise RuntimeError("app.py defines no fal.App subclass")
    return found[0]


def endpoint_path(fn):
    for attr in ("route_signature", "__fal_endpoint__", "_fal_endpoint", "fal_endpoint", "endpoint"):
        sig = getattr(fn, attr, None)
        if sig is None:
            continue
        path = getattr(sig, "path", sig if isinstance(sig, str) else None)
        if isinstance(path, str):
            return path
        return "/"
    return None


def find_endpoint(app_cls, want):
    endpoints = {}
    for name, fn in inspect.getmembers(app_cls, callable):
        path = endpoint_path(fn)
        if path is not None:
            endpoints.setdefault(path, name)
    if not endpoints:
        raise RuntimeError("the App has no @fal.endpoint method")
    if want and want in endpoints:
        return endpoints[want], endpoints
    return endpoints.get("/") or sorted(endpoints.items())[0][1], endpoints


def cog_value(kind, value):
    cog = sys.modules.get("cog")
    if kind == "path":
        cls = getattr(cog, "Path", pathlib.Path) if cog else pathlib.Path
        return cls(value)
    if kind == "secret" and cog is not None and hasattr(cog, "Secret"):
        return cog.Secret(value)
    return value


def direct_call(spec, inputs):
    pred = spec["predictor"]
    module = import_file(WORK / "app" / pred["file"], "_cog_migrate_direct_" + pathlib.Path(pred["file"]).stem.replace("-", "_"))
    target = getattr(module, pred["name"])
    if inspect.isclass(target):
        instance = target()
        with stage("direct-setup"):
            if hasattr(instance, "setup"):
                sig = inspect.signature(instance.setup)
                kwargs = {n: None for n in sig.parameters if n == (spec.get("weightsParameter") or "")}
                settle(instance.setup(**kwargs))
        fn = getattr(instance, pred.get("method") or "predict")
    else:
        fn = target
    kwargs = dict(inputs)
    for name, param in inspect.signature(fn).parameters.items():
        if name in kwargs or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        default = param.default
        if hasattr(default, "default"):  # cog.Input(...) returns a FieldInfo-like object
            default = default.default
        if default is not inspect.Parameter.empty and type(default).__name__ != "PydanticUndefinedType" and default is not Ellipsis:
            kwargs[name] = default
    with stage("direct-predict"):
        return settle(fn(**kwargs))


def instantiate(app_cls):
    try:
        return app_cls(_allow_init=True)  # the stand-in refuses a bare App() outside its runner
    except TypeError:
        return app_cls()


def png_bytes(width=8, height=8):
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), 128)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def schema_examples(model, files_dir):
    """Example inputs from the adapter's input model schema (when the IR was not given)."""
    return schema_examples_from(model.model_json_schema(), files_dir)


def schema_examples_from(schema, files_dir):
    """Example inputs from a JSON schema of the inputs (required ones; files served as PNGs)."""
    defs = schema.get("$defs", schema.get("definitions", {}))
    values, files, kinds = {}, {}, {}
    for name in schema.get("required", []):
        prop = schema.get("properties", {}).get(name, {})
        prop = _deref(prop, defs)
        ui = (prop.get("ui") or {}).get("field")
        if ui in ("file", "image", "audio", "video") or prop.get("format") == "uri":
            target = files_dir / ("%s.png" % name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png_bytes())
            files[name] = str(target.relative_to(files_dir.parent))
            kinds[name] = "path"
            continue
        values[name] = _example(prop, defs)
    return values, files, kinds


def _deref(prop, defs):
    if "$ref" in prop:
        return defs.get(prop["$ref"].rsplit("/", 1)[-1], {})
    for key in ("anyOf", "allOf", "oneOf"):
        if key in prop:
            options = [_deref(p, defs) for p in prop[key] if p.get("type") != "null"]
            if options:
                merged = dict(prop)
                merged.pop(key)
                merged.update(options[0])
                return merged
    return prop


def _example(prop, defs):
    if "enum" in prop:
        return prop["enum"][0]
    if "const" in prop:
        return prop["const"]
    kind = prop.get("type")
    if kind == "string":
        text = "a photo of a cat"
        text = text.ljust(prop.get("minLength", 0), "x")
        return text[: prop["maxLength"]] if "maxLength" in prop else text
    if kind == "integer":
        return int(prop.get("minimum", prop.get("exclusiveMinimum", 0) + 1 if "exclusiveMinimum" in prop else 1))
    if kind == "number":
        return prop.get("minimum", 0.5 if prop.get("maximum", 1) >= 0.5 else prop.get("maximum"))
    if kind == "boolean":
        return True
    if kind == "array":
        return [_example(_deref(prop.get("items", {}), defs), defs)]
    return {}


def input_model(method):
    import typing
    params = list(inspect.signature(method).parameters.values())
    if not inspect.ismethod(method) and params and params[0].name == "self":
        params = params[1:]  # looked up on the class: skip the instance parameter
    if not params:
        return None, None
    try:
        hints = typing.get_type_hints(method)
    except Exception:  # unresolvable forward references: fall back to the raw annotation
        hints = {}
    ann = hints.get(params[0].name, params[0].annotation)
    return params[0].name, ann


def call_endpoint(method, inputs):
    name, model = input_model(method)
    if name is None:
        return method()
    if hasattr(model, "model_validate"):
        return method(model.model_validate(inputs))
    return method(**inputs)


def sse_events(chunks):
    """Server-Sent Events (text chunks) -> the parsed data of each event."""
    text = "".join(c.decode("utf-8", "replace") if isinstance(c, (bytes, bytearray)) else str(c) for c in chunks)
    events = []
    for block in text.split("\n\n"):
        data = "\n".join(line[5:].lstrip() for line in block.splitlines() if line.startswith("data:"))
        if data:
            try:
                events.append(json.loads(data))
            except ValueError:
                events.append(data)
    return events


def run_endpoint(app, method_name, inputs):
    response = call_endpoint(getattr(app, method_name), inputs)
    if inspect.isawaitable(response):
        response = asyncio.run(_await(response))
    body = getattr(response, "body_iterator", None)
    if body is not None:
        return {"__sse__": sse_events(settle(body))}
    return settle(response)


def main():
    spec = json.loads(pathlib.Path(sys.argv[1]).read_text())
    result = {"ok": False, "timings": {}}
    server = None
    try:
        with stage("prepare"):
            if WORK.exists():
                shutil.rmtree(WORK)
            shutil.copytree(ROOT / "app", WORK / "app", symlinks=True)
            os.chdir(WORK / "app")
            os.environ["COG_MIGRATE_PROJECT_DIR"] = str(WORK / "app")
            os.environ.setdefault("FAL_STANDIN_STORAGE", str(WORK / "fal-storage"))
            sys.path[:0] = [str(ROOT / "standin"), str(WORK / "app")]
            if importlib.util.find_spec("fastapi") is None and (ROOT / "standin" / "_shims").is_dir():
                sys.path.insert(1, str(ROOT / "standin" / "_shims"))
            (WORK / "served").mkdir()
            server, base_url = serve(WORK / "served")
        t = time.monotonic()
        with stage("import"):
            module = import_file(WORK / "app" / spec.get("app", "app.py"), "_cog_migrate_app")
            app_cls = find_app_class(module)
            method_name, endpoints = find_endpoint(app_cls, spec.get("endpoint"))
            result["endpoint"] = method_name
            result["endpoints"] = endpoints
        with stage("prepare"):
            if spec.get("inputs") is None:
                _, model = input_model(getattr(app_cls, method_name))
                values, files, kinds = schema_examples(model, WORK / "served" / "inputs")
                spec["inputs"], spec["kinds"] = values, kinds
                spec["files"] = {}
                result["derived_inputs"] = dict(values, **{k: "<file>" for k in files})
            else:
                files = {}
                for name, rel in spec.get("files", {}).items():
                    target = WORK / "served" / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(ROOT / rel, target)
                    files[name] = rel
            url_inputs = dict(spec["inputs"])
            local_inputs = dict(spec["inputs"])
            for name, rel in files.items():
                url_inputs[name] = base_url + urllib.parse.quote(rel)
                # The direct call gets its own copy: a predictor may move or delete its input.
                local = WORK / "direct-inputs" / rel
                local.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(WORK / "served" / rel, local)
                local_inputs[name] = str(local)
        with stage("setup"):
            app = instantiate(app_cls)
            if hasattr(app, "setup"):
                settle(app.setup())
        result["timings"]["setup"] = round(time.monotonic() - t, 3)
        t = time.monotonic()
        with stage("adapter-predict"):
            adapter_out = normalise(run_endpoint(app, method_name, url_inputs))
        result["timings"]["adapter"] = round(time.monotonic() - t, 3)
        result["adapter"] = adapter_out
        stream_name = endpoints.get("/stream")
        if stream_name and stream_name != method_name:
            with stage("adapter-stream"):
                streamed = normalise(run_endpoint(app, stream_name, url_inputs))
            events = streamed.get("__sse__", streamed) if isinstance(streamed, dict) else streamed
            result["stream_events"] = len(events) if isinstance(events, list) else None
            last = events[-1] if isinstance(events, list) and events else None
            if not close(last, adapter_out) and not concatenated_stream(events, adapter_out):
                result.update(stage="compare-stream", error="the last /stream event differs from POST /", stream_last=last)
                raise Failure("compare-stream", RuntimeError(result["error"]))
        t = time.monotonic()
        direct_inputs = {}
        for name, value in local_inputs.items():
            direct_inputs[name] = cog_value(spec.get("kinds", {}).get(name, ""), value)
        direct_out = normalise(direct_call(spec, direct_inputs))
        result["timings"]["direct"] = round(time.monotonic() - t, 3)
        result["direct"] = direct_out
        result["match"], result["rule"] = compare(adapter_out, direct_out)
        result["ok"] = result["match"]
        result["stage"] = "compare"
    except Failure as failure:
        result.update(stage=failure.stage, error=failure.error, traceback=failure.tb)
    finally:
        if server is not None:
            server.shutdown()
    emit(result)


if __name__ == "__main__":
    main()
