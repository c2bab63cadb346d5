ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
ENV HF_HOME=/tmp/hf-cache TORCH_HOME=.
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu121/' \
    torch==2.2.0 \
    torchvision==0.17.0 \
    diffusers==0.27.2 \
    transformers==4.39.3 \
    peft==0.10.0 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
