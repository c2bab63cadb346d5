ARG BASE_IMAGE=nvidia/cuda:12.1.1-devel-ubuntu22.04
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
ENV LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/usr/lib/x86_64-linux-gnu:/usr/local/nvidia/lib64:/usr/local/nvidia/bin
ENV NVIDIA_DRIVER_CAPABILITIES=all
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends \
	wget \
	curl \
	xz-utils \
	git \
	ca-certificates \
	&& rm -rf /var/lib/apt/lists/*
COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/
ENV UV_SYSTEM_PYTHON=true
RUN uv python install 3.11 && \
	ln -sf $(uv python find 3.11) /usr/bin/python3
ENV UV_PYTHON=3.11
ENV PATH="/usr/local/bin:$PATH"
COPY requirements.txt /tmp/requirements.txt
RUN uv pip install --break-system-packages --no-cache -r /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN uv pip install --break-system-packages --no-cache cog==0.22.0 coglet==0.22.0
ENV CFLAGS=
RUN pip install flash-attn==2.6.3 --no-build-isolation
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
