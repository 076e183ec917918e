"""E-paper PDFs: reports stored as articles, dated by the given date, the URL or the masthead;
fetched from an e-paper page list over HTTP, unchanged pages costing a 304."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Article, Event, Source
from events.services import IngestError, fetch_source
from events.services.epaper import ingest_epaper
from tests.reading.epaper_pdf import epaper_pdf
from tests.reading.test_epaper import PAGE
from tests.webserver import Page

pytestmark = pytest.mark.django_db
PDF = epaper_pdf("晋中日报 2024年3月12日 星期二 第3版", PAGE)


@pytest.mark.parametrize(
    ("key", "given", "published", "how"),
    [
        ("epaper/page3.pdf", None, date(2024, 3, 12), "dateline"),
        ("epaper/2024-03/13/page3.pdf", None, date(2024, 3, 13), "url"),
        ("epaper/page3.pdf", date(2024, 3, 14), date(2024, 3, 14), "given"),
    ],
    ids=["masthead", "url", "given"],
)
def test_ingest_epaper_stores_each_report(key, given, published, how):
    counts = ingest_epaper(data=PDF, key=key, published=given)

    articles = list(Article.objects.order_by("key").values_list("key", "title", "published", "published_how"))
    assert counts == {"new": 3}
    assert articles == [
        (f"{key}#1-1", "太谷区第二十一届科技节开幕", published, how),
        (f"{key}#1-2", "市科技局与山西农业大学签约", published, how),
        (f"{key}#1-3", "科技特派员培训班开班", published, how),
    ]
    assert Article.objects.get(key=f"{key}#1-2").text.endswith("（记者 王芳）")
    assert Event.objects.filter(kind="training", start=date(2024, 3, 20)).exists()


def test_ingest_epaper_refuses_a_scan_and_stores_nothing():
    with pytest.raises(IngestError, match="没有文字层"):
        ingest_epaper(data=epaper_pdf("", [], scanned=True), key="scan.pdf")
    assert Article.objects.count() == 0


def test_epaper_source_reads_pdfs_from_its_page_list_then_costs_304s(web, allow_private):
    web.pages["/epaper/2024-03/12/node_3.htm"] = Page(
        '<html><body><a href="page3.pdf">第3版：科技</a><a href="/epaper/2024-03/12/node_4.htm">第4版</a></body></html>'.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    web.pages["/epaper/2024-03/12/page3.pdf"] = Page(
        PDF, headers={"Content-Type": "application/pdf", "ETag": '"p3"'}
    )
    source = Source.objects.create(
        name="数字报", kind=Source.Kind.EPAPER, location=web.url("/epaper/2024-03/12/node_3.htm")
    )

    first = fetch_source(source=source, now=timezone.now())
    source.refresh_from_db()
    second = fetch_source(source=source, now=timezone.now())

    assert (dict(first.articles), dict(second.articles), second.not_modified) == (
        {"new": 3},
        {"unchanged": 3},
        1,
    )
    assert set(Article.objects.values_list("published", "published_how")) == {(date(2024, 3, 12), "url")}


def test_ingest_command_reads_a_pdf_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page3.pdf").write_bytes(PDF)
    out = StringIO()

    call_command("ingest", "page3.pdf", stdout=out, stderr=StringIO())

    assert out.getvalue().splitlines()[1].startswith("articles: 3 new, 0 changed, 0 unchanged, 0 failed;")
    assert sorted(Article.objects.values_list("key", flat=True)) == [
        "page3.pdf#1-1",
        "page3.pdf#1-2",
        "page3.pdf#1-3",
    ]
