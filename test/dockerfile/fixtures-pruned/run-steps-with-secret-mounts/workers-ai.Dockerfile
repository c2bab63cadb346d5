ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
RUN apt-get update -qq && apt-get install -qqy git openssh-client && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    requests==2.32.3 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN pip install --no-cache-dir cog==0.22.0 coglet==0.22.0
ENV CFLAGS=
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN --mount=type=secret,id=pip-token,target=/run/secrets/pip-token pip install --index-url "https://$(cat /run/secrets/pip-token)@pypi.example.invalid/simple" private-tokenizer==1.2.0
RUN --mount=type=secret,id=deploy-key,target=/etc/deploy_key mkdir -p /root/.ssh && GIT_SSH_COMMAND="ssh -i /etc/deploy_key -o StrictHostKeyChecking=no" git clone git@github.com:example/private-models.git /opt/private-models
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
