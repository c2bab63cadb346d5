import os

import modal

app = modal.App("gated-llama")
volume = modal.Volume.from_name("model-weights", create_if_missing=True)
image = modal.Image.debian_slim(python_version="3.11").pip_install("transformers==4.44.2", "torch==2.4.1", "accelerate==0.34.2")
MODEL_DIR = "/models"


@app.cls(
    image=image,
    gpu="A100",
    secrets=[modal.Secret.from_name("huggingface-secret")],
    volumes={MODEL_DIR: volume},
    max_containers=4,
)
class Llama:
    @modal.enter()
    def download(self):
        from huggingface_hub import snapshot_download

        snapshot_download("meta-llama/Llama-3.2-1B", local_dir=MODEL_DIR, token=os.environ["HF_TOKEN"])

    @modal.enter()
    def load(self):
        from transformers import pipeline

        self.pipe = pipeline("text-generation", model=MODEL_DIR, device="cuda")

    @modal.method()
    def complete(self, prompt: str, max_new_tokens: int = 64) -> str:
        return self.pipe(prompt, max_new_tokens=max_new_tokens)[0]["generated_text"]
