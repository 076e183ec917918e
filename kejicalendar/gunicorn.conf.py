"""gunicorn's settings for `make serve`, read from the environment (README, "Running in production").

Threads matter more than processes here: a request mostly waits on the database, and each worker
process holds the parser's tables (~100 MiB), so 2 processes x 4 threads is the default.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request taking longer than this is killed and its worker restarted (an API parse of a huge text).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
# Trust X-Forwarded-* only from the proxy on this host (gunicorn's default).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
