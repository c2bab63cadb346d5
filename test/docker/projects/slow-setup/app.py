import time

import fal
from pydantic import BaseModel


class Input(BaseModel):
    text: str


class SlowSetupApp(fal.App):
    def setup(self) -> None:
        # Longer than the test's smoke budget: verify must stop and remove the container.
        time.sleep(600)

    @fal.endpoint("/")
    def run(self, input: Input) -> str:
        return input.text
