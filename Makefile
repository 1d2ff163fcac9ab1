# Set-up and checks. `make demo` and `make test` work on a fresh clone: they create .venv if missing.
# `make demo` installs bilateral and what it needs to run; the other targets add the dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test test-fast lint typecheck pytest install install-dev bench bench-stages clean browser train parser parser-eval bench-parser bench-syntax

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

# the learned event filter, from the labelled sets in eval/ (writes src/bilateral/data/filter/model.json.gz)
train: $(DEV_STAMP)
	$(BIN)/python -m bilateral.coding.learned.train

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/run.py

bench-stages: $(DEV_STAMP)
	$(BIN)/python benchmarks/stages.py

bench-parser: $(STAMP)
	$(BIN)/python benchmarks/parser_speed.py

bench-syntax: $(STAMP)
	$(BIN)/python benchmarks/syntax_speed.py

# The parser in src/bilateral/data/parser/, trained from the UD treebanks in ../shared/data/treebank/
# (about 80 minutes on one core; config and seed in training/parser/config.cfg), then scored.
TREEBANK := ../shared/data/treebank
PARSER_BUILD := build/parser
PARSER_MODEL := src/bilateral/data/parser
SPACY := PYTHONPATH=src OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python -m spacy

parser: $(STAMP)
	rm -rf $(PARSER_BUILD)
	mkdir -p $(PARSER_BUILD)/corpus $(PARSER_BUILD)/train $(PARSER_BUILD)/dev
	$(BIN)/python training/parser/split_gum.py $(TREEBANK)/gum-news-interview-bio-speech.conllu \
		$(PARSER_BUILD)/corpus/gum-train.conllu $(PARSER_BUILD)/corpus/gum-heldout-news.conllu
	$(SPACY) convert $(TREEBANK)/en_ewt-ud-train.conllu $(PARSER_BUILD)/train --converter conllu -n 10
	$(SPACY) convert $(PARSER_BUILD)/corpus/gum-train.conllu $(PARSER_BUILD)/train --converter conllu -n 10
	$(SPACY) convert $(TREEBANK)/en_ewt-ud-dev.conllu $(PARSER_BUILD)/dev --converter conllu -n 10
	$(SPACY) train training/parser/config.cfg --output $(PARSER_BUILD)/model \
		--paths.train $(PARSER_BUILD)/train --paths.dev $(PARSER_BUILD)/dev
	$(BIN)/python training/parser/package.py $(PARSER_BUILD)/model/model-best $(PARSER_MODEL)
	$(MAKE) parser-eval

# UPOS, UAS, LAS and lemma accuracy of the packaged parser on EWT test and the held-out GUM news documents.
parser-eval: $(STAMP)
	@[ -f $(PARSER_BUILD)/corpus/gum-heldout-news.conllu ] || { mkdir -p $(PARSER_BUILD)/corpus && \
		$(BIN)/python training/parser/split_gum.py $(TREEBANK)/gum-news-interview-bio-speech.conllu \
		$(PARSER_BUILD)/corpus/gum-train.conllu $(PARSER_BUILD)/corpus/gum-heldout-news.conllu; }
	PYTHONPATH=src OMP_NUM_THREADS=1 $(BIN)/python training/parser/evaluate.py $(PARSER_MODEL) \
		"EWT test=$(TREEBANK)/en_ewt-ud-test.conllu" "GUM news, held out=$(PARSER_BUILD)/corpus/gum-heldout-news.conllu"

clean:
	rm -rf build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
