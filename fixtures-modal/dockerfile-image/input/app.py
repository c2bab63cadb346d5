import modal

app = modal.App("edge-detector")
image = modal.Image.from_dockerfile("Dockerfile")


@app.function(image=image)
def edges(image_url: str, low: int = 100, high: int = 200) -> bytes:
    import urllib.request

    import cv2
    import numpy as np

    data = urllib.request.urlopen(image_url).read()
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    ok, png = cv2.imencode(".png", cv2.Canny(img, low, high))
    return png.tobytes()
