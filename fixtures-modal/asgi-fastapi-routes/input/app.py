from typing import Literal

import modal
from fastapi import FastAPI
from pydantic import BaseModel, Field

app = modal.App("style-transfer-api")
image = modal.Image.debian_slim(python_version="3.11").pip_install("fastapi[standard]==0.115.4", "pillow==10.4.0")
web_app = FastAPI()


class StyleRequest(BaseModel):
    image_url: str = Field(description="Image to restyle")
    style: Literal["sketch", "watercolor", "oil"] = "sketch"
    strength: float = Field(default=0.6, ge=0.0, le=1.0)


class StyleResponse(BaseModel):
    image: bytes
    style: str


@web_app.post("/restyle")
async def restyle(request: StyleRequest) -> StyleResponse:
    return StyleResponse(image=b"", style=request.style)


@web_app.get("/health")
async def health() -> dict:
    return {"ok": True}


@app.function(image=image)
@modal.asgi_app()
def fastapi_app():
    return web_app
