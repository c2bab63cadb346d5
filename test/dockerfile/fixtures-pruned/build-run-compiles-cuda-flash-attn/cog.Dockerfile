#syntax=docker/dockerfile:1.4
FROM r8.im/cog-base:cuda12.1-python3.11-torch2.3.1
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update -qq && apt-get install -qqy ninja-build && rm -rf /var/lib/apt/lists/*
COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/
ENV UV_SYSTEM_PYTHON=true
COPY --from=cog_build requirements.txt /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/pip uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt
ENV CFLAGS=
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/uv uv pip install --no-cache cog
ENV CFLAGS=
RUN nvcc --version
RUN MAX_JOBS=4 pip install flash-attn==2.6.3 --no-build-isolation
RUN TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0" pip install "git+https://github.com/Dao-AILab/causal-conv1d@v1.4.0" --no-build-isolation
RUN export CUDA_HOME=/usr/local/cuda && printf 'extern "C" __global__ void scale(float* x, float s, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] *= s; }\n' > /tmp/scale.cu && nvcc -O3 -arch=sm_80 -Xcompiler -fPIC -shared -o /usr/local/lib/libscale.so /tmp/scale.cu
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
