# Set-up lives here (Python check, virtualenv, npm packages, system packages); the work itself lives
# in tasks.py, which every command below calls. Each command installs what it needs the first time.
# `make` alone prints `make help`. Keep this file GNU make 3.81 compatible (macOS's make).

.DEFAULT_GOAL := help
VENV := .venv
INVOKE := $(VENV)/bin/invoke
# Set-up steps that print their own one line, so make need not echo every command.
SYSTEM = PYTHONPATH=plugins $(1) -m werkplaatsen.system.programs

# The oldest Python the pins install on (Debian 12's), written once: pyproject.toml's requires-python.
PYTHON_MIN := $(shell sed -n 's/^requires-python = ">=\([0-9.]*\)"$$/\1/p' pyproject.toml)
comma := ,
ifeq ($(origin PYTHON),undefined)
PYTHON := python3
else
# A PYTHON given on the command line or in the environment replaces a .venv another Python made.
PYTHON_WANTED := $(shell $(PYTHON) -c 'import os, sys; print(os.path.realpath(sys.executable))' 2>/dev/null)
endif
# .venv/.installed holds the Python that made .venv, written only once everything is installed.
VENV_MADE_BY := $(shell cat $(VENV)/.installed 2>/dev/null)
VENV_RUNS := $(shell test -f $(VENV)/.installed && $(VENV)/bin/python -c 'print("ja")' 2>/dev/null)
VENV_STALE := $(if $(VENV_MADE_BY),$(if $(VENV_RUNS),$(if $(PYTHON_WANTED),$(filter-out $(PYTHON_WANTED),$(VENV_MADE_BY))),kapot))

# Settings the tests and hosting code read (see plugins/werkplaatsen/system/programs.py): where Chromium, Java,
# nginx and its brotli modules are when PATH and Debian's locations do not have them.
export CHROMIUM JAVA NGINX NGINX_BROTLI_MODULE NGINX_BROTLI_FILTER_MODULE

# The exact text of a command-line variable as one shell word: no $, ` or " in it is ever run.
quoted = '$(subst ','\'',$(value $(1)))'
CONTENT ?= content
# Only PORT=… on the command line counts, not a PORT in the environment (set by many other tools).
PORT = 8000

.PHONY: help serve beheer check taal nieuw html publish docs test test-basic screenshots bench mutate hosting deploy rollback \
        clean distclean system-test system-hosting system-deploy FORCE

help: ## deze lijst; direct
	@echo "Gebruik: make OPDRACHT [INSTELLING=waarde]. Achter elke opdracht: hoe lang die de eerste keer duurt."
	@echo "De eerste keer installeert make wat nodig is, in .venv/ en node_modules/; daarna gaat het sneller."
	@echo
	@awk -F ':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  make %-11s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

serve: $(VENV)/.installed node_modules/.installed ## voorbeeldweergave op http://localhost:8000 (PORT=…), bijgewerkt bij elke opslag; 5 minuten
	@$(INVOKE) serve --port $(call quoted,PORT)

# REPO is the git checkout the editor saves into; PORT=0 takes any free port (the tests do that).
beheer: REPO ?= .
beheer: $(VENV)/.installed node_modules/.installed ## beheer in de browser op http://localhost:8000/beheer/ (PORT=…); 5 minuten
	@$(INVOKE) beheer --repo $(call quoted,REPO) --port $(call quoted,PORT)

check: $(VENV)/.installed ## controleer alle inhoud, elke fout tegelijk, zonder te bouwen; 2 minuten
	@$(INVOKE) check

# make taal [BESTAND=content/…] [STRENG=ja or STRENG='lange-woorden=70 leesbaarheid=60']
BESTAND ?=
STRENG ?=
taal: $(VENV)/.installed ## taaladvies (B1) bij alle teksten, de moeilijkste eerst (BESTAND=…: één bestand); 2 minuten
	@$(INVOKE) taal --bestand $(call quoted,BESTAND) --streng $(call quoted,STRENG) --content $(call quoted,CONTENT)

nieuw: $(VENV)/.installed ## TYPE=sessie TITEL="…": nieuw inhoudsbestand met uitleg bij elk veld; 2 minuten
	@$(INVOKE) nieuw --type $(call quoted,TYPE) --titel $(call quoted,TITEL) --content $(call quoted,CONTENT)

html: $(VENV)/.installed node_modules/.installed ## bouw de site in output/, met concepten en voorbeelden; 5 minuten
	@$(INVOKE) html

publish: $(VENV)/.installed node_modules/.installed ## bouw de echte site in output/ (WERKPLAATSEN_SITEURL=…); 5 minuten
	@$(INVOKE) publish

