# Every target sets up .venv (and the npm assets) on first use, from the locked versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint bench bundle goldens lock clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2

goldens: $(STAMP)
	$(BIN)/pytest tests/test_golden.py --update-goldens

# Build time, memory and sizes against plain Material; many minutes (BENCH_ARGS=--quick: one).
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Re-resolve the newest allowed versions from pyproject.toml into requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet ".[test]"
	.lock-venv/bin/pip freeze --exclude notes-kb > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site dist $(VENV)
