"""A stand-in for `fal.toolkit` inside a Cog image: files and images kept as local files
(their `url` is a file:// URL), downloads with urllib, the persistent folders under /tmp."""

from __future__ import annotations

import mimetypes
import os
import shutil
import subprocess
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import BaseModel, PrivateAttr
from pydantic import Field as Field

FalBaseModel = BaseModel

FAL_PERSISTENT_DIR = Path(os.environ.get("FAL_PERSISTENT_DIR", "/tmp/fal-data"))
FAL_REPOSITORY_DIR = FAL_PERSISTENT_DIR / ".fal" / "repos"
FAL_MODEL_WEIGHTS_DIR = FAL_PERSISTENT_DIR / ".fal" / "model_weights"


def Hidden(field: Any) -> Any:  # noqa: N802 - fal's name
    return field


def FileField(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - fal's name
    kwargs.pop("ui", None)
    return Field(*args, **kwargs)


ImageField = AudioField = VideoField = FileField


class File(BaseModel):
    """A file the app returns; held locally, `url` is its file:// URL."""

    url: str
    content_type: Optional[str] = None
    file_name: Optional[str] = None
    file_size: Optional[int] = None
    _local_path: Optional[str] = PrivateAttr(default=None)

    @property
    def local_path(self) -> Optional[str]:
        return self._local_path

    @classmethod
    def from_path(cls, path: Union[str, os.PathLike[str]], content_type: Optional[str] = None, file_name: Optional[str] = None, **_options: Any) -> Any:
        source = Path(path)
        target = Path(tempfile.mkdtemp()) / (file_name or source.name)
        shutil.copyfile(source, target)
        return cls._local(target, content_type)

    @classmethod
    def from_bytes(cls, data: bytes, content_type: Optional[str] = None, file_name: Optional[str] = None, **_options: Any) -> Any:
        suffix = mimetypes.guess_extension(content_type or "") or ""
        target = Path(tempfile.mkdtemp()) / (file_name or f"output{suffix}")
        target.write_bytes(data)
        return cls._local(target, content_type)

    @classmethod
    def _local(cls, path: Path, content_type: Optional[str]) -> Any:
        made = cls(url=path.as_uri(), content_type=content_type or mimetypes.guess_type(path.name)[0], file_name=path.name, file_size=path.stat().st_size)
        made._local_path = str(path)
        return made


class Image(File):
    width: Optional[int] = None
    height: Optional[int] = None

    @classmethod
    def from_pil(cls, pil_image: Any, format: Optional[str] = None, **_options: Any) -> Any:  # noqa: A002 - fal's name
        fmt = (format or "png").lower()
        target = Path(tempfile.mkdtemp()) / f"output.{'jpg' if fmt == 'jpeg' else fmt}"
        pil_image.save(target, format=fmt.upper())
        made = cls._local(target, f"image/{fmt}")
        made.width, made.height = pil_image.size
        return made


class Audio(File):
    pass


class Video(File):
    pass


class CompressedFile(File):
    pass


def download_file(url: str, target_dir: Union[str, Path], **_options: Any) -> Path:
    """Cog passes files as local paths; URLs are fetched as fal would."""
    target_dir = Path(target_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    if os.path.exists(url):
        return Path(url)
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file":
        return Path(urllib.parse.unquote(parsed.path))
    target = target_dir / (Path(parsed.path).name or "download")
    with urllib.request.urlopen(url) as response:  # noqa: S310 - the request's own URL
        target.write_bytes(response.read())
    return target


def download_model_weights(url: str, **_options: Any) -> Path:
    return download_file(url, FAL_MODEL_WEIGHTS_DIR)


def clone_repository(https_url: str, *, commit_hash: Optional[str] = None, target_dir: Optional[Union[str, Path]] = None, repo_name: Optional[str] = None, **_options: Any) -> Path:
    name = repo_name or Path(urllib.parse.urlparse(https_url).path).stem
    target = Path(target_dir) if target_dir else FAL_REPOSITORY_DIR / name
    if not target.exists():
        subprocess.run(["git", "clone", https_url, str(target)], check=True)
        if commit_hash:
            subprocess.run(["git", "-C", str(target), "checkout", commit_hash], check=True)
    return target


def get_gpu_type() -> str:
    return os.environ.get("FAL_GPU_TYPE", "")


def __getattr__(name: str) -> Any:
    raise AttributeError(f"fal.toolkit.{name} has no stand-in in this Cog project; replace its use in the app (see MIGRATION.md)")
