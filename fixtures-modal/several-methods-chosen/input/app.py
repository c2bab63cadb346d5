import modal

app = modal.App("text-tools")
image = modal.Image.debian_slim(python_version="3.11").pip_install("transformers==4.44.2", "torch==2.4.1")


@app.cls(image=image, gpu="L4")
class TextTools:
    @modal.enter()
    def load(self):
        from transformers import pipeline

        self.summarizer = pipeline("summarization")
        self.translator = pipeline("translation_en_to_de")

    @modal.method()
    def summarize(self, text: str, max_length: int = 130) -> str:
        return self.summarizer(text, max_length=max_length)[0]["summary_text"]

    @modal.method()
    def translate(self, text: str) -> str:
        return self.translator(text)[0]["translation_text"]

    @modal.method()
    def health(self) -> dict:
        return {"ok": True}
