"""Value conversions between a Cog predictor and the fal or Modal app it delegates to.

Generated predict.py files import this module; it is the same for every converted app.
"""

from __future__ import annotations

import json
import mimetypes
import os
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path as _LocalPath
from typing import Any, AsyncIterator, Iterable, Iterator, Optional, Type


def app_value(value: Any) -> Any:
    """A Cog input as the app expects it: files as local path strings, secrets as plain text."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [app_value(item) for item in value]
    reveal = getattr(value, "get_secret_value", None)
    if callable(reveal):
        return reveal()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


def file_bytes(value: Any) -> Optional[bytes]:
    """A Cog file input as the `bytes` an app parameter annotated `bytes` expects: its content."""
    if value is None:
        return None
    with open(os.fspath(value), "rb") as f:
        return f.read()


def upload_file(value: Any) -> Any:
    """A Cog file input as the UploadFile a FastAPI endpoint parameter expects (await .read(), .filename)."""
    if value is None:
        return None
    from fastapi import UploadFile

    path = os.fspath(value)
    return UploadFile(file=open(path, "rb"), filename=os.path.basename(path))  # noqa: SIM115 - the app reads and closes it


def _local_file(url: str) -> _LocalPath:
    """A file the app returned as a URL (file://, http(s)://, data:) as a local path."""
    if url.startswith("file://"):
        return _LocalPath(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    if url.startswith(("http://", "https://", "data:")):
        target = _LocalPath(tempfile.mkdtemp()) / (_LocalPath(urllib.parse.urlparse(url).path).name or "output")
        with urllib.request.urlopen(url) as response:  # noqa: S310 - the app's own output URL
            target.write_bytes(response.read())
        return target
    return _LocalPath(url)


def to_cog(value: Any, model: Optional[Type[Any]] = None) -> Any:
    """An app's result as Cog returns it: platform files become cog.Path, models become dicts
    (or the Cog output class `model`, field by field)."""
    from cog import Path

    local_path = getattr(value, "local_path", None)
    if isinstance(local_path, str):
        return Path(local_path)
    if isinstance(value, os.PathLike):
        return Path(os.fspath(value))
    if isinstance(value, bytes):
        target = _LocalPath(tempfile.mkdtemp()) / "output"
        target.write_bytes(value)
        return Path(str(target))
    media_type = getattr(value, "media_type", None)
    sent = getattr(value, "path", None)
    if isinstance(sent, (str, os.PathLike)) and hasattr(value, "media_type"):
        return Path(os.fspath(sent))  # a FastAPI FileResponse: the file it sends
    body = getattr(value, "body", None)
    if isinstance(body, bytes) and isinstance(media_type, str):
        # A FastAPI Response(content=..., media_type="image/png"): the file it sends.
        target = _LocalPath(tempfile.mkdtemp()) / ("output" + (mimetypes.guess_extension(media_type) or ""))
        target.write_bytes(body)
        return Path(str(target))
    if isinstance(value, (list, tuple)):
        return [to_cog(item) for item in value]
    if isinstance(value, dict):
        return {key: to_cog(item) for key, item in value.items()}
    fields = getattr(type(value), "model_fields", None)
    if isinstance(fields, dict):
        converted = {name: to_cog(getattr(value, name)) for name in fields}
        return model(**converted) if model is not None else converted
    url = getattr(value, "url", None)
    if isinstance(url, str) and hasattr(value, "content_type"):
        return Path(str(_local_file(url)))
    return value


def fastapi_request() -> Any:
    """The Request FastAPI would pass a route that asks for one: here no client headers, no body."""
    from starlette.requests import Request

    return Request({"type": "http", "method": "POST", "path": "/", "headers": [], "query_string": b""})


def fastapi_response() -> Any:
    """The Response FastAPI would pass a route that asks for one; what the app sets on it is not served."""
    from fastapi import Response

    return Response()


def sse_items(response: Any) -> Iterator[str]:
    """The data of each Server-Sent Event a StreamingResponse sends, one string per event."""
    body: Iterable[Any] = getattr(response, "body_iterator", response)
    buffer = ""
    for chunk in body:
        buffer += chunk.decode() if isinstance(chunk, bytes) else str(chunk)
        while "\n\n" in buffer:
            event, buffer = buffer.split("\n\n", 1)
            data = "\n".join(line[5:].lstrip() for line in event.splitlines() if line.startswith("data:"))
            if data:
                yield data


async def async_sse_items(response: Any) -> AsyncIterator[str]:
    """sse_items for a StreamingResponse over an async generator."""
    body = getattr(response, "body_iterator", response)
    buffer = ""
    async for chunk in body:
        buffer += chunk.decode() if isinstance(chunk, bytes) else str(chunk)
        while "\n\n" in buffer:
            event, buffer = buffer.split("\n\n", 1)
            data = "\n".join(line[5:].lstrip() for line in event.splitlines() if line.startswith("data:"))
            if data:
                yield data


def json_value(text: str) -> Any:
    """An event's data as JSON when it is JSON, else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text

