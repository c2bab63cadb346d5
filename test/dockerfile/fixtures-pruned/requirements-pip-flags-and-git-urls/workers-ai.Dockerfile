ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
RUN apt-get update -qq && apt-get install -qqy git && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    '--extra-index-url https://download.pytorch.org/whl/cu121/' \
    '--extra-index-url https://download.pytorch.org/whl/cu121' \
    '-f https://data.pyg.org/whl/torch-2.3.0+cu121.html' \
    --find-links=https://example.invalid/wheels/ \
    --pre \
    '--trusted-host example.invalid' \
    torch==2.3.0 \
    torchvision==0.18.0 \
    torch-scatter \
    'xformers>=0.0.26,<0.1' \
    'accelerate[testing]~=0.30.0' \
    'transformers @ git+https://github.com/huggingface/transformers@4b2f9f1' \
    git+https://github.com/openai/CLIP.git@a1d0717 \
    'peft @ https://example.invalid/peft-0.11.0-py3-none-any.whl' \
    opencv-python-headless==4.9.0.80 \
    'numpy<2     ; python_version >= "3.9"' \
    '-e git+https://github.com/facebookresearch/segment-anything.git' \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN pip install --no-cache-dir cog==0.22.0 coglet==0.22.0
ENV CFLAGS=
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
