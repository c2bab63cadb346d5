import io

import modal

image = (
    modal.Image.debian_slim(python_version="3.11")
    .pip_install("diffusers==0.30.3", "transformers==4.44.2", "accelerate==0.34.2", "torch==2.4.1")
)
app = modal.App("sdxl-turbo", image=image)

with image.imports():
    import torch
    from diffusers import AutoPipelineForText2Image


@app.cls(gpu="A10G", timeout=600, scaledown_window=240)
class Model:
    @modal.enter()
    def load(self):
        self.pipe = AutoPipelineForText2Image.from_pretrained("stabilityai/sdxl-turbo", torch_dtype=torch.float16).to("cuda")

    @modal.method()
    def inference(self, prompt: str, num_inference_steps: int = 4, seed: int = 42) -> bytes:
        generator = torch.Generator("cuda").manual_seed(seed)
        image = self.pipe(prompt, num_inference_steps=num_inference_steps, guidance_scale=0.0, generator=generator).images[0]
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        return buf.getvalue()


@app.local_entrypoint()
def main(prompt: str = "a photo of a red fox"):
    with open("/tmp/out.png", "wb") as f:
        f.write(Model().inference.remote(prompt))
