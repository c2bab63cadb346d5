ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu121/' \
    torch==2.5.1 \
    diffusers==0.32.1 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE pip install flash-attn --no-build-isolation
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
