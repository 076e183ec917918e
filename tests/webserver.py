"""A real HTTP server on 127.0.0.1 for fetch tests: serves pages written for the test, records requests."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Page:
    """One response: ``body`` is bytes; ``delay`` seconds are slept between ``chunks`` parts of it."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: int = 1


class PageServer:
    """``server.pages["/path"] = Page(...)`` (or a callable taking the request handler and returning a Page).

    Answers conditional GETs itself: a page with an ETag or Last-Modified header gets 304 when the
    request's validators match. ``requests`` lists (method, path, headers) of everything received.
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.pages: dict[str, Page | Callable[[http.server.BaseHTTPRequestHandler], Page]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._server = _QuietServer((host, 0), self._handler())
        self._server.daemon_threads = True
        self.host = host
        self.port = self._server.server_port
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for _method, path, _headers in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in two writes: without this, Nagle's algorithm and the
                # client's delayed ACK hold the body back ~40 ms, as no production server would.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:  # noqa: N802 (http.server's spelling)
                server.requests.append(("GET", self.path, dict(self.headers)))
                page = server.pages.get(self.path) or Page(b"not found", status=404)
                if callable(page):
                    page = page(self)
                if page.status == 200 and _not_modified(self.headers, page.headers):
                    self.send_response(304)
                    self._send_headers(page.headers, 0)
                    return
                self.send_response(page.status)
                self._send_headers(page.headers, len(page.body))
                step = max(1, -(-len(page.body) // page.chunks))
                for i in range(0, len(page.body), step):
                    if page.delay:
                        time.sleep(page.delay)
                    try:
                        self.wfile.write(page.body[i : i + step])
                        self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError):
                        return

            def _send_headers(self, headers: dict[str, str], length: int) -> None:
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(length))
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _not_modified(request: object, headers: dict[str, str]) -> bool:
    etag, modified = headers.get("ETag"), headers.get("Last-Modified")
    if etag and request.get("If-None-Match") == etag:
        return True
    return bool(modified and not etag and request.get("If-Modified-Since") == modified)


class _QuietServer(http.server.ThreadingHTTPServer):
    """Clients that hang up (a size cap, a time-out, a closed keep-alive) are not errors worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
