"""cog-migrate smoke driver: runs INSIDE the built image (never on the host).

Target-generic. The platform's own part is a module beside it (/cog-migrate/serve.py, from
src/verify/targets/<target>/serve.py) that serves the generated app with the platform's own
application on 127.0.0.1 and says where each role is served:

    FILE_INPUTS = "data-uri" | "url"        how file inputs reach the app
    start(app_file) -> Served               raises StartFailed(stage, error, tb)
    Served.base_url, .routes, .runtime      "http://127.0.0.1:PORT", served paths, what serves it
    Served.endpoint(role) / .stream_endpoint(role) -> path or None   (role: predict, train)
    Served.case_output(body) -> a response's output as the platform's emitted model tests see it
    Served.stop()

A platform whose requests are not the bare inputs (Cog's HTTP API: the cog target) adds:

    Served.cog_api = True                   test cases reported as raw answers (cases.ts reads them)
    Served.request_body(role, inputs)       the body that carries the inputs
    Served.accept                           the Accept header (Cog answers SSE with 406 unless @streaming)
    Served.base_for(role)                   the server of a role, where it is not base_url (Cog's train server)
    Served.response_output(body)            the output in a 200 answer (raises when there is none)
    Served.input_schema(role) -> (schema, defs)   the inputs' JSON schema, for derived and invalid inputs
    Served.openapi_url                      where the served OpenAPI document is, when not at base_url
    Served.reference_base                   a platform in front of Cog's own server (the Cloudflare
                                            Worker): that server's URL; each request and the invalid
                                            one go to it too, and the front must answer as it does

The driver sends one HTTP request per endpoint (predict, its stream, train) with the spec's
inputs, one invalid request that the platform's own validation must answer with 422, and the
model's offline test cases (cog-safe-push); then calls the user's Cog predictor directly with the
same inputs and compares the results after normalising them (files by content hash, models by
their fields). One JSON line, prefixed with MARKER, reports everything; the host checks the test
cases' outputs (runtime/model_tests/checks.py).

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
import urllib.error
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


def files_as_digests(value):
    """Cog's HTTP API returns files as data URLs: compared by content, as files are everywhere."""
    if isinstance(value, str) and value.startswith("data:") and ";base64," in value[:200]:
        return file_digest(base64.b64decode(value.partition(",")[2]))
    if isinstance(value, list):
        return [files_as_digests(v) for v in value]
    if isinstance(value, dict):
        return {k: files_as_digests(v) for k, v in value.items()}
    return value


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


def cog_value(kind, value):
    cog = sys.modules.get("cog")
    if kind == "path":
        cls = getattr(cog, "Path", pathlib.Path) if cog else pathlib.Path
        return cls(value)
    if kind == "secret" and cog is not None and hasattr(cog, "Secret"):
        return cog.Secret(value)
    return value


def direct_call(role, inputs):
    """The user's Cog predictor called as Cog calls it: setup() once, then predict()/train().
    role: one of the spec's roles, or the spec itself (its top-level fields are predict's)."""
    pred = role["predictor"]
    name = role.get("role", "predict")
    module = import_file(WORK / "app" / pred["file"], "_cog_migrate_direct_%s_%s" % (name, pathlib.Path(pred["file"]).stem.replace("-", "_")))
    target = getattr(module, pred["name"])
    if inspect.isclass(target):
        instance = target()
        with stage("direct-setup"):
            if hasattr(instance, "setup"):
                sig = inspect.signature(instance.setup)
                kwargs = {n: None for n in sig.parameters if n == (role.get("weightsParameter") or "")}
                settle(instance.setup(**kwargs))
        fn = getattr(instance, pred.get("method") or "predict")
    else:
        fn = target
    kwargs = dict(inputs)
    for param_name, param in inspect.signature(fn).parameters.items():  # not `name`: the stage needs the role
        if param_name in kwargs or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        default = param.default
        if hasattr(default, "default"):  # cog.Input(...) returns a FieldInfo-like object
            default = default.default
        if default is not inspect.Parameter.empty and type(default).__name__ != "PydanticUndefinedType" and default is not Ellipsis:
            kwargs[param_name] = default
    with stage("direct-" + name):
        return settle(fn(**kwargs))


def png_bytes(width=8, height=8):
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), 128)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def request_schema(openapi, path):
    """The JSON schema of the request body the platform serves at path, and the schema's $defs."""
    defs = dict(openapi.get("components", {}).get("schemas", {}))
    op = openapi.get("paths", {}).get(path, {}).get("post", {})
    content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    return _deref(content.get("schema", {}), defs), defs


