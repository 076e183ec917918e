"""Tests for the HTML pages: the timeline, the event page and the article page (Django's test client)."""

import json
import re
from datetime import date, time
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import views
from events.models import Article, Event, Evidence

pytestmark = pytest.mark.django_db

TEXT = "3月11日，科技节在金谷广场开幕。开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元。"


def make_event(title: str, start: date | None, end: date | None = None, **fields) -> Event:
    fields.setdefault("precision", Event.Precision.DAY)
    return Event.objects.create(title=title, start=start, end=end or start, **fields)


def cite(event: Event, article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence.objects.create(
        event=event, article=article, sentence=sentence, span_start=start, span_end=start + len(sentence)
    )


@pytest.fixture
def article() -> Article:
    return Article.objects.create(key="a1", title="太谷科技节", text=TEXT, published=date(2024, 3, 12))


@pytest.fixture
def timeline_events(article) -> dict[str, Event]:
    events = {
        "festival": make_event("科技节开幕", date(2024, 3, 11), kind="festival", place="太谷区金谷广场"),
        "service": make_event("送科技下乡", date(2024, 3, 8), kind="service", place="晋中市"),
        "year": make_event(
            "高企数量统计", date(2023, 1, 1), date(2023, 12, 31), precision="year", kind="other"
        ),
        "season": make_event(
            "初冬培训", date(2025, 11, 7), date(2025, 12, 6), precision="season", kind="training"
        ),
    }
    cite(events["festival"], article, "3月11日，科技节在金谷广场开幕。")
    return events


def titles(html: str) -> list[str]:
    return re.findall(r'<h4 id="ev-title-\d+"><a href="[^"]+">([^<]+)</a>', html)


def get(client, **params) -> str:
    response = client.get(reverse("timeline"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_timeline_groups_by_year_then_month_newest_first(client, timeline_events):
    html = get(client)

    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2025", "2024", "2023"]
    assert titles(html) == ["初冬培训", "科技节开幕", "送科技下乡", "高企数量统计"]
    assert re.findall(r"<h3>([^<]+)</h3>", html) == ["11月", "3月", "全年及跨年（只知年份或更粗）"]
    assert '<html lang="zh-CN">' in html


def test_timeline_order_toggle_shows_oldest_first(client, timeline_events):
    html = get(client, order="asc")

    assert titles(html) == ["高企数量统计", "送科技下乡", "科技节开幕", "初冬培训"]
    assert re.findall(r'<h2 id="year-(\d+)">', html) == ["2023", "2024", "2025"]
    assert '<input type="hidden" name="order" value="asc">' in html


def test_timeline_shows_date_label_badge_place_and_evidence_link(client, timeline_events, article):
    html = get(client, kind="festival")
    evidence = Evidence.objects.get()

    assert '<time datetime="2024-03-11"><strong>2024年3月11日</strong></time>' in html
    assert ">节会</span>" in html
    assert "太谷区金谷广场" in html
    assert f'href="/articles/{article.pk}/#ev-{evidence.pk}"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "festival"}, ["科技节开幕"]),
        ({"year": "2024"}, ["科技节开幕", "送科技下乡"]),
        ({"year": "2023"}, ["高企数量统计"]),
        ({"place": "金谷"}, ["科技节开幕"]),
        ({"q": "下乡"}, ["送科技下乡"]),
        ({"q": "广场开幕"}, ["科技节开幕"]),  # found in the evidence sentence
        ({"from": "2024-03-09", "to": "2024-12-31"}, ["科技节开幕"]),
        ({"precision": "season"}, ["初冬培训"]),
        ({"kind": "service", "year": "2024", "place": "晋中"}, ["送科技下乡"]),
    ],
    ids=["kind", "year", "year-coarse", "place", "q-title", "q-evidence", "from-to", "precision", "combined"],
)
def test_timeline_filters(client, timeline_events, params, expected):
    assert titles(get(client, **params)) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "bogus"}, "没有这种事件类型"),
        ({"year": "20x4"}, "年份应为四位数字"),
        ({"year": "²⁰²⁴"}, "年份应为四位数字"),
        ({"from": "2024-13-01"}, "起始日期无法识别"),
        ({"from": "2024-05-01", "to": "2024-01-01"}, "截止日期无法识别，或早于起始日期"),
        ({"precision": "hour"}, "没有这种日期精度"),
        ({"q": "字" * 201}, "文字条件太长"),
        ({"place": "a\x00b"}, "文字条件太长或含有无效字符"),
    ],
    ids=["kind", "year", "superscript-year", "from", "to-before-from", "precision", "long-q", "nul"],
)
def test_timeline_invalid_filter_is_a_friendly_message(client, timeline_events, params, message):
    html = get(client, **params)

    assert message in html
    assert "已忽略全部筛选条件" in html
    assert len(titles(html)) == 4  # everything, unfiltered


