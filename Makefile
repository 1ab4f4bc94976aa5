# Two commands for a newcomer: `make serve` (build and serve with live reload) and `make test`.
# Every target sets up what it needs and is quick when that is already done.

VENV    := .venv
PY      := $(VENV)/bin/python
PY_OK   := $(VENV)/.installed
NPM_OK  := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve site test bench chromium fonts screenshots clean

setup: $(PY_OK) $(NPM_OK)

$(PY_OK): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

$(NPM_OK): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium: Playwright cannot download its own browsers here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) dpkg --configure -a; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; }

# A CJK font, only needed for screenshots a person looks at (tests do not read pixels).
fonts:
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y fonts-noto-cjk; }

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

site: setup
	$(VENV)/bin/mkdocs build

test: setup chromium
	$(VENV)/bin/pytest

bench: setup chromium
	$(PY) bench/run.py

screenshots: setup chromium fonts site
	$(PY) bench/screenshots.py

clean:
	rm -rf site .pytest_cache
