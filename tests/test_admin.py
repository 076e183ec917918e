"""The curation admin, through Django's test client as a superuser: pages, search, filters, actions, edits."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from events.admin_cells import highlight
from events.models import Article, Event, Evidence, Source
from events.services import ingest_article
from tests.services.candidates import use_candidates, use_line_candidates

pytestmark = pytest.mark.django_db

TEXT = (
    "科技节报道\n"
    "@fest festival 科技节开幕 2024-03-11 金谷广场\n"
    "@sign signing 项目集中签约 2024-03-11 金谷广场\n"
    "@farm service 测土配肥 2023-03-08 东贾村\n"
)


@pytest.fixture
def stored(monkeypatch) -> Article:
    use_line_candidates(monkeypatch)
    source = Source.objects.create(name="种子", kind=Source.Kind.FOLDER, location="/tmp/seeds")
    return ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12), source=source).article


@pytest.fixture
def client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def changelist(model: str) -> str:
    return reverse(f"admin:events_{model}_changelist")


def titles(response) -> list[str]:
    return sorted(e.title for e in response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["测土配肥", "科技节开幕", "项目集中签约"]),
        ({"q": "签约"}, ["项目集中签约"]),
        ({"q": "东贾村"}, ["测土配肥"]),
        ({"q": "@fest"}, ["科技节开幕"]),  # evidence sentence
        ({"kind": "festival"}, ["科技节开幕"]),
        ({"precision": "day"}, ["测土配肥", "科技节开幕", "项目集中签约"]),
        ({"status": "hidden"}, []),
        ({"year": "2023"}, ["测土配肥"]),
        ({"year": "²"}, ["测土配肥", "科技节开幕", "项目集中签约"]),  # not a year: the filter is off
        ({"start__year": "2024"}, ["科技节开幕", "项目集中签约"]),
    ],
    ids=[
        "all",
        "search-title",
        "search-place",
        "search-evidence",
        "kind",
        "precision",
        "status",
        "year",
        "year-not-ascii",
        "hierarchy",
    ],
)
def test_event_admin_changelist_search_and_filters(client, stored, query, expected):
    response = client.get(changelist("event"), query)

    assert response.status_code == 200
    assert titles(response) == expected


def test_event_admin_source_filter(client, stored):
    other = Source.objects.create(name="别的", kind=Source.Kind.URL, location="http://example.invalid/")

    mine = client.get(changelist("event"), {"source": Source.objects.get(name="种子").pk})
    theirs = client.get(changelist("event"), {"source": other.pk})

    assert (len(titles(mine)), titles(theirs)) == (3, [])


def test_event_admin_change_page_highlights_date_text(client, stored):
    event = Event.objects.get(match_key="fest")

    response = client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    assert "<mark>2024-03-11</mark>" in response.content.decode()


def test_highlight_escapes_html():
    assert highlight("<b>3月8日</b>开展", "3月8日") == "&lt;b&gt;<mark>3月8日</mark>&lt;/b&gt;开展"


def action(client, name: str, events: list[Event]):
    return client.post(
        changelist("event"),
        {"action": name, helpers.ACTION_CHECKBOX_NAME: [e.pk for e in events]},
        follow=True,
    )


def test_event_admin_confirm_and_hide_actions(client, stored):
    fest, farm = Event.objects.get(match_key="fest"), Event.objects.get(match_key="farm")

    assert action(client, "confirm", [fest]).status_code == 200
    assert action(client, "hide", [farm]).status_code == 200

    fest.refresh_from_db()
    farm.refresh_from_db()
    assert (fest.status, farm.status, farm.sequence) == ("confirmed", "hidden", 1)


def test_event_admin_merge_action(client, stored):
    fest, sign = Event.objects.get(match_key="fest"), Event.objects.get(match_key="sign")
    Event.objects.filter(pk=sign.pk).update(confidence=0.9)

    action(client, "merge", [fest, sign])

    fest.refresh_from_db()
    assert (fest.merged_into_id, fest.status) == (sign.pk, "hidden")
    assert sorted(Evidence.objects.filter(event=sign).values_list("span_start", flat=True)) == [
        TEXT.index("@fest"),
        TEXT.index("@sign"),
    ]


def test_event_admin_reingest_action_runs_task(
    client, stored, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i9")

    with django_capture_on_commit_callbacks(execute=True):
        action(client, "reingest", [Event.objects.get(match_key="fest")])

    assert Article.objects.get().parser_version == "i9"


def change_form(client, event: Event, **changes) -> dict:
    """The event's change form as the browser would post it, with ``changes`` applied."""
    url = reverse("admin:events_event_change", args=[event.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) for name in form.fields}
    data.update({"organizers": "{}", "figures": "{}", "time": ""})
    evidence = list(event.evidence.all())
    data.update({"evidence-TOTAL_FORMS": str(len(evidence)), "evidence-INITIAL_FORMS": str(len(evidence))})
    for i, ev in enumerate(evidence):
        data.update({f"evidence-{i}-id": str(ev.pk), f"evidence-{i}-event": str(event.pk)})
    data.update(changes)
    return {k: ("" if v is None else v) for k, v in data.items() if v is not False}


