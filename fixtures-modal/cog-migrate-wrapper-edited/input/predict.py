import os
import subprocess
import time
from typing import List

import torch
from cog import BasePredictor, Input, Path
from diffusers import StableDiffusionPipeline

MODEL_CACHE = "sd-cache"
WEIGHTS_URL = "https://weights.example.invalid/sd-1.5/fp16.tar"


def download_weights(url: str, dest: str) -> None:
    start = time.time()
    subprocess.check_call(["pget", "-x", url, dest], close_fds=False)
    print("downloading took:", time.time() - start)


class Predictor(BasePredictor):
    def setup(self) -> None:
        if not os.path.exists(MODEL_CACHE):
            download_weights(WEIGHTS_URL, MODEL_CACHE)
        self.pipe = StableDiffusionPipeline.from_pretrained(
            MODEL_CACHE, torch_dtype=torch.float16
        ).to("cuda")

    @torch.inference_mode()
    def predict(
        self,
        prompt: str = Input(description="Input prompt", default="a photo of an astronaut riding a horse on mars"),
        num_outputs: int = Input(description="Number of images to output", ge=1, le=4, default=1),
        seed: int = Input(description="Random seed. Leave blank to randomize the seed", default=None),
    ) -> List[Path]:
        if seed is None:
            seed = int.from_bytes(os.urandom(2), "big")
        generator = torch.Generator("cuda").manual_seed(seed)
        output = self.pipe(prompt=[prompt] * num_outputs, generator=generator)
        output_paths = []
        for i, image in enumerate(output.images):
            output_path = f"/tmp/out-{i}.png"
            image.save(output_path)
            output_paths.append(Path(output_path))
        return output_paths
