ARG BASE_IMAGE=python:3.10-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy git && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu118/' \
    '--extra-index-url https://download.pytorch.org/whl/cu118' \
    '-f https://download.pytorch.org/whl/torch_stable.html' \
    --pre \
    torch==2.0.1 \
    'diffusers @ git+https://github.com/huggingface/diffusers.git@v0.20.0' \
    git+https://github.com/openai/whisper.git \
    'compel>=2.0' \
    Pillow \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install onnxruntime-gpu --extra-index-url https://aiinfra.pkgs.visualstudio.com/PublicPackages/_packaging/onnxruntime-cuda-12/pypi/simple/
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
