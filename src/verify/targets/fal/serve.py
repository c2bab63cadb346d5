"""fal's part of the smoke run: serves the generated app.py with fal's own application, INSIDE the
built image (never on the host), where the verify stage installed the fal SDK pinned in
test/python-env/fal.txt, as fal's builder installs its serving stack into a container image.

`App(_allow_init=True)._build_app()` is the FastAPI application fal's runner serves (its
`App.serve()` builds the same one and runs it under uvicorn on 0.0.0.0:8080, next to a metrics
server on :9090; here uvicorn serves it on 127.0.0.1 and a free port, host networking). Its
lifespan runs setup(), its routes validate requests with fal's own models and error handlers.

The interface the generic driver (src/verify/smoke/driver.py) uses: `start(app_file) -> Served`.
"""

import importlib.util
import inspect
import os
import socket
import sys
import threading
import time
import traceback

# fal's downloader refuses private and loopback addresses (SSRF protection), so file inputs go to
# the app as data URIs, which Cog and Replicate accept too.
FILE_INPUTS = "data-uri"
# What each Cog role is served at by the generated app (targets/fal: "/" and "/train"), and the
# Server-Sent Events twin of an iterator output.
ROLE_PATHS = {"predict": "/", "train": "/train"}
STREAM_PATHS = {"predict": "/stream", "train": "/train/stream"}
STARTUP_SECONDS = 300


class StartFailed(Exception):
    """The app could not be served; stage is "import" or "setup"."""

    def __init__(self, stage, error, tb):
        super().__init__(error)
        self.stage, self.error, self.tb = stage, error, tb


def _describe(exc):
    return "%s: %s" % (type(exc).__name__, exc), "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:]


def _import_app(app_file):
    import fal  # the real SDK: a missing one is an import failure, not a silent stand-in

    spec = importlib.util.spec_from_file_location("_cog_migrate_fal_app", app_file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    found = [v for v in vars(module).values() if inspect.isclass(v) and issubclass(v, fal.App) and v is not fal.App and v.__module__ == module.__name__]
    if len(found) != 1:
        raise RuntimeError("app.py defines %d fal.App subclasses, expected one" % len(found))
    return found[0], fal.__version__


def _record_setup_failure(app, failures):
    """fal's lifespan awaits app.setup(); keep its exception (uvicorn only logs it)."""
    original = app.setup
    if inspect.iscoroutinefunction(original):
        async def setup():
            try:
                return await original()
            except BaseException as exc:
                failures.append(exc)
                raise
    else:
        def setup():
            try:
                return original()
            except BaseException as exc:
                failures.append(exc)
                raise
    app.setup = setup


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, server, thread, base_url, routes, fal_version):
        self._server, self._thread = server, thread
        self.base_url = base_url
        self.routes = routes
        self.runtime = {"platform": "fal", "sdk": fal_version, "application": "App(_allow_init=True)._build_app() under uvicorn"}

    def endpoint(self, role):
        path = ROLE_PATHS.get(role)
        return path if path in self.routes else None

    def stream_endpoint(self, role):
        path = STREAM_PATHS.get(role)
        return path if path in self.routes else None

    def case_output(self, body):
        """The output a model test sees, as the emitted fal test (runtime/model_tests/test_fal.py,
        `cog_output`) takes it from fal_client's result: the adapter's `output` field, or the
        fields themselves for a BaseModel output; files as their URLs."""
        if isinstance(body, dict) and set(body) == {"output"}:
            body = body["output"]
        return _plain(body)

    def stop(self):
        self._server.should_exit = True
        self._thread.join(timeout=30)


def _plain(value):
    if isinstance(value, dict) and "url" in value and "content_type" in value:
        return value["url"]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def start(app_file):
    os.environ.setdefault("COG_MIGRATE_FAL_FILES", "in_memory")  # the adapter's switch: no CDN, no credentials
    try:
        app_cls, fal_version = _import_app(app_file)
        app = app_cls(_allow_init=True)
        application = app._build_app()
    except BaseException as exc:
        raise StartFailed("import", *_describe(exc)) from exc
    import uvicorn

    failures = []
    _record_setup_failure(app, failures)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(application, host="127.0.0.1", port=port, lifespan="on", log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if failures:
            raise StartFailed("setup", *_describe(failures[0]))
        if not thread.is_alive():
            raise StartFailed("setup", "uvicorn exited before serving (see the log above)", "")
        if time.monotonic() > deadline:
            raise StartFailed("setup", "the app did not start within %d s" % STARTUP_SECONDS, "")
        time.sleep(0.05)
    routes = sorted(getattr(r, "path", "") for r in application.routes)
    return Served(server, thread, "http://127.0.0.1:%d" % port, routes, fal_version)
