"""Curation in the Django admin: every change to events goes through events.services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Exists, OuterRef, QuerySet, Value
from django.db.models.functions import Replace
from django.forms import Textarea
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from events import selectors, services
from events.admin_cells import error_cell, event_date_label, highlight, shorten
from events.admin_filters import ArticleFilter, ConfidenceFilter, SourceFilter, YearFilter
from events.admin_queue import queue_from_admin
from events.admin_widgets import FiguresWidget, OrganizersWidget
from events.geography import region_for_code
from events.models import Article, Event, Evidence, FetchLog, Source


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False
    fields = ("article", "highlighted", "span_start", "span_end")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Evidence]:
        return super().get_queryset(request).select_related("article")

    @admin.display(description="句子（日期原文高亮）")
    def highlighted(self, evidence: Evidence) -> str:
        return highlight(evidence.sentence, evidence.date_text)

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"
        widgets = {"organizers": OrganizersWidget(), "figures": FiguresWidget()}

    def clean_adcode(self) -> str:
        code = (self.cleaned_data.get("adcode") or "").strip()
        if code and region_for_code(code) is None:
            raise forms.ValidationError(
                "未知的行政区划代码：请填写 6 位数字代码，如 140702（晋中市榆次区）。"
            )
        return code


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventForm
    list_display = ("title", "kind", "date_label", "place", "status", "confidence_percent", "curated", "lead")
    list_display_links = ("title",)
    list_filter = (
        "kind",
        "precision",
        "status",
        ConfidenceFilter,
        "province",
        YearFilter,
        SourceFilter,
        ArticleFilter,
    )
    list_select_related = ("lead_article",)
    list_per_page = 50
    search_fields = ("title", "place", "evidence__sentence")
    search_help_text = "按标题、地点或证据句子搜索"
    date_hierarchy = "start"
    formfield_overrides = {models.JSONField: {"widget": Textarea(attrs={"rows": 3, "cols": 60})}}
    inlines = [EvidenceInline]
    readonly_fields = (
        "region_label",
        "date_label",
        "reported_by",
        "uid",
        "sequence",
        "curated_fields",
        "match_key",
        "merged_into_link",
        "lead",
        "confidence",
        "reasons",
        "created",
        "updated",
    )
    fieldsets = (
        (None, {"fields": ("title", "kind", "status", "place", ("adcode", "region_label"), "reported_by")}),
        (
            "日期",
            {
                "fields": (
                    "date_label",
                    ("start", "end", "time", "end_time", "open_end"),
                    ("precision", "edtf"),
                ),
                "description": "改动开始、结束或精度而不填 EDTF 时，EDTF 会按日期和精度自动生成；"
                "只改精度时，日期会扩展到整月/整年。",
            },
        ),
        ("主办与数据", {"fields": ("organizers", "figures")}),
        (
            "记录",
            {
                "classes": ("collapse",),
                "fields": (
                    "curated_fields",
                    "merged_into_link",
                    "lead",
                    "confidence",
                    "reasons",
                    "uid",
                    "sequence",
                    "match_key",
                    "created",
                    "updated",
                ),
            },
        ),
    )
    actions = ["confirm", "hide", "unhide", "merge", "reingest"]

    @admin.display(description="日期", ordering="start")
    def date_label(self, event: Event) -> str:
        return event_date_label(event)

    @admin.display(description="报道媒体")
    def reported_by(self, event: Event) -> str:
        """The outlets that reported it, reposts included ("N 家媒体报道：…")."""
        if event.pk is None:
            return ""
        outlets = selectors.reporting_outlets(event)
        return f"{len(outlets)} 家媒体报道：" + "、".join(outlets) if outlets else ""

    @admin.display(description="置信度", ordering="confidence")
    def confidence_percent(self, event: Event) -> str:
        return f"{event.confidence:.0%}"

    @admin.display(description="所在地区")
    def region_label(self, event: Event) -> str:
        parts = [event.province, event.city if event.city != event.province else "", event.county]
        return " ".join(p for p in parts if p) or "未知"

    @admin.display(description="置信依据")
    def reasons(self, event: Event) -> str:
        reasons = event.confidence_reasons if isinstance(event.confidence_reasons, list) else []
        return "；".join(str(r) for r in reasons) or "—"

    @admin.display(description="人工修改", boolean=True)
    def curated(self, event: Event) -> bool:
        return bool(event.curated_fields)

    @admin.display(description="主要来源", ordering="lead_article__published")
    def lead(self, event: Event) -> str:
        article = event.lead_article
        if article is None:
            return "-"
        url = reverse("admin:events_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, shorten(str(article), 16))

    @admin.display(description="已合并到")
    def merged_into_link(self, event: Event) -> str:
        if event.merged_into_id is None:
            return "-"
        url = reverse("admin:events_event_change", args=[event.merged_into_id])
        return format_html('<a href="{}">{}</a>', url, event.merged_into)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Event], search_term: str
    ) -> tuple[QuerySet[Event], bool]:
        """The usual search, plus evidence that matches once the PDF's line breaks are taken out.

        Evidence keeps the article's own text, where "科技创新驱\n动" breaks a word; a curator types
        "科技创新驱动" as the page shows it.
        """
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = "".join(search_term.split())
        if not term:
            return found, duplicates
        text = models.TextField()
        joined = Replace(
            Replace("sentence", Value("\r", text), Value("", text), output_field=text),
            Value("\n", text),
            Value("", text),
            output_field=text,
        )
        broken = (
            Evidence.objects.filter(event=OuterRef("pk"))
            .annotate(joined=joined)
            .filter(joined__icontains=term)
        )
        return found | queryset.filter(Exists(broken)), duplicates

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        """Edits go through ``update_event_fields`` (fields become curated); status through the status services."""
        edited = [name for name in form.changed_data if name in Event.CURATABLE_FIELDS]
        if not change:
            if obj.start is not None and obj.end is None:  # one unit of the chosen precision
                obj.start, obj.end = services.unit_bounds(obj.start, obj.start, obj.precision)
            if not obj.edtf:
                obj.edtf = services.derive_edtf(
                    start=obj.start, end=obj.end, precision=obj.precision, open_end=obj.open_end
                )
            obj.curated_fields = sorted(name for name in Event.CURATABLE_FIELDS if name in form.changed_data)
            for name, value in services.region_fields_for_code(obj.adcode).items():
                setattr(obj, name, value)
            obj.save()
            return
        stored = Event.objects.get(pk=obj.pk)
        services.update_event_fields(event=stored, changes={name: getattr(obj, name) for name in edited})
        if "status" in form.changed_data:
            self._set_status(request, stored, obj.status)
        obj.refresh_from_db()  # the admin's "changed" message and history read what was really stored

    def _set_status(self, request: HttpRequest, event: Event, status: str) -> None:
        if event.merged_into_id is not None and status != Event.Status.HIDDEN:
            self.message_user(
                request,
                f"“{event.title}”已合并到另一事件，状态不能更改；请编辑合并后的事件。",
                messages.WARNING,
            )
        elif status == Event.Status.HIDDEN:
            services.hide_events(events=[event])
        elif status == Event.Status.CONFIRMED:
            services.confirm_events(events=[event])
        elif event.status == Event.Status.HIDDEN:
            services.unhide_events(events=[event])
        else:
            services.unconfirm_events(events=[event])

    def has_delete_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        """An event with evidence would come back at the next re-ingestion: curators hide it instead."""
        if obj is not None and obj.evidence.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # see has_delete_permission; "hide" is the bulk removal
        return actions

    @admin.action(description="确认所选事件")
    def confirm(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.confirm_events(events=queryset)
        self.message_user(request, f"已确认 {count} 个事件。", messages.SUCCESS)

    @admin.action(description="隐藏所选事件（订阅中显示为已取消）")
    def hide(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.hide_events(events=queryset)
        self.message_user(request, f"已隐藏 {count} 个事件。", messages.SUCCESS)

    @admin.action(description="取消隐藏所选事件")
    def unhide(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.unhide_events(events=queryset)
        skipped = queryset.filter(merged_into__isnull=False).count()
        note = f"（{skipped} 个已合并的事件不能取消隐藏）" if skipped else ""
        self.message_user(request, f"已取消隐藏 {count} 个事件。{note}", messages.SUCCESS)

    @admin.action(description="合并所选事件")
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(queryset.filter(merged_into__isnull=True))
        if len(events) < 2:
            self.message_user(request, "请至少选择两个未合并的事件进行合并。", messages.WARNING)
            return
        target = services.pick_merge_target(events)
        services.merge_events(target=target, others=events)
        self.message_user(request, f"已将 {len(events) - 1} 个事件合并到“{target.title}”。", messages.SUCCESS)

    @admin.action(description="重新解析所选事件的文章")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        queue_from_admin(
            self,
            request,
            lambda: services.request_event_reingest(events=queryset),
            "已安排重新解析 {count} 篇文章。",
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "source",
        "published",
        "published_how",
        "status",
        "events_link",
        "short_error",
    )
    list_filter = (
        "status",
        "published_how",
        "source",
        "gone",
        ("duplicate_of", admin.EmptyFieldListFilter),
        "parser_version",
    )
    list_select_related = ("source",)
    list_per_page = 50
    search_fields = ("key", "title", "text")
    search_help_text = "按键（路径或网址）、标题或正文搜索"
    date_hierarchy = "published"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (
        "status",
        "error",
        "events_link",
        "content_hash",
        "parser_version",
        "encoding",
        "note",
        "created",
        "updated",
        "ingested",
        "duplicate_of",
        "gone",
        "fetched",
    )
    fieldsets = (
        (None, {"fields": ("status", "error", "events_link", ("duplicate_of", "gone", "fetched"))}),
        (
            "文章",
            {"fields": ("key", "title", "url", "source", ("published", "published_how"), "note", "text")},
        ),
        (
            "解析记录",
            {
                "classes": ("collapse",),
                "fields": ("encoding", "content_hash", "parser_version", "created", "updated", "ingested"),
            },
        ),
    )
    actions = ["reingest"]

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        services.delete_articles(articles=[obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        services.delete_articles(articles=queryset)

    @admin.display(description="事件数", ordering="events_found")
    def events_link(self, article: Article) -> str:
        url = reverse("admin:events_event_changelist") + f"?article={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.events_found)

    @admin.display(description="错误")
    def short_error(self, article: Article) -> str:
        return error_cell(article.error, 30)

    @admin.action(description="重新解析所选文章")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        queue_from_admin(
            self,
            request,
            lambda: services.request_article_reingest(articles=queryset),
            "已安排重新解析 {count} 篇文章。",
        )


class SourceForm(forms.ModelForm):
    """A file or folder source must lie under KEJICAL_SOURCE_ROOT; its location is stored relative to it."""

    class Meta:
        model = Source
        fields = "__all__"

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") not in services.FILE_KINDS:
            return data
        try:
            data["location"] = services.normalize_location(data.get("location") or "")
        except services.OutsideRootError:
            self.add_error(
                "location", "位置必须在来源根目录（KEJICAL_SOURCE_ROOT）之内；符号链接按其指向的位置判断。"
            )
        except services.IngestError:
            self.add_error(
                "kind", "未设置 KEJICAL_SOURCE_ROOT：文件和文件夹来源只能用命令行 manage.py ingest 读取。"
            )
        return data


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = (
        "name",
        "kind",
        "location",
        "active",
        "health",
        "last_success",
        "consecutive_failures",
        "last_run_counts",
        "article_count",
        "next_fetch",
        "short_error",
    )
    list_filter = ("kind", "active", "last_status")
    search_fields = ("name", "location", "outlet")
    fields = (
        ("name", "kind"),
        "location",
        ("outlet", "region"),
        ("active", "fetch_interval", "next_fetch"),
        ("last_run", "last_success", "last_status", "consecutive_failures"),
        "last_counts",
        "last_error",
        "fetch_log",
    )
    readonly_fields = (
        "fetch_log",
        "last_run",
        "last_success",
        "last_status",
        "consecutive_failures",
        "last_counts",
        "last_error",
    )
    actions = ["fetch_now", "pause", "resume", "reingest"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="文章数", ordering="article_total")
    def article_count(self, source: Source) -> str:
        url = reverse("admin:events_article_changelist") + f"?source__id__exact={source.pk}"
        return format_html('<a href="{}">{}</a>', url, source.article_total)

    @admin.display(description="状态", ordering="last_status")
    def health(self, source: Source) -> str:
        """Healthy, or unhealthy with the number of failed runs in a row; a paused source says so."""
        if not source.active:
            return "已暂停"
        if source.consecutive_failures:
            return format_html(
                '<strong style="color:#ba2121">异常（连续失败 {} 次）</strong>', source.consecutive_failures
            )
        return source.get_last_status_display()

    @admin.display(description="抓取记录（最近 50 次）")
    def fetch_log(self, source: Source) -> str:
        """The last runs as a read-only table (a table, not an inline: nothing here is edited)."""
        if source.pk is None:
            return "暂无"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td style='white-space:pre-wrap'>{}</td></tr>",
            (
                (
                    f"{log.started:%Y-%m-%d %H:%M:%S}",
                    log.get_status_display(),
                    " ".join(f"{k}:{v}" for k, v in log.counts.items()),
                    log.pages,
                    log.not_modified,
                    log.message,
                )
                for log in FetchLog.objects.filter(source=source)[:50]
            ),
        )
        head = "<tr><th>开始</th><th>结果</th><th>文章</th><th>请求</th><th>304</th><th>问题</th></tr>"
        return format_html("<table>{}{}</table>", mark_safe(head), rows) if rows else "暂无"

    @admin.display(description="上次文章数")
    def last_run_counts(self, source: Source) -> str:
        labels = (
            ("new", "新增"),
            ("changed", "变化"),
            ("unchanged", "未变"),
            ("failed", "失败"),
            ("gone", "已删"),
        )
        return " ".join(
            f"{label}{source.last_counts[key]}" for key, label in labels if source.last_counts.get(key)
        )

    @admin.display(description="上次错误")
    def short_error(self, source: Source) -> str:
        return error_cell(source.last_error, 80)

    @admin.action(description="立即抓取所选来源")
    def fetch_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        web = queryset.filter(kind__in=Source.WEB_KINDS)
        web.update(next_fetch=None)
        queue_from_admin(
            self,
            request,
            lambda: services.request_source_ingest(sources=web),
            "已安排抓取 {count} 个网络来源。",
        )

    @admin.action(description="暂停所选来源")
    def pause(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        count = queryset.update(active=False)
        self.message_user(request, f"已暂停 {count} 个来源，不再自动抓取。", messages.SUCCESS)

    @admin.action(description="恢复所选来源")
    def resume(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        # A source marked gone, or waiting out a back-off, is tried again at the next beat tick.
        count = queryset.update(active=True, next_fetch=None, last_status=Source.LastStatus.NEVER)
        self.message_user(request, f"已恢复 {count} 个来源，将尽快抓取。", messages.SUCCESS)

    @admin.action(description="重新读取所选来源")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        queue_from_admin(
            self,
            request,
            lambda: services.request_source_ingest(sources=queryset),
            "已安排重新读取 {count} 个来源。",
        )
