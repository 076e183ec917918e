"""The production profile (kejicalendar/settings.py with README's "Running in production" environment).

Each test starts a fresh process with exactly the environment the README documents, so the
documentation and the settings cannot drift apart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOST = "kejical.example.cn"


def _readme_production_env() -> dict[str, str]:
    """The first code block of README's "Running in production" section, as variables."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Running in production", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.S).group(1)
    return dict(line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#"))


def _run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    # Nothing from the caller's settings environment leaks in (a CI's DATABASE_URL, a DEBUG flag...).
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**keep, "DJANGO_SETTINGS_MODULE": "kejicalendar.settings", **env},
        capture_output=True,
        text=True,
        # A guard against a hang, not a speed limit: collectstatic compresses every static file and
        # took over 120 s with the machine's two cores loaded twelve deep.
        timeout=900,
        **kwargs,
    )


def test_readme_production_env_passes_check_deploy():
    env = _readme_production_env()
    assert env["DEBUG"] == "False"

    result = _run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"], env)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_names_what_a_weaker_env_leaves_open():
    env = _readme_production_env()
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        env.pop(name)

    result = _run([sys.executable, "manage.py", "check", "--deploy"], env)

    assert sorted(set(re.findall(r"security\.W\d+", result.stderr + result.stdout))) == [
        "security.W004",
        "security.W008",
    ]


@pytest.mark.parametrize(
    ("extra", "refused"),
    [({}, True), ({"KEJICAL_TASKS_IN_PROCESS": "True"}, False)],
    ids=["refused", "in-process-intended"],
)
def test_production_without_broker_refuses_unless_in_process_is_intended(extra, refused):
    env = {k: v for k, v in _readme_production_env().items() if k != "CELERY_BROKER_URL"}

    result = _run([sys.executable, "manage.py", "check"], {**env, **extra})

    assert (result.returncode != 0) is refused, result.stderr
    assert ("CELERY_BROKER_URL must be set when DEBUG is False" in result.stderr) is refused


SERVE_PAGES = """
import json, re
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST=HOST)
login = client.get("/admin/login/", secure=True)
css = re.search(r'href="([^"]+/admin/css/base[^"]*\\.css)"', login.content.decode()).group(1)
sheet = client.get(css, secure=True)
plain = client.get("/api/health")
print(json.dumps({
    "login": login.status_code, "css": css, "css_status": sheet.status_code,
    "css_type": sheet.get("Content-Type"), "css_cache": sheet.get("Cache-Control"),
    "csp": login.get("Content-Security-Policy"), "hsts": login.get("Strict-Transport-Security"),
    "plain": plain.status_code, "location": plain.get("Location"),
}))
"""


def test_production_serves_admin_css_with_headers(tmp_path):
    env = {
        **_readme_production_env(),
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    collected = _run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert collected.returncode == 0, collected.stderr

    result = _run([sys.executable, "-c", f"HOST = {HOST!r}\n" + SERVE_PAGES], env)

    assert result.returncode == 0, result.stderr
    import json

    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["login"] == 200
    assert re.fullmatch(r"/static/admin/css/base\.[0-9a-f]{12}\.css", seen["css"])  # hashed by collectstatic
    assert (seen["css_status"], seen["css_type"]) == (200, 'text/css; charset="utf-8"')
    assert "immutable" in seen["css_cache"]
    assert "script-src 'self'" in seen["csp"] and "frame-ancestors 'none'" in seen["csp"]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert (seen["plain"], seen["location"]) == (301, f"https://{HOST}/api/health")


@pytest.mark.parametrize(
    ("name", "check"), [("KEJICAL_SITE_URL", "kejicalendar.W001"), ("CACHE_URL", "kejicalendar.W002")]
)
def test_check_deploy_names_a_missing_site_url_or_shared_cache(name, check):
    env = _readme_production_env()
    env.pop(name)

    result = _run([sys.executable, "manage.py", "check", "--deploy"], env)

    assert re.findall(r"kejicalendar\.W\d+", result.stderr + result.stdout) == [check]


def test_wsgi_module_freezes_what_it_loaded_out_of_the_garbage_collectors_way():
    import gc
    import importlib

    import kejicalendar.wsgi

    gc.unfreeze()
    importlib.reload(kejicalendar.wsgi)

    assert gc.get_freeze_count() > 10_000  # Django and the apps: never walked by a full collection
