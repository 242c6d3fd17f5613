# The image that docker-compose.yml runs as `worker` and `beat`.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsdesk newsdesk
COPY store store
COPY tasks tasks
COPY worker worker
RUN pip install --no-cache-dir . \
    && useradd --create-home newsdesk \
    && mkdir /data && chown newsdesk /data
USER newsdesk
ENV NEWSDESK_DATA_DIR=/data
CMD ["newsdesk", "--help"]
