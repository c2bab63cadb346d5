import os

import fal
from pydantic import BaseModel, Field, SecretStr


class TranslateInput(BaseModel):
    text: str = Field(description="Text to translate", max_length=5000)
    target_language: str = Field(default="de", pattern="^[a-z]{2}$", description="ISO 639-1 code")
    api_key: SecretStr = Field(description="Key of the upstream translation service")


class TranslateOutput(BaseModel):
    translation: str
    detected_language: str


class Translator(fal.App, name="translator"):
    machine_type = "XS"
    requirements = ["httpx==0.27.2"]
    max_multiplexing = 16
    secrets = ["UPSTREAM_URL"]
    request_timeout = 30

    async def setup(self) -> None:
        import httpx

        self.client = httpx.AsyncClient(base_url=os.environ["UPSTREAM_URL"])

    @fal.endpoint("/")
    async def translate(self, input: TranslateInput) -> TranslateOutput:
        response = await self.client.post(
            "/translate",
            json={"text": input.text, "target": input.target_language},
            headers={"Authorization": f"Bearer {input.api_key.get_secret_value()}"},
        )
        data = response.json()
        return TranslateOutput(translation=data["text"], detected_language=data["source"])
