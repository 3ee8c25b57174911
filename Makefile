# The two commands a newcomer needs: `make run` (the whole system locally) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TASKS_VENV := .venv-tasks-emulator
PORT ?= 8080

.PHONY: setup setup-standins system-packages browser run test lint typecheck unit bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# The Cloud Tasks emulator pins protobuf 4, so it gets a venv of its own.
setup-standins: $(TASKS_VENV)/.installed

$(TASKS_VENV)/.installed: requirements-tasks-emulator.txt
	$(PYTHON) -m venv $(TASKS_VENV)
	$(TASKS_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-tasks-emulator.txt
	touch $@

# OCR for image newsletters (Debian's tesseract with eng, chi_sim, pan, fil); a no-op when present.
system-packages:
	bash infra/scripts/install-system-packages.sh

# Debian's chromium for the admin page's browser tests (Playwright drives it); a no-op when present.
browser:
	bash infra/scripts/install-browser.sh

run: setup system-packages
	PORT=$(PORT) $(BIN)/python -m infra.cli serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

test: setup setup-standins system-packages browser lint typecheck
	$(BIN)/python -m pytest

unit: setup
	$(BIN)/python -m pytest tests/unit

clean:
	rm -rf $(VENV) $(TASKS_VENV) .pytest_cache .mypy_cache .ruff_cache
