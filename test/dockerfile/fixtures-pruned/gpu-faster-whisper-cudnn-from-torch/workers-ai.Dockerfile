ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
RUN apt-get update -qq && apt-get install -qqy ffmpeg && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu124/' \
    torch==2.4.1 \
    faster-whisper==1.1.0 \
    ctranslate2==4.5.0 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN pip install --no-cache-dir cog==0.22.0 coglet==0.22.0
ENV CFLAGS=
RUN pip install xformers
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
