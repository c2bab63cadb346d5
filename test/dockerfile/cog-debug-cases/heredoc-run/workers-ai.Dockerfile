ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM --platform=linux/amd64 $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt
RUN pip install --no-cache-dir cog==0.22.0 coglet==0.22.0
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
