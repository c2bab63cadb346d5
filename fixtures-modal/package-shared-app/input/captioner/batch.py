"""A batch job of the same app; not what Cog serves."""

from .common import app
from .model import Captioner


@app.local_entrypoint()
def main(path: str) -> None:
    with open(path, "rb") as f:
        print(Captioner().caption.remote(f.read()))
