import fal
from fal.toolkit import Image
from pydantic import BaseModel, Field


class RemoveBackgroundInput(BaseModel):
    image_url: str = Field(description="URL of the image")


class RemoveBackgroundOutput(BaseModel):
    image: Image


@fal.function(
    requirements=["rembg==2.0.59", "onnxruntime-gpu==1.19.2", "pillow==10.4.0"],
    machine_type="GPU-A6000",
    serve=True,
    keep_alive=120,
)
def remove_background(input: RemoveBackgroundInput) -> RemoveBackgroundOutput:
    from fal.toolkit import download_file
    from PIL import Image as PILImage
    from rembg import remove

    source = PILImage.open(download_file(input.image_url, target_dir="/tmp"))
    return RemoveBackgroundOutput(image=Image.from_pil(remove(source)))
