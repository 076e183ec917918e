# kejicalendar: `make run` serves on 127.0.0.1:8000 with the embedded defaults; `make test` runs the suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test venv migrate seed lint bench accuracy worker beat clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py ingest seeds/ --source 种子文章

run: seed
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check events kejicalendar tests bench

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/temporal.py
	$(PY) bench/ingest.py
	$(PY) bench/publish.py

# Event accuracy on the curated real-patterned articles (recall, strict recall, date accuracy, precision).
accuracy: $(STAMP)
	$(PY) bench/events_eval.py tests/extraction/real/gold.jsonl tests/extraction/real

worker: $(STAMP)
	$(VENV)/bin/celery -A kejicalendar worker -l info

beat: $(STAMP)
	$(VENV)/bin/celery -A kejicalendar beat -l info

clean:
	rm -rf $(VENV) db.sqlite3