def test_timeline_paginates_fifty_events_and_keeps_filters_in_page_links(client):
    for day in range(1, 61):
        make_event(
            f"培训{day:02d}", date(2024, 1, 1) + (date(2024, 1, 2) - date(2024, 1, 1)) * day, kind="training"
        )
    make_event("会议", date(2024, 1, 5), kind="meeting")

    first = get(client, kind="training")
    second = get(client, kind="training", page="2")
    beyond = get(client, kind="training", page="99")

    assert len(titles(first)) == 50 and titles(first)[0] == "培训60"
    assert titles(second) == [f"培训{day:02d}" for day in range(10, 0, -1)]
    assert titles(beyond) == titles(second)  # an out-of-range page shows the last one
    assert 'href="?kind=training&amp;page=2" rel="next"' in first
    assert "第 1/2 页" in first


def test_timeline_past_the_offset_bound_goes_on_after_the_last_event_and_says_many(client, monkeypatch):
    from events.selectors import aggregates, timeline

    monkeypatch.setattr(timeline, "MAX_OFFSET", 50)
    monkeypatch.setattr(aggregates, "COUNT_BOUND", 100)
    for day in range(1, 131):
        make_event(f"培训{day:03d}", date(2024, 1, 1) + (date(2024, 1, 2) - date(2024, 1, 1)) * day)

    second = get(client, **{"from": "2024-01-01"}, page="2")
    [after] = re.findall(r'href="\?from=2024-01-01&amp;after=(\d+)" rel="next">更早的事件', second)
    third = get(client, **{"from": "2024-01-01"}, after=after)

    assert titles(second)[-1] == "培训031" and "有日期的事件很多（超过 100 个），第 2 页" in second
    assert titles(third) == [f"培训{day:03d}" for day in range(30, 0, -1)]
    assert "回到第一页" in third and 'rel="prev"' not in third


def test_timeline_empty_state(client):
    html = get(client)

    assert titles(html) == []
    assert "没有找到符合条件的事件" in html
    assert "还没有收录任何带日期的事件" in html


def test_timeline_empty_state_with_filters_offers_to_clear_them(client, timeline_events):
    html = get(client, q="不存在的词")

    assert "试试放宽筛选条件" in html


def test_timeline_lists_undated_events_separately_on_the_last_page(client, timeline_events):
    make_event("某未注明日期的活动", None, precision="vague")

    html = get(client)

    assert "某未注明日期的活动" not in titles(html)
    assert "未注明日期" in html and "某未注明日期的活动" in html


def test_timeline_hides_hidden_and_merged_events(client, timeline_events):
    Event.objects.filter(pk=timeline_events["service"].pk).update(status=Event.Status.HIDDEN)
    Event.objects.filter(pk=timeline_events["year"].pk).update(merged_into=timeline_events["festival"])

    assert titles(get(client)) == ["初冬培训", "科技节开幕"]


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(body)
        for body in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_timeline_json_ld_parses_with_the_right_dates(client, timeline_events):
    Event.objects.filter(pk=timeline_events["festival"].pk).update(
        time=time(9, 30), organizers={"hosts": ["太谷区人民政府"]}
    )

    items = {item["name"]: item for item in json_ld(get(client))}

    festival = items["科技节开幕"]
    assert (festival["@type"], festival["startDate"], festival["endDate"]) == (
        "Event",
        "2024-03-11T09:30+08:00",
        "2024-03-11",
    )
    assert festival["location"] == {"@type": "Place", "name": "太谷区金谷广场", "address": "太谷区金谷广场"}
    assert festival["organizer"] == [{"@type": "Organization", "name": "太谷区人民政府"}]
    assert festival["eventStatus"] == "https://schema.org/EventScheduled"
    assert festival["url"].endswith(f"/events/{timeline_events['festival'].uid}/")
    assert (items["高企数量统计"]["startDate"], items["高企数量统计"]["endDate"]) == ("2023", "2023")
    assert (items["初冬培训"]["startDate"], items["初冬培训"]["endDate"]) == ("2025-11-07", "2025-12-06")


