"""What a platform needs to know about an output file to show it as media: an image's width and
height, read from the file's header (PNG, GIF, JPEG, WebP, BMP) without decoding it and without
Pillow, which a model's image may not have; Pillow, when present, answers for other formats."""

import io
import os
import struct
import typing

Size = typing.Tuple[int, int]
# A JPEG's size is in its start-of-frame segment, after EXIF and other metadata segments.
_HEAD_BYTES = 512 * 1024
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _png(head: bytes) -> typing.Optional[Size]:
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        return typing.cast(Size, struct.unpack(">II", head[16:24]))
    return None


def _gif(head: bytes) -> typing.Optional[Size]:
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return typing.cast(Size, struct.unpack("<HH", head[6:10]))
    return None


def _bmp(head: bytes) -> typing.Optional[Size]:
    if head[:2] == b"BM" and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return (width, abs(height))
    return None


def _webp(head: bytes) -> typing.Optional[Size]:
    if head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return (width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and head[20:21] == b"\x2f":
        bits = int.from_bytes(head[21:25], "little")
        return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        return (int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1)
    return None


def _jpeg(head: bytes) -> typing.Optional[Size]:
    if head[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        (length,) = struct.unpack(">H", head[at + 2 : at + 4])
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return (width, height)
        at += 2 + length
    return None


def _head(value: typing.Any) -> typing.Optional[bytes]:
    """The first bytes of a path or an open binary file (left where it was)."""
    if isinstance(value, (str, os.PathLike)):
        try:
            with open(typing.cast("str | os.PathLike[str]", value), "rb") as fh:
                return fh.read(_HEAD_BYTES)
        except OSError:
            return None
    if isinstance(value, io.IOBase) and value.seekable():
        at = value.tell()
        try:
            data = typing.cast(typing.IO[typing.Any], value).read(_HEAD_BYTES)
        finally:
            value.seek(at)
        return data if isinstance(data, bytes) else None
    return None


def image_size(value: typing.Any) -> typing.Optional[Size]:
    """(width, height) of the image file at `value` (a path or an open binary file), or None when
    it is not an image this can read."""
    head = _head(value)
    if not head:
        return None
    for read in (_png, _jpeg, _gif, _webp, _bmp):
        size = read(head)
        if size is not None:
            return size
    try:  # other formats (TIFF, AVIF, ...), where the model's image has Pillow
        from PIL import Image  # pyright: ignore[reportMissingImports]

        with Image.open(io.BytesIO(head) if not isinstance(value, (str, os.PathLike)) else value) as image:  # pyright: ignore
            return (int(image.width), int(image.height))
    except Exception:  # noqa: BLE001 - not an image, or no Pillow: no size
        return None
