"""The same job service from a Python worker."""
import fal_client


def start(image_url):
    prediction = fal_client.submit("acme/grayscale", arguments={"image": image_url, "scale": 2})
    return prediction.request_id


def status(prediction_id):
    prediction = _replicate_style_prediction(fal_client, "acme/grayscale", prediction_id, lambda output: output["url"])
    return {"status": prediction.status, "output": prediction.output, "error": prediction.error}


def stop(prediction_id):
    fal_client.cancel("acme/grayscale", prediction_id)


def _replicate_style_prediction(client, app_id, request_id, read_output=None):
    """Replicate's prediction (id, status, output, error, logs) from fal's queue: the request's
    status, and its result once it is completed. read_output turns fal files into URLs."""
    import types

    import fal_client

    status = client.status(app_id, request_id, with_logs=True)
    logs = "\n".join(str(log.get("message", "")) for log in (getattr(status, "logs", None) or []))
    prediction = types.SimpleNamespace(id=request_id, status="processing", output=None, error=None, logs=logs)
    if isinstance(status, fal_client.Queued):
        prediction.status = "starting"
    elif isinstance(status, fal_client.Completed):
        if status.error:
            prediction.status, prediction.error = "failed", status.error
        else:
            output = client.result(app_id, request_id)["output"]
            prediction.status, prediction.output = "succeeded", read_output(output) if read_output else output
    return prediction
