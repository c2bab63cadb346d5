from cog import Input, Path


def train(
    images: Path = Input(description="Training images"),
    rank: int = Input(default=16, choices=[4, 8, 16, 32]),
    resolution: str = Input(default="512", choices=["512", "768", "1024"]),
) -> Path:
    return Path("weights.tar")
