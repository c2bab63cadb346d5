ARG BASE_IMAGE=python:3.10-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy fluidsynth --fix-missing ffmpeg libgl1 libglib2.0-0 libsndfile1-dev && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    midi2audio==0.1.1 \
    numpy==1.26.4 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
