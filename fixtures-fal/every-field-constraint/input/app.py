from typing import Annotated, List, Literal, Optional

import fal
from fal.toolkit import FalBaseModel, Field
from pydantic import BaseModel

DEFAULT_STYLE = "photo"


class Crop(BaseModel):
    x: int
    y: int


class EditInput(FalBaseModel):
    prompt: Annotated[str, Field(description="Edit instruction", min_length=3, max_length=500)]
    strength: float = Field(0.8, ge=0.0, le=1.0, description="How much to change")
    steps: int = Field(default=30, gt=0, lt=101)
    style: Literal["photo", "anime", "sketch"] = DEFAULT_STYLE
    sizes: List[int] = Field(default=[512, 768])
    crop: Optional[Crop] = Field(default=None, description="Region to edit")
    tags: List[str] = Field(default_factory=list, description="Free-form tags")
    old_seed: Optional[int] = Field(default=None, deprecated=True)
    num_images: int = Field(default=1, alias="n", ge=1, le=4)
    scheduler: Literal[1, 2, 3] = 2
    guidance: float = Field(default=7.5, gt=0, examples=[7.5], multiple_of=0.5)


class EditOutput(BaseModel):
    output: List[str]


class Editor(fal.App):
    machine_type = "GPU-A100"
    requirements = ["diffusers==0.30.3"]

    def setup(self) -> None:
        self.ready = True

    @fal.endpoint("/")
    def edit(self, input: EditInput) -> EditOutput:
        return EditOutput(output=[input.prompt] * input.num_images)