def schema_examples_from(schema, files_dir, defs=None):
    """Example inputs from a JSON schema of the inputs (required ones; files written as PNGs):
    the platform's served request schema, or an input model's (a target's own runner)."""
    if defs is None:
        defs = schema.get("$defs", schema.get("definitions", {}))
    values, files, kinds = {}, {}, {}
    for name in schema.get("required", []):
        prop = _deref(schema.get("properties", {}).get(name, {}), defs)
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
        return _deref(defs.get(prop["$ref"].rsplit("/", 1)[-1], {}), defs)
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


def invalid_request(schema, defs, valid):
    """A request the platform's validation must refuse: one input of the wrong JSON type.
    Returns (input name, body) or None when no input has a type to break."""
    wrong = {"string": 12345, "integer": "not a number", "number": "not a number", "boolean": "maybe", "array": 5}
    props = schema.get("properties", {})
    for name in list(schema.get("required", [])) + sorted(props):
        prop = _deref(props.get(name, {}), defs)
        if "enum" in prop:
            return name, dict(valid, **{name: "cog-migrate-not-a-choice"})
        if prop.get("type") in wrong:
            return name, dict(valid, **{name: wrong[prop["type"]]})
    return None


def post(url, body, timeout=300, accept="application/json, text/event-stream"):
    """(status, parsed JSON or text, raw text) of a JSON POST. Cog's server answers 409 ("At
    capacity") while it still frees the slot of the prediction before; that is retried briefly."""
    for _ in range(40):
        status, parsed, raw = _post_once(url, body, timeout, accept)
        if status != 409:
            break
        time.sleep(0.25)
    return status, parsed, raw


def _post_once(url, body, timeout, accept):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", "Accept": accept}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw, ctype = resp.status, resp.read().decode("utf-8", "replace"), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        status, raw, ctype = err.code, err.read().decode("utf-8", "replace"), err.headers.get("Content-Type", "")
    if "text/event-stream" in ctype:
        return status, {"__sse__": sse_events([raw])}, raw
    try:
        return status, json.loads(raw), raw
    except ValueError:
        return status, raw, raw


def get_json(url, timeout=60):
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return json.loads(resp.read())


def sse_events(chunks):
    """Server-Sent Events (text chunks) -> the parsed data of each event."""
    text = "".join(c.decode("utf-8", "replace") if isinstance(c, (bytes, bytearray)) else str(c) for c in chunks)
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        data = "\n".join(line[5:].lstrip() for line in block.splitlines() if line.startswith("data:"))
        if data:
            try:
                events.append(json.loads(data))
            except ValueError:
                events.append(data)
    return events


def error_text(status, body):
    """A failed request's error as a client shows it: the JSON `detail` (or the body)."""
    detail = body.get("detail") if isinstance(body, dict) else None
    if detail is None:
        detail = body
    return "HTTP %d: %s" % (status, detail if isinstance(detail, str) else json.dumps(detail))


def data_uri(path):
    import mimetypes
    mime = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
    return "data:%s;base64,%s" % (mime, base64.b64encode(pathlib.Path(path).read_bytes()).decode())


def load_serve_module():
    return import_file(ROOT / "serve.py", "_cog_migrate_serve")


def inputs_schema(served, openapi, role_name):
    """(schema, defs) of a role's inputs as the platform serves them."""
    if hasattr(served, "input_schema"):
        return served.input_schema(role_name)
    return request_schema(openapi, served.endpoint(role_name))


def body_of(served, role_name, inputs):
    return served.request_body(role_name, inputs) if hasattr(served, "request_body") else inputs


def send(served, path, role_name, inputs, timeout=300):
    """POST of a role's inputs as the platform takes them (its server, body and Accept header)."""
    base = served.base_for(role_name) if hasattr(served, "base_for") else served.base_url
    if hasattr(served, "accept"):
        return post(base + path, body_of(served, role_name, inputs), timeout, served.accept)
    return post(base + path, body_of(served, role_name, inputs), timeout)


