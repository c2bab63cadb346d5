"""A Modal app's class driven as Modal's container runtime drives it, with the real `modal` package.

Modal's container entrypoint (modal/_runtime/user_code_imports.py, import_class_service and
_LifecycleManager) imports the app module, instantiates the user class through
`get_user_class_instance`, runs the @modal.enter methods (snap=True ones before the memory
snapshot, the others after it) through `call_lifecycle_functions`, then calls the
@modal.asgi_app method once and serves the ASGI app it returns, and calls @modal.method methods
per input. This module calls those same functions of the pinned client; only the parts that need
Modal's servers (the input queue, the ASGI-over-gRPC wrapper, snapshots) are not used: the ASGI
app is served by uvicorn on 127.0.0.1 instead, and methods are called in this process.
"""

import contextlib
import importlib.util
import sys
import threading
import time
import types
import typing
import urllib.request

import modal
import modal.cls
from modal._partial_function import _find_callables_for_obj, _PartialFunctionFlags
from modal._runtime.user_code_event_loop import UserCodeEventLoop
from modal._runtime.user_code_imports import call_lifecycle_functions, get_user_class_instance
from modal._utils.async_utils import synchronizer
from modal_proto import api_pb2


def import_app(path: str, name: str = "modal_app") -> types.ModuleType:
    """Imports modal_app.py as Modal's container does: as a module by its own name."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class _TaskLifecycle:
    """What call_lifecycle_functions asks of Modal's task lifecycle manager: a context for errors
    (Modal reports them to its servers; here they propagate)."""

    def handle_task_lifecycle_exception(self) -> typing.ContextManager[None]:
        return contextlib.nullcontext()


class Container:
    """One container of the app's single @app.cls: entered once, then serving inputs."""

    def __init__(self, module: types.ModuleType) -> None:
        classes = [v for v in vars(module).values() if isinstance(v, modal.Cls)]
        if len(classes) != 1:
            raise RuntimeError(f"{module.__name__} defines {len(classes)} Modal classes, expected 1")
        self._cls = typing.cast(modal.cls._Cls, synchronizer._translate_in(classes[0]))
        self.partials = self._cls._get_partial_functions()
        self.instance = get_user_class_instance(self._cls, (), {})
        self.loop = UserCodeEventLoop()
        self.loop.__enter__()

    def enter(self) -> None:
        """The @modal.enter methods: snap=True first (before a snapshot), then the rest."""
        for flag in (_PartialFunctionFlags.ENTER_PRE_SNAPSHOT, _PartialFunctionFlags.ENTER_POST_SNAPSHOT):
            found = _find_callables_for_obj(self.instance, flag)
            call_lifecycle_functions(self.loop, typing.cast(typing.Any, _TaskLifecycle()), list(found.values()))

    def asgi_app(self) -> typing.Any:
        """What the @modal.asgi_app method returns: the very object Modal serves."""
        web = [p for p in self.partials.values() if p.params.webhook_config and p.params.webhook_config.type == api_pb2.WEBHOOK_TYPE_ASGI_APP]
        if len(web) != 1:
            raise RuntimeError(f"the class has {len(web)} @modal.asgi_app methods, expected 1")
        assert web[0].raw_f is not None
        return web[0].raw_f.__get__(self.instance)()

    def method(self, name: str) -> typing.Callable[..., typing.Any]:
        """A @modal.method, bound as Modal binds it for each input."""
        partial = self.partials.get(name)
        if partial is None or partial.raw_f is None or not partial.flags & _PartialFunctionFlags.CALLABLE_INTERFACE:
            raise RuntimeError(f"the class has no @modal.method {name}()")
        return partial.raw_f.__get__(self.instance)

    def run(self, value: typing.Any) -> typing.Any:
        """A method's result as a caller of .remote() / .remote_gen() receives it."""
        if hasattr(value, "__await__"):
            return self.loop.run(value)
        if hasattr(value, "__aiter__"):
            async def drain() -> typing.List[typing.Any]:
                return [item async for item in value]

            return self.loop.run(drain())
        if isinstance(value, typing.Iterator):
            return list(value)
        return value

    def close(self) -> None:
        self.loop.__exit__(None, None, None)


def serve(app: typing.Any, port: int) -> typing.Tuple[typing.Any, threading.Thread]:
    """Serves the ASGI app under uvicorn on 127.0.0.1:port in a thread; returns when it answers."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="auto"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(300):
        if server.started:
            return server, thread
        if not thread.is_alive():
            raise RuntimeError("uvicorn stopped before it served")
        time.sleep(0.05)
    raise RuntimeError("uvicorn did not start within 15 s")


def wait_ready(base: str, tries: int = 100) -> None:
    """Waits for Cog's GET /health-check to answer."""
    for _ in range(tries):
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(base + "/health-check", timeout=5) as r:
                if r.status == 200:
                    return
        time.sleep(0.1)
    raise RuntimeError("GET /health-check did not answer")
