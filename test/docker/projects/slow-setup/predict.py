from cog import BasePredictor, Input


class Predictor(BasePredictor):
    def setup(self):
        self.prefix = "echo: "

    def predict(self, text: str = Input(description="Text"), times: int = Input(default=2, ge=1)) -> str:
        return self.prefix + " ".join([text] * times)
