# An async predictor that streams files (frames), with an optional file input.
import tempfile
from typing import AsyncIterator, Optional

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    async def setup(self) -> None:
        self.prefix = b"frame"

    async def predict(
        self,
        count: int = Input(description="Frames to make", default=2, ge=1, le=5),
        seed_file: Optional[Path] = Input(description="Bytes to start from", default=None),
    ) -> AsyncIterator[Path]:
        start = seed_file.read_bytes() if seed_file is not None else b""
        folder = Path(tempfile.mkdtemp())
        for i in range(count):
            out = folder / f"frame{i}.txt"
            out.write_bytes(start + self.prefix + str(i).encode())
            yield out
