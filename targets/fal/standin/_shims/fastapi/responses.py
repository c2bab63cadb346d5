"""The part of fastapi.responses a generated app uses, for stand-in runs without FastAPI."""

from typing import Any


class StreamingResponse:
    def __init__(self, content: Any, media_type: str = "text/plain", **kwargs: Any) -> None:
        self.body_iterator = content
        self.media_type = media_type
