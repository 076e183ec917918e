"""The timeline in a real browser: filter by kind, follow an evidence link, see the marked text; saves a screenshot."""

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

from events.models import Article, Event, Evidence

CHROMIUM = Path("/usr/bin/chromium")
# docs/screenshots only when asked (`make screenshots`), so an ordinary test run leaves the tree clean.
SCREENSHOTS = Path(os.environ.get("KEJICAL_SCREENSHOTS") or tempfile.mkdtemp(prefix="kejical-shots-"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's Chromium (/usr/bin/chromium) is not installed"
    ),
]

ARTICLE_TEXT = (
    "本报讯 3月\n11日，农历二月初二，以“坚持科技创新驱\n动，发展新质生产力”为主题的山西·太谷\n"
    "第二十一届科技节在太谷区金谷广场开幕。\n开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元。"
    "活动现场，有 131家企事业单位踊跃参展。\n3月8日，送科技下乡活动在范村镇举行。"
)


def cite(event: Event, article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence.objects.create(
        event=event, article=article, sentence=sentence, span_start=start, span_end=start + len(sentence)
    )


@pytest.fixture
def seeded(transactional_db) -> dict:
    article = Article.objects.create(
        key="jzrb-2024-03-12", title="太谷第二十一届科技节开幕", url="https://example.org/jzrb/2024-03-12",
        text=ARTICLE_TEXT, published=date(2024, 3, 12),
    )  # fmt: skip
    festival = Event.objects.create(
        title="山西·太谷第二十一届科技节", kind="festival", start=date(2024, 3, 11), end=date(2024, 3, 11),
        precision="day", edtf="2024-03-11", place="太谷区金谷广场",
        organizers={"hosts": ["太谷区人民政府", "山西农业大学"]}, figures={"exhibitors": 131},
    )  # fmt: skip
    signing = Event.objects.create(
        title="科技节开幕式项目集中签约", kind="signing", start=date(2024, 3, 11), end=date(2024, 3, 11),
        precision="day", edtf="2024-03-11", place="太谷区金谷广场",
        figures={"projects_signed": 15, "investment_yuan": 1_670_000_000},
    )  # fmt: skip
    service = Event.objects.create(
        title="送科技下乡活动", kind="service", start=date(2024, 3, 8), end=date(2024, 3, 8),
        precision="day", edtf="2024-03-08", place="范村镇",
    )  # fmt: skip
    plan = Event.objects.create(
        title="“十四五”期间科技特派员服务全覆盖", kind="service", start=date(2021, 1, 1), end=date(2025, 12, 31),
        precision="multi-year", edtf="2021/2025", place="晋中市",
    )  # fmt: skip
    winter = Event.objects.create(
        title="初冬时节果树管理技术培训", kind="training", start=date(2025, 11, 7), end=date(2025, 12, 6),
        precision="season", edtf="2025-11-07/2025-12-06", place="太谷区",
    )  # fmt: skip
    evidence = cite(festival, article, ARTICLE_TEXT[4 : ARTICLE_TEXT.index("开幕。") + 3])
    cite(signing, article, "开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元。")
    cite(service, article, "3月8日，送科技下乡活动在范村镇举行。")
    return {"article": article, "festival": festival, "evidence": evidence, "others": [plan, winter]}


@pytest.fixture
def page():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the sync Playwright API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="zh-CN")
        yield context.new_page()
        context.close()
        browser.close()


def test_timeline_filter_and_follow_evidence(page, live_server, seeded):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator("article.event").count() == 5
    assert (
        page.locator("figure.density svg rect").count() == 2
    )  # 2024-03 and 2025-11; 2021–2025 is year-level
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline.png"), full_page=True)

    page.select_option("select[name=kind]", "festival")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?kind=festival**")
    cards = page.locator("article.event")
    assert cards.count() == 1
    assert cards.first.locator("time").inner_text() == "2024年3月11日"
    assert page.locator("#feed-url").input_value() == live_server.url + "/calendar/festival.ics"

    cards.first.locator("blockquote.evidence footer a").click()
    page.wait_for_url(f"**/articles/{seeded['article'].pk}/#ev-{seeded['evidence'].pk}")
    mark = page.locator(f"mark#ev-{seeded['evidence'].pk}")
    assert mark.count() == 1
    assert mark.inner_text().startswith("3月")
    assert page.locator("div.article-text mark.evidence").count() >= 3
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    page.locator(f"mark#ev-{seeded['evidence'].pk} ~ a.ev-link").first.click()
    page.wait_for_url(f"**/events/{seeded['festival'].uid}/")
    assert page.locator("h1").inner_text() == "山西·太谷第二十一届科技节"


def test_timeline_fits_a_phone_screen(page, live_server, seeded):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/")

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0  # nothing wider than the screen: no sideways scrolling
    # The first screen shows events; the filters are folded under their heading, one tap away.
    assert not page.locator("form.filters").is_visible()
    assert page.locator("article.event").first.bounding_box()["y"] < 844
    page.screenshot(path=str(SCREENSHOTS / "timeline-phone.png"), full_page=True)
    page.locator("details.filter-fold > summary").click()
    assert page.locator("form.filters").is_visible()
