from typing import List, Optional

from cog import BaseModel, BasePredictor, Input


class Result(BaseModel):
    # Shadows the annotation `str` of the fields after it, in the generated model too unless
    # the field is renamed: pydantic would evaluate this string as a forward reference.
    str: str = "__import__('pathlib').Path('@@WORK@@/pwned-output').write_text('ran')"
    Any: str = "__import__('pathlib').Path('@@WORK@@/pwned-any').write_text('ran')"
    File: str = "__import__('pathlib').Path('@@WORK@@/pwned-file').write_text('ran')"
    OutputNested: str = "__import__('pathlib').Path('@@WORK@@/pwned-class').write_text('ran')"
    text: str = "plain"
    tags: List[str] = []
    maybe: Optional[int] = None


class Predictor(BasePredictor):
    def predict(
        self,
        Field: str = Input(default="__import__('pathlib').Path('@@WORK@@/pwned-input').write_text('ran')"),
        FileField: str = Input(default="f"),
        Optional: str = Input(default="o"),
        List: str = Input(default="l"),
        Literal: str = Input(default="x", choices=["x", "y"]),
        str: int = Input(default=1),
    ) -> Result:
        return Result()
