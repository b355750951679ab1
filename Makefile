# The two commands: `make run` and `make test`. Only python3 and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test build clean

run: $(INSTALLED)
	$(BIN)/coalition-kg build

test: $(INSTALLED)
	$(BIN)/python -m pytest

build: $(INSTALLED)
	$(BIN)/coalition-kg build

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf build $(VENV)
