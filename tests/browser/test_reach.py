"""Following and embedding in a real browser: the 即将举行 box and 今天 marker, the region page, the
embed inside an iframe on another page; saves screenshots of each in docs/screenshots/."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from events.services.regions import region_fields_for_code
from tests.browser.test_timeline import CHROMIUM, LAUNCH_ARGS, SCREENSHOTS, page  # noqa: F401 - the page fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's Chromium (/usr/bin/chromium) is not installed"
    ),
]


@pytest.fixture
def upcoming(transactional_db) -> dict:
    today = timezone.localdate()
    rows = [
        ("第二十二届太谷科技节", "festival", 5, "太谷区金谷广场", "140703"),
        ("晋中市科技成果对接会", "meeting", 12, "晋中市会展中心", "140700"),
        ("榆次区高素质农民培训班", "training", 2, "榆次区农技中心", "140702"),
        ("太原能源产业博览会", "exhibition", -20, "太原市山西国际会展中心", "140100"),
        ("台中智慧科技博览会", "exhibition", -40, "台中国际会展中心", "710000"),
    ]
    events = {}
    for title, kind, days, place, code in rows:
        day = today + timedelta(days=days)
        events[title] = Event.objects.create(
            title=title, kind=kind, start=day, end=day, precision="day", edtf=day.isoformat(), place=place,
            **region_fields_for_code(code),
        )  # fmt: skip
    return events


def test_upcoming_box_today_marker_and_region_page(page, live_server, upcoming):  # noqa: F811
    page.goto(live_server.url + "/")

    box = page.locator("section.upcoming li")
    assert box.all_inner_texts()[0].startswith("培训 榆次区高素质农民培训班")
    assert box.count() == 3
    marker = page.locator("li.today-marker")
    assert marker.count() == 1
    assert marker.inner_text().startswith("今天")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline-upcoming.png"), full_page=True)

    page.get_by_role("link", name="山西省").first.click()
    page.wait_for_url("**/?province=140000")
    assert page.locator("article.event").count() == 4

    page.goto(live_server.url + "/regions/")
    assert page.locator("h1").inner_text() == "按地区"
    assert page.locator(".region-tree > li h2").all_inner_texts()[0] == "山西省 （4）"
    assert (
        page.locator(
            f'a[href="webcal://{live_server.url.split("://")[1]}/calendar/region/140702.ics"]'
        ).count()
        == 1
    )
    page.screenshot(path=str(SCREENSHOTS / "regions.png"), full_page=True)


@pytest.fixture
def public_page():
    """A page whose browser treats this machine's server as a public one: Chromium's local-network
    checks refuse a page of one origin framing ``localhost`` of another, which a county website
    framing the public calendar never meets."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    args = [*LAUNCH_ARGS, "--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessChecks"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="zh-CN")
        yield context.new_page()
        context.close()
        browser.close()


def test_embed_in_an_iframe_on_another_page(public_page, live_server, upcoming):
    page = public_page  # noqa: F811 - this test needs the browser without local-network checks
    snippet_page = live_server.url + "/?city=140700"
    page.goto(snippet_page)
    snippet = page.locator("#embed-code").input_value()
    assert snippet.startswith(f'<iframe src="{live_server.url}/embed/?city=140700"')

    # The host page is another origin, answered by the browser itself (a loopback address, as Chromium refuses a public page framing localhost):
    # X-Frame-Options or a CSP without frame-ancestors would leave the frame empty.
    host_page = f"<!DOCTYPE html><html><body><h1>某县科技局</h1>{snippet}</body></html>"
    page.route(
        "http://127.0.0.1:9/county.html",
        lambda route: route.fulfill(body=host_page, content_type="text/html; charset=utf-8"),
    )
    page.goto("http://127.0.0.1:9/county.html")
    frame = page.frame_locator("iframe")
    items = frame.locator("li")
    items.first.wait_for()
    assert items.count() == 3
    assert frame.locator("h1").inner_text() == "即将举行的科技活动"
    assert frame.locator("a[target=_blank]").count() == 4  # three events and 查看全部
    assert page.evaluate("document.querySelector('iframe').contentDocument === null")  # another origin
    page.set_viewport_size({"width": 480, "height": 520})
    page.screenshot(path=str(SCREENSHOTS / "embed.png"))
