# Everything runs inside .venv/, created on first use from requirements/*.lock:
# `make site` and `make serve` install only what running needs (runtime.lock);
# `make test`, `make check` and `make bench` add the development tools (dev.lock);
# `make mutation` adds mutmut (mutation.lock).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
MUTATION := $(VENV)/.mutation-installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
PORT ?= 8000
# Test processes: one per core; an idle one takes tests queued for a busy one, so the
# long browser and build tests spread over both cores of CI.
TEST_WORKERS ?= auto

.PHONY: site serve test check bench mutation screenshots clean

site: $(RUNTIME)
	$(BIN)/playbook build

serve: $(RUNTIME)
	$(BIN)/playbook serve --port $(PORT)

test: $(DEV)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

check: $(DEV)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

bench: $(DEV)
	$(BIN)/python -m tests.bench

# Mutation testing (slow, CPU heavy; not part of `make test` or CI): a fresh run prints
# each module's figure and the surviving mutants. MUTANTS="name-or-glob ..." runs only
# those again; MUTATION_JOBS (default 2) sets how many run at once.
mutation: $(MUTATION)
	$(BIN)/python -m tests.mutation $(MUTANTS)

screenshots: site $(DEV)
	$(BIN)/python -m tests.screenshots

clean:
	rm -rf site mutants .site.playbook-build-* .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# Reinstalls only when the pins or the package metadata change.
$(RUNTIME): requirements/runtime.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements/runtime.lock
	$(PIP) --no-deps --no-build-isolation -e .
	touch $(RUNTIME)

$(DEV): $(RUNTIME) requirements/dev.lock
	$(PIP) -r requirements/dev.lock
	touch $(DEV)

$(MUTATION): $(DEV) requirements/mutation.lock
	$(PIP) -r requirements/mutation.lock
	touch $(MUTATION)
