"""Bringing one article's stored events in line with its current candidates (runs inside ingest's transaction).

Rules, in order of precedence:

- a candidate finds its stored event by ``match_key`` among the article's events (or the key of an
  event a curator merged into one of them), then by an identical evidence span (survives a new key),
  then by kind and overlapping dates, then among other
  articles' events with the same kind and dates and a similar title or key (one event, two reports);
- only ``auto`` events take new values, and never in a field listed in ``curated_fields``; a
  ``confirmed`` or ``hidden`` event keeps its fields and only has its evidence refreshed, so a hidden
  event is never revived;
- an event reported by several articles takes its fields from one of them, ``Event.lead_article``:
  the article that created it (a merge keeps the target's). The others, and merged-away candidates,
  only fill in empty fields. Without a single lead, re-reading the reports in turn flipped the title
  between their wordings and raised ``sequence`` every time. When the lead stops reporting the event,
  the oldest remaining article leads; an event without a lead is claimed by the next article that
  reports it;
- ``sequence`` goes up only when a field subscribers see (``Event.SEQUENCED_FIELDS``) changes;
- an article's event that no candidate claims is deleted only if it is ``auto``, uncurated and backed by
  this article alone; backed by other articles too, it just loses this article's evidence.
- undated candidates are not stored (see ``ingest`` module docstring).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from events.extraction.types import EventCandidate, EvidenceSpan
from events.geography import Region
from events.models import Article, Event, Evidence

from .article_rows import own_evidence
from .matching import Plan, merged_keys, plan_candidates
from .regions import article_home, place_region_fields
from .series import series_fields

log = logging.getLogger(__name__)

DATE_FIELDS = ("start", "end", "time", "end_time", "open_end", "precision", "edtf")


@dataclass
class ReconcileCounts:
    """How many of an article's events were created, updated, left alone and removed.

    ``created_ids`` and ``updated_ids`` name them, so a run over many articles can count each
    event once even when several articles report it.
    """

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    undated: int = 0
    events: list[Event] = field(default_factory=list)
    created_ids: set[int] = field(default_factory=set)
    updated_ids: set[int] = field(default_factory=set)


def candidate_values(candidate: EventCandidate, *, home: Region | None = None) -> dict:
    """The Event field values a candidate proposes, cut to the column sizes.

    The place's region is read with ``home``, the region of the article (for "我市" and names
    several counties share); the series comes from the title and that region.
    """
    values = {
        "title": candidate.title[:300],
        "kind": candidate.kind if candidate.kind in Event.Kind.values else Event.Kind.OTHER,
        "start": candidate.start,
        "end": candidate.end,
        "time": candidate.time,
        "end_time": candidate.end_time,
        "open_end": candidate.open_end,
        "precision": candidate.precision or Event.Precision.VAGUE,
        "edtf": candidate.edtf[:40],
        "place": candidate.place[:200],
        "organizers": dict(candidate.organizers),
        "figures": dict(candidate.figures),
        "confidence": float(candidate.confidence),
        "confidence_reasons": list(candidate.confidence_reasons),
        "match_key": candidate.key[:300],
    }
    region = place_region_fields(candidate.place[:200], home=home)
    return {**values, **region, **series_fields(values["title"], region)}


def reconcile_article_events(
    *, article: Article, candidates: Sequence[EventCandidate], new: bool = False
) -> ReconcileCounts:
    """Create, update and remove ``article``'s events so they match ``candidates``; returns the counts.

    ``new``: the article was just created, so it has no events yet (saves the lookups).
    """
    counts = ReconcileCounts()
    # Every stored event has both ends, so the date filters see it: a missing end is the start day.
    dated = [replace(c, end=c.end or c.start) for c in candidates if c.dated]
    dated = [c for c in dated if c.end >= c.start]
    counts.undated = sum(1 for c in candidates if not c.dated)
    if len(dated) + counts.undated < len(candidates):
        log.warning("%s: skipped candidates that end before they start", article.key)
    own = {} if new else _own_events(article)
    plans = plan_candidates(dated, own, merged_keys(own))
    home = article_home(article) if plans else None
    for plan in plans:
        event, created, changed = _apply_plan(article, plan, home)
        counts.events.append(event)
        if created:
            counts.created += 1
            counts.created_ids.add(event.pk)
        elif changed:
            counts.updated += 1
            counts.updated_ids.add(event.pk)
        else:
            counts.unchanged += 1
    claimed = {plan.event.pk for plan in plans if plan.event is not None}
    for event in own.values():
        if event.pk in claimed:
            continue
        outcome = _release(article, event)
        if outcome == "removed":
            counts.removed += 1
        elif outcome in ("released", "kept-moved"):
            # Released: it lives on with the other articles' evidence, no longer this one's.
            counts.updated += 1
            counts.updated_ids.add(event.pk)
            if outcome == "kept-moved":
                counts.events.append(event)
        else:
            counts.events.append(event)
            counts.unchanged += 1
    return counts


def _own_events(article: Article) -> dict[int, Event]:
    """The article's events by pk, each with ``own_evidence`` (its evidence from this article) and
    ``shared`` (True when other articles give evidence for it too).

    One query over the article's evidence, each row with its event: the events themselves would
    need a DISTINCT over every event column and a second query for the evidence, which cost a
    worker more than parsing the article did (bench/ingest_workers.py); written once
    (``article_rows.own_evidence``), as compiling it through the ORM still cost 1.3 ms per article.
    """
    events: dict[int, Event] = {}
    for row, event, shared in own_evidence(article.pk):
        if event.pk not in events:
            events[event.pk] = event
            event.shared, event.own_evidence = shared, []
        event.own_evidence.append(row)
    return events


def _apply_plan(article: Article, plan: Plan, home: Region | None) -> tuple[Event, bool, bool]:
    """(event, created, changed) after writing the plan's fields and evidence."""
    values = candidate_values(plan.candidate, home=home)
    if plan.event is None:
        event = Event.objects.create(status=Event.Status.AUTO, lead_article=article, **values)
        Evidence.objects.bulk_create(_evidence_rows(article, event, plan.evidence))
        return event, True, False
    event = plan.event
    if event.status != Event.Status.AUTO:
        changed = False  # confirmed or hidden: the curator's word stands; only evidence follows the text
    elif plan.own and event.lead_article_id in (article.pk, None):
        changed = _update_fields(event, values, lead=article)
    else:
        changed = _fill_blanks(event, values)  # another article leads, or the candidate was merged away
    evidence_changed = _sync_evidence(article, event, plan.evidence)
    return event, False, changed or evidence_changed


