ARG BASE_IMAGE=python:3.10-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy libgl1-mesa-glx libglib2.0-0 && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    opencv-python==4.8.0.76 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
