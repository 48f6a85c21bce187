# Every target sets up .venv (and the npm assets) on first use, from the locked versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
SHIM := docs/assets/vendor/iframe-worker/shim.js
MINISEARCH := docs/assets/vendor/minisearch/minisearch.js
TS_FSRS := docs/assets/vendor/ts-fsrs/ts-fsrs.umd.js
CYTOSCAPE := docs/assets/vendor/cytoscape/cytoscape.min.js
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Sitemap dates and zip timestamps come from the last commit, so the same sources give the same
# bytes (MkDocs honours SOURCE_DATE_EPOCH); 315532800 is 1980-01-01, the earliest a zip can store.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: serve build test lint bench bundle goldens lock clean properdocs

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# ProperDocs, the continuation of MkDocs 1.x, in a venv of its own: tests/test_engine.py builds the
# site with it and with MkDocs and compares the two. Only ProperDocs is pinned in
# requirements-properdocs.lock; everything else comes at its requirements.lock version.
$(PROPERDOCS_STAMP): requirements-properdocs.lock requirements.lock pyproject.toml
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet -r requirements-properdocs.lock
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

properdocs: $(PROPERDOCS_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# iframe-worker's shim lets search run from file:// (extra.polyfills in mkdocs.yml); it is copied
# from npm rather than committed so the lock file decides its version.
$(SHIM): $(NPM_STAMP)
	mkdir -p $(@D)
	cp node_modules/iframe-worker/shim/index.js $@
	cp node_modules/iframe-worker/LICENSE $(@D)/LICENSE

# MiniSearch runs the site's search (docs/assets/kb-search.js); copied from npm like the shim.
$(MINISEARCH): $(NPM_STAMP)
	mkdir -p $(@D)
	cp node_modules/minisearch/dist/umd/index.js $@
	cp node_modules/minisearch/LICENSE.txt $(@D)/LICENSE

# ts-fsrs schedules the flashcards (docs/assets/kb-study.js); copied from npm like the shim.
$(TS_FSRS): $(NPM_STAMP)
	mkdir -p $(@D)
	cp node_modules/ts-fsrs/dist/index.umd.js $@
	cp node_modules/ts-fsrs/LICENSE $(@D)/LICENSE

# Cytoscape.js draws the knowledge graphs (docs/assets/kb-graph.js); copied from npm like the shim.
$(CYTOSCAPE): $(NPM_STAMP)
	mkdir -p $(@D)
	cp node_modules/cytoscape/dist/cytoscape.min.js $@
	cp node_modules/cytoscape/LICENSE $(@D)/LICENSE

ASSETS := $(SHIM) $(MINISEARCH) $(TS_FSRS) $(CYTOSCAPE)

serve: $(STAMP) $(ASSETS)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP) $(ASSETS)
	$(BIN)/mkdocs build --strict

# dist/<site-name>-offline.zip: the site for file://, search included.
bundle: $(STAMP) $(ASSETS)
	$(BIN)/python tools/offline_bundle.py --out-dir dist

lint: $(STAMP)
	$(BIN)/ruff check hooks tests tools bench
	$(BIN)/ruff format --check hooks tests tools bench
	$(BIN)/mypy

test: lint $(ASSETS) $(PROPERDOCS_STAMP)
	$(BIN)/pytest -n 2

goldens: $(STAMP)
	$(BIN)/pytest tests/test_golden.py --update-goldens

# Build time, memory and sizes against plain Material; many minutes (BENCH_ARGS=--quick: one).
bench: $(STAMP) $(ASSETS)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Re-resolve the newest allowed versions from pyproject.toml into requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet ".[test]"
	.lock-venv/bin/pip freeze --all --exclude notes-kb --exclude pip > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site dist $(VENV) $(PROPERDOCS_VENV) node_modules docs/assets/vendor
