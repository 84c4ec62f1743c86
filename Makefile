# The two quick-start commands (README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB := .demo/demo-ward.sqlite

.PHONY: run demo test check lint clean dist dist-smoke bench translations

## run: install everything, write a fresh demo ward and open wardchart on it
## (with no display, e.g. over ssh: print the census and check the window offscreen)
run: demo
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" != "Linux" ]; then \
		$(BIN)/wardchart --db $(DEMO_DB); \
	else \
		echo "No display here: the census above; checking the window offscreen:"; \
		$(BIN)/wardchart --db $(DEMO_DB) --self-test; \
	fi

## demo: install everything and (re)write the demo ward; never touches your real chart file
demo: $(VENV)/.run-installed
	@mkdir -p .demo
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/wardchart demo --db $(DEMO_DB)

## test: install the test tools and run every check CI runs
test: $(VENV)/.dev-installed
	$(MAKE) check

## check: format, lint, types, layering, tests (assumes `make test` installed the tools)
check:
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: requirements/run.txt pyproject.toml | $(VENV)/bin/python
	./packaging/debian-deps.sh run
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/run.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(VENV)/.dev-installed: requirements/dev.txt requirements/run.txt pyproject.toml | $(VENV)/bin/python
	./packaging/debian-deps.sh test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@ $(VENV)/.run-installed

## translations: collect every marked string into translations/*.ts (keeping what is
## translated) and build wardchart/resources/i18n/*.qm (docs/translations.md)
translations: $(VENV)/.run-installed
	$(BIN)/python packaging/translations.py

## dist: build the one-folder program into dist/wardchart (PyInstaller)
dist: $(VENV)/.dev-installed
	./packaging/build.sh

## dist-smoke: build, then run the frozen program's smoke test
dist-smoke: $(VENV)/.dev-installed
	./packaging/build.sh --smoke

clean:
	rm -rf $(VENV) .demo .mypy_cache .pytest_cache .ruff_cache build *.egg-info

## bench: measure every benchmark figure beside its floor (benchmarks/README.md);
## compiles wardchart first, as an installed program is, so start-up is not compiling
bench: $(VENV)/.dev-installed
	$(BIN)/python -m compileall -q wardchart
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m benchmarks
