"""Merging per-article facts into one body of knowledge (db.merge): pure rules, no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from dbtest_seams import seed_like_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from db.merge import derived_aliases, merge, normalise_quote
from ingest.model import ArticleFacts, CastPair, Event, Person, Quote


def art(file: str, date: str | None = None, **kw) -> ArticleFacts:
    return ArticleFacts(file=file, title=f"Title of {file}", date=date, **kw)


def cast_of(k, character):
    return [c for c in k.cast if c.character == character]


# ---------------------------------------------------------------------------------------------- characters


def test_short_character_name_merges_into_the_fuller_one_for_the_same_actor():
    k = merge(
        [
            art("a.txt", cast=[CastPair("Kit Connor", "Nick")]),
            art("b.txt", cast=[CastPair("Kit Connor", "Nick Nelson")]),
            art("c.txt", cast=[CastPair("Kit Connor", "Nelson")]),
        ]
    )
    assert [(c.character, c.actor) for c in k.cast] == [("Nick Nelson", "Kit Connor")]
    [nick] = k.characters
    assert nick.name == "Nick Nelson"
    assert {"Nick", "Nelson"} <= set(nick.aliases)
    assert k.cast[0].sources == ["a.txt", "b.txt", "c.txt"]


def test_a_character_whose_actor_differs_is_a_different_pair():
    k = merge(
        [
            art("a.txt", cast=[CastPair("Kit Connor", "Nick Nelson")]),
            art("b.txt", cast=[CastPair("Someone Else", "Nick")]),
        ]
    )
    assert sorted((c.character, c.actor) for c in k.cast) == [
        ("Nick", "Someone Else"),
        ("Nick Nelson", "Kit Connor"),
    ]


def test_different_characters_of_one_actor_stay_apart():
    k = merge([art("a.txt", cast=[CastPair("Kit Connor", "Nick Nelson"), CastPair("Kit Connor", "Charlie")])])
    assert sorted(c.character for c in k.cast) == ["Charlie", "Nick Nelson"]


def test_titles_do_not_split_a_character():
    k = merge(
        [
            art("a.txt", cast=[CastPair("Nima Taleghani", "Mr. Farouk")]),
            art("b.txt", cast=[CastPair("Nima Taleghani", "Farouk")]),
        ]
    )
    [farouk] = k.cast
    assert farouk.character == "Mr. Farouk"
    assert "Farouk" in k.characters[0].aliases


def test_description_keeps_the_most_informative():
    k = merge(
        [
            art("a.txt", cast=[CastPair("Jack Barton", "David", "brother")]),
            art("b.txt", cast=[CastPair("Jack Barton", "David Nelson", "Nick's older brother")]),
            art("c.txt", cast=[CastPair("Jack Barton", "David", None)]),
        ]
    )
    [david] = k.characters
    assert david.name == "David Nelson"
    assert david.description == "Nick's older brother"


def test_new_faces_are_not_returning_and_seasons_come_from_descriptions():
    k = merge(
        [
            art(
                "a.txt",
                cast=[
                    CastPair("Nima Taleghani", "Mr. Farouk", "a new teacher at Truham"),
                    CastPair("Kit Connor", "Nick Nelson", None),
                    CastPair("Bel Priestley", "Naomi", "joins in season 2 as one of Elle's new friends"),
                ],
            )
        ]
    )
    by_name = {c.character: c for c in k.cast}
    assert by_name["Mr. Farouk"].returning is False
    assert by_name["Nick Nelson"].returning is True
    assert by_name["Nick Nelson"].seasons == []
    assert by_name["Naomi"].returning is False
    assert by_name["Naomi"].seasons == [2]


@dataclass(frozen=True)
class PairWithSignals(CastPair):
    new: bool = False
    season: int | None = None


def test_new_face_and_season_signals_from_the_extractor_are_honoured():
    k = merge(
        [
            art("a.txt", cast=[PairWithSignals("Jack Barton", "David", "Nick's older brother", True, 2)]),
            art("b.txt", cast=[CastPair("Kit Connor", "Nick Nelson")]),
        ]
    )
    by_name = {c.character: c for c in k.cast}
    assert by_name["David"].returning is False and by_name["David"].seasons == [2]
    assert by_name["Nick Nelson"].returning is True and by_name["Nick Nelson"].seasons == []


def test_the_word_new_inside_another_word_is_not_a_new_face():
    k = merge([art("a.txt", cast=[CastPair("A Actor", "Nia", "a newspaper editor; renewed contract")])])
    assert k.cast[0].returning is True


# ---------------------------------------------------------------------------------------------- people


def test_person_aliases_from_articles_and_derived_names():
    k = merge(
        [
            art("a.txt", people=[Person("Alice Oseman", "creator")], aliases={"Alice Oseman": ["Oseman"]}),
            art("b.txt", people=[Person("Alice Oseman", "writer")], aliases={"Alice Oseman": ["Osman"]}),
        ]
    )
    [alice] = k.people
    assert alice.roles == ["creator", "writer"]
    assert set(alice.aliases) >= {"Alice", "Oseman", "Osman"}
    assert alice.sources == ["a.txt", "b.txt"]


def test_actors_are_people_with_the_actor_role():
    k = merge(
        [art("a.txt", cast=[CastPair("Kit Connor", "Nick Nelson")], people=[Person("Kit Connor", "voice")])]
    )
    [kit] = k.people
    assert kit.roles == ["actor", "voice"]


def test_surname_particles_and_titles_in_derived_aliases():
    assert set(derived_aliases("Thibault de Montalembert")) == {"Thibault", "Montalembert", "de Montalembert"}
    assert set(derived_aliases("Mr. Farouk")) == {"Farouk", "Mr Farouk"}
    assert derived_aliases("Cher") == []


def test_a_misspelt_speaker_resolves_across_articles_through_aliases():
    k = merge(
        [
            art("a.txt", people=[Person("Alice Oseman", "creator")], aliases={"Alice Oseman": ["Osman"]}),
            art("b.txt", quotes=[Quote("Osman", "There should also be a space for joy.")]),
        ]
    )
    assert [p.name for p in k.people] == ["Alice Oseman"]
    assert k.quotes[0].speaker == "Alice Oseman"
    assert k.people[0].sources == ["a.txt", "b.txt"]


def test_a_bare_surname_resolves_only_when_unambiguous():
    unique = merge(
        [
            art("a.txt", cast=[CastPair("Kit Connor", "Nick Nelson")]),
            art("b.txt", quotes=[Quote("Connor", "Hi all")]),
        ]
    )
    assert unique.quotes[0].speaker == "Kit Connor"
    ambiguous = merge(
        [
            art(
                "a.txt", cast=[CastPair("Kit Connor", "Nick Nelson"), CastPair("Connor Swindells", "Someone")]
            ),
            art("b.txt", quotes=[Quote("Connor", "Hi all")]),
        ]
    )
    assert ambiguous.quotes[0].speaker == "Connor"


# ---------------------------------------------------------------------------------------------- events


def test_events_keep_the_most_precise_date_and_every_source():
    k = merge(
        [
            art("a.txt", "2023-06-01", events=[Event("Season 2 premiere", "2023-08", "premiere", 2)]),
            art("b.txt", "2023-06-22", events=[Event("Season 2 premiere", "2023-08-03", "premiere", 2)]),
            art("c.txt", None, events=[Event("premiere", "2023-08", "premiere", 2)]),
        ]
    )
    [premiere] = k.events
    assert premiere.date == "2023-08-03"
    assert premiere.what == "Season 2 premiere"
    assert premiere.sources == ["a.txt", "b.txt", "c.txt"]


def test_events_of_different_kinds_seasons_or_dates_stay_apart():
    k = merge(
        [
            art(
                "a.txt",
                events=[
                    Event("Season 2 premiere", "2023-08-03", "premiere", 2),
                    Event("Season 3 premiere", "2024-10-03", "premiere", 3),
                    Event("Production start", "2022-09", "production_start", 2),
                    Event("Production end", "2023-02", "production_end", 2),
                    Event("Season 2 premiere (rumoured)", "2023-09-01", "premiere", 2),
                ],
            )
        ]
    )
    assert len(k.events) == 5


def test_an_event_without_a_season_joins_the_one_season_event_it_matches():
    k = merge(
        [
            art("a.txt", events=[Event("Season 2 premiere", "2023-08-03", "premiere", 2)]),
            art("b.txt", events=[Event("Premiere", "2023-08-03", "premiere", None)]),
        ]
    )
    [premiere] = k.events
    assert premiere.season == 2
    assert premiere.sources == ["a.txt", "b.txt"]


def test_other_events_are_told_apart_by_their_text_and_malformed_dates_are_dropped():
    k = merge(
        [
            art(
                "a.txt",
                events=[
                    Event("Emmy win", "2022-12", "other"),
                    Event("Book launch", "2022-12", "other"),
                    Event("Nonsense", "sometime", "premiere", 2),
                    Event("Nonsense", "2023-13-45-99", "premiere", 2),
                ],
            )
        ]
    )
    assert sorted(e.what for e in k.events) == ["Book launch", "Emmy win"]


# ------------------------------------------------------------------------------------------ quotes, sources


def test_quotes_dedupe_by_normalised_text_and_keep_the_oldest_article_first():
    k = merge(
        [
            art("undated.txt", None, quotes=[Quote("Kit Connor", "It’s just people being happy.")]),
            art("new.txt", "2023-06-01", quotes=[Quote("Kit Connor", "it's just people  being happy")]),
            art("old.txt", "2022-05-20", quotes=[Quote("Kit Connor", '"It\'s just people being happy,"')]),
        ]
    )
    [quote] = k.quotes
    assert quote.sources == ["old.txt", "new.txt", "undated.txt"]
    assert quote.text == "It’s just people being happy."


def test_normalise_quote_ignores_case_marks_and_spacing():
    assert normalise_quote("“Hello,   World!”") == normalise_quote('"hello world"') == "hello world"
    assert normalise_quote('"..."') == ""


def test_seed_like_articles_merge_into_one_cast_list():
    k = merge(seed_like_articles())
    pairs = {(c.character, c.actor) for c in k.cast}
    assert ("Nick Nelson", "Kit Connor") in pairs
    assert ("Charlie Spring", "Joe Locke") in pairs
    assert ("Nick", "Kit Connor") not in pairs and ("Charlie", "Joe Locke") not in pairs
    nick = next(c for c in k.cast if c.character == "Nick Nelson")
    assert nick.sources == ["002_kit.txt", "003_alice.txt", "000_season2.txt", "001_paris.txt"]
    assert len(k.events) == 5
    assert {p.name for p in k.people} >= {
        "Alice Oseman",
        "Euros Lyn",
        "Jane Garvey",
        "Kit Connor",
        "Joe Locke",
    }


def test_the_same_file_twice_counts_once():
    a = art("a.txt", quotes=[Quote("Kit Connor", "Hello there friends")])
    k = merge([a, a])
    assert len(k.articles) == 1 and k.quotes[0].sources == ["a.txt"]


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            names, names, st.one_of(st.none(), names), names, names, st.sampled_from(["2023-08", "bad", ""])
        ),
        max_size=6,
    )
)
def test_merge_never_raises_on_arbitrary_facts(rows):
    facts = [
        art(
            f"{i}.txt",
            cast=[CastPair(actor, character, description)],
            quotes=[Quote(actor, text)],
            events=[Event(what, date, "premiere", None)],
            aliases={actor: [character]},
        )
        for i, (actor, character, description, text, what, date) in enumerate(rows)
    ]
    k = merge(facts)
    quoted = {q.speaker for q in k.quotes}
    assert quoted <= {p.name for p in k.people}
    for c in k.cast:
        assert c.sources