def test_timeline_json_ld_cannot_close_its_script_element(client):
    make_event("</script><script>alert(1)</script>", date(2024, 3, 1))

    html = get(client)

    assert "<script>alert(1)" not in html
    assert [item["name"] for item in json_ld(html)] == ["</script><script>alert(1)</script>"]


def test_timeline_subscribe_links_carry_the_filters_as_the_canonical_feed_url(client, timeline_events):
    html = get(client, q="科技", kind="festival", year="2024", place="", order="asc")

    [https] = re.findall(r'id="feed-url" type="text" readonly value="([^"]+)"', html)
    [webcal] = re.findall(r'href="(webcal://[^"]+)"', html)
    [google] = re.findall(r'href="(https://calendar.google.com/calendar/r\?cid=[^"]+)"', html)
    https, webcal = https.replace("&amp;", "&"), webcal.replace("&amp;", "&")
    parts = urlsplit(https)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "testserver", "/calendar/festival.ics")
    assert parse_qsl(parts.query) == [("from", "2024-01-01"), ("to", "2024-12-31"), ("q", "科技")]
    assert webcal == "webcal://" + https.split("://", 1)[1]
    assert unquote(google.split("cid=", 1)[1]) == webcal
    assert "/" not in google.split("cid=", 1)[1]  # the whole webcal URL is percent-encoded
    assert "通常每几小时更新一次" in html


def test_timeline_subscribe_link_is_served_by_the_feed_without_a_redirect(client, timeline_events):
    html = get(client, kind="festival", place="金谷", year="2024")
    [https] = re.findall(r'id="feed-url" type="text" readonly value="([^"]+)"', html)
    [coarse] = re.findall(r'<a href="([^"]+)">含粗略日期的订阅地址</a>', html)

    for url in (https, coarse):
        parts = urlsplit(url.replace("&amp;", "&"))
        response = client.get(parts.path, dict(parse_qsl(parts.query)))
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/calendar")
    assert "coarse=1" in coarse


def test_timeline_subscribe_link_without_filters_is_the_bare_feed(client, timeline_events):
    html = get(client)

    assert 'value="http://testserver/calendar.ics"' in html
    assert 'href="webcal://testserver/calendar.ics"' in html


def test_timeline_density_chart_counts_months(client, timeline_events):
    html = get(client)

    assert "<title>2024年3月：2件</title>" in html
    assert "<title>2025年11月：1件</title>" in html
    assert "2023年共1件，其中1件只知年份或更粗" in html
    assert 'aria-label="各月事件数量图：2025年共1件，2024年共2件，2023年共1件"' in html


def test_event_page_lists_evidence_linked_to_the_article(client, timeline_events, article):
    event = timeline_events["festival"]
    evidence = Evidence.objects.get()

    response = client.get(reverse("event", args=[event.uid]))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/articles/{article.pk}/#ev-{evidence.pk}">在原文中查看：太谷科技节</a>' in html
    [item] = json_ld(html)
    assert (item["name"], item["description"]) == ("科技节开幕", "3月11日，科技节在金谷广场开幕。")


def test_event_page_404_for_unknown_and_hidden(client, timeline_events):
    Event.objects.filter(pk=timeline_events["service"].pk).update(status=Event.Status.HIDDEN)

    assert client.get(reverse("event", args=["nope"])).status_code == 404
    assert client.get(reverse("event", args=[timeline_events["service"].uid])).status_code == 404


def test_event_page_of_a_merged_event_redirects_to_the_survivor(client, timeline_events):
    Event.objects.filter(pk=timeline_events["service"].pk).update(merged_into=timeline_events["festival"])

    response = client.get(reverse("event", args=[timeline_events["service"].uid]))

    assert (response.status_code, response["Location"]) == (
        302,
        f"/events/{timeline_events['festival'].uid}/",
    )


def fake_mentions(*spans: tuple[int, int, str]):
    def article_mentions(*, article, start=0, end=None):
        return [{"span": [a, b], "edtf": edtf, "precision": "day"} for a, b, edtf in spans]

    return article_mentions


