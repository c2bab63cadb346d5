from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(
        self,
        image: Path = Input(description="Image", default="https://example.com/cat.png"),
        strength: float = Input(default=1, ge=0, le=1),
    ) -> Path:
        return image
