"""Cog returns what a prediction printed as its `logs`. Printing goes on reaching the platform's
own log (stdout/stderr) as well; each prediction's share is kept apart by a context variable, so
concurrent predictions (threads or asyncio tasks) do not mix their logs."""

import contextlib
import contextvars
import io
import sys
import typing

_buffer: contextvars.ContextVar[typing.Optional[io.StringIO]] = contextvars.ContextVar("cog_migrate_logs", default=None)


class _Tee(io.TextIOBase):
    def __init__(self, stream: typing.TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        buffer = _buffer.get()
        if buffer is not None:
            buffer.write(text)
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> typing.Any:
        return getattr(self._stream, name)


def install() -> None:
    """Routes sys.stdout and sys.stderr through the tee (once)."""
    if not isinstance(sys.stdout, _Tee):
        sys.stdout = typing.cast(typing.TextIO, _Tee(sys.stdout))
    if not isinstance(sys.stderr, _Tee):
        sys.stderr = typing.cast(typing.TextIO, _Tee(sys.stderr))


@contextlib.contextmanager
def capture() -> typing.Iterator[io.StringIO]:
    """Collects what the current context prints while inside the block."""
    buffer = io.StringIO()
    token = _buffer.set(buffer)
    try:
        yield buffer
    finally:
        _buffer.reset(token)
