"""The guarded fetch: public addresses only (after DNS, on every redirect), limits, status handling."""

import socket

import pytest

from events.reading import web as guarded
from events.reading.web import FetchPolicy, fetch
from tests.webserver import Page, PageServer

OPEN = FetchPolicy(allow_private=True)
GUARDED = FetchPolicy()


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", True),
        ("2002:7f00:1::", False),  # 6to4 wrapping 127.0.0.1
    ],
)
def test_is_public_address_table(address, public):
    assert guarded.is_public_address(address) is public


def test_fetch_refuses_loopback_without_sending_a_request(web):
    web.pages["/"] = Page(b"secret")

    with pytest.raises(guarded.RefusedAddress) as refused:
        fetch(web.url("/"), policy=GUARDED)

    assert (str(refused.value), web.requests) == (guarded.UNREACHABLE, [])


def test_fetch_refused_address_reads_like_a_closed_port(web):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens here now

    with pytest.raises(guarded.RefusedAddress) as refused:
        fetch(web.url("/"), policy=GUARDED)
    with pytest.raises(guarded.Unreachable) as unreachable:
        fetch(f"http://127.0.0.1:{port}/", policy=OPEN)

    assert str(refused.value) == str(unreachable.value) == guarded.UNREACHABLE


def test_fetch_refuses_a_public_name_resolving_to_a_private_address(web, monkeypatch):
    web.pages["/news"] = Page(b"<p>ok</p>")
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        return real("127.0.0.1" if host == "news.example.cn" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    url = f"http://news.example.cn:{web.port}/news"

    with pytest.raises(guarded.RefusedAddress):
        fetch(url, policy=GUARDED)
    allowed = fetch(url, policy=OPEN)

    assert (allowed.status, allowed.content) == (200, b"<p>ok</p>")
    assert [(path, headers["Host"]) for _m, path, headers in web.requests] == [
        ("/news", f"news.example.cn:{web.port}")
    ]


def test_fetch_checks_every_redirect_hop(web, monkeypatch):
    """127.0.0.1 stands for a public host here; its redirect to 127.0.0.2 must still be refused."""
    inner = PageServer(host="127.0.0.2")
    inner.pages["/admin"] = Page(b"internal")
    web.pages["/go"] = Page(status=302, headers={"Location": inner.url("/admin")})
    checked = guarded.is_public_address
    monkeypatch.setattr(guarded, "is_public_address", lambda a: a == "127.0.0.1" or checked(a))
    try:
        with pytest.raises(guarded.RefusedAddress):
            fetch(web.url("/go"), policy=GUARDED)
        followed = fetch(web.url("/go"), policy=OPEN)
    finally:
        inner.close()

    assert (followed.url, followed.content, followed.redirects) == (inner.url("/admin"), b"internal", 1)
    assert (web.paths(), inner.paths()) == (["/go", "/go"], ["/admin"])


def test_fetch_refuses_other_schemes_and_redirect_loops(web):
    web.pages["/loop"] = Page(status=301, headers={"Location": "/loop"})
    web.pages["/ftp"] = Page(status=302, headers={"Location": "ftp://127.0.0.1/x"})

    for url in ("file:///etc/passwd", "ftp://127.0.0.1/", web.url("/ftp"), web.url("/loop")):
        with pytest.raises(guarded.RefusedURL):
            fetch(url, policy=FetchPolicy(allow_private=True, max_redirects=3))

    assert web.paths().count("/loop") == 4


def test_fetch_reads_headers_whatever_their_case(web):
    web.pages["/p"] = Page(b"x", headers={"etag": '"v9"', "content-type": "text/html; Charset=GBK"})

    fetched = fetch(web.url("/p"), policy=OPEN)

    assert (fetched.etag, fetched.content_type, fetched.charset) == ('"v9"', "text/html", "gbk")


def test_fetch_conditional_get_gives_304(web):
    web.pages["/feed"] = Page(b"<rss/>", headers={"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    first = fetch(web.url("/feed"), policy=OPEN)
    second = fetch(web.url("/feed"), policy=OPEN, etag=first.etag)

    assert (first.status, first.etag, first.content) == (200, '"v1"', b"<rss/>")
    assert (second.status, second.not_modified, second.content) == (304, True, b"")


@pytest.mark.parametrize(
    ("status", "headers", "error", "retry_after"),
    [
        (404, {}, "Gone", None),
        (410, {}, "Gone", None),
        (429, {"Retry-After": "120"}, "Throttled", 120.0),
        (403, {}, "Throttled", None),
        (500, {}, "ServerError", None),
        (503, {"Retry-After": "5"}, "ServerError", None),
    ],
)
def test_fetch_error_statuses(web, status, headers, error, retry_after):
    web.pages["/x"] = Page(b"no", status=status, headers=headers)

    with pytest.raises(guarded.FetchError) as raised:
        fetch(web.url("/x"), policy=OPEN)

    assert (type(raised.value).__name__, raised.value.status) == (error, status)
    assert getattr(raised.value, "retry_after", None) == retry_after


def test_fetch_caps_size_and_time(web):
    web.pages["/huge"] = Page(b"x" * 300_000)
    web.pages["/slow"] = Page(b"y" * 10, delay=0.4, chunks=5)

    with pytest.raises(guarded.TooBig):
        fetch(web.url("/huge"), policy=FetchPolicy(allow_private=True, max_bytes=100_000))
    with pytest.raises(guarded.TimedOut):
        fetch(web.url("/slow"), policy=FetchPolicy(allow_private=True, read_timeout=0.2))
    with pytest.raises(guarded.TimedOut):
        fetch(web.url("/slow"), policy=FetchPolicy(allow_private=True, total_timeout=0.5))


def test_parse_retry_after_accepts_dates():
    assert guarded.parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == 30.0
    assert guarded.parse_retry_after("soon") is None
