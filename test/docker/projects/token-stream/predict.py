from typing import Iterator

from cog import BasePredictor, Input


class Predictor(BasePredictor):
    def predict(self, prompt: str = Input(description="Prompt"), n: int = Input(default=3)) -> Iterator[str]:
        for i in range(n):
            yield f"{prompt}-{i}"
