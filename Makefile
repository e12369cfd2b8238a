# Everything runs inside .venv/, created on first use from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test check bench screenshots clean

site: $(STAMP)
	$(BIN)/playbook build

serve: $(STAMP)
	$(BIN)/playbook serve

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m tests.bench

screenshots: site
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -rf content/this-week content/scoreboard content/sectors content/companies content/people
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# Reinstalls only when the pins or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)
