# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 2

.PHONY: run test install install-dev ingest lint browser servers bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# pip runs only when pyproject.toml changed: a stamp in the venv named after its hash marks
# what is installed (a new hash drops the old stamps, so dev extras are installed again too).
DEPS := $(shell sha256sum pyproject.toml | cut -c1-16)
STAMP := $(VENV)/.installed-$(DEPS)
DEV_STAMP := $(VENV)/.installed-dev-$(DEPS)

$(STAMP): | $(BIN)/python
	rm -f $(VENV)/.installed-*
	$(BIN)/pip install --quiet -e .
	touch $@

# torch 2.13.0 CPU comes from the machine's local file; a bare 'torch' would pull CUDA.
$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[st,dev]"
	touch $@

install: $(STAMP)

install-dev: $(DEV_STAMP)

# exit code 3: files were skipped (each named); the others are ingested and served, as in compose.yaml
ingest: install
	$(BIN)/faktakoll ingest || [ $$? -eq 3 ]

run: ingest
	$(BIN)/faktakoll serve

# The page tests drive Debian's Chromium; installed here when missing (CI runs as root).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: install-dev
	$(BIN)/ruff check core stores ingest service tests bench
	$(BIN)/mypy

# The scale-out tests start Debian's PostgreSQL and Redis themselves (and Chroma's `chroma run`
# from the venv); installed here when missing (CI runs as root).
servers:
	@(command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1) && command -v redis-server >/dev/null 2>&1 \
	  || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server)

test: lint browser servers
	$(BIN)/pytest -q

bench: ingest
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_answer.py
	$(BIN)/python bench/bench_review.py
	$(BIN)/python bench/bench_cli.py
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python bench/bench_http.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
