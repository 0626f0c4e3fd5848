# Set-up lives here (virtualenv, npm packages, system packages); the work itself lives in
# tasks.py, which every target below calls. `make serve` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: serve html publish check docs bench test nieuw beheer clean

serve html publish check docs bench: $(VENV)/.installed node_modules/.installed
	$(INVOKE) $@

# The exact text of a command-line variable as one shell word: no $, ` or " in it is ever run.
quoted = '$(subst ','\'',$(value $(1)))'
CONTENT ?= content

# make nieuw TYPE=sessie TITEL="Sessie 3: pleinen en water"
nieuw: $(VENV)/.installed
	$(INVOKE) nieuw --type $(call quoted,TYPE) --titel $(call quoted,TITEL) --content $(call quoted,CONTENT)

# make beheer: the browser editor on this computer, every save a git commit (README, "Voor redacteuren").
# REPO is the git checkout it saves into; PORT=0 takes any free port.
REPO ?= .
PORT ?= 8000
beheer: $(VENV)/.installed node_modules/.installed
	$(INVOKE) beheer --repo $(call quoted,REPO) --port $(call quoted,PORT)

test: $(VENV)/.installed node_modules/.installed system-packages
	$(INVOKE) test

$(VENV)/.installed: requirements.txt requirements-test.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Chromium (browser tests) and Java (Nu HTML validator) from Debian; installed once.
.PHONY: system-packages
system-packages:
	@command -v chromium >/dev/null && command -v java >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq chromium default-jre-headless >/dev/null; }

clean:
	rm -rf output output.builds output.lock .preview cache .pytest_cache
