"""fal.exceptions as far as generated apps use it: AppException (the status and message fal's app
answers with), the base class, and catch_gpu_exceptions (here it converts nothing: no GPU)."""

import contextlib
from dataclasses import dataclass


class FalServerlessException(Exception):
    pass


@dataclass
class AppException(FalServerlessException):
    message: str
    status_code: int


def catch_gpu_exceptions() -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext()
