"""Per-request metrics: the scope `cog.current_scope()` returns while one prediction runs.

The `cog` package keeps the running prediction's Scope in a context variable. An adapter opens a
fresh one per request and activates it around every piece of the predictor's work: the call,
and each step of an iterator it returns (a streaming response may take each step in another
worker thread, whose context would not carry a value set in an earlier step). What the
predictor recorded is then read from that scope alone, never from one shared between requests.

`cog` is imported when first needed: adapters load this package before the project folder (where
the `cog` compatibility package sits) is on sys.path. A project that brings the real Cog SDK
instead gets scopes without a context variable here, and its metrics stay Cog's own.
"""

import contextlib
import math
import typing

T = typing.TypeVar("T")


class _LooseScope:
    """Stands in where the `cog` package has no per-request scopes (the real Cog SDK)."""

    def __init__(self) -> None:
        self.metrics: typing.Dict[str, typing.Any] = {}


def new_scope() -> typing.Any:
    """A fresh scope for one request."""
    try:
        import cog
    except ImportError:
        return _LooseScope()
    scope_class = getattr(cog, "Scope", None)
    if scope_class is None or getattr(cog, "_current_scope", None) is None:
        return _LooseScope()
    return scope_class()


@contextlib.contextmanager
def active(scope: typing.Any) -> typing.Iterator[typing.Any]:
    """Makes `scope` what cog.current_scope() returns inside the block (which must not yield)."""
    try:
        import cog

        var = getattr(cog, "_current_scope", None)
    except ImportError:
        var = None
    if var is None or isinstance(scope, _LooseScope):
        yield scope
        return
    token = var.set(scope)
    try:
        yield scope
    finally:
        var.reset(token)


def scoped(scope: typing.Any, make: typing.Callable[[], typing.Iterable[T]]) -> typing.Iterator[T]:
    """The items of the iterable `make()` returns, every step of it run under `scope`."""
    with active(scope):
        iterator = iter(make())
    while True:
        with active(scope):
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


async def scoped_async(scope: typing.Any, make: typing.Callable[[], typing.AsyncIterable[T]]) -> typing.AsyncIterator[T]:
    """`scoped` for async iterables (async generators)."""
    with active(scope):
        iterator = make().__aiter__()
    while True:
        with active(scope):
            try:
                item = await iterator.__anext__()
            except StopAsyncIteration:
                return
        yield item


def metrics(scope: typing.Any) -> typing.Dict[str, typing.Any]:
    """What the predictor recorded in this request's scope."""
    return dict(getattr(scope, "metrics", {}) or {})


def billable_units(scope: typing.Any, metric: str) -> typing.Optional[str]:
    """The metric `metric` as a count of billable units (a finite number >= 0, as text), or None
    when the predictor did not record it as one."""
    value = metrics(scope).get(metric)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    # The format fal's own app uses for the header (fal/api/api.py, billable units of an error).
    return format(float(value), ".0f" if isinstance(value, int) else ".8f")
