import fal
from pydantic import BaseModel


class Sentiment(BaseModel):
    label: str
    score: float


class SentimentApp(fal.App, keep_alive=60, min_concurrency=0, max_concurrency=4):
    machine_type = "M"
    requirements = ["scikit-learn==1.5.2", "joblib==1.4.2"]

    def setup(self):
        import joblib

        self.model = joblib.load("model.joblib")

    @fal.endpoint("/")
    def classify(self, text: str, threshold: float = 0.5) -> Sentiment:
        score = float(self.model.predict_proba([text])[0][1])
        return Sentiment(label="positive" if score >= threshold else "negative", score=score)
