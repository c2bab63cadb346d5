from typing import Literal, Optional

import fal
from fal.toolkit import Image
from pydantic import BaseModel, Field


class TextToImageInput(BaseModel):
    prompt: str = Field(description="What to draw", examples=["an astronaut riding a horse"])
    negative_prompt: str = Field(default="", description="What to avoid")
    num_inference_steps: int = Field(default=28, ge=1, le=50, description="Denoising steps")
    guidance_scale: float = Field(default=3.5, ge=0.0, le=20.0)
    image_size: Literal["square", "portrait", "landscape"] = Field(default="square", description="Aspect ratio")
    seed: Optional[int] = Field(default=None, description="Random seed; random when empty")


class TextToImageOutput(BaseModel):
    image: Image = Field(description="The generated image")
    seed: int


class TextToImage(fal.App, keep_alive=300, name="text-to-image"):
    machine_type = "GPU-A100"
    requirements = [
        "diffusers==0.30.3",
        "torch==2.4.1",
        "transformers==4.44.2",
        "accelerate==0.34.2",
    ]

    def setup(self) -> None:
        import torch
        from diffusers import StableDiffusionXLPipeline

        self.pipe = StableDiffusionXLPipeline.from_pretrained(
            "stabilityai/stable-diffusion-xl-base-1.0", torch_dtype=torch.float16
        ).to("cuda")

    @fal.endpoint("/")
    def generate(self, input: TextToImageInput) -> TextToImageOutput:
        import random

        import torch

        seed = input.seed if input.seed is not None else random.randint(0, 2**31)
        sizes = {"square": (1024, 1024), "portrait": (768, 1344), "landscape": (1344, 768)}
        width, height = sizes[input.image_size]
        result = self.pipe(
            prompt=input.prompt,
            negative_prompt=input.negative_prompt,
            num_inference_steps=input.num_inference_steps,
            guidance_scale=input.guidance_scale,
            width=width,
            height=height,
            generator=torch.Generator("cuda").manual_seed(seed),
        )
        return TextToImageOutput(image=Image.from_pil(result.images[0]), seed=seed)
