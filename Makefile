# The two commands of the README: `make dev` and `make test`.
SHELL := /bin/bash
PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
API_PORT ?= 8000
WEB_PORT ?= 3000
export NEXT_TELEMETRY_DISABLED := 1

.PHONY: dev test install test-python test-frontend lint bench bench-importer bench-frontend \
	bench-search bench-player

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	npm --prefix frontend ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed frontend/node_modules/.installed

dev: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "API: http://127.0.0.1:$(API_PORT)/api/v2/  admin: http://127.0.0.1:$(API_PORT)/admin/  site: http://localhost:$(WEB_PORT)/"
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:$(API_PORT) & \
	  API_URL=http://127.0.0.1:$(API_PORT) FRONTEND_URL=http://localhost:$(WEB_PORT) \
	    npm --prefix frontend run dev -- --port $(WEB_PORT) & \
	  wait

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

test-python: lint
	$(VENV)/bin/pytest -q -n 2

test-frontend: install
	npm --prefix frontend run typecheck
	npm --prefix frontend run lint
	npm --prefix frontend test
	PYTHON=$(abspath $(PY)) npm --prefix frontend run test:e2e

test: install test-python test-frontend

bench: $(VENV)/.installed
	$(PY) bench/catalog.py

bench-importer: $(VENV)/.installed
	$(PY) bench/importer/run.py

bench-search: $(VENV)/.installed
	$(PY) bench/search/run.py

# Needs the site running (E2E_BASE_URL, default http://127.0.0.1:3000) and its DATABASE_URL.
bench-player: install
	PYTHON=$(abspath $(PY)) node bench/player/run.mjs

# Needs Django with the demo catalog running on API_PORT (e.g. under `make dev`).
bench-frontend: install
	API_URL=http://127.0.0.1:$(API_PORT) npm --prefix frontend run build
	API_URL=http://127.0.0.1:$(API_PORT) node bench/frontend/run.mjs
