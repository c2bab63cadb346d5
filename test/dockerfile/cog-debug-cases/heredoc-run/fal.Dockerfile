ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
RUN apt-get update -qq && apt-get install -qqy --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
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
RUN pip install --no-cache-dir 'pydantic>=2.5' protobuf boto3
