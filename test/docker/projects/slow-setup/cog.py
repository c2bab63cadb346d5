"""Generated Cog compatibility module (hand-written test copy)."""
import pathlib


class BasePredictor:
    def setup(self):
        pass


def Input(default=None, **_):
    return default


class Path(pathlib.PosixPath):
    pass
