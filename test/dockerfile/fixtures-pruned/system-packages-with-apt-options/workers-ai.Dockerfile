ARG BASE_IMAGE=python:3.10-slim-bookworm
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]
RUN apt-get update -qq && apt-get install -qqy fluidsynth --fix-missing ffmpeg libgl1 libglib2.0-0 libsndfile1-dev && rm -rf /var/lib/apt/lists/*
RUN printf '%s\n' \
    midi2audio==0.1.1 \
    numpy==1.26.4 \
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
