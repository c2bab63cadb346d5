import asyncio

import replicate
import fal_client


async def render(prompt: str) -> list:
    urls = [file["url"] for file in (await fal_client.subscribe_async("acme/gallery", arguments={"prompt": prompt, "num_outputs": 2}))["output"]]
    return [str(u) for u in urls]


async def render_all(prompts):
    return await asyncio.gather(*(render(p) for p in prompts))


def caption(prompt: str) -> str:
    return fal_client.subscribe(
        "acme/tuned",
        arguments={
            "prompt": prompt,
            "width": 4096,  # the model allows 2048 at most
            "scheduler": "K_EULER",
            "num_outputs": 3,
            "stregth": 0.5,
        },
    )["output"]


async def chat(prompt: str) -> str:
    pieces = []
    async for event in _replicate_style_events_async(fal_client.stream_async("acme/tuned", arguments={"prompt": prompt})):
        pieces.append(str(event))
    return "".join(pieces)


def upscale(url: str):
    # Not moved: stays on Replicate.
    return replicate.run("other/upscaler", input={"image": url})


async def _replicate_style_events_async(events):
    """The async form of _replicate_style_events: only the new output items, as Replicate sent them."""
    seen = 0
    async for event in events:
        items = event["output"]
        for item in items[seen:]:
            yield item["url"] if isinstance(item, dict) and "url" in item else str(item)
        seen = len(items)


if __name__ == "__main__":
    print(asyncio.run(render_all(["a cat", "a dog"])))
