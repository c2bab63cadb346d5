ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy libgl1 && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    numpy==1.26.4 \
    pillow==10.4.0 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install opencv-python-headless==4.10.0.84
RUN python -c "print('warm caches')"
RUN --mount=type=bind,source=scripts,target=/tmp/scripts sh /tmp/scripts/fetch-fonts.sh
RUN --mount=type=secret,id=hf-token,target=/run/secrets/hf-token echo "token mounted"
