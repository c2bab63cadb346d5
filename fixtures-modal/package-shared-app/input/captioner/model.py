"""The captioning model; deployed with `modal deploy -m captioner.model`."""

import modal

from .common import MINUTES, app, weights

with modal.Image.debian_slim().imports():
    pass


@app.cls(gpu="L4", volumes={"/weights": weights}, scaledown_window=5 * MINUTES)
class Captioner:
    @modal.enter()
    def load(self) -> None:
        from transformers import pipeline

        self.pipe = pipeline("image-to-text", model="/weights/blip-base")

    @modal.method()
    def caption(self, image: bytes, max_words: int = 20) -> str:
        import io

        from PIL import Image

        text = self.pipe(Image.open(io.BytesIO(image)))[0]["generated_text"]
        return " ".join(text.split()[:max_words])