def prepare_role_inputs(role, schema_of, file_ref):
    """(inputs for the platform, inputs for the direct call) of one role (a spec's role, or a
    runner's spec, whose top-level fields are predict's). Without the IR, inputs are derived from
    schema_of() -> (schema, defs), the inputs' schema as the platform serves it. File inputs reach
    the platform as file_ref(full path, relative path) gives them; the direct call gets its own
    copies as local paths. Call it after the app is imported: Path inputs become `cog.Path`."""
    if role.get("inputs") is None:  # no IR: derive from the schema the platform serves
        schema, defs = schema_of()
        values, files, kinds = schema_examples_from(schema, WORK / "served" / ("inputs-" + role.get("role", "predict")), defs)
        role["inputs"], role["kinds"] = values, kinds
        role["derived"] = True
    else:
        files = {}
        for name, rel in role.get("files", {}).items():
            target = WORK / "served" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / rel, target)
            files[name] = rel
    remote, local = dict(role["inputs"]), dict(role["inputs"])
    for name, rel in files.items():
        remote[name] = file_ref(WORK / "served" / rel, rel)
        # The direct call gets its own copy: a predictor may move or delete its input.
        copy = WORK / "direct-inputs" / role.get("role", "predict") / rel
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(WORK / "served" / rel, copy)
        local[name] = str(copy)
    kinds = role.get("kinds", {})
    return remote, {n: cog_value(kinds.get(n, ""), v) for n, v in local.items()}


def call_platform(served, role_name, path, inputs, stage_name):
    with stage(stage_name):
        status, body, raw = send(served, path, role_name, inputs)
        if status != 200:
            raise RuntimeError("POST %s answered %s" % (path, error_text(status, body)))
        return served.response_output(body) if hasattr(served, "response_output") else body


def run_role(role, served, openapi, file_ref, result):
    name = role["role"]
    path = served.endpoint(name)
    if path is None:
        raise Failure("adapter-" + name, RuntimeError("the app serves no endpoint for %s() (routes: %s)" % (name, ", ".join(served.routes))))
    remote, local = prepare_role_inputs(role, lambda: inputs_schema(served, openapi, name), file_ref)
    entry = {"role": name, "endpoint": path, "inputs": remote if not role.get("files") else dict(remote, **{k: "<file>" for k in role.get("files", {})})}
    result["requests"].append(entry)
    t = time.monotonic()
    adapter_out = normalise(call_platform(served, name, path, remote, "adapter-" + name))
    result["timings"]["adapter" if name == "predict" else "adapter-" + name] = round(time.monotonic() - t, 3)
    entry["status"] = 200
    stream_path = served.stream_endpoint(name)
    if stream_path:
        streamed = normalise(call_platform(served, name, stream_path, remote, "adapter-stream"))
        events = streamed.get("__sse__", streamed) if isinstance(streamed, dict) else streamed
        count = len(events) if isinstance(events, list) else None
        result["requests"].append({"role": name, "endpoint": stream_path, "status": 200, "events": count})
        if name == "predict":
            result["stream_events"] = count
        last = events[-1] if isinstance(events, list) and events else None
        if not close(last, adapter_out) and not concatenated_stream(events, adapter_out):
            result.update(stream_last=last)
            raise Failure("compare-stream", RuntimeError("the last %s event differs from POST %s" % (stream_path, path)))
    t = time.monotonic()
    direct_out = normalise(direct_call(role, local))
    result["timings"]["direct" if name == "predict" else "direct-" + name] = round(time.monotonic() - t, 3)
    match, rule = compare(adapter_out, direct_out)
    if name == "predict":
        result["adapter"], result["direct"], result["rule"] = adapter_out, direct_out, rule
    else:
        result.setdefault("roles", {})[name] = {"adapter": adapter_out, "direct": direct_out, "rule": rule}
    if not match:
        result.update(adapter=adapter_out, direct=direct_out, role=name)
        raise Failure("compare", RuntimeError("%s: the platform and the Cog predictor returned different results" % name))
    if getattr(served, "reference_base", None):
        check_reference(served, name, path, remote, adapter_out, result)
    return remote


def send_reference(served, path, role_name, inputs, timeout=300):
    """The same POST to Cog's own server behind the platform (served.reference_base)."""
    return post(served.reference_base + path, body_of(served, role_name, inputs), timeout, getattr(served, "accept", "application/json"))


def check_reference(served, role_name, path, inputs, adapter_out, result):
    """A front of Cog's server must answer a request as that server does when asked directly."""
    with stage("reference-" + role_name):
        status, body, _ = send_reference(served, path, role_name, inputs)
        if status != 200:
            raise RuntimeError("Cog's server behind the platform, POST %s, answered %s" % (path, error_text(status, body)))
        reference_out = normalise(served.response_output(body))
    result.setdefault("reference", []).append({"role": role_name, "endpoint": path, "status": status})
    if not close(adapter_out, reference_out):
        result.update(adapter=adapter_out, reference_output=reference_out, role=role_name)
        raise Failure("compare-reference", RuntimeError("%s: the platform answered differently from Cog's server behind it" % role_name))


