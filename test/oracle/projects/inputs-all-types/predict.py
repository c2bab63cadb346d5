from typing import Any, List, Optional

from cog import BasePredictor, File, Input, Path, Secret


class Predictor(BasePredictor):
    def setup(self) -> None:
        pass

    def predict(
        self,
        prompt: str = Input(description="Prompt", min_length=1, max_length=200),
        steps: int = Input(description="Steps", default=25, ge=1, le=100),
        guidance: float = Input(default=7.5, ge=0.0, le=20),
        upscale: bool = Input(default=False),
        image: Path = Input(description="Image"),
        archive: File = Input(default=None),
        token: Secret = Input(description="Token"),
        extra: Any = Input(default=None),
        options: dict = Input(default=None),
        tags: List[str] = Input(default=["a", "b"]),
        masks: List[Path] = Input(description="Masks"),
        negative_prompt: Optional[str] = Input(default=None),
        seed: int = Input(default=None, description="Random when unset"),
        weights: list[float] = Input(default=[0.5, 0.5]),
        scheduler: str = Input(default="DDIM", choices=["DDIM", "K_EULER", "PNDM"]),
        size: int = Input(default=512, choices=[256, 512, 1024]),
        pattern_text: str = Input(default="abc", regex=r"^[a-z]+$"),
        old_flag: bool = Input(default=True, deprecated=True),
        bare: int = 3,
        maybe_count: Optional[int] = Input(description="no default"),
    ) -> str:
        return prompt
