"""Stand-in for fal.toolkit: files are "uploaded" into $FAL_STANDIN_STORAGE with file:// URLs."""

import os
import shutil
import tempfile
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any, ClassVar, List, Optional, Union

from pydantic import BaseModel, Field

_storage: Optional[Path] = None


def _storage_dir() -> Path:
    global _storage
    if _storage is None:
        configured = os.environ.get("FAL_STANDIN_STORAGE")
        _storage = Path(configured) if configured else Path(tempfile.mkdtemp(prefix="fal-standin-"))
        _storage.mkdir(parents=True, exist_ok=True)
    return _storage


def _with_ui(field: str, kwargs: Any) -> Any:
    extra = dict(kwargs.pop("json_schema_extra", None) or {})
    extra.setdefault("ui", {}).setdefault("field", field)
    return Field(json_schema_extra=extra, **kwargs)


def FileField(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - fal's spelling
    return _with_ui("file", kwargs) if not args else Field(*args, **kwargs)


def ImageField(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
    return _with_ui("image", kwargs) if not args else Field(*args, **kwargs)


def VideoField(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
    return _with_ui("video", kwargs) if not args else Field(*args, **kwargs)


def AudioField(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
    return _with_ui("audio", kwargs) if not args else Field(*args, **kwargs)


class FalBaseModel(BaseModel):
    FIELD_ORDERS: ClassVar[List[str]] = []


class File(BaseModel):
    url: str
    content_type: Optional[str] = None
    file_name: Optional[str] = None
    file_size: Optional[int] = None

    @classmethod
    def from_bytes(cls, data: bytes, content_type: Optional[str] = None, file_name: Optional[str] = None, **kwargs: Any) -> "File":
        name = file_name or uuid.uuid4().hex
        target = _storage_dir() / uuid.uuid4().hex / name
        target.parent.mkdir(parents=True)
        target.write_bytes(data)
        return cls(
            url=target.as_uri(),
            content_type=content_type or "application/octet-stream",
            file_name=name,
            file_size=len(data),
        )

    @classmethod
    def from_path(cls, path: Union[str, Path], content_type: Optional[str] = None, **kwargs: Any) -> "File":
        source = Path(path)
        if not source.exists():
            raise FileNotFoundError(f"File {source} does not exist")
        target = _storage_dir() / uuid.uuid4().hex / source.name
        target.parent.mkdir(parents=True)
        shutil.copyfile(source, target)
        return cls(
            url=target.as_uri(),
            content_type=content_type or "application/octet-stream",
            file_name=source.name,
            file_size=target.stat().st_size,
        )


class Image(File):
    width: Optional[int] = None
    height: Optional[int] = None


class Video(File):
    pass


class Audio(File):
    pass


def download_file(url: str, target_dir: Union[str, Path], *, force: bool = False, request_headers: Any = None, filesize_limit: Any = None) -> Path:
    target_dir = Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    name = Path(urllib.parse.urlparse(url).path).name or "download"
    target = target_dir / name
    with urllib.request.urlopen(url, timeout=30) as response, open(target, "wb") as out:
        shutil.copyfileobj(response, out)
    return target


def download_model_weights(url: str, force: bool = False, request_headers: Any = None) -> Path:
    return download_file(url, _storage_dir() / "weights" / uuid.uuid4().hex)


__all__ = [
    "Audio", "AudioField", "FalBaseModel", "Field", "File", "FileField", "Image", "ImageField", "Video", "VideoField",
    "download_file", "download_model_weights",
]