docs: $(VENV)/.installed ## maak de redactiegids, schema's, beheer- en nginx-instellingen opnieuw; 2 minuten
	@$(INVOKE) docs

test: $(VENV)/.installed node_modules/.installed system-test ## alle tests; installeert Chromium, Java, nginx, rsync met apt; 20 minuten
	@$(INVOKE) test

test-basic: $(VENV)/.installed node_modules/.installed ## unit- en bouwtests, zonder systeempakketten; 8 minuten
	@$(INVOKE) test --basic

screenshots: $(VENV)/.installed node_modules/.installed system-test ## na een bewuste wijziging van de vormgeving: nieuwe vergelijkingsbeelden van elk paginatype; 3 minuten
	@$(INVOKE) screenshots

bench: $(VENV)/.installed node_modules/.installed ## meet bouwtijden, geheugen, bijwerktijd en paginagewicht; 15 minuten
	@$(INVOKE) bench

mutate: $(VENV)/.installed node_modules/.installed ## mutatietests van de kernmodules; een uur of langer
	@$(INVOKE) mutate

# make hosting PORT=8080 [SITE=output]: a built site served by nginx with the production settings.
hosting: PORT = 8080
hosting: SITE ?= output
hosting: $(VENV)/.installed system-hosting ## toon output/ met nginx op http://127.0.0.1:8080 (PORT=…); 3 minuten
	@$(INVOKE) hosting --port $(call quoted,PORT) --site $(call quoted,SITE)

# make deploy TARGET=gebruiker@server:/srv/werkplaatsen (or a local folder) [FORCE=ja]; make rollback TARGET=...
TARGET ?=
FORCE ?=
deploy: $(VENV)/.installed system-deploy ## TARGET=…: zet output/ online als nieuwe versie (README); 2 minuten
	@$(INVOKE) deploy --target $(call quoted,TARGET) --force $(call quoted,FORCE)

rollback: $(VENV)/.installed ## TARGET=…: zet de vorige versie weer online; 2 minuten
	@$(INVOKE) rollback --target $(call quoted,TARGET)

clean: ## verwijder gebouwde sites en de voorbeeldweergave; direct
	rm -rf output output.builds output.lock .preview .hosting cache .pytest_cache test-artifacts

# .cache/compressed holds the best gzip and brotli copies of vendored files, by content hash (see
# werkplaatsen/hosting/precompress.py): it outlives `make clean`, like node_modules/.
distclean: clean ## verwijder ook .venv/, node_modules/, .cache/ en mutants/; direct
	rm -rf $(VENV) node_modules .cache mutants
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# --- Set-up -------------------------------------------------------------------------------------

# .venv is made again from nothing when a requirement changed, when an install stopped half-way (the
# stamp is written last), when its Python no longer runs, or when PYTHON names another Python. First
# the Python is checked (new enough for every pin, with its venv module), only when .venv is made.
$(VENV)/.installed: requirements.txt requirements-test.txt constraints.txt $(if $(VENV_STALE),FORCE)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:3] < ($(subst .,$(comma),$(PYTHON_MIN)),))' 2>/dev/null || { \
	  echo "Dit project heeft Python $(PYTHON_MIN) of nieuwer nodig; $(PYTHON) is $$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo 'niet gevonden'). Geef een nieuwere op, bijvoorbeeld: make $(or $(MAKECMDGOALS),serve) PYTHON=/usr/bin/python3.12" >&2; \
	  exit 1; }
	@$(call SYSTEM,$(PYTHON)) venv
	@echo "Installeren: de Python-pakketten in $(VENV)/ (eenmalig; dat duurt een paar minuten)."
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install -qq --disable-pip-version-check -r requirements.txt -r requirements-test.txt -c constraints.txt
	@$(PYTHON) -c 'import os, sys; print(os.path.realpath(sys.executable))' > $@

# npm ci starts from an empty node_modules/ itself; npm shows errors only (its summary goes to stdout).
node_modules/.installed: package.json package-lock.json | $(VENV)/.installed
	@$(call SYSTEM,$(VENV)/bin/python) npm
	@echo "Installeren: de npm-pakketten in node_modules/ (eenmalig; dat duurt een paar minuten)."
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
	@mkdir -p node_modules && touch $@

# System packages, named before apt is called; installed as root, with sudo without a password, or
# else the exact command is printed (plugins/werkplaatsen/system/programs.py).
system-test: $(VENV)/.installed
	@$(call SYSTEM,$(VENV)/bin/python) chromium java nginx brotli brotli-filter rsync

system-hosting: $(VENV)/.installed
	@$(call SYSTEM,$(VENV)/bin/python) nginx brotli brotli-filter rsync

system-deploy: $(VENV)/.installed
	@$(call SYSTEM,$(VENV)/bin/python) rsync

FORCE:
