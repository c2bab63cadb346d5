"""The output checkers of cog-safe-push test cases, for a migrated model's own tests.

Shipped by cog-migrate into the output's tests/ folder, next to the platform's test file and
cases.json (the test cases of cog-safe-push.yaml). The rules are cog-safe-push's
(cog_safe_push/output_checkers.py): a case with no checker must not fail; exact_string wants
the very string; error_contains a failure whose message contains the text; jq_query a truthy
first result of the query (a string output is parsed as JSON first); match_url the same kind
of file as the URL, images within a small mean pixel distance. Two deliberate differences:
files other than images must be byte-identical (cog-safe-push accepts any audio or video), and
match_prompt, which cog-safe-push hands to an AI model, raises NeedsJudgement for a person.
"""

from __future__ import annotations

import base64
import io
import json
import math
import urllib.parse
import urllib.request
from pathlib import PurePosixPath
from typing import Any, Mapping, Optional

IMAGE_SUFFIXES = (".jpg", ".png", ".gif", ".bmp", ".webp")
# cog-safe-push's threshold: mean per-pixel RGB distance of a deterministic image.
MAX_MEAN_PIXEL_DISTANCE = 8.0
_SUFFIX_ALIASES = {".jpeg": ".jpg", ".jpe": ".jpg", ".tiff": ".tif", ".mpeg": ".mpg", ".htm": ".html"}


class CheckFailed(AssertionError):
    """The output does not satisfy the test case."""


class NeedsJudgement(Exception):
    """match_prompt: a person (or an AI model, as cog-safe-push uses) must judge the output."""


def check(checker: Mapping[str, str], output: Any, error: Optional[str]) -> None:
    """Raises CheckFailed unless (output, error) satisfies the case's checker."""
    kind = checker["kind"]
    if kind == "error_contains":
        expected = checker["expected"]
        if error is None:
            raise CheckFailed("Expected an error, but the prediction succeeded")
        if expected not in error:
            raise CheckFailed(f"Expected the error to contain {expected!r}, got {error!r}")
        return
    if error is not None:
        raise CheckFailed(f"Prediction raised an unexpected error: {error}")
    if kind == "succeeds":
        return
    if kind == "exact_string":
        if not isinstance(output, str):
            raise CheckFailed(f"Expected a string, got {_short(output)}")
        if output != checker["expected"]:
            raise CheckFailed(f"Expected {checker['expected']!r}, got {_short(output)}")
        return
    if kind == "jq_query":
        _check_jq(checker["query"], output)
        return
    if kind == "match_url":
        _check_url(checker["url"], output)
        return
    if kind == "match_prompt":
        raise NeedsJudgement(f"judge whether the output matches: {checker['prompt']!r}; output: {_short(output)}")
    raise ValueError(f"unknown checker {kind!r}")


def _short(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _check_jq(query: str, output: Any) -> None:
    import jq  # the jq package (libjq bindings), as cog-safe-push uses: pip install jq

    data = output
    if isinstance(output, str):
        try:
            data = json.loads(output)
        except json.JSONDecodeError:
            raise CheckFailed(f"Output is a string but not valid JSON: {_short(output)}") from None
    try:
        result = jq.compile(query).input_value(data).first()
    except Exception as e:  # jq reports compile and run errors as ValueError
        raise CheckFailed(f"jq query {query!r} failed: {e}") from None
    if not result:
        raise CheckFailed(f"jq query {query!r} returned {result!r} for {_short(data, 500)}")


def _output_url(output: Any) -> Optional[str]:
    if isinstance(output, list) and len(output) == 1:
        output = output[0]
    if isinstance(output, str) and output.startswith(("http://", "https://", "data:")):
        return output
    return None


def _suffix(url: str) -> str:
    if url.startswith("data:"):
        mime = url[5:].split(",", 1)[0].split(";", 1)[0]
        return "." + mime.split("/", 1)[-1] if "/" in mime else ""
    suffix = PurePosixPath(urllib.parse.urlparse(url).path).suffix.lower()
    return _SUFFIX_ALIASES.get(suffix, suffix)


def fetch(url: str) -> bytes:
    """The bytes at an http(s) URL or in a data: URI (Cog's HTTP API returns data URIs)."""
    if url.startswith("data:"):
        header, _, payload = url.partition(",")
        return base64.b64decode(payload) if header.endswith(";base64") else urllib.parse.unquote_to_bytes(payload)
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - the case's own URLs
        return response.read()


def _check_url(expected_url: str, output: Any) -> None:
    actual_url = _output_url(output)
    if actual_url is None:
        raise CheckFailed(f"Expected a file URL, got {_short(output)}")
    if _suffix(expected_url) != _suffix(actual_url):
        raise CheckFailed(f"File types differ: expected {_suffix(expected_url)!r}, got {_suffix(actual_url)!r}")
    expected, actual = fetch(expected_url), fetch(actual_url)
    if _suffix(expected_url) in IMAGE_SUFFIXES:
        distance = mean_pixel_distance(expected, actual)
        if distance > MAX_MEAN_PIXEL_DISTANCE:
            raise CheckFailed(f"Images differ (mean pixel distance {distance:.1f} > {MAX_MEAN_PIXEL_DISTANCE})")
        return
    if expected != actual:
        raise CheckFailed(f"File at {expected_url} differs from the output file ({len(expected)} vs {len(actual)} bytes)")


def mean_pixel_distance(a: bytes, b: bytes) -> float:
    """Mean Euclidean RGB distance per pixel; infinite when the sizes differ (needs Pillow)."""
    from PIL import Image

    first = Image.open(io.BytesIO(a)).convert("RGB")
    second = Image.open(io.BytesIO(b)).convert("RGB")
    if first.size != second.size:
        return math.inf
    x, y = first.tobytes(), second.tobytes()  # RGB triples, row by row
    total = sum(math.sqrt((x[i] - y[i]) ** 2 + (x[i + 1] - y[i + 1]) ** 2 + (x[i + 2] - y[i + 2]) ** 2) for i in range(0, len(x), 3))
    return total / (first.width * first.height)
