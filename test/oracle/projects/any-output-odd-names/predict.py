from typing import Any

from cog import Input


def predict(
    HDR_mode: bool = Input(default=False),
    lora_2x: float = Input(default=0.5, deprecated=False),
    loraURL: str = Input(default="", description="Weights URL"),
    payload: dict = Input(description="JSON"),
    items: list = Input(default=None),
) -> Any:
    return {"ok": True}
