# Newsroom app server: granian serving Django, production settings from the environment.
# Build:  docker build -t newsroom .
# Run:    see deploy/docker/compose.yaml and docs/operators/production.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/app/.venv/bin:$PATH \
    HOST=0.0.0.0 \
    PORT=8000 \
    NEWSROOM_DATA_DIR=/srv/newsroom

# gettext for the compiled catalogue is shipped (.mo), so no system packages are needed.
RUN pip install --no-cache-dir "uv==0.13.8" \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin newsroom \
    && mkdir -p /app /srv/newsroom/media \
    && chown -R newsroom:newsroom /app /srv/newsroom

WORKDIR /app
USER newsroom

# Dependencies first, from the lock file only, so code changes reuse this layer.
COPY --chown=newsroom:newsroom pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY --chown=newsroom:newsroom . .
RUN uv sync --frozen --no-dev \
    && NEWSROOM_DATA_DIR=/tmp/build-data python -c \
       "import newsroom.cli as cli; cli._django(); cli.collect_static_if_changed()" \
    && rm -rf /tmp/build-data

VOLUME ["/srv/newsroom"]
EXPOSE 8000
# `newsroom serve`: granian with WEB_WORKERS workers on HOST:PORT. Run `newsroom setup` once
# per release (migrations, site skeleton, first admin) before starting the servers.
CMD ["newsroom", "serve"]
