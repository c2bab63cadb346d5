// A corpus of larger Cog projects for the reading bench, generated (never fetched): the fixtures'
// predictors are small (about 0.7 KB), so fixed costs dominate their figure; real models have
// predictors of several hundred lines, a package of helpers and constants, and many inputs.
// Each project here: a cog.yaml with packages and run steps, a predict.py of about 300 lines
// (helpers, a class with setup() and a predict() of 24 inputs whose choices and defaults come
// partly from a local constants module), and a utils/ package (constants, image helpers, a
// scheduler table) that the predictor imports, only part of which a name is resolved in.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEDULERS = ['DDIM', 'DPMSolverMultistep', 'HeunDiscrete', 'KarrasDPM', 'K_EULER', 'K_EULER_ANCESTRAL', 'PNDM'];

function helperFunctions(prefix: string, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    out.push(`
def ${prefix}_${k}(values, scale=1.0, offset=${k}, *, clamp=True):
    """Rescales a list of numbers (${prefix} step ${k}); returns a new list."""
    result = []
    for index, value in enumerate(values):
        if value is None:
            continue
        scaled = (value * scale + offset) / max(1, index + 1)
        if clamp:
            scaled = min(max(scaled, -${k + 1}.0), ${k + 1}.0)
        result.append(round(scaled, 4))
    table = {str(i): v for i, v in enumerate(result) if v > 0}
    return [table.get(str(i), 0.0) for i in range(len(result))]
`);
  }
  return out.join('');
}

