from typing import Iterator

import fal
from pydantic import BaseModel, Field

from predict import Predictor


class Input(BaseModel):
    prompt: str = Field(description="Prompt")
    n: int = 3


class Chunk(BaseModel):
    output: str


class TokenStreamApp(fal.App):
    def setup(self) -> None:
        self.predictor = Predictor()
        self.predictor.setup()

    @fal.endpoint("/")
    def run(self, request: Input) -> Iterator[Chunk]:
        for item in self.predictor.predict(prompt=request.prompt, n=request.n):
            yield Chunk(output=item)
