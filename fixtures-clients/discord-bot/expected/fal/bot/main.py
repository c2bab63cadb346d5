"""A small chat bot: answers with the token model, converts pictures with the grayscale model."""
import os

import fal_client

client = fal_client.SyncClient(key=os.environ["FAL_KEY"])

CHAT_MODEL = "acme/tokens"


def answer(question: str) -> str:
    # Short answers: wait for the whole text.
    tokens = client.subscribe("acme/tokens", arguments={"prompt": question, "max_new_tokens": 64})["output"]
    return "".join(tokens)


def answer_live(question: str, send) -> None:
    for event in _replicate_style_events(client.stream(
        "acme/tokens",
        arguments={"prompt": question, "temperature": 0.5},  # livelier
    )):
        send(str(event))


def grayscale(url: str) -> str:
    output = client.subscribe("acme/grayscale", arguments={"image": url, "output_format": "gif"})["output"]["url"]
    return str(output)


def grayscale_later(url: str, hook: str) -> str:
    prediction = client.submit("acme/grayscale",
        arguments={"image": url, "invert": True},
        webhook_url=hook,
    )
    return prediction.request_id


def _replicate_style_events(events):
    """Replicate's stream sent one event per new output item; the fal app's /stream endpoint
    sends the whole output so far in each event. This yields only the new items, as Replicate did."""
    seen = 0
    for event in events:
        items = event["output"]
        for item in items[seen:]:
            # fal returns files as File objects; Replicate streamed their URLs.
            yield item["url"] if isinstance(item, dict) and "url" in item else str(item)
        seen = len(items)
