from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def setup(self, weights: Path = None) -> None:
        self.weights = weights

    def predict(self, prompt: str = Input(description="Prompt"), lora_scale: float = Input(default=1.0, ge=0, le=2)) -> Path:
        return Path("out.png")
