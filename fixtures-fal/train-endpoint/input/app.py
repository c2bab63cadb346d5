import fal
from fal.toolkit import File, FileField
from pydantic import BaseModel, Field


class GenerateInput(BaseModel):
    prompt: str
    lora_url: str = Field(default="", description="Trained LoRA weights (a URL); none when empty")


class GenerateOutput(BaseModel):
    output: str


class TrainInput(BaseModel):
    images_zip: str = FileField(description="Zip of training images")
    steps: int = Field(default=1000, ge=100, le=10000)
    trigger_word: str = Field(default="TOK")


class TrainOutput(BaseModel):
    weights: File


class LoraTrainer(fal.App):
    machine_type = "GPU-H100"
    requirements = ["peft==0.13.2", "diffusers==0.30.3", "torch==2.4.1"]

    def setup(self) -> None:
        self.base = "black-forest-labs/FLUX.1-dev"

    @fal.endpoint("/")
    def generate(self, input: GenerateInput) -> GenerateOutput:
        return GenerateOutput(output=f"{input.prompt} with {input.lora_url or 'no LoRA'}")

    @fal.endpoint("/train")
    def train(self, input: TrainInput) -> TrainOutput:
        with open("/tmp/lora.safetensors", "wb") as f:
            f.write(b"weights")
        return TrainOutput(weights=File.from_path("/tmp/lora.safetensors"))
