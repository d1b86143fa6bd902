# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 2
QUESTION ?= Hur mycket EU-medel betalades ut till miljönämnden 2024?

.PHONY: run test install install-dev ingest lint bench clean

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
	$(BIN)/faktakoll search "$(QUESTION)" --k 5

lint: install-dev
	$(BIN)/ruff check ingest service tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: ingest
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_answer.py

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
