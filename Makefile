# The two commands of the README: `make dev` and `make test`.
SHELL := /bin/bash
PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
API_PORT ?= 8000
WEB_PORT ?= 3000
export NEXT_TELEMETRY_DISABLED := 1

# Targets run in order (test-nginx needs test-frontend's build).
.NOTPARALLEL:
.PHONY: dev test install system-deps test-python test-frontend test-nginx lint bench bench-importer \
	bench-frontend bench-search bench-player bench-throughput restore-check

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	npm --prefix frontend ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed frontend/node_modules/.installed

# Debian packages the tests need (installed as root; otherwise the one apt-get line, then stop).
system-deps:
	@bash .ci/system-deps

dev: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "API: http://127.0.0.1:$(API_PORT)/api/v2/  admin: http://127.0.0.1:$(API_PORT)/admin/  site: http://localhost:$(WEB_PORT)/"
	@# Both servers listen on 127.0.0.1 only. Ctrl-C (or either server stopping) stops both,
	@# once: the trap clears itself before killing the two jobs, so it never runs again.
	@trap 'trap - EXIT INT TERM; kill $$(jobs -p) 2>/dev/null; wait; exit 0' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(API_PORT) & \
	  env -C frontend API_URL=http://127.0.0.1:$(API_PORT) FRONTEND_URL=http://localhost:$(WEB_PORT) \
	    node_modules/.bin/next dev --hostname 127.0.0.1 --port $(WEB_PORT) & \
	  wait -n

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

test-python: lint
	$(VENV)/bin/pytest -q -n 2 -m "not nginx_e2e"

test-frontend: install
	npm --prefix frontend run typecheck
	npm --prefix frontend run lint
	npm --prefix frontend test
	PYTHON=$(abspath $(PY)) npm --prefix frontend run test:e2e

# Restores a dump of the test database made just now into a scratch database and compares row
# counts per table (PostgreSQL only; docker/backup/).
restore-check:
	@bash docker/backup/restore-check

# nginx in front of Django and the Next.js build the front-end tests just made.
test-nginx: $(VENV)/.installed
	$(VENV)/bin/pytest -q -m nginx_e2e config/tests/test_nginx.py

test: system-deps install test-python test-frontend test-nginx

bench: $(VENV)/.installed
	$(PY) bench/catalog.py

bench-importer: $(VENV)/.installed
	$(PY) bench/importer/run.py

bench-search: $(VENV)/.installed
	$(PY) bench/search/run.py

# Needs Debian's nginx and wrk: the cached catalog API through nginx vs the same bytes as a file.
bench-throughput: $(VENV)/.installed
	$(PY) bench/throughput/run.py

# Needs the site running (E2E_BASE_URL, default http://127.0.0.1:3000) and its DATABASE_URL.
bench-player: install
	PYTHON=$(abspath $(PY)) node bench/player/run.mjs

# Needs Django with the demo catalog running on API_PORT (e.g. under `make dev`).
bench-frontend: install
	API_URL=http://127.0.0.1:$(API_PORT) npm --prefix frontend run build
	API_URL=http://127.0.0.1:$(API_PORT) node bench/frontend/run.mjs
