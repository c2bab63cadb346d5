"""A stand-in for the Cog SDK, shipped by cog-migrate.

It lets a predictor written for Cog keep its `from cog import ...` lines where the real
Cog SDK is absent. The platform adapter (app.py, modal_app.py, ...) does the serving; nothing
here runs a server. Every public name of the Cog SDK's `cog` module is provided, for each Cog
generation cog-migrate reads (cog 0.19's and the pinned Cog release's __all__, plus the pre-1.0
`Predictor` / `input`); test/runtime/cog-names.test.ts compares them with the real packages.

Design: `Input(...)` returns the default itself, so a predict() signature's defaults are real
values and an adapter may leave an argument out to let the predictor evaluate its own default.
"""

import contextvars
import inspect
import io
import pathlib
import typing
import warnings

__version__ = "0.0.0+cog-migrate"

T = typing.TypeVar("T")


class _Required:
    """Marks an Input() without a default. The adapter always passes required inputs."""

    def __repr__(self) -> str:
        return "<required>"


REQUIRED = _Required()


def Input(  # noqa: N802 - Cog's spelling
    default: typing.Any = REQUIRED,
    *,
    description: typing.Optional[str] = None,
    ge: typing.Optional[float] = None,
    le: typing.Optional[float] = None,
    min_length: typing.Optional[int] = None,
    max_length: typing.Optional[int] = None,
    regex: typing.Optional[str] = None,
    choices: typing.Optional[typing.List[typing.Any]] = None,
    deprecated: typing.Optional[bool] = None,
    **kwargs: typing.Any,
) -> typing.Any:
    """Returns the default: validation happened in the adapter's input model already."""
    return default


_UNSET = object()


class _ScopeAccess:
    """`self.scope` and `self.record_metric(...)` on predictors and runners (Cog >= 0.22)."""

    @property
    def scope(self) -> typing.Any:
        # A predictor written for older Cog may assign self.scope itself; that value then wins.
        own = self.__dict__.get("scope", _UNSET)
        return current_scope() if own is _UNSET else own

    @scope.setter
    def scope(self, value: typing.Any) -> None:
        self.__dict__["scope"] = value

    def record_metric(self, key: str, value: typing.Any, mode: str = "replace") -> None:
        current_scope().record_metric(key, value, mode=mode)


class BasePredictor(_ScopeAccess):
    def setup(self, weights: typing.Any = None) -> None:
        """Load the model. Optional."""

    def predict(self, **kwargs: typing.Any) -> typing.Any:
        raise NotImplementedError("predict has not been implemented by parent class.")


class BaseRunner(_ScopeAccess):
    def setup(self, weights: typing.Any = None) -> None:
        """Load the model. Optional."""

    def run(self, **kwargs: typing.Any) -> typing.Any:
        raise NotImplementedError("run has not been implemented by parent class.")


class Path(pathlib.PosixPath):
    """A local file path, as Cog's cog.Path (downloaded before predict() when it was a URL)."""


class URLPath(Path):
    """Cog passes remote files as URLPath; here they are always downloaded, so it is a Path."""


class File(io.IOBase):
    """Deprecated in Cog: an open binary file. The adapter passes an opened file object."""


class URLFile(File):
    """Cog's lazily opened remote file; here inputs are downloaded first, so it is a File."""


class FieldInfo:
    """What Cog's Input() returns. Here Input() returns the default itself (validation is the
    adapter's), so this class exists for imports, annotations and isinstance checks only."""

    def __init__(self, default: typing.Any = None, **metadata: typing.Any) -> None:
        self.default = default
        self.metadata = metadata


class Secret:
    """A string that is not shown in logs or reprs (Cog's cog.Secret)."""

    def __init__(self, secret_value: typing.Optional[str] = None) -> None:
        self._secret_value = secret_value

    def get_secret_value(self) -> typing.Optional[str]:
        return self._secret_value

    def __repr__(self) -> str:
        return "Secret(**********)" if self._secret_value else "Secret(None)"

    __str__ = __repr__


class ConcatenateIterator(typing.Iterator[T]):
    """Marks streamed text whose chunks the client concatenates."""

    def __next__(self) -> T:  # pragma: no cover - a marker type
        raise StopIteration


class AsyncConcatenateIterator(typing.AsyncIterator[T]):
    """The async form of ConcatenateIterator."""

    async def __anext__(self) -> T:  # pragma: no cover - a marker type
        raise StopAsyncIteration


class _OpaqueMarker:
    """`typing.Annotated[T, Opaque]` tells Cog to pass T through as a JSON object (Cog >= 0.22)."""

    def __repr__(self) -> str:
        return "cog.Opaque"


Opaque = _OpaqueMarker()

F = typing.TypeVar("F", bound=typing.Callable[..., typing.Any])


