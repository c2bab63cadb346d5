import fal
from pydantic import BaseModel, Field


class EmbedInput(BaseModel):
    texts: list[str] = Field(description="Texts to embed", min_length=1)
    normalize: bool = True


class EmbedOutput(BaseModel):
    embeddings: list[list[float]]


class Embedder(fal.App):
    machine_type = ["GPU-H100", "GPU-A100"]
    image = fal.ContainerImage.from_dockerfile("Dockerfile")

    def setup(self):
        from kernels import load

        self.model = load("/weights")

    @fal.endpoint("/")
    def embed(self, input: EmbedInput) -> EmbedOutput:
        return EmbedOutput(embeddings=self.model.encode(input.texts, normalize=input.normalize))
