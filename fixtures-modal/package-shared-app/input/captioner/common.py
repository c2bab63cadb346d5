"""What every part of the captioner app shares: the App, its image, the weights volume."""

import modal

MINUTES = 60

image = (
    modal.Image.debian_slim(python_version="3.11")
    .apt_install("libgl1")
    .pip_install("torch==2.4.1", "transformers==4.44.2", "pillow==10.4.0")
)

app = modal.App("image-captioner", image=image)

weights = modal.Volume.from_name("captioner-weights", create_if_missing=True)
