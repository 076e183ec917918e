"""One guarded HTTP GET for every URL the service fetches: http(s) only, public addresses only, capped.

Plain Python (requests/urllib3, no Django): callers pass a ``FetchPolicy`` built from settings.

The address check happens inside the connection, after DNS resolution, and the socket is opened to
the very address that was checked, so a name that resolves to a public address for the check and
to 127.0.0.1 for the connection (DNS rebinding) cannot slip through. Redirects are followed by hand,
one hop at a time, so every hop goes through the same check and the count is capped.

Errors are ``FetchError`` subclasses whose messages are safe to store for curators: a refused
address, a closed port, a reset connection and a connect time-out all read the same, so the stored
text cannot be used to map which ports are open on a host.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# One message for every way a connection can fail, including a refused address (see module docstring).
UNREACHABLE = "无法连接到该网址（地址不可访问、无响应或连接被拒绝）"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch: the defaults are the production ones; tests set ``allow_private``."""

    user_agent: str = "kejicalendar/0.1"
    allow_private: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # a page that trickles in byte by byte stops here
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: ``status`` is 200 (``content`` holds the body) or 304 (``content`` is empty)."""

    url: str  # after redirects
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""
    redirects: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str:
        return self.headers.get("ETag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("Last-Modified", "")

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset named in Content-Type, lower-cased, or None."""
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip(" \"'"):
                return value.strip(" \"'").lower()
        return None


class FetchError(Exception):
    """A fetch that gave no usable page. ``transient`` errors are worth retrying later."""

    transient = False

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class RefusedURL(FetchError):
    """Not http(s), or too many redirects: never retried."""


class Unreachable(FetchError):
    """No connection (closed port, reset, DNS failure, connect time-out): retried."""

    transient = True


class RefusedAddress(FetchError):
    """The host resolves only to private, loopback, link-local or reserved addresses: never retried.

    Its message is ``UNREACHABLE``, word for word the one a closed port gives."""


class TimedOut(FetchError):
    """Connected but the page did not arrive in time: retried."""

    transient = True


class TooBig(FetchError):
    """The body is larger than ``FetchPolicy.max_bytes``: never retried."""


class Gone(FetchError):
    """404 or 410: the page is gone; not retried."""


