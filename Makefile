# Bienvenue à Clermont-Ferrand. `make run` serves the site with demo content; `make test` checks it.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-fast mutation lint serve bench bench-search install dev-install catalogs messages clean

# The virtualenv and its packages; reinstalled when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed
dev-install: $(VENV)/.installed-dev

catalogs: install
	@$(MANAGE) compile_catalogs --verbosity 0

# Serve on http://127.0.0.1:$(PORT)/ with the demo content (SQLite in var/ unless DATABASE_URL).
run: catalogs
	@$(MANAGE) migrate --noinput --verbosity 0 --skip-checks
	@$(MANAGE) load_demo --if-empty --skip-checks
	@$(MANAGE) rebuild_search_index --verbosity 0 --skip-checks
	@echo
	@echo "  Site:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "         create a staff account first with: $(MANAGE) createsuperuser"
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Lint, then the whole suite twice: on SQLite, then on a throwaway PostgreSQL cluster. Each run
# spreads the tests over $(TEST_PROCESSES) processes (more than this machine's two cores: tests
# spend much of their time waiting for browsers and servers), then runs alone the one test that
# stops the PostgreSQL cluster the others share. See CONTRIBUTING.md.
TEST_PROCESSES ?= 3
TIERS := $(BIN)/pytest -n $(TEST_PROCESSES) --dist loadgroup -m "not exclusive" && \
	$(BIN)/pytest -m exclusive
test: dev-install catalogs lint
	$(TIERS)
	$(BIN)/python -m tests.postgres sh -c '$(TIERS)'

# The inner loop: lint and the unit tests on SQLite, no browser and no server started.
test-fast: dev-install catalogs lint
	$(BIN)/pytest -n $(TEST_PROCESSES) -m "not browser and not system" -q

# Mutation testing, not part of `make test` (CONTRIBUTING.md): mutmut changes the modules listed
# in pyproject.toml one thing at a time and runs the unit tests against each change; then the
# score per module. Static files are collected once for the thousands of short test sessions.
mutation: dev-install catalogs
	rm -rf mutants var/mutation-static
	TEST_STATIC_ROOT=$(CURDIR)/var/mutation-static $(BIN)/mutmut run
	@echo
	$(BIN)/python -m tests.mutation_score

lint: dev-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Production settings under gunicorn: DEBUG off, static files from WhiteNoise, several workers
# sharing the default cache. Needs DJANGO_SECRET_KEY; DJANGO_HTTPS=false to try it over plain
# HTTP on this machine. The production tier of the tests (tests/system) serves the site this way.
WORKERS ?= 3
GUNICORN_ARGS ?=
serve: catalogs
	@test -n "$$DJANGO_SECRET_KEY" || { echo "Set DJANGO_SECRET_KEY first (see README)."; exit 1; }
	DJANGO_DEBUG=false $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=false $(MANAGE) migrate --noinput
	DJANGO_DEBUG=false $(MANAGE) rebuild_search_index
	DJANGO_DEBUG=false exec $(BIN)/gunicorn welcome.wsgi --bind 127.0.0.1:$(PORT) \
		--workers $(WORKERS) $(GUNICORN_ARGS)

# Load test on a throwaway PostgreSQL (see docs/performance.md); installs wrk when missing.
bench: dev-install catalogs
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python -m tests.postgres $(BIN)/python bench/load.py

# Search times on ten times the demo content: SQLite, then a throwaway PostgreSQL.
bench-search: dev-install catalogs
	$(BIN)/python bench/search.py
	$(BIN)/python -m tests.postgres $(BIN)/python bench/search.py

# Extract UI strings into the catalogs (needs GNU gettext), for translators.
messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=var --no-obsolete

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache
