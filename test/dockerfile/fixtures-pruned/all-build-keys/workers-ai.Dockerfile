ARG BASE_IMAGE=python:3.10.12-slim
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
ENV TORCH_HOME=/src/.cache/torch
RUN apt-get update -qq && apt-get install -qqy ffmpeg libsndfile1 libgl1-mesa-glx && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu118/' \
    torch==2.1.1 \
    torchaudio==2.1.1 \
    demucs==4.0.1 \
    soundfile==0.12.1 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN pip install --no-cache-dir cog==0.16.9
ENV CFLAGS=
RUN curl -o /usr/local/bin/pget -L "https://github.com/replicate/pget/releases/download/v0.8.2/pget_linux_x86_64" && chmod +x /usr/local/bin/pget
RUN echo 'build done' > /build-marker
RUN pip install --upgrade pip setuptools wheel
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
ENV COG_TRAIN_TYPE_STUB="train.py:train"
ENV COG_MAX_CONCURRENCY=1
CMD ["python", "-m", "cog.server.http"]
COPY . /src
