import json
from typing import Iterator

import fal
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field


class ChatInput(BaseModel):
    prompt: str = Field(description="The user's message")
    system_prompt: str = Field(default="You are a helpful assistant.", description="System prompt")
    max_tokens: int = Field(default=256, ge=1, le=4096, description="Most tokens to generate")
    temperature: float = Field(default=0.7, ge=0.0, le=2.0)


class ChatOutput(BaseModel):
    output: str


class ChatLLM(fal.App, name="chat-llm"):
    machine_type = "GPU-H100"
    requirements = ["vllm==0.6.3", "transformers==4.45.2"]
    max_multiplexing = 8

    def setup(self) -> None:
        from vllm import LLM

        self.llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")

    def _tokens(self, input: ChatInput) -> Iterator[str]:
        from vllm import SamplingParams

        params = SamplingParams(max_tokens=input.max_tokens, temperature=input.temperature)
        prompt = f"{input.system_prompt}\n\n{input.prompt}"
        for out in self.llm.generate([prompt], params):
            yield out.outputs[0].text

    @fal.endpoint("/stream")
    def stream(self, input: ChatInput) -> StreamingResponse:
        def events() -> Iterator[str]:
            for token in self._tokens(input):
                yield f"data: {json.dumps({'token': token})}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    @fal.endpoint("/")
    def chat(self, input: ChatInput) -> ChatOutput:
        return ChatOutput(output="".join(self._tokens(input)))
