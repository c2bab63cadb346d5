"""Restyles an uploaded photo; the browser posts a multipart form to the endpoint."""

from io import BytesIO

import modal
from fastapi import File, Form, Query, Response, UploadFile

image = modal.Image.debian_slim(python_version="3.11").pip_install(
    "fastapi[standard]==0.115.4", "diffusers==0.30.3", "torch==2.4.1", "pillow==10.4.0"
)
app = modal.App("photo-restyle", image=image)


@app.cls(gpu="A10G", scaledown_window=240)
class Restyler:
    @modal.enter()
    def load(self) -> None:
        from diffusers import AutoPipelineForImage2Image

        self.pipe = AutoPipelineForImage2Image.from_pretrained("stabilityai/sdxl-turbo")

    @modal.fastapi_endpoint(method="POST")
    async def restyle(
        self,
        photo: UploadFile = File(..., description="The photo to restyle"),
        prompt: str = Form(..., min_length=1),
        steps: int = Form(3, ge=1, le=8),
        strength: float = Query(0.65, ge=0.0, le=1.0, description="How far from the photo"),
    ) -> Response:
        from PIL import Image

        source = Image.open(BytesIO(await photo.read())).resize((512, 512))
        out = self.pipe(prompt, image=source, num_inference_steps=steps, strength=strength).images[0]
        buffer = BytesIO()
        out.save(buffer, format="jpeg")
        return Response(content=buffer.getvalue(), media_type="image/jpeg")