def _update_fields(event: Event, values: dict, *, lead: Article) -> bool:
    """Write the lead's candidate values except curated fields; bump ``sequence`` for visible changes.

    On an event other articles report too, what they filled in stays: the lead's empty place does
    not clear theirs, and its organizers and figures are laid over theirs, not swapped for them.
    Otherwise each forced re-read cleared the fill-ins and the next report put them back.
    """
    curated = set(event.curated_fields or ())
    if getattr(event, "shared", False):
        if not values["place"]:  # the place another report filled in keeps its region too
            region = {name: getattr(event, name) for name in Event.REGION_FIELDS}
            values.update({**region, **series_fields(values["title"], region)})
        values = {
            **values,
            "place": values["place"] or event.place,
            "organizers": {**_as_dict(event.organizers), **values["organizers"]},
            "figures": {**_as_dict(event.figures), **values["figures"]},
        }
        if event.confidence > values["confidence"]:
            # Another report raised it (``_fill_blanks``); lowering it again would flip it on every re-read.
            values = {
                **values,
                "confidence": event.confidence,
                "confidence_reasons": event.confidence_reasons,
            }
    if curated & set(DATE_FIELDS):
        curated |= set(DATE_FIELDS)  # dates move together, or a curated start could end up after an auto end
    if "place" in curated or "adcode" in curated:
        curated |= set(Event.REGION_FIELDS)  # the region follows the curator's place or adcode
    if curated & {"title", "place", "adcode", "series_key", "edition"}:
        curated |= {"series_key", "edition"}  # the series was read from what the curator set
    changed = [f for f, v in values.items() if f not in curated and getattr(event, f) != v]
    if not changed and event.lead_article_id == lead.pk:
        return False
    for f in changed:
        setattr(event, f, values[f])
    if set(changed) & set(Event.SEQUENCED_FIELDS):
        event.sequence += 1
        changed.append("sequence")
    if event.lead_article_id != lead.pk:  # claiming an event whose lead is gone; not news for subscribers
        event.lead_article = lead
        changed.append("lead_article")
    event.save(update_fields=[*changed, "updated"])
    return True


