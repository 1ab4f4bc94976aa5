# Two commands for a newcomer: `make serve` (build and serve with live reload) and `make test`.
# Every target sets up what it needs and is quick when that is already done.

VENV    := .venv
PY      := $(VENV)/bin/python
PY_OK   := $(VENV)/.installed
NPM_OK  := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
# Python may write its bytecode caches (some images forbid it in the environment): each test worker
# then reads the test modules, their assertions rewritten, from __pycache__ instead of compiling
# them again (collection 4.1 s → 2.4 s of CPU per worker, every worker at once).
unexport PYTHONDONTWRITEBYTECODE
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup serve site scorm test lint contracts bench chromium nginx apache fonts screenshots clean

setup: $(PY_OK) $(NPM_OK)

# constraints.txt pins every Python package (and what they pull in) to the versions tested here.
$(PY_OK): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

$(NPM_OK): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium: Playwright cannot download its own browsers here. The tests run its headless
# shell (what Playwright runs headless, and far lighter, see bench/serve.py); the benchmark and the
# screenshots the browser itself.
chromium:
	@{ command -v chromium && [ -x /usr/lib/chromium/chromium-headless-shell ]; } >/dev/null 2>&1 || { \
	  $(SUDO) dpkg --configure -a; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium chromium-headless-shell; }

# Debian's stock nginx: the hosting tests serve the site with hosting/nginx.conf and its stock mime.types.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y nginx-light; }

# Debian's stock Apache 2.4: the hosting tests serve the site with hosting/apache.htaccess. Only the
# package is needed: the tests start their own apache2 on a free port, never the system's service.
apache:
	@[ -x /usr/sbin/apache2 ] || { \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y apache2; }

# A CJK font, only needed for screenshots a person looks at (tests do not read pixels).
fonts:
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y fonts-noto-cjk; }

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

site: setup
	$(VENV)/bin/mkdocs build

# SCORM 1.2 and 2004 (4th edition) packages for an LMS: dist/crossdept-scorm12.zip, dist/crossdept-scorm2004.zip
scorm: setup
	$(PY) -m crossdept_site.scorm --out dist

# Lint, the browser runtime's unit tests (node's own runner), then every Python test on two
# workers (pytest-xdist; the workers share one site build and one server, see tests/conftest.py; a
# module marked xdist_group stays on one worker). Two, one per core: the machine's cores are busy
# throughout, and a third worker only adds a browser competing for them: in three alternating pairs
# two workers took 4:09 to 4:56, three 5:01 to 5:52. The whole target now takes about 2:20 on an
# idle machine and 3:00 beside two busy loops (README "The tests").
test: setup chromium nginx apache lint
	node --test tests/js/
	$(VENV)/bin/pytest -n 2 --dist loadgroup

lint: setup
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

# Re-record the contract examples' responses from the core (read the diff before committing).
contracts: setup
	$(PY) -m tests.contract.regenerate

bench: setup chromium
	$(PY) bench/run.py

screenshots: setup chromium fonts site
	$(PY) bench/screenshots.py

clean:
	rm -rf site dist .pytest_cache
