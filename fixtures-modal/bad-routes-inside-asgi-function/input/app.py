import modal

app = modal.App("translation-chat")
image = modal.Image.debian_slim().pip_install("fastapi[standard]==0.115.4", "transformers==4.44.2")


@app.cls(gpu="A10G", image=image)
class Translator:
    @modal.enter()
    def load(self) -> None:
        from transformers import pipeline

        self.pipe = pipeline("translation", model="facebook/nllb-200-distilled-600M")

    @modal.asgi_app()
    def api(self):
        from fastapi import FastAPI, WebSocket

        web = FastAPI()

        @web.post("/translate")
        async def translate(text: str, target: str) -> dict:
            return {"text": self.pipe(text, tgt_lang=target)[0]["translation_text"]}

        @web.websocket("/chat")
        async def chat(socket: WebSocket) -> None:
            await socket.accept()

        return web


@app.function(image=image)
@modal.asgi_app()
def frontend():
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    web = FastAPI()
    web.mount("/", StaticFiles(directory="/assets", html=True))
    return web
