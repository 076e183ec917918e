# kejicalendar: `make run` serves on 127.0.0.1:8000 with the embedded defaults; `make test` runs the suite;
# `make serve` is the production web process (gunicorn, settings from the environment; see README).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

LOCK := requirements.lock

.PHONY: run test venv migrate seed lint screenshots bench accuracy serve worker beat lock clean

# Installs what pyproject.toml asks for, at the versions requirements.lock pins (as constraints).
$(STAMP): pyproject.toml $(LOCK)
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c $(LOCK) -e '.[test]'
	touch $(STAMP)

# Re-resolve the newest versions pyproject.toml allows, in a scratch environment, and pin them.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ echo "# pip freeze of a clean install of .[test] (Python 3.11); refresh with 'make lock'."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable --all | grep -v '^pip=='; } > $(LOCK)
	rm -rf .lock-venv

venv: $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py ingest seeds/ --source 种子文章

run: seed
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Refresh docs/screenshots from the browser test (needs Debian's Chromium).
screenshots: $(STAMP)
	KEJICAL_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest -q tests/browser

lint: $(STAMP)
	$(VENV)/bin/ruff check events kejicalendar tests bench

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/temporal.py
	$(PY) bench/ingest.py
	$(PY) bench/publish.py

# Production web process: static files collected, migrations applied, gunicorn (kejicalendar/gunicorn.conf.py).
serve: $(STAMP)
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput
	$(VENV)/bin/gunicorn -c kejicalendar/gunicorn.conf.py kejicalendar.wsgi

# Event accuracy on the curated real-patterned articles (recall, strict recall, date accuracy, precision).
accuracy: $(STAMP)
	$(PY) bench/events_eval.py tests/extraction/real/gold.jsonl tests/extraction/real

CELERY_CONCURRENCY ?= 2

worker: $(STAMP)
	$(VENV)/bin/celery -A kejicalendar worker -l info --concurrency $(CELERY_CONCURRENCY)

beat: $(STAMP)
	$(VENV)/bin/celery -A kejicalendar beat -l info

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
