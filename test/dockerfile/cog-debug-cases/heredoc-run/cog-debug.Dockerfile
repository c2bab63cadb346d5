#syntax=docker/dockerfile:1.4
FROM python:3.11-slim
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
COPY --from=ghcr.io/astral-sh/uv:0.9.26 /uv /uvx /usr/local/bin/
ENV UV_SYSTEM_PYTHON=true
COPY --from=cog_build requirements.txt /tmp/requirements.txt
ENV CFLAGS="-O3 -funroll-loops -fno-strict-aliasing -flto -S"
RUN --mount=type=cache,target=/root/.cache/pip uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt
ENV CFLAGS=
RUN --mount=type=cache,target=/root/.cache/uv uv pip install --no-cache cog
RUN cat <<EOF > /etc/model.conf
FROM scratch
WORKDIR /src
EOF
RUN <<-'END' bash -e
	echo "a tab-indented script"
	ENV NOT_AN_INSTRUCTION=1
	END
COPY <<CONF /etc/extra.conf
EXPOSE 5000
CONF
RUN echo "a here-string is no heredoc" && cat <<< "EXPOSE 1"
WORKDIR /src
EXPOSE 5000
ENV COG_PREDICT_TYPE_STUB="predict.py:Predictor"
CMD ["python", "-m", "cog.server.http"]
COPY . /src
