# Townhall: `make run` serves the platform locally, `make test` runs every test.
# Both install what they need; stamps make repeated runs quick.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
export AWS_XRAY_SDK_ENABLED := false

.PHONY: run test install frontend client check-client lint typecheck unit browser-deps clean bench

run: install frontend
	$(PY) -m infra.local.runner

test: install frontend browser-deps
	$(PY) -m ruff check shared functions infra tests bench
	$(PY) -m mypy
	cd frontend && npm run --silent typecheck && npm run --silent test
	$(PY) -m pytest -n auto --dist loadfile --cov --cov-report=term:skip-covered

install: $(STAMPS)/python $(STAMPS)/node

$(STAMPS)/python: pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,infra]'
	@touch $@

$(STAMPS)/node: frontend/package-lock.json
	@mkdir -p $(STAMPS)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend: $(STAMPS)/node
	cd frontend && npm run --silent build

# Regenerate the typed API client from the OpenAPI document the code produces.
client: install
	$(PY) -m infra.local.openapi > frontend/src/lib/api/openapi.json
	cd frontend && npm run --silent gen:api

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'; }

bench: install
	$(PY) bench/api_latency.py
	$(PY) bench/idea_list.py
	$(PY) bench/input_export.py
	$(PY) bench/input_manager.py
	$(PY) bench/user_search.py

clean:
	rm -rf $(VENV) $(STAMPS) frontend/node_modules frontend/dist .local cdk.out
