import tempfile

import fal
from fal.toolkit import File, download_file
from pydantic import BaseModel, Field

from cog import Path
from predict import Predictor

class Input(BaseModel):
    image: str = Field(description="Image")

class Output(BaseModel):
    model_config = {"arbitrary_types_allowed": True}
    output: File

class ImageGrayApp(fal.App):
    def setup(self) -> None:
        self.predictor = Predictor()
        self.predictor.setup()

    @fal.endpoint("/")
    def run(self, request: Input) -> Output:
        local = download_file(request.image, tempfile.mkdtemp())
        return Output(output=File.from_path(self.predictor.predict(image=Path(local))))

    model_config = None
