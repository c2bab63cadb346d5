from typing import Optional

from cog import AsyncConcatenateIterator, BasePredictor, Input, Secret


class Predictor(BasePredictor):
    async def setup(self) -> None:
        self.ready = True

    async def predict(
        self,
        prompt: str,
        system_prompt: Optional[str] = None,
        max_tokens: int = Input(default=512, ge=1, le=4096),
        temperature: Optional[float] = Input(default=None, ge=0, le=2),
        api_key: Secret = Input(default=None, description="Bring your own key"),
        stop: Optional[list[str]] = Input(default=None),
    ) -> AsyncConcatenateIterator[str]:
        for word in prompt.split():
            yield word + " "
