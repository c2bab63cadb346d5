import tempfile

from PIL import Image

from cog import BasePredictor, Input, Path


class Predictor(BasePredictor):
    def predict(self, image: Path = Input(description="Image")) -> Path:
        out = Path(tempfile.mkdtemp()) / "gray.png"
        Image.open(image).convert("L").save(out)
        return out
