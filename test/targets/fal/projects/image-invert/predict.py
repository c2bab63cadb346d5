# Inverts the bytes of a file: a stand-in for an image model, with only the standard library.
import os

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def setup(self, weights: Path = None) -> None:
        self.offset = int(Path(weights).read_text()) if weights else 0

    def predict(
        self,
        image: Path = Input(description="File to invert"),
        mode: str = Input(description="How to invert", default="xor", choices=["xor", "reverse"]),
        repeat: int = Input(description="Times to apply", default=1, ge=1, le=3),
    ) -> Path:
        data = image.read_bytes()
        for _ in range(repeat):
            data = bytes(b ^ 0xFF for b in data) if mode == "xor" else data[::-1]
        out = Path(os.environ.get("TMPDIR", "/tmp")) / "inverted.png"
        out.write_bytes(bytes((b + self.offset) % 256 for b in data))
        return out
