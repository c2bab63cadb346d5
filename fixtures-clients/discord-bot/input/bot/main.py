"""A small chat bot: answers with the token model, converts pictures with the grayscale model."""
import os

import replicate

client = replicate.Client(api_token=os.environ["REPLICATE_API_TOKEN"])

CHAT_MODEL = "acme/tokens"


def answer(question: str) -> str:
    # Short answers: wait for the whole text.
    tokens = client.run(CHAT_MODEL, input={"prompt": question, "max_new_tokens": 64})
    return "".join(tokens)


def answer_live(question: str, send) -> None:
    for event in client.stream(
        "acme/tokens",
        input={"prompt": question, "temperature": 0.5},  # livelier
    ):
        send(str(event))


def grayscale(url: str) -> str:
    output = client.run("acme/grayscale", input={"image": url, "output_format": "gif"})
    return str(output)


def grayscale_later(url: str, hook: str) -> str:
    prediction = client.predictions.create(
        model="acme/grayscale",
        input={"image": url, "invert": True},
        webhook=hook,
    )
    return prediction.id
