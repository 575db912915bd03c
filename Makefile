# Newsroom: every command a developer or operator needs. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
# Test workers (pytest-xdist): one per core by default; TEST_WORKERS=0 runs the tests in this
# process. Tests that share a costly fixture stay together in one worker (conftest.py, GROUPS).
TEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder
# The tests' files (SQLite databases, search indexes, private servers' data folders) go to memory
# where the machine has a tmpfs: every publish commits the search index, and fsync is free there.
TEST_TMPDIR := $(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo $${TMPDIR:-/tmp})
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help install run serve setup demo test test-browser test-postgres lint format check messages ci clean bench bench-mail bench-sendouts bench-search bench-webhooks bench-digests bench-edge cluster cluster-stop loadtest docs

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

# Bytecode compiled once here: where PYTHONDONTWRITEBYTECODE is set, every process (each test's
# `newsroom` subprocess, worker and app server) would otherwise compile Django and Wagtail again,
# about 3 s of CPU a start.
$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

run: install ## Set up the database and demo newsroom, then serve on http://$${HOST:-127.0.0.1}:$${PORT:-8000}
	$(BIN)/newsroom run

setup: install ## Migrate, collect static files, load the demo into an empty database, create an admin
	$(BIN)/newsroom setup

serve: install ## Serve without setting up (granian, production settings)
	$(BIN)/newsroom serve

demo: install ## Load the demo newsroom (refuses if the database already has items)
	$(BIN)/newsroom load-demo

test: install ## Run the whole test suite, browser and cluster/fault tests included (SQLite, or DATABASE_URL when set); fails on a skip not in tests/skips-allowed.txt
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-page-checkers.sh
	bash deploy/cluster/ensure-tools.sh
	TMPDIR=$(TEST_TMPDIR) PYTHONDONTWRITEBYTECODE= $(BIN)/pytest --strict-skips $(PYTEST_PARALLEL)

test-browser: install ## Run only the browser tests (Playwright + Debian's Chromium)
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-page-checkers.sh
	$(BIN)/pytest tests/browser

test-postgres: install ## Run the test suite on PostgreSQL (TEST_DATABASE_URL, default local 'test'); the tests that pick their own databases (browser, cluster, backup, own_database) run once, in `make test`
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	NEWSROOM_TEST_DB_NAME=test_newsroom_$$(pwd | md5sum | cut -c1-8) \
	SECRET_KEY=test-only-secret TMPDIR=$(TEST_TMPDIR) PYTHONDONTWRITEBYTECODE= \
	  $(BIN)/pytest --strict-skips $(PYTEST_PARALLEL) \
	  --ignore=tests/browser --ignore=tests/cluster \
	  --ignore=newsroom/backup/tests -m "not cluster and not own_database"

lint: install ## ruff lint and format check, and the layers contract (import-linter, pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install ## Format and fix the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install ## Django system checks (also --deploy with a production-like env) and missing-migration check
	NEWSROOM_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py check
	NEWSROOM_DATA_DIR=$$(mktemp -d) DATABASE_URL=postgres://check@127.0.0.1/check \
	  SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=news.example.org NEWSROOM_HTTPS=true NEWSROOM_TRUSTED_PROXIES=1 \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING
	NEWSROOM_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py makemigrations --check --dry-run

messages: install ## Extract interface strings, apply locale/fr_strings.py, compile the catalogue
	@command -v xgettext >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	NEWSROOM_DATA_DIR=$$(mktemp -d) $(BIN)/python scripts/messages.py

docs: install ## Build the documentation into site/ (API reference from the OpenAPI document; strict: a broken link fails)
	$(BIN)/python scripts/api_reference.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

ci: ## What CI runs: bash .ci/run
	bash .ci/run

clean: ## Remove the environments and collected static files (keeps ./data)
	rm -rf $(VENV) $(TOOLS) static-collected .pytest_cache .ruff_cache

bench: install ## Benchmark a 100,000-item archive (built once under ./bench-data/): cached, uncached, nginx
	$(BIN)/python bench/run.py

bench-mail: install ## Mail: 100,000 recipients to a real SMTP server (aiosmtpd), SQLite with one worker, PostgreSQL with two; the smtplib floor
	$(BIN)/python bench/mail.py

bench-sendouts: install ## Send-outs: a release sent to a 10,000-contact media list through the admin, then to a real SMTP server (SQLite, in one process)
	$(BIN)/python bench/sendouts.py

bench-digests: install ## Digests: the 08:00 daily digest of 100,000 subscribers queued and sent to a real SMTP server (SQLite, in one process)
	$(BIN)/python bench/digests.py

bench-webhooks: install ## Webhooks: time from a publish through the admin to the event at a receiver on this machine (SQLite, one worker); a bare POST as the floor
	$(BIN)/python bench/webhooks.py

bench-search: install ## Search on the 100,000-item archive: through the server against tantivy's own time (the floor), 32 connections, and 1,000,000 entries straight into an index
	$(BIN)/python bench/search.py

bench-postgres: install ## The same benchmark on PostgreSQL (BENCH_DATABASE_URL, default local newsroom_bench_100000)
	BENCH_DATABASE_URL=$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/newsroom_bench_100000} \
	  $(BIN)/python bench/run.py

bench-edge: install ## Cached pages through Varnish and through an nginx proxy_cache, against nginx serving the same bytes from a file (front page, item, deep listing, feed, API list)
	$(BIN)/python bench/edge.py

cluster: install ## Two app servers on DATABASE_URL's PostgreSQL and REDIS_URL's Redis, nginx balancing them on CLUSTER_PORT (8500), Varnish in front on CLUSTER_EDGE_PORT (8580)
	bash deploy/cluster/ensure-tools.sh
	$(BIN)/python deploy/cluster/cluster.py start

cluster-stop: ## Stop what `make cluster` started
	$(BIN)/python deploy/cluster/cluster.py stop

loadtest: install ## 60 s of wrk at 128 connections through Varnish, nginx and two app servers while an editor publishes
	$(BIN)/python deploy/cluster/loadtest.py