def post_change(client, event: Event, **changes):
    url = reverse("admin:events_event_change", args=[event.pk])
    response = client.post(url, change_form(client, event, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    return response


def test_event_admin_edit_marks_curated_and_survives_reingest(client, stored):
    event = Event.objects.get(match_key="fest")

    post_change(client, event, title="第二十一届科技节")

    event.refresh_from_db()
    assert (event.title, event.curated_fields, event.sequence) == ("第二十一届科技节", ["title"], 1)
    ingest_article(
        key="a.txt", text=TEXT.replace("科技节开幕", "科技节盛大开幕"), published=date(2024, 3, 12)
    )
    event.refresh_from_db()
    assert event.title == "第二十一届科技节"


def test_event_admin_day_to_month_keeps_edtf_consistent_across_reingest(client, stored):
    event = Event.objects.get(match_key="fest")

    post_change(client, event, precision="month")

    event.refresh_from_db()
    assert (event.start, event.end, event.edtf) == (date(2024, 3, 1), date(2024, 3, 31), "2024-03")
    ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12), force=True)
    event.refresh_from_db()
    assert (event.start, event.end, event.precision, event.edtf) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        "month",
        "2024-03",
    )
    assert "2024年3月" in client.get(changelist("event"), {"q": event.title}).content.decode()


def test_event_admin_new_day_derives_edtf(client, stored):
    event = Event.objects.get(match_key="farm")

    post_change(client, event, start="2023-03-09", end="2023-03-10")

    event.refresh_from_db()
    assert (event.edtf, sorted(event.curated_fields)) == ("2023-03-09/2023-03-10", ["edtf", "end", "start"])


def test_event_admin_end_before_start_is_a_form_error(client, stored):
    event = Event.objects.get(match_key="farm")
    url = reverse("admin:events_event_change", args=[event.pk])

    response = client.post(url, change_form(client, event, start="2023-03-09"))

    assert response.status_code == 200
    assert "结束日期不能早于开始日期。" in response.content.decode()
    event.refresh_from_db()
    assert event.start == date(2023, 3, 8)


def test_event_admin_unhide_through_status_and_action(client, stored):
    fest, farm = Event.objects.get(match_key="fest"), Event.objects.get(match_key="farm")
    action(client, "hide", [fest, farm])

    post_change(client, Event.objects.get(pk=fest.pk), status="auto")
    action(client, "unhide", [farm])

    fest.refresh_from_db()
    farm.refresh_from_db()
    assert (fest.status, fest.sequence, farm.status, farm.sequence) == ("auto", 2, "auto", 2)
    assert titles(client.get(changelist("event"), {"status": "hidden"})) == []


def test_event_admin_merged_event_cannot_be_unhidden(client, stored):
    fest, sign = Event.objects.get(match_key="fest"), Event.objects.get(match_key="sign")
    action(client, "merge", [fest, sign])
    merged = Event.objects.get(merged_into__isnull=False)

    response = client.post(
        reverse("admin:events_event_change", args=[merged.pk]),
        change_form(client, merged, status="confirmed"),
        follow=True,
    )

    assert "已合并到另一事件" in response.content.decode()
    merged.refresh_from_db()
    assert merged.status == "hidden"


