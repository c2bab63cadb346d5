ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN --mount=type=secret,id=pip-token,target=/run/secrets/pip-token pip install --index-url "https://$(cat /run/secrets/pip-token)@pypi.example.invalid/simple" private-tokenizer==1.2.0
