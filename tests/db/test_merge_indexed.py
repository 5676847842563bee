"""The indexed merge (db.merge) gives exactly what the plain rules say, on many random inputs.

At 10 000 articles the merge looks up candidates through indexes (clusters by word, events by month,
sources by a date rank) instead of scanning everything. These tests state each rule as the plain scan
it replaced and check the merge against it, so a faster lookup can never change what is stored.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from db.merge import (
    MergedEvent,
    _fuller,
    _merge_events,
    clean_name,
    date_precision,
    dates_compatible,
    merge,
    name_tokens,
)
from ingest.model import ArticleFacts, CastPair, Event

WORDS = ["Nick", "Nelson", "Mr.", "Farouk", "Tao", "Xu", "de", "Elle"]
character_names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
dates = st.sampled_from(["2023-08", "2023-08-03", "2023-08-05", "2023-09", "2023-09-01", "2022-09", "bad"])
article_dates = st.sampled_from([None, "", "2023-01-01", "2022-05-05", "2023-01-01", "2024-02-02"])


def plain_clusters(names: list[str]) -> dict[str, str]:
    """Every spelling -> the fullest name of its cluster, scanning all clusters for each name."""
    clusters: list[list[str]] = []
    for name in sorted(dict.fromkeys(names), key=lambda n: -len(name_tokens(n))):
        toks = set(name_tokens(name))
        for cluster in clusters:
            if toks and toks <= set(name_tokens(cluster[0])):
                cluster.append(name)
                break
        else:
            clusters.append([name])
    display = {}
    for cluster in clusters:
        best = cluster[0]
        for name in cluster[1:]:
            best = _fuller(best, name)
        display.update(dict.fromkeys(cluster, best))
    return display


@settings(max_examples=300, deadline=None)
@given(st.lists(character_names, min_size=1, max_size=12))
def test_character_clusters_match_the_plain_scan(names):
    facts = [
        ArticleFacts(file=f"{i}.txt", title="t", date=None, cast=[CastPair("Kit Connor", name)])
        for i, name in enumerate(names)
    ]
    display = plain_clusters([clean_name(n) for n in names])
    k = merge(facts)
    assert [c.name for c in k.characters] == list(dict.fromkeys(display[clean_name(n)] for n in names))
    for character in k.characters:
        expected = [f"{i}.txt" for i, n in enumerate(names) if display[clean_name(n)] == character.name]
        assert character.sources == expected


def plain_events(facts: list[ArticleFacts]) -> list[tuple]:
    """The event rules as a scan over every event of the same kind and season (and, second, every event)."""
    events: list[MergedEvent] = []
    groups: dict[tuple, list[MergedEvent]] = {}
    for art in facts:
        for ev in art.events:
            date, what = ev.date.strip(), clean_name(ev.what)
            if date == "bad" or not what:
                continue
            kind = clean_name(ev.kind).casefold() or "other"
            key = (kind, ev.season, " ".join(name_tokens(what)) if kind == "other" else None)
            for existing in groups.setdefault(key, []):
                if dates_compatible(existing.date, date):
                    mine = (existing.season is not None, date_precision(existing.date), len(existing.what))
                    if (ev.season is not None, date_precision(date), len(what)) > mine:
                        existing.what = what
                    if date_precision(date) > date_precision(existing.date):
                        existing.date = date
                    existing.sources.append(art.file)
                    break
            else:
                event = MergedEvent(what=what, kind=kind, date=date, season=ev.season, sources=[art.file])
                groups[key].append(event)
                events.append(event)
    merged_away = set()
    for event in events:
        if event.season is not None or event.kind == "other":
            continue
        matches = [
            e
            for e in events
            if e.kind == event.kind and e.season is not None and dates_compatible(e.date, event.date)
        ]
        if len(matches) == 1:
            if date_precision(event.date) > date_precision(matches[0].date):
                matches[0].date = event.date
            matches[0].sources.extend(event.sources)
            merged_away.add(id(event))
    return [(e.what, e.kind, e.date, e.season, e.sources) for e in events if id(e) not in merged_away]


event_rows = st.lists(
    st.tuples(
        st.sampled_from(["premiere", "festival", "other", "announcement"]),
        st.sampled_from([None, 2, 3]),
        dates,
        st.sampled_from(["Season 2 premiere", "premiere", "Berlin festival", "a wrap party"]),
    ),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(event_rows, min_size=1, max_size=8))
def test_events_match_the_plain_scan(articles):
    facts = [
        ArticleFacts(
            file=f"{i}.txt",
            title="t",
            date=None,
            events=[Event(what, date, kind, season) for kind, season, date, what in rows],
        )
        for i, rows in enumerate(articles)
    ]
    merged = [(e.what, e.kind, e.date, e.season, e.sources) for e in _merge_events(facts)]
    assert merged == plain_events(facts)


@settings(max_examples=200, deadline=None)
@given(st.lists(article_dates, min_size=1, max_size=10))
def test_sources_are_ordered_oldest_first_undated_last_then_article_order(article_dated):
    # Every article reports the same premiere; article i is dated article_dated[i].
    facts = [
        ArticleFacts(file=f"{i}.txt", title="t", date=d, events=[Event("premiere", "2023-08", "premiere", 2)])
        for i, d in enumerate(article_dated)
    ]
    (event,) = merge(facts).events
    dates = {f"{i}.txt": d for i, d in enumerate(article_dated)}
    expected = sorted(dates, key=lambda f: (dates[f] is None, dates[f] or ""))
    assert event.sources == expected
