import fal
from pydantic import BaseModel, Field


class Req(BaseModel):
    text: str = Field(description="Text to shout")
    times: int = Field(default=2, ge=1, le=5)


class Res(BaseModel):
    shouted: str


class Shouter(fal.App):
    machine_type = "M"
    requirements = []

    def setup(self):
        self.suffix = "!"

    @fal.endpoint("/")
    def shout(self, req: Req) -> Res:
        return Res(shouted=" ".join([req.text.upper() + self.suffix] * req.times))
