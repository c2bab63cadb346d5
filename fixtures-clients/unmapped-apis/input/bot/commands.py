"""Slash commands of the sticker bot."""

import os

import replicate


def sticker(prompt: str) -> str:
    # Written against the pre-1.0 client: a model object, then predict().
    model = replicate.models.get("acme/sticker")
    return model.predict(prompt=prompt)[0]


def sticker_now(prompt: str) -> str:
    client = replicate.Client(api_token=os.environ["REPLICATE_API_TOKEN"])
    prediction = client.deployments.predictions.create("acme", "sticker-prod", input={"prompt": prompt})
    prediction.wait()
    return prediction.output[0]
