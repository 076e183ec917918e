"""Load-test helpers shared by the benchmarks: a free port, waiting for a server, and wrk's latencies."""

from __future__ import annotations

import re
import socket
import subprocess
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url_port: int, deadline: float) -> None:
    """Return once something listens on 127.0.0.1:``url_port``; RuntimeError after ``deadline`` (monotonic)."""
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", url_port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, *, seconds: int, connections: int, headers: tuple[str, ...] = ()) -> dict:
    """wrk's p50/p99 latency (ms), requests per second and non-2xx/3xx count for ``url``."""
    extra = [arg for header in headers for arg in ("-H", header)]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", *extra, url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    latency = {p: to_ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"p50": latency["50"], "p99": latency["99"], "rps": rps, "errors": int(errors[1]) if errors else 0}