def test_event_admin_merge_across_articles_then_reingest_both(client, stored):
    other = "农机展报道\n@expo exhibition 新型农机具展示展销 2024-03-11 金谷广场\n"
    ingest_article(key="b.txt", text=other, published=date(2024, 3, 12))
    fest, expo = Event.objects.get(match_key="fest"), Event.objects.get(match_key="expo")
    post_change(client, fest, title="第二十一届科技节")
    action(client, "confirm", [fest])

    action(client, "merge", [fest, expo])
    for key, text in (("a.txt", TEXT), ("b.txt", other)):
        ingest_article(key=key, text=text, published=date(2024, 3, 12), force=True)

    fest, expo = Event.objects.get(pk=fest.pk), Event.objects.get(pk=expo.pk)
    assert (fest.title, fest.status, expo.merged_into_id, expo.status) == (
        "第二十一届科技节",
        "confirmed",
        fest.pk,
        "hidden",
    )
    assert sorted(fest.evidence.values_list("article__key", flat=True)) == ["a.txt", "b.txt"]
    assert Event.objects.count() == 4


def test_article_and_source_admin_pages_and_actions(
    client, stored, monkeypatch, django_capture_on_commit_callbacks
):
    assert client.get(changelist("article"), {"status": "ok", "published_how": "given"}).status_code == 200
    assert client.get(reverse("admin:events_article_change", args=[stored.pk])).status_code == 200
    assert client.get(changelist("source"), {"active__exact": "1"}).status_code == 200
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i8")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist("article"), {"action": "reingest", helpers.ACTION_CHECKBOX_NAME: [stored.pk]})

    assert Article.objects.get().parser_version == "i8"


def test_source_admin_reingest_action_records_last_run(
    client, stored, tmp_path, django_capture_on_commit_callbacks, settings
):
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    (tmp_path / "b.txt").write_text(TEXT.replace("@", "@b"), encoding="utf-8")
    source = Source.objects.create(name="临时", kind=Source.Kind.FOLDER, location=str(tmp_path))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist("source"), {"action": "reingest", helpers.ACTION_CHECKBOX_NAME: [source.pk]})

    source.refresh_from_db()
    assert source.last_run is not None
    assert Article.objects.filter(source=source).count() == 1


def many_events(count: int) -> None:
    """``count`` events, each from its own article of one of three sources, with two evidence rows each."""
    sources = [Source.objects.create(name=f"来源{i}", location=f"/tmp/s{i}") for i in range(3)]
    for i in range(count):
        lines = "".join(
            f"@e{i}x{j} {kind} 活动{i}{kind} 2024-0{1 + j}-{10 + i % 18} 地点{i}\n"
            for j, kind in enumerate(("festival", "training"))
        )
        ingest_article(
            key=f"m{i}.txt", text=f"报道{i}\n" + lines, published=date(2024, 3, 12), source=sources[i % 3]
        )


@pytest.mark.parametrize("count", [2, 30])
def test_admin_changelists_make_no_query_per_row(client, stored, django_assert_max_num_queries, count):
    many_events(count)
    Article.objects.filter(key="m0.txt").update(status="failed", error="ValueError: boom")

    for model, bound in (("event", 10), ("article", 10), ("source", 6)):
        with django_assert_max_num_queries(bound):
            assert client.get(changelist(model)).status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_event_admin_change_page_queries_do_not_grow_with_evidence(
    client, stored, django_assert_max_num_queries, count
):
    event = Event.objects.get(match_key="fest")
    for i in range(count):
        article = ingest_article(
            key=f"r{i}.txt", text=f"报道{i}\n科技节开幕 2024-03-11\n", published=date(2024, 3, 12)
        ).article
        Evidence.objects.create(event=event, article=article, sentence="科技节开幕", span_start=4, span_end=9)

    with django_assert_max_num_queries(8):
        assert client.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200


def test_article_admin_failing_article_shows_its_error(client, stored, monkeypatch):
    def crash(text, ref):
        raise RuntimeError("extractor crashed on this page")

    use_candidates(monkeypatch, crash)
    failed = ingest_article(key="bad.txt", text="坏文章\n", published=date(2024, 3, 12)).article

    listing = client.get(changelist("article"), {"status": "failed"})
    page = client.get(reverse("admin:events_article_change", args=[failed.pk])).content.decode()

    assert [a.key for a in listing.context["cl"].result_list] == ["bad.txt"]
    assert "RuntimeError: extractor crashed" in listing.content.decode()
    assert "RuntimeError: extractor crashed on this page" in page and "失败" in page


