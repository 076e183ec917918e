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


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is False")
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")

INSTALLED_APPS = [
    "kejicalendar.admin_site.KejicalAdminConfig",  # django.contrib.admin with the site above
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_celery_beat",
    "csp",
    "ninja",  # serves Swagger UI's files from here instead of a CDN, so the CSP can stay 'self'
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "events.middleware.PublicCorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if not DEBUG:
    # Static files (the admin's CSS) from the web process, from what `collectstatic` wrote (with
    # DEBUG on, runserver serves them from the apps instead).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

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
        conn_max_age=_env_int("CONN_MAX_AGE", 60),
        # A kept connection the database dropped (restart, failover) is replaced, not used for a 500.
        conn_health_checks=_env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down fails a request (and the readiness check) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
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
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production `collectstatic` writes hashed, compressed copies that whitenoise serves with
    # far-future caching; in development files come straight from the apps.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- HTTPS and the proxy in front ---------------------------------------------------------------
# Behind a TLS-terminating proxy, "HTTP_X_FORWARDED_PROTO,https" makes request.is_secure() true.
# Only set it when the proxy overwrites that header: otherwise a client could claim HTTPS.
_proxy_header = _env_list("SECURE_PROXY_SSL_HEADER")
if _proxy_header and len(_proxy_header) != 2:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must be HEADER,value, e.g. HTTP_X_FORWARDED_PROTO,https"
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_header) or None
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")
SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = _env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", False)
# Cookies only over HTTPS unless DEBUG: a production site sending the admin session in clear is a bug.
SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = _env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp 4: one dict of directives) -----------------------------
# Scripts only from this site (Swagger UI's files are served from "ninja"'s static folder). Styles
# also allow inline: the pages carry one <style> block and style="--badge: …" attributes that hold
# per-kind colours, and attributes cannot take a nonce. Images allow data: for the inline favicon.
_csp_report_uri = os.environ.get("KEJICAL_CSP_REPORT_URI", "")
_csp = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"report-uri": [_csp_report_uri]} if _csp_report_uri else {}),
    }
}
# Report-only first is the safe way to try a stricter policy on a live site.
if _env_bool("KEJICAL_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = _csp

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
KEJICAL_TASKS_IN_PROCESS = _env_bool("KEJICAL_TASKS_IN_PROCESS", False)
if not DEBUG and not CELERY_BROKER_URL and not KEJICAL_TASKS_IN_PROCESS:
    # In production a missing broker is almost always a forgotten variable: every re-ingest would
    # run inside a web request. Refuse unless in-process tasks are said to be intended.
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must be set when DEBUG is False (or KEJICAL_TASKS_IN_PROCESS=True to run tasks in-process)"
    )
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
# Two sites (or a test run) sharing one Redis each need a queue of their own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_TASK_DEFAULT_QUEUE") or "celery"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# A task is acknowledged only when it finished; a worker child killed mid-task (OOM, kill -9) puts
# its message back at once instead of losing it. Every task is idempotent, so a rerun is safe.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup would close the database connection around every task; with this it does
# so only every million tasks, and kejicalendar/celery.py applies CONN_MAX_AGE and health instead.
CELERY_DB_REUSE_MAX = 1_000_000
# Hard time limit of the longest task (reading a whole source); the others get a share of it. The
# soft limit comes first so the task can record its failure before the hard limit kills the child.
KEJICAL_TASK_TIME_LIMIT = _env_int("KEJICAL_TASK_TIME_LIMIT", 900)
if KEJICAL_TASK_TIME_LIMIT < 10:
    raise ImproperlyConfigured("KEJICAL_TASK_TIME_LIMIT must be at least 10 seconds")


def _limits(hard: int) -> dict[str, int]:
    return {"time_limit": hard, "soft_time_limit": max(hard - max(5, hard // 10), 1)}


KEJICAL_TASK_LIMITS = {
    "events.ingest_source": _limits(KEJICAL_TASK_TIME_LIMIT),
    "events.ingest_article": _limits(max(KEJICAL_TASK_TIME_LIMIT // 3, 10)),
    "events.ingest_articles": _limits(max(KEJICAL_TASK_TIME_LIMIT // 3, 10)),
    "events.ingest_active_sources": _limits(max(KEJICAL_TASK_TIME_LIMIT // 6, 10)),
    "events.reingest_stale": _limits(max(KEJICAL_TASK_TIME_LIMIT // 6, 10)),
    # One web source per run (its lease, web_sources.LEASE, outlasts this), and the beat tick that queues them.
    "events.fetch_source": _limits(KEJICAL_TASK_TIME_LIMIT),
    "events.fetch_due_sources": _limits(max(KEJICAL_TASK_TIME_LIMIT // 6, 10)),
    "events.requeue_lost": _limits(max(KEJICAL_TASK_TIME_LIMIT // 6, 10)),
}
CELERY_TASK_ANNOTATIONS = KEJICAL_TASK_LIMITS
# If the whole worker dies (kill -9 of the main process, a lost host), Redis hands an unacknowledged
# message to another worker only after the visibility timeout: just above the longest hard limit,
# so a task still running is never handed out twice, and a lost one waits minutes, not kombu's hour.
_longest = max(limit["time_limit"] for limit in KEJICAL_TASK_LIMITS.values())
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _longest + max(10, _longest // 10),
    # Sweep for such messages every few seconds (kombu's default is about every 100 s).
    "unacked_restore_interval": min(10, max(1, _longest // 10)),
    "unacked_restore_throttle": 1,
    # A broker that is down or never answers costs a web request seconds, not a 30 s hang.
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing from a web request gives up after ~1 s of retries; the admin then says the queue is down.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 0.5,
}
# A queued re-read not done this long after it was asked for, with nothing waiting in the queue and
# no worker holding its message, was lost by the broker and is queued again (events.requeue_lost).
KEJICAL_REQUEUE_AFTER_SECONDS = _env_int("KEJICAL_REQUEUE_AFTER_SECONDS", 300)
# The admin warns when the oldest queued task has waited longer than this for a worker (seconds).
KEJICAL_QUEUE_STALL_SECONDS = _env_int("KEJICAL_QUEUE_STALL_SECONDS", 300)

# API tokens for writes: comma-separated; staff sessions may write too.
KEJICAL_API_TOKENS = _env_list("KEJICAL_API_TOKENS")

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

# Fetching sources from the web (events/reading/web.py, events/services/fetching.py).
# Private, loopback, link-local and reserved addresses are refused unless this is on (tests serve on 127.0.0.1).
KEJICAL_FETCH_ALLOW_PRIVATE = _env_bool("KEJICAL_FETCH_ALLOW_PRIVATE", False)
# Sent as the User-Agent with every fetch so site owners can tell who we are and reach us.
KEJICAL_FETCH_CONTACT_URL = os.environ.get("KEJICAL_FETCH_CONTACT_URL", "https://github.com/kejicalendar")
KEJICAL_FETCH_MAX_BYTES = int(os.environ.get("KEJICAL_FETCH_MAX_BYTES", str(8 * 1024 * 1024)))
# Seconds between two requests to one host, across all workers (robots.txt Crawl-delay may ask for more).
KEJICAL_FETCH_HOST_INTERVAL = float(os.environ.get("KEJICAL_FETCH_HOST_INTERVAL", "1"))
# Article pages fetched per source per run; the rest wait for the next run.
KEJICAL_FETCH_MAX_ARTICLES = int(os.environ.get("KEJICAL_FETCH_MAX_ARTICLES", "200"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING"},
}
