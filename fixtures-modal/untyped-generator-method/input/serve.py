import modal

vllm_image = modal.Image.debian_slim(python_version="3.11").pip_install("vllm==0.6.3")
app = modal.App("finetuned-llm", image=vllm_image)


@app.cls(gpu="A100", scaledown_window=900)
@modal.concurrent(max_inputs=30)
class Model:
    @modal.enter()
    def start(self):
        from vllm import AsyncEngineArgs, AsyncLLMEngine

        self.engine = AsyncLLMEngine.from_engine_args(AsyncEngineArgs(model="/runs/latest/merged"))

    async def _stream(self, prompt: str):
        from vllm import SamplingParams

        index = 0
        async for result in self.engine.generate(prompt, SamplingParams(max_tokens=512), request_id=str(id(prompt))):
            text = result.outputs[0].text
            yield text[index:]
            index = len(text)

    @modal.method()
    async def completion(self, prompt: str):
        async for text in self._stream(prompt):
            yield text
