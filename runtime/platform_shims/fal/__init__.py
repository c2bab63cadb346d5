"""A stand-in for the `fal` SDK inside a Cog image (see ../README.md).

It supplies what a fal app uses at import time - `fal.App`, `@fal.endpoint`, `@fal.function`,
`fal.ContainerImage` - so the app's module imports and its class can be instantiated by the
generated Cog predictor, which calls setup() and the endpoint method itself.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

from . import toolkit as toolkit

__all__ = ["App", "ContainerImage", "cached", "endpoint", "function", "isolated", "realtime", "toolkit"]

F = TypeVar("F", bound=Callable[..., Any])


class ContainerImage:
    """fal's image description; in a Cog project the image is cog.yaml's build."""

    def __init__(self, dockerfile_str: str = "", **kwargs: Any) -> None:
        self.dockerfile_str = dockerfile_str
        self.options = kwargs

    @classmethod
    def from_dockerfile_str(cls, text: str, **kwargs: Any) -> "ContainerImage":
        return cls(text, **kwargs)

    @classmethod
    def from_dockerfile(cls, path: str, **kwargs: Any) -> "ContainerImage":
        return cls("", path=path, **kwargs)


class App:
    """Base of fal apps. Class keywords (`keep_alive=`, `name=`) are accepted and kept."""

    host_kwargs: dict[str, Any] = {}
    app_name: Optional[str] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__()
        cls.host_kwargs = {**getattr(cls, "host_kwargs", {}), **kwargs}
        name = kwargs.get("name")
        if isinstance(name, str):
            cls.app_name = name

    def setup(self) -> None:
        """Overridden by apps that load a model; the Cog predictor's setup() calls it."""

    def teardown(self) -> None:
        """Overridden by apps that release resources."""


def endpoint(path: str = "/", **_options: Any) -> Callable[[F], F]:
    """Marks an endpoint method; the Cog predictor calls the method directly."""

    def mark(fn: F) -> F:
        setattr(fn, "__fal_endpoint__", path)
        return fn

    return mark


def realtime(path: str = "/realtime", **options: Any) -> Callable[[F], F]:
    return endpoint(path, **options)


def function(*args: Any, **_options: Any) -> Any:
    """`@fal.function(...)` and bare `@fal.function`: the function runs in the Cog container."""
    if len(args) == 1 and callable(args[0]) and not _options:
        return args[0]

    def mark(fn: F) -> F:
        return fn

    return mark


isolated = function


def cached(fn: F) -> F:
    """fal caches the result per runner; here once per process."""
    results: dict[Any, Any] = {}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = fn(*args, **kwargs)
        return results[key]

    return wrapper  # type: ignore[return-value]
