import fal
from pydantic import BaseModel, create_model

FIELDS = {"prompt": (str, ...), "steps": (int, 20)}
DynamicInput = create_model("DynamicInput", **FIELDS)


class Output(BaseModel):
    text: str


class DynamicApp(fal.App):
    machine_type = "S"

    @fal.endpoint("/")
    def run(self, input: DynamicInput) -> Output:
        return Output(text=input.prompt)
