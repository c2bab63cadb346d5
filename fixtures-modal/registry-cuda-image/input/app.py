import modal

cuda_image = (
    modal.Image.from_registry("nvidia/cuda:12.4.0-devel-ubuntu22.04", add_python="3.11")
    .apt_install("git", "build-essential")
    .pip_install("torch==2.4.1", "packaging==24.1", "ninja==1.11.1.1")
    .run_commands("pip install flash-attn==2.6.3 --no-build-isolation")
    .env({"CUDA_HOME": "/usr/local/cuda", "TORCH_CUDA_ARCH_LIST": "8.0;9.0"})
)
app = modal.App("flash-attn-encoder", image=cuda_image)


@app.cls(gpu="A100-80GB")
class Encoder:
    @modal.enter()
    def setup(self):
        import torch

        self.device = torch.device("cuda")

    @modal.method()
    def encode(self, text: str, normalize: bool = True) -> list[float]:
        return [float(len(text))] if normalize else [0.0]
