from typing import Iterator

import modal

vllm_image = (
    modal.Image.debian_slim(python_version="3.12")
    .pip_install("vllm==0.6.3.post1", "huggingface_hub[hf_transfer]==0.26.2")
    .env({"HF_HUB_ENABLE_HF_TRANSFER": "1"})
)

app = modal.App("vllm-streaming")
MODEL = "Qwen/Qwen2.5-7B-Instruct"


@app.cls(gpu="H100", image=vllm_image, min_containers=1)
@modal.concurrent(max_inputs=32)
class LLM:
    @modal.enter()
    def start_engine(self):
        from vllm import LLM as Engine

        self.engine = Engine(model=MODEL)

    @modal.method()
    def generate(self, prompt: str, max_tokens: int = 256, temperature: float = 0.7) -> Iterator[str]:
        from vllm import SamplingParams

        params = SamplingParams(max_tokens=max_tokens, temperature=temperature)
        for output in self.engine.generate([prompt], params):
            yield output.outputs[0].text
