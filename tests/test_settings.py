"""Settings come from the environment; the README documents every variable settings.py reads."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _read_variables() -> set[str]:
    source = (ROOT / "kejicalendar" / "settings.py").read_text(encoding="utf-8")
    return set(re.findall(r"""(?:os\.environ\.get|_env_\w+)\(\s*["']([A-Z_]+)["']""", source))


def _documented_variables() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.M))


def test_settings_readme_documents_every_variable():
    assert _read_variables() == _documented_variables()


def _load_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG", "SECRET_KEY")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "kejicalendar.settings", **env},
        capture_output=True,
        text=True,
    )


def test_settings_default_database_is_sqlite():
    result = _load_settings({})

    assert (result.returncode, result.stdout.strip()) == (0, "django.db.backends.sqlite3")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be True or False"),
        ({"DEBUG": "False"}, "SECRET_KEY must be set when DEBUG is False"),
    ],
    ids=["bad-debug", "dev-secret-in-production"],
)
def test_settings_refuse_unsafe_values(env, message):
    result = _load_settings(env)

    assert result.returncode != 0
    assert message in result.stderr
