"""A stand-in for the `modal` SDK inside a Cog image (see ../README.md).

It supplies what a Modal app uses at import time - `modal.App`, `modal.Image` chains, the
`@app.cls` / `@app.function` / `@modal.enter` / `@modal.method` decorators, secrets, volumes -
so the app's module imports and its class can be instantiated by the generated Cog predictor,
which runs the @modal.enter() methods and calls the method itself. Methods keep Modal's
`.remote()` / `.local()` call forms, run in this process.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, Callable, Iterator, Optional, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class _Method:
    """A @modal.method / @app.function: callable directly and through .remote/.local/.spawn/.map."""

    def __init__(self, fn: Callable[..., Any], owner: Any = None) -> None:
        self._fn = fn
        self._owner = owner
        self.__name__ = getattr(fn, "__name__", "method")
        self.__doc__ = getattr(fn, "__doc__", None)
        self.__wrapped__ = fn

    def __get__(self, instance: Any, owner: Any = None) -> "_Method":
        return self if instance is None else _Method(self._fn, instance)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._owner is not None:
            return self._fn(self._owner, *args, **kwargs)
        return self._fn(*args, **kwargs)

    def remote(self, *args: Any, **kwargs: Any) -> Any:
        return self(*args, **kwargs)

    local = remote
    spawn = remote
    remote_gen = remote

    def map(self, *iterables: Any, **_options: Any) -> Iterator[Any]:
        for args in zip(*iterables):
            yield self(*args)

    def starmap(self, items: Any, **_options: Any) -> Iterator[Any]:
        for args in items:
            yield self(*args)


def _marker(name: str) -> Callable[..., Callable[[F], F]]:
    def decorator(*_args: Any, **_options: Any) -> Callable[[F], F]:
        def mark(fn: F) -> F:
            setattr(fn, f"__modal_{name}__", True)
            return fn

        return mark

    return decorator


enter = _marker("enter")
exit = _marker("exit")  # noqa: A001 - Modal's name
build = _marker("build")
fastapi_endpoint = _marker("web")
web_endpoint = fastapi_endpoint
asgi_app = _marker("asgi")
wsgi_app = _marker("wsgi")
web_server = _marker("web_server")
batched = _marker("batched")


def method(*_args: Any, **_options: Any) -> Callable[[Callable[..., Any]], Any]:
    def wrap(fn: Callable[..., Any]) -> Any:
        return _Method(fn)

    return wrap


def concurrent(*_args: Any, **_options: Any) -> Callable[[F], F]:
    def mark(target: F) -> F:
        return target

    return mark


def parameter(*, default: Any = None, init: bool = True) -> Any:
    """A class parameter; in the Cog container it has its default."""
    return default


class _Chain:
    """Image, Secret, Volume and friends: every builder call gives the object back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs

    def __getattr__(self, name: str) -> Callable[..., "_Chain"]:
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self

    @contextlib.contextmanager
    def imports(self) -> Iterator[None]:
        """`with image.imports():` imports run normally in the Cog container."""
        yield


class _ChainType(type):
    def __getattr__(cls, name: str) -> Callable[..., _Chain]:
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: _Chain(*args, **kwargs)


class Image(_Chain, metaclass=_ChainType):
    pass


class Secret(_Chain, metaclass=_ChainType):
    @staticmethod
    def from_dict(values: Optional[dict[str, Any]] = None, **_options: Any) -> _Chain:
        for key, value in (values or {}).items():
            os.environ.setdefault(key, str(value))
        return _Chain(values)


class Volume(_Chain, metaclass=_ChainType):
    pass


class NetworkFileSystem(_Chain, metaclass=_ChainType):
    pass


class CloudBucketMount(_Chain):
    pass


class Mount(_Chain, metaclass=_ChainType):
    pass


class Retries(_Chain):
    pass


class Cron(_Chain):
    pass


class Period(_Chain):
    pass


class Dict(dict[Any, Any]):
    @staticmethod
    def from_name(*_args: Any, **_options: Any) -> "Dict":
        return Dict()


class _Gpu:
    def __getattr__(self, name: str) -> Callable[..., str]:
        return lambda *args, **kwargs: name


gpu = _Gpu()


class App:
    """modal.App: its decorators leave classes and functions as they are (methods callable)."""

    def __init__(self, name: Optional[str] = None, **options: Any) -> None:
        self.name = name
        self.options = options

    def cls(self, *_args: Any, **_options: Any) -> Callable[[Any], Any]:
        return lambda target: target

    def function(self, *_args: Any, **_options: Any) -> Callable[[Callable[..., Any]], Any]:
        return lambda fn: _Method(fn)

    def local_entrypoint(self, *_args: Any, **_options: Any) -> Callable[[F], F]:
        return lambda fn: fn

    def include(self, other: "App") -> "App":
        return self

    @contextlib.contextmanager
    def run(self, *_args: Any, **_options: Any) -> Iterator["App"]:
        yield self


Stub = App


def is_local() -> bool:
    return False


def current_input_id() -> Optional[str]:
    return None


def __getattr__(name: str) -> Any:
    raise AttributeError(f"modal.{name} has no stand-in in this Cog project; replace its use in the app (see MIGRATION.md)")
