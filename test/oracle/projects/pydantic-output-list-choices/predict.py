from typing import Any, List

from pydantic import BaseModel

from cog import BasePredictor, Input


class Result(BaseModel):
    label: str
    confidence: float
    extra: dict
    anything: Any
    top_k: List[int]


class Predictor(BasePredictor):
    def predict(
        self,
        languages: List[str] = Input(description="Pick some", choices=["en", "de", "fr"], default=["en"]),
        threshold: float = Input(default=0, ge=-1.5, le=1.5),
        quality: int = Input(default=3, choices=[1, 2, 3], description="Quality level"),
    ) -> Result:
        return Result(label="x", confidence=1.0, extra={}, anything=None, top_k=[])
