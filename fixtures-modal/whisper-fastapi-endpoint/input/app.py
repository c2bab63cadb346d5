from typing import List, Optional

import modal
from pydantic import BaseModel, Field

image = modal.Image.debian_slim(python_version="3.11").apt_install("ffmpeg").pip_install(
    "openai-whisper==20240930", "fastapi[standard]==0.115.4"
)
app = modal.App("whisper", image=image)


class TranscribeRequest(BaseModel):
    audio_url: str = Field(description="URL of an audio file")
    language: Optional[str] = Field(default=None, description="Language code, detected when empty")
    word_timestamps: bool = False


class Segment(BaseModel):
    start: float
    end: float
    text: str


class TranscribeResponse(BaseModel):
    text: str
    segments: List[Segment]


@app.function(gpu="T4", timeout=900)
@modal.fastapi_endpoint(method="POST", docs=True)
def transcribe(request: TranscribeRequest) -> TranscribeResponse:
    import urllib.request

    import whisper

    path, _ = urllib.request.urlretrieve(request.audio_url)
    model = whisper.load_model("base")
    result = model.transcribe(path, language=request.language, word_timestamps=request.word_timestamps)
    return TranscribeResponse(text=result["text"], segments=[Segment(start=s["start"], end=s["end"], text=s["text"]) for s in result["segments"]])
