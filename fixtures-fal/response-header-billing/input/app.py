"""Text to speech with per-character billing: the endpoint sets fal's billing header."""

from typing import Literal

import fal
from fal.toolkit import Audio
from fastapi import Request, Response
from pydantic import BaseModel, Field

Voice = Literal["alto", "baritone", "soprano"]
SpeakingVoice = Voice


class SpeechRequest(BaseModel):
    text: str = Field(description="What to say", max_length=5000)
    voice: SpeakingVoice = Field(default="alto", description="Which voice reads it")
    speed: float = Field(default=1.0, ge=0.5, le=2.0)


class SpeechResult(BaseModel):
    audio: Audio
    characters: int


class Speech(fal.App, keep_alive=120):
    machine_type = "GPU-A10G"
    requirements = ["torch==2.4.1", "soundfile==0.12.1"]

    def setup(self) -> None:
        from speech_model import load

        self.model = load()

    @fal.endpoint("/")
    def speak(self, input: SpeechRequest, response: Response, request: Request) -> SpeechResult:
        import soundfile

        wav = self.model.say(input.text, voice=input.voice, speed=input.speed)
        soundfile.write("/tmp/speech.wav", wav, 24000)
        response.headers["x-fal-billable-units"] = str(len(input.text))
        return SpeechResult(audio=Audio.from_path("/tmp/speech.wav"), characters=len(input.text))