def test_article_page_marks_evidence_and_mentions_inside_it(client, monkeypatch, timeline_events, article):
    evidence = Evidence.objects.get()
    monkeypatch.setattr(views, "article_mentions", fake_mentions((0, 5, "2024-03-11")))

    response = client.get(reverse("article", args=[article.pk]))

    html = response.content.decode()
    event = timeline_events["festival"]
    assert response.status_code == 200
    assert (
        f'<mark class="evidence" id="ev-{evidence.pk}"><mark class="mention" title="2024-03-11 · day">3月11日</mark></mark>'
        f'<mark class="evidence">，科技节在金谷广场开幕。</mark>'
        f'<a class="ev-link" href="/events/{event.uid}/" title="科技节开幕" aria-label="科技节开幕">↗</a>开幕式上'
    ) in html
    # A PDF's line wrap beside Chinese text is joined, and copying the page copies no invisible characters
    assert "签约，总投资" in html and "签约，\n总投资" not in html and "\u200b" not in html


def test_article_page_mention_crossing_the_evidence_edge_is_split(
    client, monkeypatch, timeline_events, article
):
    evidence = Evidence.objects.get()
    end = evidence.span_end
    monkeypatch.setattr(views, "article_mentions", fake_mentions((end - 3, end + 2, "2024-03")))

    html = client.get(reverse("article", args=[article.pk])).content.decode()

    assert (
        '<mark class="evidence"><mark class="mention" title="2024-03 · day">开幕。</mark></mark>'
        '<a class="ev-link"'
    ) in html
    assert '↗</a><mark class="mention" title="2024-03 · day">开幕</mark>式上' in html


def test_article_page_escapes_text_and_skips_hidden_events(client, monkeypatch):
    text = "<script>alert('x')</script> 3月11日 & 开幕"
    article = Article.objects.create(key="x", title="<b>标题</b>", text=text, published=date(2024, 3, 12))
    shown = make_event("<i>事件</i>", date(2024, 3, 11))
    hidden = make_event("隐藏事件", date(2024, 3, 11), status=Event.Status.HIDDEN)
    cite(shown, article, "3月11日 & 开幕")
    cite(hidden, article, "<script>")
    monkeypatch.setattr(views, "article_mentions", fake_mentions((0, 8, "<x>")))

    html = client.get(reverse("article", args=[article.pk])).content.decode()

    assert "<script>alert" not in html
    assert '<mark class="mention" title="&lt;x&gt; · day">&lt;script&gt;</mark>' in html
    assert "3月11日 &amp; 开幕</mark>" in html
    assert "&lt;b&gt;标题&lt;/b&gt;" in html and "&lt;i&gt;事件&lt;/i&gt;" in html
    assert "隐藏事件" not in html
    assert html.count('<mark class="evidence" id=') == 1


def test_article_page_404_for_unknown(client):
    assert client.get("/articles/999999/").status_code == 404


def test_timeline_queries_do_not_grow_with_the_number_of_events(client, django_assert_max_num_queries):
    article = Article.objects.create(key="many", text="x" * 200, published=date(2024, 5, 1))
    for day in range(1, 41):
        event = make_event(f"活动{day}", date(2024, 1, 1) + (date(2024, 1, 2) - date(2024, 1, 1)) * day)
        Evidence.objects.create(event=event, article=article, sentence="x", span_start=day, span_end=day + 1)

    with django_assert_max_num_queries(
        8
    ):  # count, page, evidence+articles, years, density, undated, regions, upcoming
        html = get(client)

    assert len(titles(html)) == 40


def test_event_page_of_an_undated_event(client):
    event = make_event("某活动", None, precision="vague")

    html = client.get(reverse("event", args=[event.uid])).content.decode()

    assert "<strong>日期未知</strong>" in html
    [item] = json_ld(html)
    assert "startDate" not in item


def test_timeline_year_select_offers_event_years_and_keeps_a_chosen_empty_year(client, timeline_events):
    options = re.findall(r'<option value="(\d{4})"( selected)?>', get(client, year="2019"))

    assert options == [("2025", ""), ("2024", ""), ("2023", ""), ("2019", " selected")]