class Throttled(FetchError):
    """403 or 429: back off for ``retry_after`` seconds (from the Retry-After header, or None)."""

    transient = True

    def __init__(
        self, message: str, *, url: str = "", status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class ServerError(FetchError):
    """5xx: retried with backoff."""

    transient = True


class BlockedAddress(OSError):
    """Raised inside the connection for a non-public address; surfaces to callers as ``Unreachable``."""


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address. IPv4-mapped, 6to4 and Teredo IPv6 are judged by
    the IPv4 address they carry, so ``::ffff:127.0.0.1`` is loopback."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def resolve_checked(host: str, port: int, *, allow_private: bool) -> list[tuple]:
    """getaddrinfo results for ``host`` keeping only addresses we may connect to; raises BlockedAddress
    when none is left (a name with one public and one private address keeps only the public one)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    allowed = [info for info in infos if allow_private or is_public_address(info[4][0])]
    if not allowed:
        raise BlockedAddress(f"{host} resolves only to non-public addresses")
    return allowed


class _GuardedConnectionMixin:
    """Opens the socket itself, to an address checked by ``resolve_checked`` (never re-resolved)."""

    allow_private = False

    def _new_conn(self) -> socket.socket:
        try:
            infos = resolve_checked(self._dns_host, self.port, allow_private=self.allow_private)
            return _connect_first(infos, self.timeout, self.source_address, self.socket_options)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc


def _connect_first(
    infos: list[tuple], timeout: object, source_address: object, options: object
) -> socket.socket:
    last: OSError | None = None
    for family, socktype, proto, _name, address in infos:
        sock = socket.socket(family, socktype, proto)
        try:
            for level, option, value in options or ():
                sock.setsockopt(level, option, value)
            if timeout is not None and timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(address)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError("no address to connect to")


def _adapter(allow_private: bool) -> HTTPAdapter:
    """A requests adapter whose pools open guarded connections."""
    http_conn = type("GuardedHTTPConnection", (_GuardedConnectionMixin, HTTPConnection), {})
    https_conn = type("GuardedHTTPSConnection", (_GuardedConnectionMixin, HTTPSConnection), {})
    http_conn.allow_private = https_conn.allow_private = allow_private
    http_pool = type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn})
    https_pool = type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn})

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": http_pool, "https": https_pool}

    return GuardedAdapter(max_retries=0)


def new_session(policy: FetchPolicy) -> requests.Session:
    """A session that only opens guarded connections and ignores proxy variables (a proxy would be
    connected to instead of the checked address)."""
    session = requests.Session()
    session.trust_env = False
    adapter = _adapter(policy.allow_private)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = policy.user_agent
    return session


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    session: requests.Session | None = None,
    etag: str = "",
    last_modified: str = "",
) -> Fetched:
    """GET ``url`` under ``policy``; with ``etag``/``last_modified`` a conditional GET that may return 304.

    Raises a ``FetchError`` subclass for everything but 200 and 304 (see their docstrings).
    """
    own = session is None
    session = session or new_session(policy)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + policy.total_timeout
    try:
        for hop in range(policy.max_redirects + 1):
            _check_scheme(url)
            response = _get(session, url, headers, policy)
            with response:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                _raise_for_status(response, url)
                content = (
                    b"" if response.status_code == 304 else _read_capped(response, url, policy, deadline)
                )
                return Fetched(
                    url=url,
                    status=response.status_code,
                    headers=CaseInsensitiveDict(response.headers),  # servers spell ETag as Etag too
                    content=content,
                    redirects=hop,
                )
        raise RefusedURL(f"重定向次数超过 {policy.max_redirects} 次", url=url)
    finally:
        if own:
            session.close()


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedURL("只能抓取 http(s) 网址", url=url)


def _get(session: requests.Session, url: str, headers: dict, policy: FetchPolicy) -> requests.Response:
    try:
        return session.get(
            url,
            headers=headers,
            allow_redirects=False,
            stream=True,
            timeout=(policy.connect_timeout, policy.read_timeout),
        )
    except requests.exceptions.ReadTimeout as exc:
        raise TimedOut("网页在限定时间内没有传完", url=url) from exc
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        if _caused_by(exc, BlockedAddress):
            raise RefusedAddress(UNREACHABLE, url=url) from None
        # Closed ports, closed ports, resets, DNS failures, bad status lines, invalid URLs:
        # all read the same from outside (see the module docstring).
        raise Unreachable(UNREACHABLE, url=url) from exc


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``kind`` is anywhere in the chain requests and urllib3 wrap a socket error in."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        reason = getattr(current, "reason", None)
        todo += [
            current.__cause__,
            current.__context__,
            reason if isinstance(reason, BaseException) else None,
        ]
        todo += [arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException)]
    return False


def _raise_for_status(response: requests.Response, url: str) -> None:
    status = response.status_code
    if status in (200, 304):
        return
    if status in (404, 410):
        raise Gone(f"网页已不存在（HTTP {status}）", url=url, status=status)
    if status in (403, 429):
        retry_after = parse_retry_after(response.headers.get("Retry-After", ""))
        raise Throttled(
            f"网站拒绝或限制访问（HTTP {status}）", url=url, status=status, retry_after=retry_after
        )
    if status >= 500:
        raise ServerError(f"网站出错（HTTP {status}）", url=url, status=status)
    raise FetchError(f"无法使用的响应（HTTP {status}）", url=url, status=status)


def parse_retry_after(value: str, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _read_capped(response: requests.Response, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise TooBig(f"网页过大（超过 {policy.max_bytes} 字节）", url=url)
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > policy.max_bytes:
                raise TooBig(f"网页过大（超过 {policy.max_bytes} 字节）", url=url)
            if time.monotonic() > deadline:
                raise TimedOut("网页在限定时间内没有传完", url=url)
            chunks.append(chunk)
    except requests.exceptions.ConnectionError as exc:
        if isinstance(exc.__context__, TimeoutError) or "timed out" in str(exc):
            raise TimedOut("网页在限定时间内没有传完", url=url) from exc
        raise Unreachable(UNREACHABLE, url=url) from exc
    except requests.RequestException as exc:
        raise TimedOut("网页在限定时间内没有传完", url=url) from exc
    return b"".join(chunks)
