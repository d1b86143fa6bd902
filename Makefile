# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 2

.PHONY: run test install install-dev ingest lint browser bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch 2.13.0 CPU comes from the machine's local file; a bare 'torch' would pull CUDA.
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet "torch==2.13.0"
	$(BIN)/pip install --quiet -e ".[st,dev]"

ingest: install
	$(BIN)/faktakoll ingest

run: ingest
	$(BIN)/faktakoll serve

# The page tests drive Debian's Chromium; installed here when missing (CI runs as root).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: install-dev
	$(BIN)/ruff check core stores ingest service tests bench
	$(BIN)/mypy

test: lint browser
	$(BIN)/pytest -q

bench: ingest
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_answer.py
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python bench/bench_http.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