def _as_dict(value: object) -> dict:
    """A JSON field's value as a dict (a curator may have stored anything in the admin)."""
    return value if isinstance(value, dict) else {}


def _fill_blanks(event: Event, values: dict) -> bool:
    """Another article's report of the same event adds what the first one lacked, and nothing else."""
    changed = []
    if not event.place and values["place"] and "place" not in event.curated_fields:
        event.place = values["place"]
        event.sequence += 1
        changed += ["place", "sequence"]
        if "adcode" not in event.curated_fields:
            for name in Event.REGION_FIELDS:
                setattr(event, name, values[name])
            changed += Event.REGION_FIELDS
    for name in ("organizers", "figures"):
        merged = {**values[name], **getattr(event, name)}
        if name not in event.curated_fields and merged != getattr(event, name):
            setattr(event, name, merged)
            changed.append(name)
    if values["confidence"] > event.confidence:
        event.confidence = values["confidence"]
        event.confidence_reasons = values["confidence_reasons"]
        changed += ["confidence", "confidence_reasons"]
    if changed:
        event.save(update_fields=[*changed, "updated"])
    return bool(changed)


def _evidence_rows(article: Article, event: Event, spans: list[EvidenceSpan]) -> list[Evidence]:
    rows: dict[tuple[int, int], Evidence] = {}
    for ev in spans:
        rows.setdefault(
            tuple(ev.span),
            Evidence(
                event=event,
                article=article,
                sentence=ev.sentence,
                span_start=ev.span[0],
                span_end=ev.span[1],
                date_text=ev.date_text[:200],
            ),
        )
    return list(rows.values())


def _sync_evidence(article: Article, event: Event, spans: list[EvidenceSpan]) -> bool:
    """Make the event's evidence from this article equal ``spans``; True if anything changed."""
    wanted = {
        (r.span_start, r.span_end, r.sentence, r.date_text) for r in _evidence_rows(article, event, spans)
    }
    # Events outside the article's own set have, by definition, no evidence from it yet.
    have = getattr(event, "own_evidence", [])
    if wanted == {(r.span_start, r.span_end, r.sentence, r.date_text) for r in have}:
        return False
    if have:
        Evidence.objects.filter(event=event, article=article).delete()
    Evidence.objects.bulk_create(_evidence_rows(article, event, spans))
    return True


def _release(article: Article, event: Event) -> str:
    """An event the article no longer reports: "removed", "released" (it keeps no evidence from this
    article), "kept" or "kept-moved" (kept, its evidence re-anchored in the new text).
    """
    if event.status != Event.Status.AUTO or event.curated_fields:
        # Confirmed, hidden or edited by a curator: never deleted by a machine.
        if not _reanchor(article, event):
            return "kept"
        return "kept-moved" if Evidence.objects.filter(event=event, article=article).exists() else "released"
    others = Evidence.objects.filter(event=event).exclude(article=article)
    if others.exists():
        Evidence.objects.filter(event=event, article=article).delete()
        if event.lead_article_id == article.pk:
            event.lead_article_id = others.order_by("article_id").values_list("article_id", flat=True)[0]
            event.save(update_fields=["lead_article", "updated"])
        return "released"
    event.delete()
    return "removed"


def _reanchor(article: Article, event: Event) -> bool:
    """Point a kept event's evidence at where its sentence now is in ``article.text``; True if any moved.

    The article page marks evidence by span, so a span left over from the old text would mark
    whatever now stands there. A sentence found elsewhere moves there (the first place it occurs);
    one that is gone from the text is dropped: the event stays, the article no longer backs it.
    """
    moved = False
    for ev in getattr(event, "own_evidence", []):
        if article.text[ev.span_start : ev.span_end] == ev.sentence:
            continue
        moved = True
        at = article.text.find(ev.sentence)
        taken = Evidence.objects.filter(
            event=event, article=article, span_start=at, span_end=at + len(ev.sentence)
        ).exists()
        if at < 0 or taken:
            ev.delete()
        else:
            ev.span_start, ev.span_end = at, at + len(ev.sentence)
            ev.save(update_fields=["span_start", "span_end"])
    return moved
