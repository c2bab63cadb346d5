"""Outputs as Cog's HTTP server returns them: JSON values, with every file (a Path, or an open
file object) replaced by a data URL, or by the URL an upload function returns. Pydantic models
become objects, iterators become lists, enums their values, datetimes ISO strings."""

import base64
import datetime
import enum
import io
import mimetypes
import os
import pathlib
import typing

# upload(file, name) -> the URL the file can be fetched from; None means data URLs.
Upload = typing.Callable[[typing.BinaryIO, str], str]


def data_url(fh: typing.IO[typing.Any], name: typing.Optional[str]) -> str:
    """`data:<mime>;base64,<payload>`, the mime type guessed from the file name as Cog does."""
    fh.seek(0)
    body = fh.read()
    if isinstance(body, str):
        body = body.encode("utf-8")
    mime = (mimetypes.guess_type(name)[0] if name else None) or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(body).decode('ascii')}"


def _file(fh: typing.IO[typing.Any], name: typing.Optional[str], upload: typing.Optional[Upload]) -> str:
    if upload is not None:
        fh.seek(0)
        return upload(typing.cast(typing.BinaryIO, fh), os.path.basename(name or "output"))
    return data_url(fh, name)


def _model_dict(value: typing.Any) -> typing.Optional[typing.Dict[str, typing.Any]]:
    """A pydantic model (v2 or v1) or a plain object from cog's pydantic-less BaseModel."""
    if hasattr(value, "model_dump") and callable(value.model_dump):
        # Field by field, not model_dump(): dumping would turn Path fields into plain strings.
        fields = getattr(type(value), "model_fields", {})
        return {name: getattr(value, name) for name in fields}
    if hasattr(value, "__fields__") and hasattr(value, "dict"):
        return {name: getattr(value, name) for name in value.__fields__}
    return None


def encode(value: typing.Any, upload: typing.Optional[Upload] = None) -> typing.Any:
    """The JSON form of one predict() output (an iterator must be collected by the caller)."""
    if isinstance(value, pathlib.Path):
        with open(value, "rb") as fh:
            return _file(fh, value.name, upload)
    if isinstance(value, io.IOBase):
        return _file(typing.cast(typing.IO[typing.Any], value), getattr(value, "name", None), upload)
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if isinstance(value, enum.Enum):
        return encode(value.value, upload)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): encode(v, upload) for k, v in typing.cast(typing.Dict[typing.Any, typing.Any], value).items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [encode(v, upload) for v in typing.cast(typing.Iterable[typing.Any], value)]
    fields = _model_dict(value)
    if fields is not None:
        return {k: encode(v, upload) for k, v in fields.items()}
    if hasattr(value, "tolist"):  # numpy arrays and scalars, without importing numpy
        return encode(value.tolist(), upload)
    if hasattr(value, "__dict__") and type(value).__module__ == "cog":
        return {k: encode(v, upload) for k, v in vars(value).items()}
    raise TypeError(f"cannot return a {type(value).__name__} as JSON")


def is_iterator(value: typing.Any) -> bool:
    """Generators and other iterators (not lists, strings or files), which Cog streams."""
    return hasattr(value, "__next__") and not isinstance(value, (str, bytes, io.IOBase))


def is_async_iterator(value: typing.Any) -> bool:
    return hasattr(value, "__anext__")