PARAM_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["2024", "2024-02-30", "festival", "day", "-1", "0", "9999", "asc", "1e3"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(["kind", "year", "from", "to", "place", "q", "precision", "source", "page", "order"]),
        PARAM_TEXT,
    )
)
def test_timeline_never_fails_on_any_query(client, timeline_events, params):
    assert client.get(reverse("timeline"), params).status_code == 200


def test_event_page_lists_each_source_article_once(client, timeline_events, article):
    event = timeline_events["festival"]
    cite(event, article, "开幕式上，共有 15 个项目成功签约，\n总投资 16.7亿元。")

    html = client.get(reverse("event", args=[event.uid])).content.decode()

    assert html.count("在原文中查看：") == 1
    assert "· 2处" in html
    assert html.count('<blockquote class="evidence"') == 2
    assert html.count(">科技节开幕</") == 1  # the page title, not repeated in the card


def test_article_page_marks_the_parsers_mentions(client, article):
    html = client.get(reverse("article", args=[article.pk])).content.decode()

    assert '<mark class="mention" title="2024-03-11 · day">3月11日</mark>' in html


def test_timeline_has_upcoming_box_today_marker_and_says_what_the_feed_holds(client):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_event

    today = timezone.localdate()
    make_event("明天的培训", start=today + timedelta(days=1))
    make_event("三年前的展览", start=today - timedelta(days=3 * 365))

    html = client.get("/").content.decode()

    upcoming = html[
        html.index('id="upcoming-title"') : html.index("</section>", html.index('id="upcoming-title"'))
    ]
    assert "明天的培训" in upcoming and "三年前的展览" not in upcoming
    marker = html.index('class="today-marker"')
    assert html.index('id="upcoming-title"') < html.rindex("明天的培训", 0, marker) < marker
    assert marker < html.index("三年前的展览", marker)
    window = (today - timedelta(days=365)).strftime("%Y年%-m月%-d日")
    assert f"这个订阅含 {window} 以后的事件" in html
    everything = f"/calendar.ics?from={today.year - 3}-01-01&amp;coarse=1"
    assert "包含全部事件的订阅地址" in html and everything in html
    assert '&lt;iframe src="http://testserver/embed/" title="科技日历"' in html


def test_timeline_upcoming_box_says_when_nothing_is_ahead(client):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_event

    assert 'id="upcoming-title"' not in client.get("/").content.decode()  # an empty store shows no box
    make_event("上个月的论坛", start=timezone.localdate() - timedelta(days=30))

    html = client.get("/").content.decode()

    box = html[
        html.index('id="upcoming-title"') : html.index("</section>", html.index('id="upcoming-title"'))
    ]
    assert "暂无已知在今天以后举行的活动" in box and "上个月的论坛" not in box


def test_timeline_subscribe_links_use_the_site_url_not_the_host_header(client, settings):
    settings.KEJICAL_SITE_URL = "https://kejical.example.cn"
    settings.ALLOWED_HOSTS = ["evil.example"]

    html = client.get("/", HTTP_HOST="evil.example").content.decode()

    assert 'href="webcal://kejical.example.cn/calendar.ics"' in html
    assert "evil.example" not in html


# --- a big article: lists never load its text, evidence is capped, its page comes in parts ---------

BIG_SENTENCE = "3月11日，科技节在金谷广场开幕。"


@pytest.fixture
def big_article() -> Article:
    """A 60,000-character article (three parts of the page) cited 40 times by one event."""
    text = (BIG_SENTENCE * 6000)[:60_000]
    article = Article.objects.create(key="big.txt", title="长文", text=text, published=date(2024, 3, 12))
    event = make_event("科技节开幕", date(2099, 3, 11), kind="festival")
    step = len(BIG_SENTENCE)
    for n in range(40):
        at = n * 1400 // step * step  # spread over all three parts, on sentence starts
        Evidence.objects.create(
            event=event, article=article, sentence=BIG_SENTENCE, span_start=at, span_end=at + step
        )
    return article


@pytest.mark.parametrize("path", ["/", "/api/events", "/calendar.ics", "/api/articles", "/events/{uid}/"])
def test_lists_and_event_pages_never_load_article_text(
    client, big_article, django_assert_max_num_queries, path
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    uid = Event.objects.get().uid
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path.format(uid=uid))

    assert response.status_code == 200
    columns = ('"events_article"."text"', '"events_mentionblock"."mentions"')
    loading_text = [q["sql"] for q in queries if any(c in q["sql"].split(" FROM ")[0] for c in columns)]
    assert loading_text == []


