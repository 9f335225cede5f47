# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install bench check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

test: $(STAMP)
	$(BIN)/python -m pytest -n auto --maxprocesses 4

bench: $(STAMP)
	$(BIN)/python bench/dispatch.py
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/search_speed.py
	$(BIN)/python bench/broadcast.py
	$(BIN)/python bench/load.py

check: $(STAMP)
	$(BIN)/python -m bot check

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
