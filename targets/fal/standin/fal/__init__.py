"""Stand-in for the fal SDK: just enough to import a generated app.py, run setup() and call an
endpoint locally (see ../README.md). Not the fal SDK."""

import dataclasses
import os
from typing import Any, Callable, ClassVar, Dict, List, Optional, TypeVar, Union

from fal import toolkit  # noqa: F401

__version__ = "0.0.0+standin"

F = TypeVar("F", bound=Callable[..., Any])


@dataclasses.dataclass(frozen=True)
class RouteSignature:
    path: str
    is_websocket: bool = False


def endpoint(path: str, *, is_websocket: bool = False, health_check: Any = None, billing: Any = None) -> Callable[[F], F]:
    def mark(fn: F) -> F:
        if hasattr(fn, "route_signature"):
            raise ValueError(f"Can't set multiple routes for the same function: {fn.__name__}")
        fn.route_signature = RouteSignature(path=path, is_websocket=is_websocket)  # type: ignore[attr-defined]
        return fn

    return mark


class ContainerImage:
    def __init__(self, dockerfile_str: str, **kwargs: Any) -> None:
        if not dockerfile_str or not dockerfile_str.strip():
            raise ValueError("Invalid dockerfile: Dockerfile is required.")
        self.dockerfile_str = dockerfile_str
        self.options = kwargs

    @classmethod
    def from_dockerfile_str(cls, text: str, **kwargs: Any) -> "ContainerImage":
        return cls(text, **kwargs)

    @classmethod
    def from_dockerfile(cls, path: str, **kwargs: Any) -> "ContainerImage":
        with open(path) as f:
            return cls(f.read(), **kwargs)


_OPTIONS = (
    "machine_type", "num_gpus", "keep_alive", "min_concurrency", "max_concurrency",
    "max_multiplexing", "request_timeout", "startup_timeout", "image", "secrets",
)


class App:
    requirements: ClassVar[List[str]] = []
    machine_type: ClassVar[Union[str, List[str]]] = "S"
    num_gpus: ClassVar[Optional[int]] = None
    app_name: ClassVar[Optional[str]] = None
    request_timeout: ClassVar[Optional[int]] = None
    startup_timeout: ClassVar[Optional[int]] = None
    min_concurrency: ClassVar[Optional[int]] = None
    max_concurrency: ClassVar[Optional[int]] = None
    max_multiplexing: ClassVar[Optional[int]] = None
    image: ClassVar[Optional[ContainerImage]] = None
    host_kwargs: ClassVar[Dict[str, Any]] = {}
    # fal 1.83's DEFAULT_APP_FILES_IGNORE, which emitted apps extend (`*fal.App.app_files_ignore`).
    app_files: ClassVar[List[str]] = []
    app_files_ignore: ClassVar[List[str]] = [r"\.pyc$", r"__pycache__/", r"\.git/", r"\.DS_Store$"]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        name = kwargs.pop("name", None)
        cls.host_kwargs = dict(kwargs)
        for option in _OPTIONS:
            value = getattr(cls, option, None)
            if value is not None:
                cls.host_kwargs[option] = value
        if cls.image is not None:
            cls.host_kwargs["kind"] = "container"
        cls.app_name = cls.__dict__.get("app_name") or name or cls.__name__
        if cls.__init__ is not App.__init__:
            raise ValueError("App classes should not override __init__ directly. Use setup() instead.")

    def __init__(self, *, _allow_init: bool = False) -> None:
        if not _allow_init and not os.getenv("IS_ISOLATE_AGENT"):
            raise NotImplementedError("use run_app.py to run the app with the stand-in")

    def setup(self) -> None:
        """Setup the application before serving."""

    def teardown(self) -> None:
        """Teardown the application after serving."""

    @classmethod
    def get_endpoints(cls) -> List[str]:
        return sorted(
            fn.route_signature.path for fn in vars(cls).values() if hasattr(fn, "route_signature")
        )


__all__ = ["App", "ContainerImage", "endpoint", "toolkit"]
