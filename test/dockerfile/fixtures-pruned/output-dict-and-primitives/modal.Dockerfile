#syntax=docker/dockerfile:1.4
ARG BASE_IMAGE=python:3.11-slim
FROM $BASE_IMAGE
ENV DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1