def test_timeline_card_fetches_one_evidence_and_counts_the_rest(client, big_article):
    html = get(client)

    assert html.count('<blockquote class="evidence"') == 1
    assert f'href="/events/{Event.objects.get().uid}/">另有39处出处</a>' in html


def test_event_page_quotes_at_most_page_evidence_and_says_how_many_more(client, big_article):
    html = client.get(reverse("event", args=[Event.objects.get().uid])).content.decode()

    assert html.count('<blockquote class="evidence"') == views.PAGE_EVIDENCE
    assert f"另有{40 - views.PAGE_EVIDENCE}处出处未列出" in html
    assert "· 40处" in html  # the source list still counts every piece of evidence


def test_long_evidence_sentence_is_cut_on_the_card(client, article):
    event = make_event("科技节开幕", date(2024, 3, 11))
    Evidence.objects.create(event=event, article=article, sentence="长" * 5000, span_start=0, span_end=5000)

    html = get(client)

    assert "长" * views.EVIDENCE_CHARS + "…" in html and "长" * (views.EVIDENCE_CHARS + 1) not in html


def test_article_page_shows_its_text_in_parts_with_evidence_in_its_part(client, big_article):
    last = Evidence.objects.order_by("-span_start").first()
    part = last.span_start // views.ARTICLE_PART_CHARS + 1
    event_html = client.get(reverse("event", args=[Event.objects.get().uid])).content.decode()

    first = client.get(reverse("article", args=[big_article.pk])).content.decode()
    third = client.get(reverse("article", args=[big_article.pk]), {"part": part}).content.decode()

    assert (part, "分 3 部分显示" in first) == (3, True)
    assert first.count("科技节在金谷广场开幕") <= views.ARTICLE_PART_CHARS // len(BIG_SENTENCE) + 1
    assert f'id="ev-{last.pk}"' in third and f'id="ev-{last.pk}"' not in first
    assert "?part=3#ev-" in event_html  # the source list links into the part holding the evidence
    assert 'rel="prev"' in third and 'rel="next"' not in third


def test_cached_pages_follow_every_write(client):
    event = make_event("科技节开幕", date(2024, 3, 11))
    url = reverse("event", args=[event.uid])
    assert "科技节开幕" in client.get(url).content.decode() and "科技节开幕" in get(client)

    Event.objects.filter(pk=event.pk).update(title="科技节开幕（改期）")
    assert "科技节开幕（改期）" in client.get(url).content.decode()
    assert "科技节开幕（改期）" in get(client)

    Event.objects.filter(pk=event.pk).update(status=Event.Status.HIDDEN)
    assert client.get(url).status_code == 404
    assert titles(get(client)) == []


def test_page_paths_are_what_reverse_gives_under_any_script_prefix(settings):
    from django.urls import set_script_prefix

    for prefix in ("/", "/kejical/"):
        set_script_prefix(prefix)
        try:
            paths = views.PagePaths.now()
            assert paths.event("3a90ef") == reverse("event", args=["3a90ef"])
            assert paths.event_ics("3a90ef") == reverse("event-ics", args=["3a90ef"])
            assert paths.article(10) == reverse("article", args=[10])
            assert paths.article(10).startswith(prefix)
        finally:
            set_script_prefix("/")


def test_timeline_cards_link_the_event_page_and_its_ics(client, timeline_events):
    html = get(client, kind="festival")
    uid = timeline_events["festival"].uid

    assert f'<a href="/events/{uid}/">科技节开幕</a>' in html
    assert f'<a href="/events/{uid}.ics" download>下载 .ics</a>' in html


def test_density_chart_numbers_are_never_localized(settings):
    """SVG coordinates stay numbers where a locale would group digits or use a decimal comma."""
    from django.template.loader import render_to_string
    from django.utils import translation

    settings.USE_THOUSAND_SEPARATOR = True
    chart = {"width": 12345, "height": 1000, "rows": [], "months": [{"month": 1, "x": 1234.5}], "omitted": 0}

    with translation.override("de"):  # would write 12.345 and 1.234,5
        html = render_to_string("events/_density.html", {"chart": chart})

    assert 'viewBox="0 0 12345 1000"' in html
    assert '<text x="1234.5" y="11">1月</text>' in html
