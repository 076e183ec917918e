"""Shared fixtures: the seed articles and their expected events."""

import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_manifest() -> dict:
    return json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def expected_events() -> dict:
    return json.loads((SEEDS / "expected_events.json").read_text(encoding="utf-8"))


def load_seed(name: str) -> tuple[str, date]:
    """The text of a seed article and its publication date from the manifest."""
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [a for a in manifest["articles"] if a["file"] == name]
    return (SEEDS / name).read_text(encoding="utf-8"), date.fromisoformat(entry["published"])


@pytest.fixture(autouse=True)
def _no_throttles(settings):
    """Requests from many tests share one address and cache within a minute: throttles are off unless a
    test turns them on (tests/test_throttles.py)."""
    settings.KEJICAL_THROTTLE_ANON = ""
    settings.KEJICAL_THROTTLE_TOKEN = ""


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 serving pages the test writes (see tests/webserver.py)."""
    from tests.webserver import PageServer

    server = PageServer()
    yield server
    server.close()


@pytest.fixture
def allow_private(settings):
    """Let fetching reach 127.0.0.1, where ``web`` serves (off by default, as in production), with no
    per-host wait (one test checks the rate limit itself)."""
    settings.KEJICAL_FETCH_ALLOW_PRIVATE = True
    settings.KEJICAL_FETCH_HOST_INTERVAL = 0
