# Set-up and checks. `make demo` and `make test` work on a fresh clone: they create .venv if missing.
# `make demo` installs bilateral and what it needs to run; the other targets add the dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test test-fast lint typecheck pytest install install-dev bench bench-stages clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# --no-compile: byte-compiling every installed module (plotly alone has thousands) took more time than
# the demo; Python compiles the few modules a command imports when it imports them.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

demo: $(STAMP)
	$(BIN)/bilateral demo

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP) browser
	$(BIN)/pytest -q

# The inner loop: every test not marked slow (under a minute).
test-fast: $(DEV_STAMP)
	$(BIN)/pytest -q -m "not slow"

# Debian's Chromium for the browser tests (Playwright cannot download a browser here); apt-get needs root, as in CI.
browser:
	@[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "warning: could not install chromium; the browser tests will skip"

test: lint typecheck pytest

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/run.py

bench-stages: $(DEV_STAMP)
	$(BIN)/python benchmarks/stages.py

clean:
	rm -rf build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
