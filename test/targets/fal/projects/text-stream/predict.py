# Streams words back, as a language model streams tokens.
from cog import BasePredictor, ConcatenateIterator, Input


class Predictor(BasePredictor):
    def predict(
        self,
        prompt: str = Input(description='Text with "quotes", \\ backslashes and {{braces}}'),
        shout: bool = Input(default=False),
    ) -> ConcatenateIterator[str]:
        for word in prompt.split():
            yield (word.upper() if shout else word) + " "
