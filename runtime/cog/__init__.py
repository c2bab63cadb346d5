"""A stand-in for the Cog SDK, shipped by cog-migrate.

It lets a predictor written for Cog keep its `from cog import ...` lines where the real
Cog SDK is absent. The platform adapter (app.py, modal_app.py, ...) does the serving; nothing
here runs a server. Only the names predictors use are provided; ask for more in the cog-migrate
tracker.

Design: `Input(...)` returns the default itself, so a predict() signature's defaults are real
values and an adapter may leave an argument out to let the predictor evaluate its own default.
"""

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


class BasePredictor:
    def setup(self, weights: typing.Any = None) -> None:
        """Load the model. Optional."""

    def predict(self, **kwargs: typing.Any) -> typing.Any:
        raise NotImplementedError("predict has not been implemented by parent class.")


class BaseRunner:
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


class Scope:
    """What current_scope() returns. Metrics are kept for the current call and then dropped:
    the target platform has no per-prediction metrics (see MIGRATION.md)."""

    def __init__(self) -> None:
        self.metrics: typing.Dict[str, typing.Any] = {}
        self.context: typing.Dict[str, typing.Any] = {}

    def record_metric(self, name: str, value: typing.Any, mode: str = "replace") -> None:
        if mode == "incr":
            self.metrics[name] = self.metrics.get(name, 0) + value
        elif mode == "append":
            self.metrics.setdefault(name, []).append(value)
        else:
            self.metrics[name] = value


_scope = Scope()


def current_scope() -> Scope:
    return _scope


def emit_metric(name: str, value: typing.Any) -> None:
    _scope.record_metric(name, value)


# Pre-1.0 API: class Predictor(cog.Predictor) with @cog.input(...) decorators.
Predictor = BasePredictor


def input(name: str, **kwargs: typing.Any) -> typing.Callable[[typing.Any], typing.Any]:  # noqa: A001
    """@cog.input(...) of the pre-1.0 API: the adapter passes every input, so nothing to do."""

    def decorate(fn: typing.Any) -> typing.Any:
        return fn

    return decorate


def __getattr__(name: str) -> typing.Any:
    warnings.warn(f"cog.{name} is not provided by the cog-migrate compatibility module", stacklevel=2)
    raise AttributeError(name)


__all__ = [
    "AsyncConcatenateIterator",
    "BaseModel",
    "BasePredictor",
    "BaseRunner",
    "CancelationException",
    "ConcatenateIterator",
    "ExperimentalFeatureWarning",
    "File",
    "Input",
    "Path",
    "Predictor",
    "Secret",
    "URLPath",
    "current_scope",
    "emit_metric",
    "input",
]
