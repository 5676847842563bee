"""Entry point: one article's text in, its facts (cast, people, dated events, quotes, aliases) out."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ingest import cast as cast_mod
from ingest.events import find_events
from ingest.metadata import parse_header
from ingest.model import ArticleFacts
from ingest.names import PERSON_TITLES, NameIndex, is_full_name, name_words
from ingest.quotes import (
    NameHit,
    find_quotes,
    gerund_led,
    last_mention,
    name_hits,
    person_mentions,
    speaker_names,
)
from ingest.reader import read_article
from ingest.text import Paragraph, paragraphs

log = logging.getLogger(__name__)
T = TypeVar("T")

# Tests set this to surface a stage's bug instead of degrading to an empty result.
STRICT = False
# Priorities in the article's name index: any capitalised full name < a name with person cues.
_ANY_NAME, _PERSON = 1, 3


def _stage(name: str, file: str, fn: Callable[[], T], default: T) -> T:
    """Run one extraction stage; a bug in it loses that stage's facts for this article, not the article."""
    try:
        return fn()
    except Exception:
        if STRICT:
            raise
        log.exception("extracting %s from %s failed; continuing without it", name, file)
        return default


_AGE_RE = re.compile(r",[ \t]*\d{1,2}[ \t]*,")
_OCCUPATION_RE = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?:teacher|headteacher|student|pupil|manager|producer"
    r"|writer|actor|actress|councillor|spokesperson|spokeswoman|spokesman|owner|founder|editor|critic|designer"
    r"|consultant|lecturer|professor|librarian|organiser|organizer|volunteer|campaigner|nurse|doctor|vicar)s?\b"
)


_WHO_PLAYS_RE = re.compile(
    r"[ \t]?[,(][ \t]*who[ \t]+(?:plays|played|stars|starred|voices|voiced|portrays)\b"
)
_LOWER_NEXT_RE = re.compile(r"[ \t]+[a-z]")
_TITLE_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(PERSON_TITLES))})\.?[ \t]+$")


def _headline_subjects(paras: list[Paragraph], hits: list[NameHit], texts: dict[int, str]) -> set[str]:
    """Full names the headline gives that open a body sentence as its subject ("Kit Connor Is Done Playing
    It Safe" / "Kit Connor is apologizing for ..."): a profile's subject is a person, even one the article
    only ever quotes through "he says"."""
    headline = {p.index for p in paras if p.is_headline}
    in_body = {name for para, _start, _end, name in hits if para not in headline}
    # the body must give the same full name: not "Adds Rafe Adebayo" from a title-case headline
    named = {name for para, _start, _end, name in hits if para in headline and is_full_name(name)} & in_body
    if not named:
        return set()
    by_surname = {name_words(name)[-1]: name for name in named}
    found = set()
    for para, start, end, name in hits:
        if para in headline or (full := name if name in named else by_surname.get(name)) is None:
            continue
        text = texts[para]
        opens = start == 0 or text[:start].rstrip().endswith((".", "!", "?"))
        if opens and _LOWER_NEXT_RE.match(text, end):
            found.add(full)
    return found


def extract_article(text: str, file: str) -> ArticleFacts:
    """Extract the facts of one article. Pure; never raises on any str input."""
    header = _stage("header", file, lambda: parse_header(text), None)
    if header is None:
        return ArticleFacts(file=file, title="", date=None)
    paras = paragraphs(header.headline, header.body)
    facts = ArticleFacts(file=file, title=header.title, date=header.date, source=header.source)

    index = NameIndex()
    hits = name_hits(paras)
    texts = {p.index: p.text for p in paras}
    for _para, _start, _end, name in hits:
        if is_full_name(name):
            index.add(name, _ANY_NAME)

    findings = _stage("cast", file, lambda: cast_mod.scan(paras, header.title), cast_mod.CastFindings())
    raw_people = cast_mod.people_from(findings)
    for name in findings.actor_cues:
        index.add(name, _PERSON)
    for name, _role in raw_people:
        index.add(name, _PERSON)
    speaker_hits = _stage("speakers", file, lambda: speaker_names(paras, hits), [])
    for _para, _offset, name in speaker_hits:
        full = name if is_full_name(name) else index.resolve(name)
        if full:
            index.add(full, _PERSON)
    # "Finney, 21, is curled up", "Daniel Okafor, a secondary school teacher in Birmingham,": a name with an
    # age or an occupation in commas is a person, whatever the verb.
    for para_no, _start, end, name in hits:
        text = texts[para_no]
        if text[end : end + 2].lstrip()[:1] in ",(" and _WHO_PLAYS_RE.match(text, end):
            # "Olivia Colman (who plays Nick's mother)": an actor, though the role has no name here
            index.add(name, _PERSON)
        if text[end : end + 1] == "," and (_AGE_RE.match(text, end) or _OCCUPATION_RE.match(text, end)):
            full = name if is_full_name(name) else index.resolve(name)
            if full:
                index.add(full, _PERSON)
    for full in _headline_subjects(paras, hits, texts):
        index.add(full, _PERSON)
    # "Cllr Sarah Okonjo", "Dr. Ana Lopez": an honorific or official title makes a full name a person.
    for para_no, start, _end, name in hits:
        if is_full_name(name) and (
            name.split(" ", 1)[0].rstrip(".") in PERSON_TITLES
            or _TITLE_BEFORE_RE.search(texts[para_no], max(0, start - 16), start)
        ):
            index.add(name, _PERSON)
    crew = {n for n, role in raw_people if any(role.endswith(r) for r in cast_mod.CREW_ROLES)}
    # A headline's gerund phrase or a newsroom byline ("Watching Kit", "Tudum Staff") is nobody, so a short
    # name ("Kit, who plays Nick") resolves past it to the article's person, in cast as in quotes.
    index.forget([name for name in index.persons if gerund_led(name)])

    early_mentions = _stage("mentions", file, lambda: person_mentions(hits, index, _PERSON), [])

    def last_person(para: int, offset: int) -> str | None:
        found = last_mention(early_mentions, para, offset)
        return found[1] if found else None

    facts.cast = _stage("cast", file, lambda: cast_mod.build_cast(findings, index, crew, last_person), [])
    actors = {c.actor for c in facts.cast}
    for actor in actors:
        index.add(actor, _PERSON)
    # Characters are not people: "said Nick" must not resolve to "Nick Nelson".
    index.forget([c.character for c in facts.cast if c.character not in actors and c.character not in crew])
    facts.people = _stage("people", file, lambda: cast_mod.to_people(findings, index, facts.cast), [])

    mentions = _stage("mentions", file, lambda: person_mentions(hits, index, _PERSON), [])
    subjects = [
        (para, offset, full)
        for para, offset, name in speaker_hits
        if (full := name if is_full_name(name) else index.resolve(name))
        and index.persons.get(full, 0) >= _PERSON
    ]
    characters = {c.character for c in facts.cast if c.character not in actors and c.character not in crew}
    facts.quotes = _stage(
        "quotes", file, lambda: find_quotes(paras, index, mentions, subjects, header.title, characters), []
    )
    facts.events = _stage("events", file, lambda: find_events(paras, header.date, header.title), [])

    known = actors | {p.name for p in facts.people} | {q.speaker for q in facts.quotes}
    facts.aliases = {
        full: sorted(seen - {full})
        for full, seen in sorted(index.aliases.items())
        if full in known and seen - {full}
    }
    return facts


def extract_file(path: Path) -> ArticleFacts:
    """Read and extract one article file; raises ArticleError only when the file cannot be read."""
    return extract_article(read_article(path), str(path))
