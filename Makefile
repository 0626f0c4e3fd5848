# Set-up lives here (virtualenv, npm packages, system packages); the work itself lives in
# tasks.py, which every target below calls. `make serve` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: serve html publish check docs bench mutate test nieuw hosting deploy rollback beheer clean

serve html publish check docs bench mutate: $(VENV)/.installed node_modules/.installed
	$(INVOKE) $@

# The exact text of a command-line variable as one shell word: no $, ` or " in it is ever run.
quoted = '$(subst ','\'',$(value $(1)))'
CONTENT ?= content

# make nieuw TYPE=sessie TITEL="Sessie 3: pleinen en water"
nieuw: $(VENV)/.installed
	$(INVOKE) nieuw --type $(call quoted,TYPE) --titel $(call quoted,TITEL) --content $(call quoted,CONTENT)

# make hosting PORT=8080 [SITE=output]: a built site served by nginx with the production settings.
hosting: PORT ?= 8080
hosting: SITE ?= output
hosting: $(VENV)/.installed server-packages
	$(INVOKE) hosting --port $(call quoted,PORT) --site $(call quoted,SITE)

# make deploy TARGET=gebruiker@server:/srv/werkplaatsen (or a local folder) [FORCE=ja]; make rollback TARGET=...
TARGET ?=
FORCE ?=
deploy: $(VENV)/.installed rsync-package
	$(INVOKE) deploy --target $(call quoted,TARGET) --force $(call quoted,FORCE)

rollback: $(VENV)/.installed
	$(INVOKE) rollback --target $(call quoted,TARGET)

# make beheer: the browser editor on this computer, every save a git commit (README, "Voor redacteuren").
# REPO is the git checkout it saves into; PORT=0 takes any free port.
beheer: REPO ?= .
beheer: PORT ?= 8000
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
.PHONY: system-packages server-packages rsync-package
system-packages: server-packages
	@command -v chromium >/dev/null && command -v java >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq chromium default-jre-headless >/dev/null; }

# nginx with its brotli module (make hosting, the hosting tests) and rsync (make deploy); installed once.
server-packages:
	@test -x /usr/sbin/nginx && test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so && command -v rsync >/dev/null || \
	  { apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-brotli-static rsync >/dev/null; }

# make deploy needs only rsync: no nginx on a machine that deploys elsewhere.
rsync-package:
	@command -v rsync >/dev/null || { apt-get update -qq && apt-get install -y -qq rsync >/dev/null; }

clean:
	rm -rf output output.builds output.lock .preview .hosting cache .pytest_cache
