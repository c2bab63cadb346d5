from __future__ import annotations

from typing import Iterator, Optional

from cog import File, Input, Path, Secret


def predict(
    source: File,
    token: Optional[Secret] = Input(default=None, description="Optional token"),
    limit: int | None = Input(default=10, ge=0),
    paths: Optional[list[Path]] = None,
    label: str = Input(default="hello\nworld \"quoted\" — ünïcode ✓", max_length=100),
) -> Iterator[dict]:
    yield {"ok": True}
