import fal
from pydantic import BaseModel, Field

from predict import Predictor


class Input(BaseModel):
    text: str = Field(description="Text")
    times: int = Field(default=2, ge=1)


class Output(BaseModel):
    output: str


class TextEchoApp(fal.App):
    def setup(self) -> None:
        self.predictor = Predictor()
        self.predictor.setup()

    @fal.endpoint("/")
    def run(self, request: Input) -> Output:
        return Output(output=self.predictor.predict(text=request.text, times=request.times))
