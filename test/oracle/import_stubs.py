"""Permissive stubs for the modules a fixture imports that are not installed (torch, diffusers,
vllm ...): a meta-path finder placed LAST on sys.meta_path, so only modules nothing else can find
reach it, and a missing standard-library module stays missing. Used by the OpenAPI oracle
(cog_schema.py) and the fixture import check (test/runtime/fixture_import.py), on projects
written in this repository only.
"""

import importlib.abc
import importlib.machinery
import sys
import types
import typing


def _passthrough_decorator(args, kwargs):
    """`@torch.no_grad` used bare: the stub is called with the function; give it back."""
    return len(args) == 1 and not kwargs and (callable(args[0]) or isinstance(args[0], type))


class _StubMeta(type):
    def __getattr__(cls, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _stub_class(f"{cls.__name__}.{name}")

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get("_stub_root") and _passthrough_decorator(args, kwargs):
            return args[0]
        return super().__call__(*args, **kwargs)

    def __getitem__(cls, item):
        return cls

    def __or__(cls, other):
        return typing.Union[cls, other]

    def __ror__(cls, other):
        return typing.Union[other, cls]

    def __iter__(cls):
        return iter(())

    def __len__(cls):
        return 0

    def __bool__(cls):
        return True


class _StubBase(metaclass=_StubMeta):
    """Instances answer everything with another stub; calling one with a function returns it."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _stub_class(name)()

    def __call__(self, *args, **kwargs):
        if _passthrough_decorator(args, kwargs):
            return args[0]
        return _stub_class("result")()

    def __getitem__(self, item):
        return _stub_class("item")()

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __index__(self):
        return 0

    def __int__(self):
        return 0

    def __float__(self):
        return 0.0

    def _arith(self, *other):
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _arith
    __truediv__ = __rtruediv__ = __floordiv__ = __matmul__ = __pow__ = __neg__ = _arith


def _stub_class(name):
    short = name.rsplit(".", 1)[-1] or "Stub"
    return _StubMeta(short, (_StubBase,), {"_stub_root": True, "__qualname__": name})


class _StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        value = _stub_class(f"{self.__name__}.{name}")
        setattr(self, name, value)
        return value


class _StubLoader(importlib.abc.Loader):
    def create_module(self, spec):
        module = _StubModule(spec.name)
        module.__path__ = []  # a package, so `import a.b.c` resolves through here too
        return module

    def exec_module(self, module):
        pass


class _StubFinder(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: only modules that nothing else can find reach it."""

    def __init__(self):
        self.stubbed = []

    def find_spec(self, fullname, path=None, target=None):
        # A missing standard-library module (msvcrt, _winapi on Linux) must stay missing:
        # stdlib code probes for them to pick the platform.
        if fullname.split(".")[0] in sys.stdlib_module_names:
            return None
        self.stubbed.append(fullname)
        return importlib.machinery.ModuleSpec(fullname, _StubLoader(), is_package=True)