def check_invalid(served, openapi, role_name, valid, result):
    """One request with a wrongly typed input: the platform's own validation answers 422."""
    path = served.endpoint(role_name)
    schema, defs = inputs_schema(served, openapi, role_name)
    bad = invalid_request(schema, defs, valid)
    if bad is None:
        result["invalid"] = {"skipped": "no input with a type to break"}
        return
    name, body = bad
    with stage("invalid-input"):
        status, answer, _ = send(served, path, role_name, body)
    result["invalid"] = {"endpoint": path, "input": name, "sent": body[name], "status": status, "detail": answer.get("detail") if isinstance(answer, dict) else answer}
    if status != 422:
        raise Failure("invalid-input", RuntimeError("POST %s with %s=%r answered %d, not 422" % (path, name, body[name], status)))
    if getattr(served, "reference_base", None):
        # The front refused it; Cog's server behind it must refuse it too, or the front refuses
        # inputs the model takes (and the check above proves nothing about Cog's validation).
        with stage("invalid-input"):
            reference_status, _, _ = send_reference(served, path, role_name, body)
        result["invalid"]["reference_status"] = reference_status
        if reference_status != 422:
            raise Failure("reference-invalid", RuntimeError("POST %s with %s=%r: the platform answered 422 but Cog's server behind it answered %d" % (path, name, body[name], reference_status)))


def run_cases(cases, served, result):
    """The model's offline test cases through the platform: output or error as its client sees them
    (or, for Cog's HTTP API, the raw answers, read on the host as the emitted tests read them)."""
    if getattr(served, "cog_api", False):
        answers = []
        for case in cases:
            path = served.endpoint(case["role"])
            if path is None:
                answers.append({"id": case["id"], "status": 404, "text": "the server routes no %s()" % case["role"]})
                continue
            status, _, raw = send(served, path, case["role"], case["inputs"], case.get("timeout") or 300)
            answers.append({"id": case["id"], "status": status, "text": raw})
        result["answers"] = answers
        return
    out = []
    for case in cases:
        path = served.endpoint(case["role"])
        if path is None:
            out.append({"id": case["id"], "output": None, "error": "the app serves no endpoint for %s()" % case["role"]})
            continue
        status, body, _ = send(served, path, case["role"], case["inputs"], case.get("timeout") or 300)
        if status == 200:
            out.append({"id": case["id"], "output": served.case_output(body), "error": None})
        else:
            out.append({"id": case["id"], "output": None, "error": error_text(status, body), "status": status})
    result["cases"] = out


def main():
    spec = json.loads(pathlib.Path(sys.argv[1]).read_text())
    result = {"ok": False, "timings": {}, "requests": []}
    file_server = served = None
    try:
        with stage("prepare"):
            if WORK.exists():
                shutil.rmtree(WORK)
            shutil.copytree(ROOT / "app", WORK / "app", symlinks=True)
            os.chdir(WORK / "app")
            os.environ["COG_MIGRATE_PROJECT_DIR"] = str(WORK / "app")
            # Hand-written apps import the project's modules by name; last on the path, so a
            # project file named like a module of the platform (uuid.py) cannot shadow it.
            sys.path.append(str(WORK / "app"))
            (WORK / "served").mkdir()
            target = load_serve_module()
            if getattr(target, "FILE_INPUTS", "url") == "url":
                file_server, base_url = serve(WORK / "served")
                file_ref = lambda full, rel: base_url + urllib.parse.quote(rel)  # noqa: E731
            else:
                file_ref = lambda full, rel: data_uri(full)  # noqa: E731
        t = time.monotonic()
        try:
            served = target.start(str(WORK / "app" / spec.get("app", "app.py")))
        except target.StartFailed as failed:
            raise Failure(failed.stage, RuntimeError(failed.error)) from failed
        result["timings"]["setup"] = round(time.monotonic() - t, 3)
        result["runtime"], result["routes"] = served.runtime, served.routes
        with stage("openapi"):
            openapi = get_json(getattr(served, "openapi_url", None) or served.base_url + "/openapi.json")
        result["openapi"] = openapi
        valid = {}
        for role in spec["roles"]:
            valid[role["role"]] = run_role(role, served, openapi, file_ref, result)
        check_invalid(served, openapi, "predict", valid["predict"], result)
        if spec.get("cases"):
            with stage("cases"):
                run_cases(spec["cases"], served, result)
        result["ok"], result["match"], result["stage"] = True, True, "compare"
    except Failure as failure:
        result.update(stage=failure.stage, error=failure.error, traceback=failure.tb)
    finally:
        if served is not None:
            served.stop()
        if file_server is not None:
            file_server.shutdown()
    emit(result)


if __name__ == "__main__":
    main()
