from cog import BaseModel, Input, Path


class TrainingOutput(BaseModel):
    weights: Path


def train(
    input_images: Path = Input(description="A zip of images"),
    learning_rate: float = Input(default=1e-4, ge=0),
    max_train_steps: int = Input(default=1000),
    caption_prefix: str = Input(default="a photo of TOK"),
) -> TrainingOutput:
    return TrainingOutput(weights=Path("out.tar"))
