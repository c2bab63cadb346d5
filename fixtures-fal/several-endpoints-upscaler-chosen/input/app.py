import fal
from fal.toolkit import Image, ImageField
from pydantic import BaseModel, Field


class UpscaleInput(BaseModel):
    image_url: str = ImageField(description="Image to upscale")
    scale: int = Field(default=4, description="Upscale factor")


class FaceInput(BaseModel):
    image_url: str = ImageField(description="Portrait to restore")
    fidelity: float = Field(default=0.5, ge=0, le=1)


class ImageOutput(BaseModel):
    image: Image


class Upscaler(fal.App):
    machine_type = "GPU-A100"
    requirements = ["realesrgan==0.3.0", "gfpgan==1.3.8", "basicsr==1.4.2"]

    def setup(self) -> None:
        from realesrgan import RealESRGANer

        self.upsampler = RealESRGANer(scale=4, model_path="weights/RealESRGAN_x4plus.pth")

    @fal.endpoint("/upscale")
    def upscale(self, input: UpscaleInput) -> ImageOutput:
        from fal.toolkit import download_file
        from PIL import Image as PILImage

        image = PILImage.open(download_file(input.image_url, target_dir="/tmp"))
        output, _ = self.upsampler.enhance(image, outscale=input.scale)
        return ImageOutput(image=Image.from_pil(output))

    @fal.endpoint("/restore-face")
    def restore_face(self, input: FaceInput) -> ImageOutput:
        raise NotImplementedError

    @fal.endpoint("/health")
    def health(self) -> dict:
        return {"ok": True}
