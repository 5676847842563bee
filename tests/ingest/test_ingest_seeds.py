"""The four bundled seed articles: every cast pair, dated event and full quotation the issue lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract_file
from ingest.model import ArticleFacts

SEEDS = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.fixture(scope="module")
def seeds() -> dict[str, ArticleFacts]:
    import ingest.extract

    ingest.extract.STRICT = True
    try:
        return {p.name[:3]: extract_file(p) for p in sorted(SEEDS.glob("*.txt"))}
    finally:
        ingest.extract.STRICT = False


def _pairs(facts: ArticleFacts) -> set[tuple[str, str]]:
    return {(c.actor, c.character) for c in facts.cast}


def test_000_cast_list(seeds):
    assert _pairs(seeds["000"]) == {
        ("Joe Locke", "Charlie Spring"),
        ("Kit Connor", "Nick Nelson"),
        ("Yasmin Finney", "Elle Argent"),
        ("William Gao", "Tao Xu"),
        ("Corinna Brown", "Tara Jones"),
        ("Kizzy Edgell", "Darcy Olsson"),
        ("Tobie Donovan", "Isaac Henderson"),
    }


def test_001_character_actor_parentheses_with_descriptions(seeds):
    facts = seeds["001"]
    assert _pairs(facts) == {
        ("Kit Connor", "Nick"),
        ("Joe Locke", "Charlie"),
        ("Corinna Brown", "Tara"),
        ("Kizzy Edgell", "Darcy"),
        ("William Gao", "Tao"),
        ("Yasmin Finney", "Elle"),
        ("Tobie Donovan", "Isaac"),
        ("Jack Barton", "David"),
        ("Thibault de Montalembert", "Stephane"),
        ("Bel Priestley", "Naomi"),
        ("Ash Self", "Felix"),
        ("Leila Khan", "Sahar Zahid"),
        ("Nima Taleghani", "Mr. Farouk"),
    }
    desc = {c.character: c.description for c in facts.cast}
    assert desc["David"] == "Nick's older brother"
    assert desc["Stephane"] == "Nick's dad"
    assert desc["Sahar Zahid"] == "a new student at Higgs"
    assert desc["Mr. Farouk"] == "a new teacher at Truham"


def test_002_and_003_pairs(seeds):
    assert _pairs(seeds["002"]) == {("Kit Connor", "Nick Nelson")}
    assert _pairs(seeds["003"]) == {("Joe Locke", "Charlie"), ("Kit Connor", "Nick")}


def test_seed_totals_13_characters_23_pairs(seeds):
    # The brief's per-article counts say 12 for 001, but 001 names 13 pairs and the total is 23.
    assert sum(len(f.cast) for f in seeds.values()) == 23
    first_names = {
        c.character.split()[-1] if c.character.startswith("Mr") else c.character.split()[0]
        for f in seeds.values()
        for c in f.cast
    }
    assert len(first_names) == 13


def test_no_pair_twice_in_an_article(seeds):
    for facts in seeds.values():
        assert len(_pairs(facts)) == len(facts.cast)


def test_dated_events(seeds):
    events = {(e.kind, e.date) for f in seeds.values() for e in f.events}
    assert events == {
        ("premiere", "2023-08-03"),
        ("production_start", "2022-09"),
        ("production_end", "2023-02"),
        ("announcement", "2022-09-22"),
        ("festival", "2023-02-17"),
    }
    whats = {e.what for f in seeds.values() for e in f.events}
    assert {"Season 2 premiere", "Season 2 announcement", "BFI Future Film Festival"} <= whats


def test_kit_connor_quotes_002(seeds):
    # Each full quotation is one quote: a quotation left open at a paragraph's end and continued by a
    # paragraph opening with a quote mark is joined (news convention).
    assert [(q.speaker, q.text) for q in seeds["002"].quotes] == [
        (
            "Kit Connor",
            "I don't know, I don't. I don't have any sort of official dates. You know, hopefully in the next "
            "couple of months.",
        ),
        (
            "Kit Connor",
            "I think it's something that you just can't take for granted, to be honest, the fact that we're "
            "able to make a show like Heartstopper is such a privilege to be able to live in a time that we "
            "can do that",
        ),
        (  # three paragraphs
            "Kit Connor",
            "But then again, it is also so necessary. I feel like Heartstopper has got such an important "
            "place in the world, and in media and everything. What I always preach about Heartstopper is "
            "that it is just showing people being happy. There's never enough of that, and you can't get "
            "enough of that. You know, all you see in media is these really, frankly, important issues but "
            "just really quite depressing issues as well. And I think it's so important that even in this "
            "day and age where we can make it, it doesn't mean that necessity isn't still there.",
        ),
        (  # two paragraphs, after the scare quote "fuzziness"
            "Kit Connor",
            "Yeah, there's nothing wrong with that... I think there's so much darkness [and] grittiness, "
            "which is great sometimes. It's cool to watch things like Euphoria, where it's just loads of "
            "really hot people just sort of doing it, but, you know, that's a very common thing in media. "
            "So it's nice to have things that are just happy, and just nice. It's a bit sad, it's got some "
            "drama in it, but for the most part, it's just people being happy.",
        ),
    ]


def test_alice_oseman_quotes_003_including_misspelt_surname(seeds):
    facts = seeds["003"]
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        (
            "Alice Oseman",
            "I do actually know my answer to this. It’s the scene in Charlie’s bedroom at the start of "
            "episode 4 when Nick has run in the rain to come and speak to Charlie. That is my favourite.",
        ),
        (  # '"A," laughed Oseman. "B."' is one quotation
            "Alice Oseman",
            "Like, practically, yeah, rugby, So difficult. Just, firstly, trying to stage a rugby match, "
            "like figure out where everyone needs to know exactly where they’re going.",
        ),
        (  # two paragraphs, attributed by "They added:"
            "Alice Oseman",
            "We had a rugby coach, we had to get a rugby coach in and that was just very very difficult "
            "because you can’t actually kick a ball in the same way every time. Also, particularly the "
            "rugby match where it’s raining as well, so we had to deal with rugby and also the rain machines "
            "and on a day where it was also boiling hot. So, that was a stressful time, yeah.",
        ),
        (  # partial quotes after "Osman also noted that" and "Oseman also noted that"
            "Alice Oseman",
            "always with a feeling of hope and optimism - the idea that things can get better and there is "
            "a happy ending.",
        ),
        ("Alice Oseman", "there should also be a space for joy"),
    ]
    # Scare quotes are not quotations.
    assert not {"queer joy", "very important", "exciting"} & {q.text for q in facts.quotes}
    assert facts.aliases["Alice Oseman"] == ["Oseman", "Osman"]


def test_synopsis_tweet_and_scare_quotes_are_not_quotes(seeds):
    assert seeds["000"].quotes == []  # "more diverse", a tweet's "hi"
    assert seeds["001"].quotes == []  # the official synopsis, "City of Love", "more mature"


def test_people_are_not_cast(seeds):
    people = {(p.name, p.role) for f in seeds.values() for p in f.people}
    assert ("Euros Lyn", "director") in people
    assert ("Jane Garvey", "interviewer") in people
    assert ("Rhianna Dhillon", "TV critic") in people
    assert ("Lewis Knight", "Trends Editor") in people
    assert any(name == "Alice Oseman" for name, _ in people)
    actors = {c.actor for f in seeds.values() for c in f.cast}
    assert not actors & {name for name, _ in people}


def test_titles_and_dates(seeds):
    assert seeds["000"].date == "2023-06-22"
    assert seeds["000"].title.startswith("Heartstopper, the hit Netflix series")
    assert seeds["001"].title == "“Heartstopper” Takes Us to Paris in First Season 2 Images"
    assert seeds["002"].date is None


def test_001_new_faces_paragraph_marks_its_pairs_new_and_the_season(seeds):
    facts = seeds["001"]
    new = {c.character for c in facts.cast if c.new}
    assert new == {"David", "Stephane", "Naomi", "Felix", "Sahar Zahid", "Mr. Farouk"}
    assert {c.season for c in facts.cast} == {2}  # the headline's "Season 2"
    # The JSON contract is unchanged by the two fields.
    assert set(facts.to_json()["cast"][0]) == {"actor", "character", "description"}
