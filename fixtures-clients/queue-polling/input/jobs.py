"""The same job service from a Python worker."""
import replicate


def start(image_url):
    prediction = replicate.predictions.create(model="acme/grayscale", input={"image": image_url, "scale": 2})
    return prediction.id


def status(prediction_id):
    prediction = replicate.predictions.get(prediction_id)
    return {"status": prediction.status, "output": prediction.output, "error": prediction.error}


def stop(prediction_id):
    replicate.predictions.cancel(prediction_id)
