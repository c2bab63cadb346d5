import os
from typing import List

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import DiffusionPipeline, DPMSolverMultistepScheduler
from PIL import Image
from transformers import AutoTokenizer, pipeline

from cog import BasePredictor, Input, Path

MODEL_ID = "stabilityai/stable-diffusion-2-1"
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"
SCHEDULERS = {"DPM": DPMSolverMultistepScheduler}


class Block(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(x)


def to_image(array: np.ndarray) -> Image.Image:
    return Image.fromarray(array)


class Predictor(BasePredictor):
    def setup(self) -> None:
        self.pipe = DiffusionPipeline.from_pretrained(MODEL_ID, torch_dtype=torch.float16).to(DEVICE)

    @torch.inference_mode()
    def predict(
        self,
        prompt: str = Input(description="Prompt"),
        num_outputs: int = Input(default=1, ge=1, le=4),
        scheduler: str = Input(default="DPM", choices=["DPM", "DDIM"]),
    ) -> List[Path]:
        images = self.pipe(prompt, num_images_per_prompt=num_outputs).images
        paths = []
        for i, image in enumerate(images):
            p = f"/tmp/out-{i}.png"
            image.save(p)
            paths.append(Path(p))
        return paths
