"""Storage: Source, Article, Event and Evidence. Fields, Meta, __str__ and small properties only."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Source(models.Model):
    """Where articles come from: files and folders, or a web source fetched every ``fetch_interval``."""

    class Kind(models.TextChoices):
        FILE = "file", "文件"
        FOLDER = "folder", "文件夹"
        URL = "url", "单个网页"
        FEED = "feed", "RSS/Atom 订阅"
        LISTING = "listing", "列表页或站点地图"
        EPAPER = "epaper", "数字报"

    class LastStatus(models.TextChoices):
        NEVER = "", "未抓取"
        OK = "ok", "正常"
        NOT_MODIFIED = "unchanged", "未变化"
        PARTIAL = "partial", "部分失败"
        FAILED = "failed", "失败"
        GONE = "gone", "已不存在"

    WEB_KINDS = (Kind.URL, Kind.FEED, Kind.LISTING, Kind.EPAPER)

    name = models.CharField("名称", max_length=200, unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices, default=Kind.FOLDER)
    location = models.CharField("位置", max_length=1000, blank=True, help_text="网址，或文件/文件夹路径")
    outlet = models.CharField("媒体名称", max_length=200, blank=True, help_text="文章的默认发布媒体")
    region = models.CharField("默认地区", max_length=100, blank=True)
    active = models.BooleanField("启用", default=True)
    fetch_interval = models.DurationField("抓取间隔", default=timedelta(hours=1))
    next_fetch = models.DateTimeField("下次抓取", null=True, blank=True, help_text="空：尽快抓取")
    last_run = models.DateTimeField("上次运行", null=True, blank=True)
    last_success = models.DateTimeField("上次成功", null=True, blank=True)
    last_status = models.CharField(
        "上次结果", max_length=10, choices=LastStatus.choices, default=LastStatus.NEVER, blank=True
    )
    last_error = models.TextField("上次错误", blank=True)
    consecutive_failures = models.PositiveIntegerField("连续失败次数", default=0)
    last_counts = models.JSONField("上次文章数", default=dict, blank=True, help_text="新增/变化/未变/失败")
    etag = models.CharField("ETag", max_length=300, blank=True, editable=False)
    last_modified = models.CharField("Last-Modified", max_length=100, blank=True, editable=False)
    # A worker holds a source until this time while fetching it; another worker skips it meanwhile.
    lease_until = models.DateTimeField("抓取中直到", null=True, blank=True, editable=False)
    # Set when a re-read is queued, cleared when a task has done it: a message the broker lost
    # (a worker killed between taking it and recording it) is found by this and queued again.
    queued_at = models.DateTimeField("排队时间", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "来源"
        verbose_name_plural = "来源"

    def __str__(self) -> str:
        return self.name

    @property
    def is_web(self) -> bool:
        return self.kind in self.WEB_KINDS


class FetchLog(models.Model):
    """One fetch of a source, for curators: when, what came of it, and one line per problem."""

    source = models.ForeignKey(
        Source, verbose_name="来源", on_delete=models.CASCADE, related_name="fetch_logs"
    )
    started = models.DateTimeField("开始")
    finished = models.DateTimeField("结束", null=True, blank=True)
    status = models.CharField("结果", max_length=10, choices=Source.LastStatus.choices, blank=True)
    counts = models.JSONField("文章数", default=dict, blank=True)
    pages = models.PositiveIntegerField("请求数", default=0)
    not_modified = models.PositiveIntegerField("未变化(304)", default=0)
    message = models.TextField("记录", blank=True)

    class Meta:
        ordering = ["-started"]
        verbose_name = "抓取记录"
        verbose_name_plural = "抓取记录"
        indexes = [models.Index(fields=["source", "-started"])]

    def __str__(self) -> str:
        return f"{self.source} {self.started:%Y-%m-%d %H:%M}"


class Article(models.Model):
    """One news article as ingested; ``key`` (URL or path) identifies it across re-ingestion."""

    class PublishedHow(models.TextChoices):
        GIVEN = "given", "指定"
        MANIFEST = "manifest", "清单"
        INFERRED = "inferred", "从正文推断"
        PAGE = "page", "网页标注"
        DATELINE = "dateline", "电头/署名行"
        FEED = "feed", "订阅源"
        URL = "url", "网址中的日期"
        UNKNOWN = "unknown", "未知"

    class Status(models.TextChoices):
        OK = "ok", "正常"
        FAILED = "failed", "失败"
        PENDING = "pending", "待处理"

    source = models.ForeignKey(
        Source,
        verbose_name="来源",
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
    )
    key = models.CharField("键", max_length=500, unique=True)
    url = models.URLField("网址", max_length=1000, blank=True)
    title = models.CharField("标题", max_length=500, blank=True)
    published = models.DateField("发布日期", null=True, blank=True)
    published_how = models.CharField(
        "发布日期来源", max_length=10, choices=PublishedHow.choices, default=PublishedHow.UNKNOWN
    )
    text = models.TextField("正文", blank=True)
    # How many parser mentions the article's MentionBlocks hold (stored at ingestion so a page view
    # never re-parses the article); None for rows stored before mentions were.
    mention_count = models.PositiveIntegerField("时间表达数", null=True, blank=True, editable=False)
    encoding = models.CharField("编码", max_length=40, blank=True)
    note = models.TextField("备注", blank=True, help_text="发布日期如何得知等说明")
    content_hash = models.CharField("内容哈希", max_length=64, blank=True)
    parser_version = models.CharField("解析器版本", max_length=40, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField("错误", blank=True)
    events_found = models.PositiveIntegerField("事件数", default=0, help_text="上次解析时关联的事件数")
    # As Source.queued_at: a queued re-read not yet done (None: nothing queued).
    queued_at = models.DateTimeField("排队时间", null=True, blank=True, editable=False)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)
    ingested = models.DateTimeField("入库时间", null=True, blank=True)
    # Fetching (web sources): validators for conditional GET and a hash of the bytes last fetched.
    etag = models.CharField("ETag", max_length=300, blank=True, editable=False)
    last_modified = models.CharField("Last-Modified", max_length=100, blank=True, editable=False)
    fetch_hash = models.CharField("网页哈希", max_length=64, blank=True, editable=False)
    fetched = models.DateTimeField("上次抓取", null=True, blank=True)
    gone = models.BooleanField("网页已不存在", default=False, help_text="404/410；已入库的内容保留")
    # Near-duplicates (reading/near_dups.py): a repost or a second URL of a stored story points at it
    # and has no events of its own, so nothing is counted twice; the original lists its reposts.
    minhash = models.TextField("MinHash 签名", blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="重复于",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        help_text="同一报道的转载或另一网址",
    )

    class Meta:
        ordering = ["-published", "key"]
        verbose_name = "文章"
        verbose_name_plural = "文章"
        indexes = [
            models.Index(fields=["parser_version"]),
            models.Index(fields=["status"]),
            models.Index(fields=["published"]),
        ]

    def __str__(self) -> str:
        return self.title or self.key


class ArticleBand(models.Model):
    """One LSH band key of an article's MinHash: articles sharing a key are near-duplicate candidates."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.CharField(max_length=24, db_index=True)

    class Meta:
        verbose_name = "相似签名分段"
        verbose_name_plural = "相似签名分段"
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="article_band_once")]

    def __str__(self) -> str:
        return self.key


