from typing import List, Optional

import fal
from fal.toolkit import FileField, download_file
from pydantic import BaseModel, Field

TASKS = ["transcribe", "translate"]


class WhisperInput(BaseModel):
    audio_url: str = FileField(description="URL of the audio file (mp3, wav, m4a)")
    task: str = Field(default="transcribe", description="Transcribe, or translate to English")
    language: Optional[str] = Field(default=None, description="Language code; detected when empty", min_length=2, max_length=3)
    batch_size: int = Field(default=16, ge=1, le=64)


class Chunk(BaseModel):
    text: str
    start: float
    end: float


class WhisperOutput(BaseModel):
    text: str = Field(description="The whole transcript")
    chunks: List[Chunk] = Field(description="Timestamped segments")
    language: Optional[str] = None


class Whisper(fal.App):
    machine_type = "GPU-A6000"
    requirements = ["openai-whisper==20240930", "torch==2.4.1", "numpy<2"]
    app_name = "whisper"

    def setup(self) -> None:
        import whisper

        self.model = whisper.load_model("large-v3", device="cuda")

    @fal.endpoint("/")
    def transcribe(self, request: WhisperInput) -> WhisperOutput:
        import tempfile

        path = download_file(request.audio_url, target_dir=tempfile.mkdtemp())
        result = self.model.transcribe(str(path), task=request.task, language=request.language)
        chunks = [Chunk(text=s["text"], start=s["start"], end=s["end"]) for s in result["segments"]]
        return WhisperOutput(text=result["text"], chunks=chunks, language=result.get("language"))