function predictor(i: number): string {
  const inputs: string[] = [];
  inputs.push(`        prompt: str = Input(description="Input prompt", default="a photo of an astronaut riding a horse, model ${i}"),`);
  inputs.push(`        negative_prompt: str = Input(description="Things you do not want in the image", default=""),`);
  inputs.push('        image: Path = Input(description="Input image for img2img or inpaint mode", default=None),');
  inputs.push('        mask: Path = Input(description="Input mask for inpaint mode. Black areas will be preserved, white areas will be inpainted.", default=None),');
  inputs.push('        width: int = Input(description="Width of output image", default=1024),');
  inputs.push('        height: int = Input(description="Height of output image", default=1024),');
  inputs.push('        num_outputs: int = Input(description="Number of images to output.", ge=1, le=4, default=1),');
  inputs.push('        scheduler: str = Input(description="scheduler", choices=SCHEDULERS, default="K_EULER"),');
  inputs.push('        num_inference_steps: int = Input(description="Number of denoising steps", ge=1, le=500, default=DEFAULT_STEPS),');
  inputs.push('        guidance_scale: float = Input(description="Scale for classifier-free guidance", ge=1, le=50, default=7.5),');
  inputs.push('        prompt_strength: float = Input(description="Prompt strength when using img2img / inpaint. 1.0 corresponds to full destruction of information in image", ge=0.0, le=1.0, default=0.8),');
  inputs.push('        seed: int = Input(description="Random seed. Leave blank to randomize the seed", default=None),');
  inputs.push('        refine: str = Input(description="Which refine style to use", choices=["no_refiner", "expert_ensemble_refiner", "base_image_refiner"], default="no_refiner"),');
  inputs.push('        high_noise_frac: float = Input(description="For expert_ensemble_refiner, the fraction of noise to use", default=0.8, le=1.0, ge=0.0),');
  inputs.push('        refine_steps: int = Input(description="For base_image_refiner, the number of steps to refine, defaults to num_inference_steps", default=None),');
  inputs.push('        apply_watermark: bool = Input(description="Applies a watermark to enable determining if an image is generated in downstream applications.", default=True),');
  inputs.push('        lora_scale: float = Input(description="LoRA additive scale. Only applicable on trained models.", ge=0.0, le=1.0, default=0.6),');
  inputs.push('        replicate_weights: str = Input(description="Replicate LoRA weights to use. Leave blank to use the default weights.", default=None),');
  inputs.push('        output_format: str = Input(description="Format of the output images", choices=OUTPUT_FORMATS, default="webp"),');
  inputs.push('        output_quality: int = Input(description="Quality when saving the output images, from 0 to 100.", default=80, ge=0, le=100),');
  inputs.push('        disable_safety_checker: bool = Input(description="Disable safety checker for generated images.", default=False),');
  inputs.push('        aspect_ratio: str = Input(description="Aspect ratio for the generated image", choices=list(ASPECT_RATIOS.keys()), default="1:1"),');
  inputs.push('        megapixels: str = Input(description="Approximate number of megapixels", choices=["1", "0.25"], default="1"),');
  inputs.push(`        go_fast: bool = Input(description="Run faster predictions with a model optimized for speed (model ${i})", default=True),`);
  return `"""Predictor for generated model ${i}: text-to-image and image-to-image with a refiner.

Written for cog-migrate's reading bench: the shape of a real model's predict.py, not a model.
"""

import os
import shutil
import subprocess
import time
from typing import Iterator, List, Optional

import numpy as np
import torch
from cog import BasePredictor, Input, Path
from PIL import Image

from utils.constants import ASPECT_RATIOS, DEFAULT_STEPS, OUTPUT_FORMATS, SCHEDULERS
from utils import images
from utils.schedulers import make_scheduler

MODEL_CACHE = "model-cache"
REFINER_CACHE = "refiner-cache"
SAFETY_CACHE = "safety-cache"
FEATURE_EXTRACTOR = "feature-extractor"
MODEL_URL = "https://weights.replicate.delivery/default/model-${i}.tar"
REFINER_URL = "https://weights.replicate.delivery/default/refiner-${i}.tar"
SAFETY_URL = "https://weights.replicate.delivery/default/safety-${i}.tar"


def download_weights(url, dest, extract=True):
    start = time.time()
    print("downloading url: ", url)
    print("downloading to: ", dest)
    args = ["pget", "-xf" if extract else "-f", url, dest]
    subprocess.check_call(args, close_fds=False)
    print("downloading took: ", time.time() - start)
${helperFunctions('normalise', 12)}

class Predictor(BasePredictor):
    def setup(self, weights: Optional[Path] = None) -> None:
        """Load the model into memory to make running multiple predictions efficient"""
        start = time.time()
        self.tuned_model = False
        self.tuned_weights = None
        if str(weights) == "weights":
            weights = None
        print("Loading safety checker...")
        if not os.path.exists(SAFETY_CACHE):
            download_weights(SAFETY_URL, SAFETY_CACHE)
        print("Loading pipeline...")
        if not os.path.exists(MODEL_CACHE):
            download_weights(MODEL_URL, MODEL_CACHE)
        self.pipe = {"cache": MODEL_CACHE, "dtype": "float16", "variant": "fp16"}
        print("Loading refiner pipeline...")
        if not os.path.exists(REFINER_CACHE):
            download_weights(REFINER_URL, REFINER_CACHE)
        self.refiner = {"cache": REFINER_CACHE, "dtype": "float16"}
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        print("setup took: ", time.time() - start)

    def load_image(self, path):
        shutil.copyfile(path, "/tmp/image.png")
        return Image.open("/tmp/image.png").convert("RGB")

    def run_safety_checker(self, image):
        array = [np.array(val) for val in image]
        return image, [False] * len(array)

    @torch.inference_mode()
    def predict(
        self,
${inputs.join('\n')}
    ) -> List[Path]:
        """Run a single prediction on the model"""
        if seed is None:
            seed = int.from_bytes(os.urandom(2), "big")
        print(f"Using seed: {seed}")
        if replicate_weights:
            self.tuned_weights = replicate_weights
        width, height = ASPECT_RATIOS.get(aspect_ratio, (width, height))
        sdxl_kwargs = {}
        if image and mask:
            sdxl_kwargs["image"] = self.load_image(image)
            sdxl_kwargs["mask_image"] = self.load_image(mask)
            sdxl_kwargs["strength"] = prompt_strength
            sdxl_kwargs["width"] = width
            sdxl_kwargs["height"] = height
        elif image:
            sdxl_kwargs["image"] = self.load_image(image)
            sdxl_kwargs["strength"] = prompt_strength
        else:
            sdxl_kwargs["width"] = width
            sdxl_kwargs["height"] = height
        if refine == "expert_ensemble_refiner":
            sdxl_kwargs["output_type"] = "latent"
            sdxl_kwargs["denoising_end"] = high_noise_frac
        elif refine == "base_image_refiner":
            sdxl_kwargs["output_type"] = "latent"
        scheduler_config = make_scheduler(scheduler, num_inference_steps)
        common_args = {
            "prompt": [prompt] * num_outputs,
            "negative_prompt": [negative_prompt] * num_outputs,
            "guidance_scale": guidance_scale,
            "generator": torch.Generator(self.device).manual_seed(seed),
            "num_inference_steps": num_inference_steps,
            "scheduler": scheduler_config,
        }
        if self.tuned_model:
            sdxl_kwargs["cross_attention_kwargs"] = {"scale": lora_scale}
        outputs = [images.blank(width, height) for _ in range(num_outputs)]
        if refine in ["expert_ensemble_refiner", "base_image_refiner"]:
            refiner_kwargs = {"image": outputs}
            if refine == "expert_ensemble_refiner":
                refiner_kwargs["denoising_start"] = high_noise_frac
            if refine == "base_image_refiner" and refine_steps:
                common_args["num_inference_steps"] = refine_steps
        if not disable_safety_checker:
            _, has_nsfw_content = self.run_safety_checker(outputs)
        else:
            has_nsfw_content = [False] * len(outputs)
        output_paths = []
        for index, image_out in enumerate(outputs):
            if has_nsfw_content[index]:
                print(f"NSFW content detected in image {index}")
                continue
            output_path = f"/tmp/out-{index}.{output_format}"
            images.save(image_out, output_path, output_format, output_quality)
            output_paths.append(Path(output_path))
        if len(output_paths) == 0:
            raise Exception("NSFW content detected. Try running it again, or try a different prompt.")
        return output_paths
`;
}

