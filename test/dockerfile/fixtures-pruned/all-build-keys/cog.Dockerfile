#syntax=docker/dockerfile:1.4
FROM r8.im/cog-base:cuda11.8-python3.10-torch2.1.1
ENV TORCH_HOME=/src/.cache/torch
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update -qq && apt-get install -qqy libgl1-mesa-glx && rm -rf /var/lib/apt/lists/*
COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/
ENV UV_SYSTEM_PYTHON=true
COPY --from=cog_build requirements.txt /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/pip uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt
ENV CFLAGS=
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/uv uv pip install --no-cache cog==0.16.9
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
