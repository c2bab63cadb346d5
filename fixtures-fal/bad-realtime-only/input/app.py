from typing import AsyncIterator

import fal


class LiveDepth(fal.App):
    machine_type = "GPU-A100"
    requirements = ["torch==2.4.1", "transformers==4.44.2"]

    def setup(self) -> None:
        from transformers import pipeline

        self.depth = pipeline("depth-estimation", model="depth-anything/Depth-Anything-V2-Small-hf")

    @fal.realtime("/live")
    async def live(self, frames: AsyncIterator[dict]) -> AsyncIterator[dict]:
        async for frame in frames:
            yield {"depth": self.depth(frame["image"])["predicted_depth"].tolist()}
