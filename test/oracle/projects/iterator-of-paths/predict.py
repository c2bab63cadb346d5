from typing import Iterator

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(
        self,
        num_frames: int = Input(default=8, ge=1, le=64, description="How many frames"),
        fps: float = Input(default=12),
    ) -> Iterator[Path]:
        for i in range(num_frames):
            yield Path(f"/tmp/{i}.png")
