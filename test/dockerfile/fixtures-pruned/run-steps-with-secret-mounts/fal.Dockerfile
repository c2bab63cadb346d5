ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy git openssh-client && rm -rf /var/lib/apt/lists/*
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    requests==2.32.3 \
    > /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN --mount=type=secret,id=pip-token,target=/run/secrets/pip-token pip install --index-url "https://$(cat /run/secrets/pip-token)@pypi.example.invalid/simple" private-tokenizer==1.2.0
RUN --mount=type=secret,id=deploy-key,target=/etc/deploy_key mkdir -p /root/.ssh && GIT_SSH_COMMAND="ssh -i /etc/deploy_key -o StrictHostKeyChecking=no" git clone git@github.com:example/private-models.git /opt/private-models
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
