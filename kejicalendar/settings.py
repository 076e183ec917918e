"""Django settings for kejicalendar, read from the environment with embedded defaults.

Every variable read here is listed in the README's settings table (a test compares them).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "dev-only-insecure-kejicalendar-key"


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("True", "true", "1"):
        return True
    if raw in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {raw!r}")


DEBUG = _env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is False")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_celery_beat",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "events.middleware.PublicCorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kejicalendar.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "kejicalendar.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked": a transaction takes
    # the write lock when it begins (BEGIN IMMEDIATE), so a writer never holds a read snapshot that a
    # second writer's commit invalidates (SQLite answers that with an immediate "locked", ignoring
    # the timeout). WAL lets the web process read while a worker ingests, and NORMAL sync is safe
    # under WAL (no corruption on crash). tests/test_database.py runs two writers at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# The cache holds rendered feeds and API pages (until the data changes) and the throttles' counts.
# CACHE_URL (redis://127.0.0.1:6379/1): Django's Redis cache, shared by every process and host, so
# throttles count across workers. Unset: each process keeps its own, bounded to CACHE_MAX_ENTRIES
# entries (a feed is at most 1 MB, an API page of 500 events about as much), the oldest culled first.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHE_MAX_ENTRIES = 100
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kejicalendar",
            "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES, "CULL_FREQUENCY": 4},
        }
    }

# Celery: with no broker, tasks run eagerly in-process so the embedded default needs no server.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# API tokens for writes: comma-separated; staff sessions may write too.
KEJICAL_API_TOKENS = [t.strip() for t in os.environ.get("KEJICAL_API_TOKENS", "").split(",") if t.strip()]

# The public address (scheme and host, e.g. https://kejical.example.cn): links in feeds, pages and
# JSON-LD, and (once, stored) the domain of iCal UIDs. Unset (development): links follow the request.
KEJICAL_SITE_URL = os.environ.get("KEJICAL_SITE_URL", "").strip().rstrip("/")
if KEJICAL_SITE_URL and (
    not KEJICAL_SITE_URL.startswith(("http://", "https://")) or "/" in KEJICAL_SITE_URL.split("://", 1)[1]
):
    raise ImproperlyConfigured(f"KEJICAL_SITE_URL must be http(s)://host[:port], not {KEJICAL_SITE_URL!r}")

# The one folder file and folder sources may be read from (by workers, the admin and ingest); unset:
# only `manage.py ingest` reads files, keyed relative to its current folder (see events/services/roots.py).
KEJICAL_SOURCE_ROOT = os.environ.get("KEJICAL_SOURCE_ROOT") or None

# API throttles (events/throttles.py), ninja rate strings; empty turns one off. Anonymous callers of
# /api/parse are counted by address, token holders per token (parse and writes).
KEJICAL_THROTTLE_ANON = os.environ.get("KEJICAL_THROTTLE_ANON", "30/min")
KEJICAL_THROTTLE_TOKEN = os.environ.get("KEJICAL_THROTTLE_TOKEN", "600/min")
# Anonymous /api/parse: a much smaller text, and at most this many mentions back.
KEJICAL_ANON_PARSE_MAX_CHARS = int(os.environ.get("KEJICAL_ANON_PARSE_MAX_CHARS", "20000"))
KEJICAL_ANON_PARSE_MAX_MENTIONS = int(os.environ.get("KEJICAL_ANON_PARSE_MAX_MENTIONS", "200"))

# Largest article text accepted, in characters (API and ingest refuse longer input).
KEJICAL_MAX_ARTICLE_CHARS = int(os.environ.get("KEJICAL_MAX_ARTICLE_CHARS", "2000000"))
# A request body may carry an article of that length as JSON (up to 6 bytes a character when \u-escaped).
DATA_UPLOAD_MAX_MEMORY_SIZE = KEJICAL_MAX_ARTICLE_CHARS * 6 + 64 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
}