class EventQuerySet(models.QuerySet):
    def visible(self) -> EventQuerySet:
        """Events a reader may see: automatic and confirmed, never hidden, never merged away."""
        return self.exclude(status=Event.Status.HIDDEN).filter(merged_into__isnull=True)

    def for_article(self, article: Article) -> EventQuerySet:
        """Events with at least one piece of evidence from ``article``."""
        return self.filter(evidence__article=article).distinct()


class Event(models.Model):
    """A dated occurrence a curator would put on the timeline."""

    class Kind(models.TextChoices):
        FESTIVAL = "festival", "节会"
        SIGNING = "signing", "签约"
        TRAINING = "training", "培训"
        EXHIBITION = "exhibition", "展览"
        OPENING = "opening", "开放/开幕"
        UNVEILING = "unveiling", "揭牌"
        COMPETITION = "competition", "比赛"
        MEETING = "meeting", "会议"
        SERVICE = "service", "服务"
        LAUNCH = "launch", "发布/上市"
        OTHER = "other", "其他"

    class Precision(models.TextChoices):
        DAY = "day", "日"
        MONTH = "month", "月"
        SEASON = "season", "季节"
        HALF_YEAR = "half-year", "半年"
        YEAR = "year", "年"
        MULTI_YEAR = "multi-year", "多年"
        VAGUE = "vague", "模糊"

    class Status(models.TextChoices):
        AUTO = "auto", "自动"
        CONFIRMED = "confirmed", "已确认"
        HIDDEN = "hidden", "已隐藏"

    # Fields a curator may set; once set, re-ingestion leaves them alone (see ``curated_fields``).
    CURATABLE_FIELDS = tuple(
        "title kind start end time end_time open_end precision edtf place organizers figures adcode series_key edition".split()
    )
    # The administrative divisions of the place; ``adcode`` (the deepest level known) is what a
    # curator sets, the others follow it (see ``events.geography``).
    REGION_FIELDS = ("adcode", "province", "province_code", "city", "city_code", "county", "county_code")
    # A change to one of these is a change subscribers should see: iCal SEQUENCE goes up.
    SEQUENCED_FIELDS = ("title", "start", "end", "time", "end_time", "place")

    uid = models.CharField("UID", max_length=100, unique=True, editable=False)
    title = models.CharField("标题", max_length=300)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    start = models.DateField("开始", null=True, blank=True)
    end = models.DateField("结束", null=True, blank=True)
    time = models.TimeField("时间", null=True, blank=True)
    # When it ends on its last day ("9:00-17:00", "12月19日下午5时闭幕"); only read with ``time``.
    end_time = models.TimeField("结束时间", null=True, blank=True)
    # An open range such as "2024年起" (edtf "2024/.."): ``end`` is the end of the first unit.
    open_end = models.BooleanField("无结束日期", default=False)
    precision = models.CharField("精度", max_length=12, choices=Precision.choices, default=Precision.DAY)
    edtf = models.CharField("EDTF", max_length=40, blank=True)
    place = models.CharField("地点", max_length=200, blank=True)
    adcode = models.CharField(
        "行政区划代码",
        max_length=6,
        blank=True,
        help_text="地点所在的省、市或县级行政区划代码（如 140702 为晋中市榆次区）；留空表示未知。",
    )
    province = models.CharField("省级", max_length=30, blank=True)
    province_code = models.CharField("省级代码", max_length=6, blank=True)
    city = models.CharField("地级", max_length=40, blank=True)
    city_code = models.CharField("地级代码", max_length=6, blank=True)
    county = models.CharField("县级", max_length=40, blank=True)
    county_code = models.CharField("县级代码", max_length=6, blank=True)
    # Editions of a recurring event share ``series_key`` ("140000:太谷科技节": province and name
    # without edition or year); ``edition`` is its number ("第二十一届" → 21) when the title gives one.
    series_key = models.CharField("系列", max_length=220, blank=True, db_index=True)
    edition = models.PositiveIntegerField("届次", null=True, blank=True)
    organizers = models.JSONField("主办/协办/承办", default=dict, blank=True)
    figures = models.JSONField("数据", default=dict, blank=True)
    confidence = models.FloatField("置信度", default=0.5)
    confidence_reasons = models.JSONField("置信依据", default=list, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.AUTO)
    curated_fields = models.JSONField("人工修改的字段", default=list, blank=True)
    # Identity of the automatic candidate within its article, so re-ingestion finds the same row.
    match_key = models.CharField("匹配键", max_length=300, blank=True, db_index=True)
    sequence = models.PositiveIntegerField("iCal SEQUENCE", default=0)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="已合并到",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
    )
    # The one article whose candidate gives an automatic event its fields; other reports of the
    # same event only fill in what is empty (see ``services.reconcile``). None: the next report leads.
    lead_article = models.ForeignKey(
        Article,
        verbose_name="主要来源",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_events",
    )
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "title"]
        verbose_name = "事件"
        verbose_name_plural = "事件"
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["end"]),
            models.Index(fields=["kind", "start"]),
            models.Index(fields=["place"]),
            models.Index(fields=["province_code", "start"]),
            models.Index(fields=["city_code", "start"]),
            models.Index(fields=["county_code", "start"]),
            models.Index(fields=["status", "start"]),
            models.Index(fields=["updated"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="event_end_not_before_start",
                violation_error_message="结束日期不能早于开始日期。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.edtf or '无日期'})"

    @property
    def visible(self) -> bool:
        return self.status != self.Status.HIDDEN and self.merged_into_id is None

    def clean(self) -> None:
        """A one-day event's end time comes after its start time (publishing ignores any other)."""
        super().clean()
        if self.time and self.end_time and self.start == self.end and self.end_time <= self.time:
            raise ValidationError({"end_time": "结束时间须晚于开始时间。"})

    def save(self, *args, **kwargs) -> None:
        if not self.uid:
            self.uid = uuid.uuid4().hex
        super().save(*args, **kwargs)


class Evidence(models.Model):
    """A sentence of an article that supports an event, with its span in the article text."""

    event = models.ForeignKey(Event, verbose_name="事件", on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(
        Article, verbose_name="文章", on_delete=models.CASCADE, related_name="evidence"
    )
    sentence = models.TextField("句子")
    span_start = models.PositiveIntegerField("起")
    span_end = models.PositiveIntegerField("止")
    date_text = models.CharField("日期原文", max_length=200, blank=True)

    class Meta:
        ordering = ["article_id", "span_start"]
        verbose_name = "证据"
        verbose_name_plural = "证据"
        indexes = [models.Index(fields=["article", "span_start"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "span_start", "span_end"], name="evidence_unique_span"
            )
        ]

    def __str__(self) -> str:
        return self.sentence[:60]


class SiteConstant(models.Model):
    """A value fixed the first time it is needed and never changed after (the domain in iCal UIDs)."""

    name = models.CharField("名称", max_length=50, unique=True)
    value = models.CharField("值", max_length=300)
    created = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "站点常量"
        verbose_name_plural = "站点常量"

    def __str__(self) -> str:
        return f"{self.name} = {self.value}"


class DataVersion(models.Model):
    """One counter of the data version: bumped by database triggers on every write to the published tables.

    The version is the sum of all rows' ``counter`` with the smallest ``token`` (see
    ``selectors.caching.data_version``). On PostgreSQL each connection bumps the row of its own slot
    (backend pid modulo ``SLOTS``) so two ingest workers do not queue on one row lock until commit;
    SQLite has one writer at a time and uses slot 0. ``token`` is random per row, so a database
    emptied and refilled (tests, restores) never repeats an earlier version's cache keys.
    Written only by the triggers installed in migration 0009 (``events/migrations/_data_version.py``).
    """

    SLOTS = 64

    slot = models.PositiveSmallIntegerField("槽", primary_key=True)
    counter = models.BigIntegerField("计数", default=0)
    token = models.CharField("标记", max_length=40)

    class Meta:
        verbose_name = "数据版本"
        verbose_name_plural = "数据版本"

    def __str__(self) -> str:
        return f"{self.slot}: {self.counter}"


class MentionBlock(models.Model):
    """Up to ``SIZE`` of an article's parser mentions (``Mention.to_dict()``), in text order.

    Stored at ingestion in blocks so that one part of a long article's page reads only the blocks
    overlapping it (an article of 1.9M characters has some 50,000 mentions, 9 MB of JSON).
    """

    SIZE = 500

    article = models.ForeignKey(
        Article, verbose_name="文章", on_delete=models.CASCADE, related_name="mention_blocks"
    )
    start = models.PositiveIntegerField("起")  # the first mention's span start
    end = models.PositiveIntegerField("止")  # the largest span end in the block
    mentions = models.JSONField("时间表达", default=list)

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name = "时间表达块"
        verbose_name_plural = "时间表达块"
        indexes = [models.Index(fields=["article", "start"])]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.start}–{self.end}"


class EventCount(models.Model):
    """How many visible events start in a year and month with a precision and kind (0, 0 when undated).

    Kept by database triggers on every write to events (migration 0011,
    ``events/migrations/_event_counts.py``) so the timeline's counts (density per month, years,
    kinds, totals) are sums over a few thousand rows instead of a scan of every event. Like
    ``DataVersion``, each PostgreSQL connection adds to rows of its own ``slot``, so two ingest
    workers never wait on one hot row; readers sum the slots.
    """

    slot = models.PositiveSmallIntegerField("槽")
    year = models.IntegerField("年")
    month = models.IntegerField("月")
    precision = models.CharField("精度", max_length=12)
    kind = models.CharField("类型", max_length=20)
    n = models.BigIntegerField("数量", default=0)

    class Meta:
        verbose_name = "事件计数"
        verbose_name_plural = "事件计数"
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "year", "month", "precision", "kind"], name="event_count_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month} {self.precision} {self.kind}: {self.n}"


class EventRegionCount(models.Model):
    """How many visible events with a region lie in one province/city/county with a kind and precision.

    Kept by database triggers on every write to events (``events/migrations/_region_counts.py``) so
    the region facet and the "按地区" page are sums over a few hundred rows, not a scan of every
    event. A level the region does not reach is ``""``. Slots as in ``EventCount``.
    """

    slot = models.PositiveSmallIntegerField("槽")
    province_code = models.CharField("省级代码", max_length=6)
    province = models.CharField("省级", max_length=30)
    city_code = models.CharField("地级代码", max_length=6)
    city = models.CharField("地级", max_length=40)
    county_code = models.CharField("县级代码", max_length=6)
    county = models.CharField("县级", max_length=40)
    kind = models.CharField("类型", max_length=20)
    precision = models.CharField("精度", max_length=12)
    n = models.BigIntegerField("数量", default=0)

    class Meta:
        verbose_name = "地区事件计数"
        verbose_name_plural = "地区事件计数"
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "province_code", "province", "city_code", "city", "county_code", "county",
                        "kind", "precision"],
                name="event_region_count_cell",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.county_code or self.city_code or self.province_code} {self.kind} {self.precision}: {self.n}"
