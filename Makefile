# FairHire: `make run` sets up and serves the product with demo data; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PG_URL ?= $(or $(FAIRHIRE_TEST_POSTGRES_URL),postgresql://postgres@127.0.0.1:5432/postgres)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint migrations-check test-sqlite test-postgres browser messages bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the pins change. Everything comes from constraints.txt (exact versions).
$(STAMP): $(PY) pyproject.toml constraints.txt requirements.txt requirements-test.txt
	$(PY) -m pip install --quiet -c constraints.txt -r requirements-test.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	FAIRHIRE_DEBUG=$${FAIRHIRE_DEBUG:-1} bash scripts/run.sh $(HOST) $(PORT)

# Debian's chromium for the browser tests, installed when missing and apt-get is available.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || { echo "!!! could not install chromium: browser tests will fail"; exit 1; }; \
	  else echo "!!! /usr/bin/chromium is missing and apt-get is not available"; exit 1; fi; \
	fi

lint: install
	$(BIN)/ruff check .

migrations-check: install
	FAIRHIRE_VAR_DIR=$$(mktemp -d) $(PY) manage.py makemigrations --check --dry-run

test-sqlite: install
	@echo "=== FairHire test suite on SQLite ==="
	FAIRHIRE_VAR_DIR=$$(mktemp -d) $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install
	@if $(PY) scripts/pg_available.py "$(PG_URL)"; then \
	  echo "=== FairHire test suite on PostgreSQL ($(PG_URL)) ==="; \
	  FAIRHIRE_VAR_DIR=$$(mktemp -d) FAIRHIRE_DATABASE_URL="$(PG_URL)" $(PY) -m pytest $(PYTEST_ARGS); \
	else \
	  echo "!!!!!!!! NO POSTGRESQL SERVER ANSWERS AT $(PG_URL): THE POSTGRESQL HALF OF THE SUITE WAS SKIPPED !!!!!!!!"; \
	fi

test: install browser lint migrations-check test-sqlite test-postgres

messages: install
	cd fairhire && ../$(PY) ../manage.py makemessages -l en --no-obsolete && ../$(PY) ../manage.py compilemessages -l en

# Every benchmark prints its figures beside its baseline; bench/ledger.py at 1,000,000 entries
# takes several minutes (BENCH_LEDGER_SIZE=100000 make bench for a quicker look).
bench: install
	@for b in bench/*.py; do echo "== $$b"; \
	  if [ "$$b" = bench/ledger.py ]; then $(PY) $$b --size $${BENCH_LEDGER_SIZE:-1000000} || exit 1; \
	  else $(PY) $$b || exit 1; fi; done

clean:
	rm -rf $(VENV)
