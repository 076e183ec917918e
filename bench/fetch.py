"""Fetch benchmark: main-text extraction quality side by side, and a fetch cycle over 1,000 local pages.

    .venv/bin/python bench/fetch.py [--pages 1000]

1. Extraction quality on the test pages of ``tests/reading/news_pages.py`` (four Chinese news
   templates x four stories, GBK and UTF-8, with menus, breadcrumbs, sidebars, related lists,
   comments, share bars and footers). For each extractor: body characters kept (body lines found
   whole in the output, out of all body characters) and furniture characters leaked (menu items,
   related titles, comments, footers found in the output). Extractors: the old converter
   (``services.text.html_to_text``, what URL sources used before), trafilatura alone, the fallback
   alone (``reading.pages.fallback_main_text``) and what the service uses (``extract_article``:
   the better of the two by ``prose_score``).
2. Fetch cycle: a real HTTP server on 127.0.0.1 serves ``--pages`` article pages (the same
   templates, each page made distinct) and a sitemap listing them; a list-page source over the
   sitemap is fetched into a fresh SQLite file three times: the first run (every page new), a re-run
   where every page answers 304 (ETag), and a re-run with validators switched off so only the
   content hash saves the work. The rate limit is off (``host_interval=0``). Wall-clock pages/s.
   Each generated page is one of the four stories plus six sentences drawn from the seed articles
   (``bench/ingest.py``'s ``seed_sentences``, seeded), so pages are distinct stories and the first
   run measures the full path (extraction, dating, near-duplicate lookup, events).
3. Near-duplicate scores on the test pages, to place ``DUPLICATE_THRESHOLD``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def extraction_quality() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kejicalendar.settings")
    import django

    django.setup()
    from events.reading.charsets import declared_charset
    from events.reading.pages import extract_article, fallback_main_text, trafilatura_text
    from events.services.text import html_to_text
    from tests.reading.news_pages import all_pages

    extractors = {
        "old converter (html_to_text)": lambda html: html_to_text(html)[1],
        "trafilatura alone": trafilatura_text,
        "fallback alone": fallback_main_text,
        "extract_article (service)": lambda html: extract_article(html).text,
    }
    pages = all_pages()
    print(f"## Main text on {len(pages)} test pages ({len({p.template for p in pages})} templates)\n")
    print("| extractor | body chars kept | furniture chars leaked | per template: kept % / leaked chars |")
    print("|---|---|---|---|")
    for name, extract in extractors.items():
        kept = body = leaked = 0
        per_template: dict[str, list[int]] = {}
        for page in pages:
            html = page.data.decode(
                declared_charset(page.data, header=page.content_type.partition("charset=")[2])
            )
            text = " ".join(extract(html).split())
            page_kept = sum(len(line) for line in page.body if " ".join(line.split()) in text)
            page_body = sum(len(line) for line in page.body)
            page_leaked = sum(len(f) for f in page.furniture if f in text)
            kept, body, leaked = kept + page_kept, body + page_body, leaked + page_leaked
            totals = per_template.setdefault(page.template, [0, 0, 0])
            totals[0] += page_kept
            totals[1] += page_body
            totals[2] += page_leaked
        detail = ", ".join(f"{t} {k / b:.0%}/{lk}" for t, (k, b, lk) in per_template.items())
        print(f"| {name} | {kept}/{body} ({kept / body:.0%}) | {leaked} | {detail} |")


def near_duplicate_scores() -> None:
    """Estimated Jaccard of the same story in two templates vs two different stories (threshold check)."""
    from itertools import combinations

    from events.reading.near_dups import DUPLICATE_THRESHOLD, signature, similarity
    from tests.reading.test_near_dups import page_texts

    scores: dict[bool, list[float]] = {True: [], False: []}
    for (title_a, text_a), (title_b, text_b) in combinations(page_texts(), 2):
        scores[title_a == title_b].append(similarity(signature(text_a), signature(text_b)))
    same, other = scores[True], scores[False]
    print("\n## Near-duplicates (MinHash, 64 permutations, 4-character shingles)\n")
    print(
        f"same story, other template: {len(same)} pairs, min {min(same):.2f}, mean {sum(same) / len(same):.2f}"
    )
    print(f"different stories:          {len(other)} pairs, max {max(other):.2f}")
    print(f"threshold in use: {DUPLICATE_THRESHOLD}")


def fetch_cycle(pages: int) -> None:
    import random

    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone
    from ingest import seed_sentences  # bench/ingest.py

    from events.models import Article, Source
    from events.services import fetch_source
    from events.services.fetching import Fetcher
    from tests.reading.news_pages import STORIES, TEMPLATES
    from tests.webserver import Page, PageServer

    sentences = seed_sentences()
    rng = random.Random(7)
    call_command("migrate", verbosity=0)
    settings.KEJICAL_FETCH_ALLOW_PRIVATE = True
    settings.KEJICAL_FETCH_MAX_ARTICLES = pages
    server = PageServer()
    urls = []
    for i in range(pages):
        title, published, body = STORIES[i % len(STORIES)]
        page = TEMPLATES[(i // len(STORIES)) % len(TEMPLATES)](
            f"{title}（{i}）", published, [*body, *rng.sample(sentences, 6)]
        )
        path = f"/news/{published:%Y-%m/%d}/content_{10000 + i}.htm"
        server.pages[path] = Page(page.data, headers={"Content-Type": page.content_type, "ETag": f'"p{i}"'})
        urls.append(server.url(path))
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    server.pages["/sitemap.xml"] = Page(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode(),
        headers={"Content-Type": "application/xml"},
    )
    source = Source.objects.create(
        name="bench", kind=Source.Kind.LISTING, location=server.url("/sitemap.xml")
    )

    def cycle(label: str) -> float:
        source.refresh_from_db()
        source.etag = source.last_modified = ""  # the sitemap itself is fetched each time
        started = time.perf_counter()
        with Fetcher(host_interval=0) as fetcher:
            run = fetch_source(source=source, now=timezone.now(), fetcher=fetcher)
        seconds = time.perf_counter() - started
        print(
            f"| {label} | {seconds:.2f} | {pages / seconds:.1f} | {dict(run.articles)} | {run.not_modified} |"
        )
        return seconds

    print(f"\n## Fetch cycle over {pages} local pages (SQLite, rate limit off)\n")
    print("| run | wall s | pages/s | articles | 304s |")
    print("|---|---|---|---|---|")
    first = cycle("first fetch (all new)")
    again = cycle("re-fetch, ETag -> 304")
    for page in server.pages.values():
        page.headers.pop("ETag", None)
    Article.objects.update(etag="")
    hashed = cycle("re-fetch, no validators (content hash)")
    server.close()
    print(f"\nre-fetch speed-up: {first / again:.1f}x with 304s, {first / hashed:.1f}x with content hashes")
    duplicates = Article.objects.filter(duplicate_of__isnull=False).count()
    print(f"articles stored: {Article.objects.count()} ({duplicates} as near-duplicates of another)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        extraction_quality()
        near_duplicate_scores()
        fetch_cycle(args.pages)


if __name__ == "__main__":
    main()
