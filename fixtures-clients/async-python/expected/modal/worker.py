import asyncio

import replicate
import modal


async def render(prompt: str) -> list:
    urls = await modal.Cls.from_name("gallery", "Predictor")().predict.remote.aio({"prompt": prompt, "num_outputs": 2})
    return [str(u) for u in urls]


async def render_all(prompts):
    return await asyncio.gather(*(render(p) for p in prompts))


def caption(prompt: str) -> str:
    return modal.Cls.from_name("tuned", "Predictor")().predict.remote(
        **{
            "prompt": prompt,
            "width": 4096,  # the model allows 2048 at most
            "scheduler": "K_EULER",
            "num_outputs": 3,
            "stregth": 0.5,
        },
    )


async def chat(prompt: str) -> str:
    pieces = []
    async for event in modal.Cls.from_name("tuned", "Predictor")().predict.remote_gen.aio(prompt=prompt):
        pieces.append(str(event))
    return "".join(pieces)


def upscale(url: str):
    # Not moved: stays on Replicate.
    return replicate.run("other/upscaler", input={"image": url})


if __name__ == "__main__":
    print(asyncio.run(render_all(["a cat", "a dog"])))
