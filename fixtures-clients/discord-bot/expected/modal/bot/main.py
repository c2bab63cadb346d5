"""A small chat bot: answers with the token model, converts pictures with the grayscale model."""
import os

import replicate
import modal

client = replicate.Client(api_token=os.environ["REPLICATE_API_TOKEN"])

CHAT_MODEL = "acme/tokens"


def answer(question: str) -> str:
    # Short answers: wait for the whole text.
    tokens = modal.Cls.from_name("tokens", "Predictor")().predict.remote({"prompt": question, "max_new_tokens": 64})
    return "".join(tokens)


def answer_live(question: str, send) -> None:
    for event in modal.Cls.from_name("tokens", "Predictor")().predict.remote_gen(
        {"prompt": question, "temperature": 0.5},  # livelier
    ):
        send(str(event))


def grayscale(url: str) -> str:
    output = _predict_on_modal("https://acme--grayscale-web.modal.run", input={"image": url, "output_format": "gif"})
    return str(output)


def grayscale_later(url: str, hook: str) -> str:
    prediction = client.predictions.create(
        model="acme/grayscale",
        input={"image": url, "invert": True},
        webhook=hook,
    )
    return prediction.id


def _predict_on_modal(url, input):
    """One prediction on the Modal app's Cog-compatible endpoint: POST /predictions answers as
    Cog does, with {"status", "output", "error", "logs", "metrics"}."""
    import json
    import os
    import urllib.request

    headers = {"Content-Type": "application/json"}
    # Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.
    if os.environ.get("MODAL_PROXY_TOKEN_ID"):
        headers["Modal-Key"] = os.environ["MODAL_PROXY_TOKEN_ID"]
        headers["Modal-Secret"] = os.environ.get("MODAL_PROXY_TOKEN_SECRET", "")
    body = json.dumps({"input": input}).encode()
    request = urllib.request.Request(url + "/predictions", data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        prediction = json.load(response)
    if prediction.get("status") != "succeeded":
        raise RuntimeError(f"Prediction failed: {prediction.get('error')}")
    return prediction["output"]
