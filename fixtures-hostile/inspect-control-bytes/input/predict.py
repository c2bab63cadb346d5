import os
from cog import BasePredictor, Input

class Predictor(BasePredictor):
    def predict(self, text: str = Input(default=os.environ.get("]0;pwned[2J", "31m"), description="[31mred")) -> str:
        return text
