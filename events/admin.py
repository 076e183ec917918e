"""Curation in the Django admin: every change to events goes through events.services."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.utils.html import format_html

from events import services
from events.models import Article, Event, Evidence, Source


def highlight(sentence: str, marked: str) -> str:
    """``sentence`` as safe HTML with the first occurrence of ``marked`` wrapped in <mark>."""
    at = sentence.find(marked) if marked else -1
    if at < 0:
        return format_html("{}", sentence)
    return format_html("{}<mark>{}</mark>{}", sentence[:at], marked, sentence[at + len(marked) :])


class YearFilter(admin.SimpleListFilter):
    title = "年份"
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        years = (
            Event.objects.filter(start__isnull=False)
            .annotate(year=ExtractYear("start"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(y), f"{y}年") for y in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() and self.value().isdigit():
            year = int(self.value())
            return queryset.filter(start__year__lte=year, end__year__gte=year)
        return queryset


class SourceFilter(admin.SimpleListFilter):
    title = "来源"
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(str(pk), name) for pk, name in Source.objects.values_list("pk", "name")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() and self.value().isdigit():
            return queryset.filter(evidence__article__source_id=int(self.value())).distinct()
        return queryset


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False
    fields = ("article", "highlighted", "span_start", "span_end")
    readonly_fields = fields

    @admin.display(description="句子（日期原文高亮）")
    def highlighted(self, evidence: Evidence) -> str:
        return highlight(evidence.sentence, evidence.date_text)

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "start", "end", "precision", "place", "status", "confidence", "curated")
    list_filter = ("kind", "precision", "status", YearFilter, SourceFilter)
    search_fields = ("title", "place", "evidence__sentence")
    date_hierarchy = "start"
    inlines = [EvidenceInline]
    readonly_fields = (
        "uid",
        "sequence",
        "curated_fields",
        "match_key",
        "merged_into",
        "confidence",
        "created",
        "updated",
    )
    fields = (
        "title",
        "kind",
        ("start", "end", "time", "open_end"),
        ("precision", "edtf"),
        "place",
        "organizers",
        "figures",
        "status",
        *readonly_fields,
    )
    actions = ["confirm", "hide", "merge", "reingest"]

    @admin.display(description="人工修改", boolean=True)
    def curated(self, event: Event) -> bool:
        return bool(event.curated_fields)

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        """Edits go through ``update_event_fields`` (fields become curated); status through confirm/hide."""
        edited = [name for name in form.changed_data if name in Event.CURATABLE_FIELDS]
        if not change:
            obj.curated_fields = sorted(name for name in Event.CURATABLE_FIELDS if name in form.changed_data)
            obj.save()
            return
        stored = Event.objects.get(pk=obj.pk)
        services.update_event_fields(event=stored, changes={name: getattr(obj, name) for name in edited})
        if "status" in form.changed_data:
            self._set_status(stored, obj.status)

    def _set_status(self, event: Event, status: str) -> None:
        if status == Event.Status.HIDDEN:
            services.hide_events(events=[event])
        elif status == Event.Status.CONFIRMED:
            services.confirm_events(events=[event])
        else:
            Event.objects.filter(pk=event.pk).update(status=status)

    @admin.action(description="确认所选事件")
    def confirm(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.confirm_events(events=queryset)
        self.message_user(request, f"已确认 {count} 个事件。", messages.SUCCESS)

    @admin.action(description="隐藏所选事件（订阅中显示为已取消）")
    def hide(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.hide_events(events=queryset)
        self.message_user(request, f"已隐藏 {count} 个事件。", messages.SUCCESS)

    @admin.action(description="合并所选事件")
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(queryset)
        if len(events) < 2:
            self.message_user(request, "请至少选择两个事件进行合并。", messages.WARNING)
            return
        target = services.pick_merge_target(events)
        services.merge_events(target=target, others=events)
        self.message_user(request, f"已将 {len(events) - 1} 个事件合并到“{target.title}”。", messages.SUCCESS)

    @admin.action(description="重新解析所选事件的文章")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = services.request_event_reingest(events=queryset)
        self.message_user(request, f"已安排重新解析 {count} 篇文章。", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "source",
        "published",
        "published_how",
        "status",
        "events_found",
        "parser_version",
        "ingested",
    )
    list_filter = ("status", "published_how", "source", "parser_version")
    search_fields = ("key", "title", "text")
    date_hierarchy = "published"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (
        "content_hash",
        "parser_version",
        "status",
        "error",
        "encoding",
        "note",
        "events_found",
        "created",
        "updated",
        "ingested",
    )
    actions = ["reingest"]

    @admin.action(description="重新解析所选文章")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = services.request_article_reingest(articles=queryset)
        self.message_user(request, f"已安排重新解析 {count} 篇文章。", messages.SUCCESS)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "location", "active", "last_run", "short_error")
    list_filter = ("kind", "active")
    search_fields = ("name", "location")
    readonly_fields = ("last_run", "last_error")
    actions = ["reingest"]

    @admin.display(description="上次错误")
    def short_error(self, source: Source) -> str:
        return source.last_error[:80]

    @admin.action(description="重新读取所选来源")
    def reingest(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        count = services.request_source_ingest(sources=queryset)
        self.message_user(request, f"已安排重新读取 {count} 个来源。", messages.SUCCESS)
