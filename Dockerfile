# syntax=docker/dockerfile:1
FROM python:3.11-slim AS base

ARG SPACY_MODEL=""
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 gateway
WORKDIR /app

COPY pyproject.toml README.md ./
COPY gateway ./gateway
COPY filters ./filters
COPY providers ./providers
RUN pip install . \
 && if [ -n "$SPACY_MODEL" ]; then python -m spacy download "$SPACY_MODEL"; fi
COPY config ./config

USER gateway
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=2).status != 200)"

CMD ["privacy-gateway", "serve", "--config", "config/gateway.yaml", "--host", "0.0.0.0", "--port", "8080", "--workers", "2"]
