# Two commands on a fresh machine:
#   make site   installs what the site needs and builds the example site into site/
#   make test   installs what the tests need (Python, npm, Debian) and runs every test

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SHARED ?= ../shared
APT_PACKAGES := chromium fonts-noto-core

.PHONY: site test serve check clean catalogs handbook schemas import-score .apt-deps

site: $(VENV)/.site-deps node_modules/.installed
	$(PY) build.py build
	@echo
	@echo "Xem trước / preview:  $(PY) build.py serve   →  http://127.0.0.1:8000/"

test: $(VENV)/.test-deps node_modules/.installed .apt-deps
	$(PY) -m pytest

serve: $(VENV)/.site-deps node_modules/.installed
	$(PY) build.py serve

check: $(VENV)/.site-deps
	$(PY) build.py check

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $(VENV)/.site-deps $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Chromium for the browser tests, Noto fonts so pages render with Vietnamese glyphs.
.apt-deps:
	@if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/truetype/noto ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi
	@command -v chromium >/dev/null || { echo "chromium is missing: apt-get install $(APT_PACKAGES)"; exit 1; }

# How much of the hand readings the importer finds: ../shared/realdocs (INDEX.yaml) and the seeds.
import-score: $(VENV)/.site-deps
	$(PY) -m vankien.importscore $(SHARED)

# After changing a template string: refresh the catalogs, then translate the new entries
# in vankien/locale/vi/LC_MESSAGES/messages.po (tests fail while any is empty).
catalogs: $(VENV)/.site-deps
	$(VENV)/bin/pybabel extract -F vankien/locale/babel.cfg -o vankien/locale/messages.pot --no-location --omit-header .
	$(VENV)/bin/pybabel update -i vankien/locale/messages.pot -d vankien/locale --no-fuzzy-matching

# After changing vankien/schema.py or messages.py: regenerate schemas/ and the handbook's tables.
schemas: $(VENV)/.site-deps
	$(PY) -m vankien.reference

# The editors' handbook (mkdocs-material) into docs-site/.
handbook: $(VENV)/.test-deps
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict -f docs/mkdocs.yml

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache
