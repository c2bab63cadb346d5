#syntax=docker/dockerfile:1.4
FROM r8.im/cog-base:python3.11
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update -qq && apt-get install -qqy openssh-client && rm -rf /var/lib/apt/lists/*
COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/
ENV UV_SYSTEM_PYTHON=true
COPY --from=cog_build requirements.txt /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/pip uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt
ENV CFLAGS=
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/uv uv pip install --no-cache cog
ENV CFLAGS=
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN --mount=type=secret,id=pip-token,target=/run/secrets/pip-token pip install --index-url "https://$(cat /run/secrets/pip-token)@pypi.example.invalid/simple" private-tokenizer==1.2.0
RUN --mount=type=secret,id=deploy-key,target=/etc/deploy_key mkdir -p /root/.ssh && GIT_SSH_COMMAND="ssh -i /etc/deploy_key -o StrictHostKeyChecking=no" git clone git@github.com:example/private-models.git /opt/private-models
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
