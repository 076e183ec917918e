"""Settings come from the environment; the README documents every variable settings.py reads."""

import json
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
        ({"KEJICAL_SITE_URL": "kejical.example.cn"}, "KEJICAL_SITE_URL must be http(s)://host[:port]"),
        (
            {"KEJICAL_SITE_URL": "https://kejical.example.cn/app"},
            "KEJICAL_SITE_URL must be http(s)://host[:port]",
        ),
    ],
    ids=["bad-debug", "dev-secret-in-production", "site-url-without-scheme", "site-url-with-path"],
)
def test_settings_refuse_unsafe_values(env, message):
    result = _load_settings(env)

    assert result.returncode != 0
    assert message in result.stderr


def _cache_config(env: dict[str, str]) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CACHES['default']))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "DEBUG", "SECRET_KEY")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "kejicalendar.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_settings_cache_is_redis_with_cache_url_else_bounded_memory():
    shared = _cache_config({"CACHE_URL": "redis://127.0.0.1:6379/1"})
    local = _cache_config({})

    assert (shared["BACKEND"], shared["LOCATION"]) == (
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
    )
    assert (local["BACKEND"], local["OPTIONS"]["MAX_ENTRIES"]) == (
        "django.core.cache.backends.locmem.LocMemCache",
        100,
    )


@pytest.mark.django_db
def test_redis_cache_shares_throttle_counts_between_processes(settings, client):
    """Two "processes" (two cache connections) see one count: the 4th anonymous parse is throttled."""
    import redis
    from django.core.cache.backends.redis import RedisCache

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    from ninja.throttling import SimpleRateThrottle

    prefix = f"kejical-test-{os.getpid()}-{id(client)}"
    first, second = RedisCache(url, {"KEY_PREFIX": prefix}), RedisCache(url, {"KEY_PREFIX": prefix})
    settings.KEJICAL_THROTTLE_ANON = "3/min"
    codes = []
    try:
        for backend in (first, first, second, second):
            SimpleRateThrottle.cache = backend  # what CACHE_URL gives each worker: its own client, one store
            codes.append(
                client.post("/api/parse", {"text": "3月11日"}, content_type="application/json").status_code
            )
    finally:
        first.delete("throttle_kejical-anon_127.0.0.1")  # never clear(): other runs share this Redis database
        from django.core.cache import cache

        SimpleRateThrottle.cache = cache
    assert codes == [200, 200, 200, 429]