const CONSTANTS = `"""Literal tables the predictor's inputs use."""

SCHEDULERS = ${JSON.stringify(SCHEDULERS).replace(/,/g, ', ')}
DEFAULT_STEPS = 30
OUTPUT_FORMATS = ["webp", "jpg", "png"]
ASPECT_RATIOS = {
    "1:1": (1024, 1024),
    "16:9": (1344, 768),
    "21:9": (1536, 640),
    "3:2": (1216, 832),
    "2:3": (832, 1216),
    "4:5": (896, 1088),
    "5:4": (1088, 896),
    "9:16": (768, 1344),
    "9:21": (640, 1536),
}
`;

const IMAGES = `"""Image helpers; nothing here is read for the schema."""

from PIL import Image


def blank(width, height, color=(0, 0, 0)):
    return Image.new("RGB", (width, height), color)


def save(image, path, output_format, quality):
    kwargs = {"quality": quality} if output_format != "png" else {}
    image.save(path, **kwargs)
    return path
${helperFunctions('tile', 10)}`;

const SCHEDULER_TABLE = `"""Scheduler construction by name."""

from .constants import SCHEDULERS


class KarrasDPM:
    def __init__(self, steps):
        self.steps = steps
        self.use_karras_sigmas = True


def make_scheduler(name, steps):
    if name not in SCHEDULERS:
        raise ValueError(f"unknown scheduler {name}")
    if name == "KarrasDPM":
        return KarrasDPM(steps)
    return {"name": name, "steps": steps}
${helperFunctions('sigma', 4)}`;

const REQUIREMENTS = ['diffusers==0.30.0', 'torch==2.3.1', 'transformers==4.43.3', 'accelerate==0.33.0', 'numpy==1.26.4', 'pillow==10.4.0', 'safetensors==0.4.3', 'invisible-watermark==0.2.0', 'opencv-python==4.10.0.84', ''].join('\n');

function cogYaml(i: number): string {
  return `# Generated model ${i} for the reading bench.
build:
  gpu: true
  cuda: "12.1"
  python_version: "3.11"
  system_packages:
    - "libgl1-mesa-glx"
    - "ffmpeg"
    - "libsm6"
    - "libxext6"
  python_requirements: requirements.txt
  run:
    - curl -o /usr/local/bin/pget -L "https://github.com/replicate/pget/releases/download/v0.8.2/pget_linux_x86_64" && chmod +x /usr/local/bin/pget
predict: "predict.py:Predictor"
`;
}

/** Writes `count` projects under `dir` (dir/model-000, ...); returns their folders. */
export function writeLargeCorpus(dir: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const root = join(dir, `model-${String(i).padStart(3, '0')}`);
    mkdirSync(join(root, 'utils'), { recursive: true });
    writeFileSync(join(root, 'cog.yaml'), cogYaml(i));
    writeFileSync(join(root, 'requirements.txt'), REQUIREMENTS.replace("0.30.0", `0.30.${i % 10}`));
    writeFileSync(join(root, 'predict.py'), predictor(i));
    writeFileSync(join(root, 'utils', '__init__.py'), '');
    writeFileSync(join(root, 'utils', 'constants.py'), CONSTANTS);
    writeFileSync(join(root, 'utils', 'images.py'), IMAGES);
    writeFileSync(join(root, 'utils', 'schedulers.py'), SCHEDULER_TABLE);
    out.push(root);
  }
  return out;
}
