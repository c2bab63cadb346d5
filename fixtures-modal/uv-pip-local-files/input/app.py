import modal

image = (
    modal.Image.debian_slim(python_version="3.12")
    .uv_pip_install("sentence-transformers==3.2.1", "torch==2.5.1")
    .add_local_python_source("embedding_utils")
    .add_local_dir("assets", remote_path="/root/assets")
)
app = modal.App("embeddings", image=image)


@app.cls(gpu="L4")
class Embedder:
    model_name: str = modal.parameter(default="all-MiniLM-L6-v2")

    @modal.enter()
    def load(self):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(self.model_name)

    @modal.method()
    def embed(self, sentences: list[str], normalize: bool = True) -> list[list[float]]:
        return self.model.encode(sentences, normalize_embeddings=normalize).tolist()