def streaming(fn: typing.Optional[F] = None) -> typing.Any:
    """@streaming / @streaming(): marks a handler whose output streams (Cog >= 0.22). The
    adapter streams iterator outputs itself, so the function is returned unchanged."""
    return fn if fn is not None else (lambda inner: inner)


def concurrent(fn: typing.Optional[F] = None, *, max: int = 1) -> typing.Any:  # noqa: A002 - Cog's spelling
    """@concurrent / @concurrent(max=N): Cog's concurrency limit for an async handler (Cog >=
    0.22), checked as Cog checks it; the target's own concurrency setting is what applies."""
    if isinstance(max, bool) or not isinstance(max, int):
        raise TypeError("concurrent max must be an integer")
    if max < 1:
        raise ValueError("concurrent max must be at least 1")

    def decorate(inner: F) -> F:
        if max > 1 and not (inspect.iscoroutinefunction(inner) or inspect.isasyncgenfunction(inner)):
            raise TypeError("concurrent max greater than 1 requires an async function")
        setattr(inner, "__cog_concurrent_max__", max)
        return inner

    if fn is None:
        return decorate
    if not callable(fn):
        raise TypeError("concurrent must be used as @concurrent or @concurrent(max=...)")
    return decorate(fn)


class _PlainModel:
    """Used only where pydantic is missing: keyword arguments become attributes."""

    def __init__(self, **kwargs: typing.Any) -> None:
        for key, value in kwargs.items():
            setattr(self, key, value)


try:
    import pydantic as _pydantic

    class BaseModel(_pydantic.BaseModel):
        """Output objects; fields may be Paths, as in Cog."""

        model_config = _pydantic.ConfigDict(arbitrary_types_allowed=True)

except ImportError:  # pragma: no cover - pydantic comes with every supported platform SDK
    BaseModel = _PlainModel  # type: ignore


class CancelationException(BaseException):
    """Cog raised this inside predict() on cancellation; platforms cancel requests themselves."""


class ExperimentalFeatureWarning(Warning):
    pass


class _Metrics(typing.Dict[str, typing.Any]):
    """`scope.metrics`: a dict (Cog allows `metrics["n"] = 1`, `del metrics["n"]`) with record()."""

    def record(self, key: str, value: typing.Any, mode: str = "replace") -> None:
        if value is None:
            self.pop(key, None)
        elif mode == "incr":
            self[key] = self.get(key, 0) + value
        elif mode == "append":
            previous = self.get(key)
            self[key] = (previous if isinstance(previous, list) else []) + [value]
        elif mode == "replace":
            self[key] = value
        else:
            raise ValueError(f"unknown metric mode {mode!r}: use replace, incr or append")


class Scope:
    """What current_scope() returns: the metrics of the one prediction running in this context.
    The adapter opens a fresh scope per request (cog_migrate_runtime.metrics), so concurrent
    requests never share one; outside a request each call gets a throwaway scope, as Cog's no-op."""

    def __init__(self) -> None:
        self.metrics: _Metrics = _Metrics()
        self.context: typing.Dict[str, typing.Any] = {}

    def record_metric(self, name: str, value: typing.Any, mode: str = "replace") -> None:
        self.metrics.record(name, value, mode)


# The scope of the running prediction. A context variable, not a module global: every request
# (an asyncio task, or a worker thread with its own context) sees only its own.
_current_scope: "contextvars.ContextVar[typing.Optional[Scope]]" = contextvars.ContextVar("cog_current_scope", default=None)


def current_scope() -> Scope:
    scope = _current_scope.get()
    return scope if scope is not None else Scope()


def emit_metric(name: str, value: typing.Any) -> None:
    """Deprecated in Cog for current_scope().record_metric(name, value), which it calls."""
    current_scope().record_metric(name, value)


# Pre-1.0 API: class Predictor(cog.Predictor) with @cog.input(...) decorators; in the spring-2021
# pre-release, class M(cog.Model) with setup() and run().
Predictor = BasePredictor
Model = BaseRunner


def input(name: str, **kwargs: typing.Any) -> typing.Callable[[typing.Any], typing.Any]:  # noqa: A001
    """@cog.input(...) of the pre-1.0 API: the adapter passes every input, so nothing to do."""

    def decorate(fn: typing.Any) -> typing.Any:
        return fn

    return decorate


def __getattr__(name: str) -> typing.Any:
    warnings.warn(f"cog.{name} is not provided by the cog-migrate compatibility module", stacklevel=2)
    raise AttributeError(name)


__all__ = [
    "__version__",
    "AsyncConcatenateIterator",
    "BaseModel",
    "BasePredictor",
    "BaseRunner",
    "CancelationException",
    "ConcatenateIterator",
    "ExperimentalFeatureWarning",
    "FieldInfo",
    "File",
    "Input",
    "Model",
    "Opaque",
    "Path",
    "Predictor",
    "Secret",
    "URLFile",
    "URLPath",
    "concurrent",
    "current_scope",
    "emit_metric",
    "input",
    "streaming",
]
