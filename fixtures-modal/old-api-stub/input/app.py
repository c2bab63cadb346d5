import modal

stub = modal.Stub("old-upscaler")
image = modal.Image.debian_slim(python_version="3.10").pip_install("realesrgan==0.3.0")


@stub.cls(gpu=modal.gpu.A100(), image=image, keep_warm=1, container_idle_timeout=300, allow_concurrent_inputs=4)
class Upscaler:
    @modal.build()
    def download(self):
        self.weights = "weights/RealESRGAN_x4plus.pth"

    @modal.enter()
    def load(self):
        self.model = object()

    @modal.web_endpoint(method="POST")
    def upscale(self, image_url: str, scale: int = 4) -> dict:
        return {"url": image_url, "scale": scale}
