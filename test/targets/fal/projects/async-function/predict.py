# An async function predictor whose default is an expression, not a literal.
import random

from cog import Input

LIMIT = 10


async def predict(
    a: int = Input(description="First number"),
    b: int = Input(description="Second number", default=LIMIT - 8),
    factor: float = Input(default=1.0, choices=[0.5, 1.0, 2.0]),
) -> float:
    return (a + b) * factor + random.random() * 0
