import fal
from pydantic import BaseModel


class Input(BaseModel):
    prompt: str


class Broken(fal.App):
    machine_type = "S"

    @fal.endpoint("/")
    def run(self, input: Input) -> str
        return input.prompt