def test_article_admin_links_to_its_events(client, stored):
    other = ingest_article(
        key="b.txt", text="别的\n@expo exhibition 农机展 2024-03-11\n", published=date(2024, 3, 12)
    )

    listing = client.get(changelist("article")).content.decode()
    response = client.get(changelist("event"), {"article": other.article.pk})

    assert f'href="{changelist("event")}?article={stored.pk}">3</a>' in listing
    assert titles(response) == ["农机展"]


def test_source_admin_counts_articles_and_shows_last_run(client, stored, tmp_path, settings):
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    from django.core.management import CommandError, call_command

    (tmp_path / "b.txt").write_text(TEXT.replace("@", "@b"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="1 篇文章失败"):  # empty.txt: the run partly failed
        call_command("ingest", str(tmp_path), "--source", "命令行", stdout=StringIO(), stderr=StringIO())

    response = client.get(changelist("source"))

    cli = Source.objects.get(name="命令行")
    assert cli.last_run is not None and "empty.txt: empty file" in cli.last_error
    rows = {s.name: s.article_total for s in response.context["cl"].result_list}
    assert rows == {"命令行": 1, "种子": 1}
    assert f'title="{tmp_path / "empty.txt"}: empty file"' in response.content.decode()  # the whole error


def test_article_admin_delete_takes_its_own_auto_events_along(client, stored):
    ingest_article(
        key="b.txt", text="别的\n@f2 festival 科技节开幕 2024-03-11\n", published=date(2024, 3, 12)
    )
    action(client, "confirm", [Event.objects.get(match_key="farm")])

    response = client.post(
        changelist("article"),
        {"action": "delete_selected", helpers.ACTION_CHECKBOX_NAME: [stored.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert sorted(Event.objects.values_list("match_key", flat=True)) == ["farm", "fest"]
    assert list(Event.objects.get(match_key="fest").evidence.values_list("article__key", flat=True)) == [
        "b.txt"
    ]


def test_event_admin_refuses_to_delete_events_with_evidence(client, stored):
    event = Event.objects.get(match_key="fest")
    manual = Event.objects.create(
        title="手工添加", start=date(2024, 5, 1), end=date(2024, 5, 1), edtf="2024-05-01"
    )

    refused = client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    allowed = client.post(reverse("admin:events_event_delete", args=[manual.pk]), {"post": "yes"})

    assert (refused.status_code, allowed.status_code) == (403, 302)
    assert list(Event.objects.filter(pk__in=[event.pk, manual.pk]).values_list("pk", flat=True)) == [event.pk]
    assert "delete_selected" not in client.get(changelist("event")).content.decode()


def test_event_admin_add_derives_edtf_and_end(client, stored):
    response = client.post(
        reverse("admin:events_event_add"),
        {
            "title": "科普讲座",
            "kind": "training",
            "status": "auto",
            "start": "2024-05-01",
            "precision": "month",
            "organizers": "{}",
            "figures": "{}",
            "evidence-TOTAL_FORMS": "0",
            "evidence-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = Event.objects.get(title="科普讲座")
    assert (event.start, event.end, event.edtf) == (date(2024, 5, 1), date(2024, 5, 31), "2024-05")


def test_event_admin_search_finds_evidence_across_pdf_line_breaks(client, stored):
    text = "报道\n@expo exhibition 新型农机具展示展销 2024-03-11 金谷广场\n"
    article = ingest_article(key="b.txt", text=text, published=date(2024, 3, 12)).article
    Evidence.objects.filter(article=article).update(sentence="新型农机\n具展示展销在金谷广场举行")

    response = client.get(changelist("event"), {"q": "新型农机具展示"})

    assert titles(response) == ["新型农机具展示展销"]
    assert titles(client.get(changelist("event"), {"q": "签约"})) == ["项目集中签约"]


def test_event_admin_sets_region_by_adcode_and_refuses_unknown_codes(client, stored):
    event = Event.objects.get(match_key="fest")
    url = reverse("admin:events_event_change", args=[event.pk])

    bad = client.post(url, change_form(client, event, adcode="999999"))
    assert "未知的行政区划代码" in bad.content.decode()
    post_change(client, event, adcode="140727")

    event.refresh_from_db()
    assert (event.adcode, event.county, event.curated_fields) == ("140727", "祁县", ["adcode"])
    ingest_article(key="a.txt", text=TEXT, published=date(2024, 3, 12), force=True)
    event.refresh_from_db()
    assert (event.adcode, event.county) == ("140727", "祁县")


@pytest.mark.django_db
def test_source_admin_health_and_fetch_pause_resume_actions(
    client, web, allow_private, django_capture_on_commit_callbacks
):
    from tests.services.news_site import serve_news_site

    serve_news_site(web)
    source = Source.objects.create(name="订阅", kind=Source.Kind.FEED, location=web.url("/feed.xml"))
    web.pages["/feed.xml"].status = 500

    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist("source"), {"action": "fetch_now", helpers.ACTION_CHECKBOX_NAME: [source.pk]})
    unhealthy = client.get(changelist("source")).content.decode()
    client.post(changelist("source"), {"action": "pause", helpers.ACTION_CHECKBOX_NAME: [source.pk]})
    paused = Source.objects.get().active
    client.post(changelist("source"), {"action": "resume", helpers.ACTION_CHECKBOX_NAME: [source.pk]})
    detail = client.get(reverse("admin:events_source_change", args=[source.pk])).content.decode()

    source.refresh_from_db()
    assert "异常（连续失败 1 次）" in unhealthy
    assert (paused, source.active, source.next_fetch, source.consecutive_failures) == (False, True, None, 1)
    assert "抓取记录" in detail and "网站出错（HTTP 500）" in detail


# --- the task queue seen from the admin ---------------------------------------------------------

BROKER_DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def broker_down(settings):
    from django.core.cache import cache

    settings.CELERY_BROKER_URL = BROKER_DOWN
    cache.clear()  # the banner's warnings are cached for a few seconds
    yield
    cache.clear()


def test_admin_pages_say_when_the_broker_is_down(client, stored, broker_down):
    for url in (reverse("admin:index"), changelist("article")):
        response = client.get(url)

        assert response.status_code == 200
        assert "任务队列（redis://127.0.0.1:1/0）无法连接：ConnectionError" in response.content.decode()


def test_admin_banner_is_absent_when_tasks_run_in_process(client, stored, settings):
    settings.CELERY_BROKER_URL = ""

    assert "任务队列" not in client.get(reverse("admin:index")).content.decode()


def test_admin_reingest_with_broker_down_says_nothing_was_queued(client, stored, broker_down, monkeypatch):
    monkeypatch.setattr("events.services.ingest.PARSER_VERSION", "i9")

    response = action(client, "reingest", [Event.objects.get(match_key="fest")])

    messages = [str(m) for m in response.context["messages"]]
    assert response.status_code == 200
    assert messages == [
        "任务队列（redis://127.0.0.1:1/0）无法连接：ConnectionError。未安排任何任务，请稍后再试。"
    ]
    assert Article.objects.get().parser_version != "i9"


@pytest.mark.django_db(transaction=True)  # autocommit, as in production: the action's commit sends
def test_admin_reingest_when_publishing_fails_says_so(client, stored, monkeypatch):
    import kombu.exceptions

    from events import tasks

    def refuse(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.ingest_articles_task, "delay", refuse)

    response = action(client, "reingest", [Event.objects.get(match_key="fest")])

    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["任务队列无法连接（OperationalError），未能安排全部任务，请稍后再试。"]


@pytest.mark.parametrize(
    ("root", "location", "field"),
    [(None, "news", "kind"), ("{tmp}/root", "/etc", "location"), ("{tmp}/root", "../x", "location")],
    ids=["no-root", "absolute-outside", "dotdot"],
)
def test_source_admin_refuses_file_sources_outside_the_root(
    client, settings, tmp_path, root, location, field
):
    settings.KEJICAL_SOURCE_ROOT = root.format(tmp=tmp_path) if root else None
    (tmp_path / "root").mkdir()

    response = client.post(
        reverse("admin:events_source_add"),
        {
            "name": "越界",
            "kind": "folder",
            "location": location,
            "active": "on",
            "fetch_interval": "01:00:00",
        },
    )

    assert response.status_code == 200  # the form again, with the error
    assert list(response.context["adminform"].form.errors) == [field]
    assert not Source.objects.filter(name="越界").exists()


def test_source_admin_stores_a_file_source_relative_to_the_root(client, settings, tmp_path):
    settings.KEJICAL_SOURCE_ROOT = str(tmp_path)
    (tmp_path / "news").mkdir()

    client.post(
        reverse("admin:events_source_add"),
        {
            "name": "本地",
            "kind": "folder",
            "location": str(tmp_path / "news"),
            "active": "on",
            "fetch_interval": "01:00:00",
        },
    )

    assert Source.objects.get(name="本地").location == "news"


def test_admin_speaks_chinese_and_lists_curators_models_first(client, stored):
    html = client.get(reverse("admin:index")).content.decode()

    assert "<title>内容管理 | 科技日历管理</title>" in html
    assert "科技日历 · 管理" in html
    order = [
        html.index(name)
        for name in ("/admin/events/event/", "/admin/events/article/", "/admin/events/source/")
    ]
    assert order == sorted(order)
    assert html.index("/admin/events/source/") < html.index("/admin/auth/")
    assert html.index("/admin/auth/") < html.index("/admin/django_celery_beat/")


def test_event_admin_edits_organizers_and_figures_in_labelled_fields(client, stored):
    event = Event.objects.get(match_key="fest")
    url = reverse("admin:events_event_change", args=[event.pk])
    page = client.get(url).content.decode()
    assert "主办：<input" in page and "参展单位（家）：<input" in page

    data = change_form(client, event)
    data.update(
        {
            "organizers__hosts": "太谷区人民政府、山西农业大学",
            "organizers__co_organizers": "",
            "organizers__undertakers": "",
            "organizers__extra": "{}",
            "figures__exhibitors": "131",
            "figures__investment_yuan": "1,670,000,000",
            "figures__extra": '{"custom": 5}',
        }
    )
    data = {k: v for k, v in data.items() if k not in ("organizers", "figures")}
    response = client.post(url, data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.organizers == {"hosts": ["太谷区人民政府", "山西农业大学"]}
    assert event.figures == {"custom": 5, "exhibitors": 131, "investment_yuan": 1670000000}
    assert event.curated_fields == ["figures", "organizers"]


def test_event_admin_confidence_bands_and_reasons(client):
    text = (
        "3月11日（周一），第五届科技节在金谷广场开幕。\n开幕式上，12个项目集中签约。\n第五届科技节为期三天。"
    )
    ingest_article(key="c.txt", text=text, published=date(2024, 3, 12))
    festival = Event.objects.get(kind="festival")
    signing = Event.objects.get(kind="signing")

    bands = {
        band: titles(client.get(changelist("event"), {"confidence": band}))
        for band in ("high", "middle", "low")
    }
    page = client.get(reverse("admin:events_event_change", args=[festival.pk])).content.decode()

    assert festival.confidence > signing.confidence
    assert festival.confidence_reasons == [
        "本句给出日期，精确到日",
        "星期或农历与日期相符",
        "事件词明确",
        "文中2处提及",
    ]
    assert signing.confidence_reasons[0] == "日期由上下文推断（开幕式上）"
    assert sorted(bands["high"] + bands["middle"] + bands["low"]) == sorted([festival.title, signing.title])
    assert festival.title in bands["high"]
    assert "星期或农历与日期相符" in page


@pytest.mark.django_db
def test_article_admin_shows_duplicates_and_gone_pages(client):
    original = Article.objects.create(key="http://a.example.cn/1.htm", title="原文", status="ok")
    Article.objects.create(
        key="http://b.example.cn/9.htm", title="转载", status="ok", duplicate_of=original, gone=True
    )

    reposts = client.get(changelist("article"), {"duplicate_of__isempty": "0"})
    gone = client.get(changelist("article"), {"gone__exact": "1"})
    detail = client.get(reverse("admin:events_article_change", args=[original.duplicates.get().pk]))

    assert (titles(reposts), titles(gone)) == (["转载"], ["转载"])
    assert "重复于" in detail.content.decode() and "原文" in detail.content.decode()
