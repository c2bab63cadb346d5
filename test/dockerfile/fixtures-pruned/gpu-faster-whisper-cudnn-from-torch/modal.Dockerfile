ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy ffmpeg && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu124/' \
    torch==2.4.1 \
    faster-whisper==1.1.0 \
    ctranslate2==4.5.0 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install xformers
