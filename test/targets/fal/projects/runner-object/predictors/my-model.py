# A BaseRunner in a subfolder with a hyphenated file name, a local module, a heavy import, a
# Secret input, a data file read relative to the project folder, and a BaseModel output with a
# file field.
import tempfile

import heavy_lib  # stubbed in tests: stands for torch and friends
from cog import BaseModel, BaseRunner, Input, Path, Secret
from helpers import shout


class Output(BaseModel):
    text: str
    length: int
    file: Path


class Runner(BaseRunner):
    def setup(self) -> None:
        self.scale = heavy_lib.scale()

    def run(
        self,
        text: str = Input(description="Grüße, \"\"\"tri-quoted\"\"\" and \\n literally"),
        token: Secret = Input(description="API token", default=None),
    ) -> Output:
        secret = token.get_secret_value() if token is not None else ""
        result = shout(text) + ("!" * len(secret)) + Path("data/suffix.txt").read_text().strip()
        out = Path(tempfile.mkdtemp()) / "result.txt"
        out.write_text(result * self.scale)
        return Output(text=result, length=len(result), file=out)
