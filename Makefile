# The two commands a newcomer needs: `make run` (the whole system locally) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TASKS_VENV := .venv-tasks-emulator
CHECKOV_VENV := .venv-checkov
PORT ?= 8080
# The sample newsletters are dated the week of 2 October 2026, so `make run` lives that week
# (its clock starts there and runs on); `make run LOCAL_CLOCK_START=` runs on the real time.
LOCAL_CLOCK_START ?= 2026-10-02T09:00:00-07:00

.PHONY: setup setup-standins setup-checkov system-packages browser run test lint typecheck unit bench package clean

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

# checkov (Terraform's static checks) pins its own dependencies, so it gets a venv of its own.
setup-checkov: $(CHECKOV_VENV)/.installed

$(CHECKOV_VENV)/.installed: requirements-checkov.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-checkov.txt
	touch $@

# The deploy artifacts: dist/functions-source.zip (Terraform uploads it) and
# dist/parse-newsletter-image/ (the image's build context). Prints their sizes as JSON.
package: setup
	$(BIN)/python -m infra.package

# OCR for image newsletters (Debian's tesseract with eng, chi_sim, pan, fil); a no-op when present.
system-packages:
	bash infra/scripts/install-system-packages.sh

# Debian's chromium for the admin page's browser tests (Playwright drives it); a no-op when present.
browser:
	bash infra/scripts/install-browser.sh

run: setup system-packages
	PORT=$(PORT) LOCAL_CLOCK_START=$(LOCAL_CLOCK_START) $(BIN)/python -m infra.cli serve

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

# The suites whose outcome could hang on the date run again with the wall clock a year ahead
# and in another timezone (tests/conftest.py moves it with time-machine): a test that reads the
# wall clock instead of the Clock port fails here, not months from now. Contract tests against
# stand-ins with clocks of their own (the Cloud Tasks emulator's schedule) are left out.
WALL_CLOCK_AHEAD := $(shell date -u -d '+1 year' +%Y-%m-%dT%H:%M:%S+00:00)
CLOCK_SENSITIVE := tests/unit tests/functions tests/e2e

test: setup setup-standins setup-checkov system-packages browser lint typecheck
	$(BIN)/python -m pytest
	TZ=Asia/Kolkata PARENTPATH_TEST_WALL_CLOCK_AT=$(WALL_CLOCK_AHEAD) \
		$(BIN)/python -m pytest -q -p no:cacheprovider $(CLOCK_SENSITIVE)

unit: setup
	$(BIN)/python -m pytest tests/unit

clean:
	rm -rf $(VENV) $(TASKS_VENV) $(CHECKOV_VENV) .venv-artifact dist .pytest_cache .mypy_cache .ruff_cache
