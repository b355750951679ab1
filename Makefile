# The two commands: `make run` and `make test`. Only python3 and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test build clean eval model

run: $(INSTALLED)
	$(BIN)/coalition-kg build
	@echo; echo "Members: who joined the mission, how and when"
	@$(BIN)/coalition-kg query members
	@echo; echo "Deployments: what each state sent or pledged"
	@$(BIN)/coalition-kg query deployments
	@echo; echo "Officials: who holds which post"
	@$(BIN)/coalition-kg query officials
	@echo; echo "coalition-kg is installed in $(VENV)/: run $(BIN)/coalition-kg --help, or 'source $(BIN)/activate' first to call it as coalition-kg"

test: $(INSTALLED)
	$(BIN)/python -m pytest

build: $(INSTALLED)
	$(BIN)/coalition-kg build

# Benchmarks, not part of `make test`: `make bench` runs 10k and 100k triples, `make bench SCALE=1m` the large one.
SCALE ?= 10k 100k
.PHONY: bench
# Byte-compiled first, as an installed package is, also where PYTHONDONTWRITEBYTECODE is set:
# the benchmark times a cold CLI call.
bench: $(INSTALLED)
	@$(BIN)/python -m compileall -q src
	$(BIN)/python -m benchmarks.run --scale $(SCALE)

# How well `coalition-kg propose` finds the facts a curator records: precision and recall per fact
# kind and curator edits per article on the fixtures, the development and test halves and the
# project's two articles; the tables are printed, build/eval.json written.
eval: $(INSTALLED)
	$(BIN)/python -m benchmarks.propose_eval

# The proposal assistant's learned models, fitted on the development half only (never the test
# half): rewrites src/coalition_kg/curation/propose/learned/model.json. `python -m
# benchmarks.propose_learned` cross-validates them on the development half first.
model: $(INSTALLED)
	$(BIN)/python -m coalition_kg.curation.propose.learned.train

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	touch $@

clean:
	rm -rf build $(VENV)
