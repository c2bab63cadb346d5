"""Minimal development stand-in for the fal runtime (used until targets/fal/standin lands)."""
import functools


class RouteSignature:
    def __init__(self, path):
        self.path = path


def endpoint(path, **_):
    def deco(fn):
        fn.route_signature = RouteSignature(path)
        return fn
    return deco


class App:
    def __init_subclass__(cls, **kwargs):
        cls.app_options = kwargs

    def setup(self):
        pass


class ContainerImage:
    @classmethod
    def from_dockerfile_str(cls, text, **_):
        return cls()
