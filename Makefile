# The two commands of the contract: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test install install-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	mkdir -p var/datasets
	GATEWAY_KEY_DEMO=$${GATEWAY_KEY_DEMO:-dev-demo-key} \
		$(BIN)/privacy-gateway serve --config config/gateway.yaml --host 127.0.0.1 --port 8080

# tools/with_redis.py uses REDIS_URL when set, else starts redis-server on a free port
# (installing it with apt-get when absent and allowed) and stops it afterwards.
test: install-dev
	$(BIN)/python tools/with_redis.py -- $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) var .pytest_cache
