import modal

image = modal.Image.debian_slim(python_version="3.11").uv_pip_install(
    "fastapi[standard]==0.115.4", "kokoro==0.9.4", "soundfile==0.12.1"
)
app = modal.App("speech-api", image=image)

with image.imports():
    import io

    import soundfile
    from fastapi.responses import StreamingResponse


@app.cls(gpu="T4")
@modal.concurrent(max_inputs=4)
class Speaker:
    @modal.enter()
    def load(self):
        from kokoro import KPipeline

        self.pipe = KPipeline(lang_code="a")

    @modal.fastapi_endpoint(docs=True, method="POST")
    def speak_web(self, text: str):
        # Browsers get the WAV as a stream they can play.
        return StreamingResponse(io.BytesIO(self.speak.local(text)), media_type="audio/wav")

    @modal.method()
    def speak(self, text: str, speed: float = 1.0) -> bytes:
        audio = next(iter(self.pipe(text, voice="af_heart", speed=speed))).audio
        buffer = io.BytesIO()
        soundfile.write(buffer, audio, 24000, format="WAV")
        return buffer.getvalue()
