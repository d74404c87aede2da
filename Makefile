# mediacompare: make report | make test | make lint | make clean
# Works on a fresh clone: the first target run creates .venv and installs the package (editable, with
# the dev extras); the install reruns whenever pyproject.toml changes (stamp file .venv/.installed).

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds
REPORT_DIR ?= reports/seeds

.PHONY: all install report test lint clean distclean help

all: test

help:
	@echo "make report     analyse $(CORPUS) and render the notebooks to $(REPORT_DIR)/index.html"
	@echo "make test       run the test suite"
	@echo "make lint       ruff check"
	@echo "make clean      remove generated reports and caches (keeps .venv)"
	@echo "make distclean  also remove .venv"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "make: need python3.11 or python3 on PATH" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/mediacompare report $(CORPUS) -o $(REPORT_DIR)

# One worker per core; a test file stays on one worker (its module fixtures, such as rendered reports, are
# built once). `make test PYTEST_ARGS=` runs in one process.
PYTEST_ARGS ?= -n auto --dist loadfile --durations=15

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check analysis tests tools benchmarks

clean:
	if [ -d reports ]; then find reports -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +; fi
	rm -rf build dist .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -path ./$(VENV) -prune -o -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
