"""List filters for the events admin: by year, by source, by the article that gave evidence, by confidence."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest

from events.models import Article, Event, Source


def _chosen_number(value: str | None) -> int | None:
    """The filter's value as a number (a year or a pk); None when unset or not digits."""
    # isascii(): str.isdigit() also accepts "²" and other digits int() refuses.
    return int(value) if value and value.isascii() and value.isdigit() else None


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
        year = _chosen_number(self.value())
        if year is None:
            return queryset
        return queryset.filter(start__year__lte=year, end__year__gte=year)


class SourceFilter(admin.SimpleListFilter):
    title = "来源"
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(str(pk), name) for pk, name in Source.objects.values_list("pk", "name")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        pk = _chosen_number(self.value())
        if pk is None:
            return queryset
        return queryset.filter(evidence__article__source_id=pk).distinct()


class ArticleFilter(admin.SimpleListFilter):
    """``?article=<pk>``: the events an article gives evidence for (linked from the article admin).

    It offers no choices in the sidebar (there may be thousands of articles), so it shows only
    while it is in use.
    """

    title = "文章"
    parameter_name = "article"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        pk = _chosen_number(self.value())
        article = None if pk is None else Article.objects.filter(pk=pk).only("title", "key").first()
        return [(self.value(), str(article))] if article else []

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        pk = _chosen_number(self.value())
        if pk is None:
            return queryset
        return queryset.filter(evidence__article_id=pk).distinct()


class ConfidenceFilter(admin.SimpleListFilter):
    """High, middle or low confidence, so curators can check the doubtful ones first."""

    title = "置信度"
    parameter_name = "confidence"
    BANDS = {
        "high": (0.8, None, "高（≥80%）"),
        "middle": (0.5, 0.8, "中（50%–80%）"),
        "low": (None, 0.5, "低（<50%）"),
    }

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(key, label) for key, (_, _, label) in self.BANDS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        band = self.BANDS.get(self.value() or "")
        if band is None:
            return queryset
        low, high, _ = band
        if low is not None:
            queryset = queryset.filter(confidence__gte=low)
        if high is not None:
            queryset = queryset.filter(confidence__lt=high)
        return queryset
