"""File inputs: Cog accepts a URL or a data URI where predict() takes a Path or File, and hands
predict() a local file. Downloads go into a fresh folder per input, under the caller's temporary
folder, which the caller removes after the prediction."""

import base64
import mimetypes
import os
import tempfile
import typing
import urllib.parse
import urllib.request
from pathlib import Path

# fetch(url, directory) -> the downloaded file; platforms with their own downloader pass it.
Fetch = typing.Callable[[str, str], Path]


def is_data_uri(value: str) -> bool:
    return value.startswith("data:")


def save_data_uri(uri: str, directory: str) -> Path:
    """Decodes `data:[<mime>][;base64],<payload>` into directory/input<ext>."""
    header, sep, payload = uri.partition(",")
    if not sep:
        raise ValueError("a data URI needs a comma before its payload")
    mime = header[len("data:"):].split(";")[0]
    suffix = (mimetypes.guess_extension(mime) or "") if mime else ""
    data = base64.b64decode(payload) if header.endswith(";base64") else urllib.parse.unquote_to_bytes(payload)
    target = Path(directory) / f"input{suffix}"
    target.write_bytes(data)
    return target


def fetch_url(url: str, directory: str) -> Path:
    """Downloads url into directory, keeping the URL's file name as Cog does."""
    name = os.path.basename(urllib.parse.urlparse(url).path) or "input"
    target = Path(directory) / urllib.parse.unquote(name)
    with urllib.request.urlopen(url, timeout=300) as response, open(target, "wb") as out:  # noqa: S310 - http(s) only, checked by the caller
        while True:
            chunk = response.read(1 << 20)
            if not chunk:
                break
            out.write(chunk)
    return target


def to_local_path(value: str, tmp: str, fetch: typing.Optional[Fetch] = None) -> Path:
    """A URL or data URI -> a downloaded file in a new folder under tmp. Anything else (a path on
    the server, a file: URL) is refused, as Cog refuses it: a caller must not read server files."""
    if is_data_uri(value):
        return save_data_uri(value, tempfile.mkdtemp(dir=tmp))
    scheme = urllib.parse.urlparse(value).scheme
    if scheme in ("http", "https"):
        return (fetch or fetch_url)(value, tempfile.mkdtemp(dir=tmp))
    raise ValueError(f"a file input is an http(s) URL or a data URI, not {value[:100]!r}")


def open_file(path: Path) -> typing.BinaryIO:
    """cog.File inputs (deprecated in Cog) were open binary files."""
    return open(path, "rb")
