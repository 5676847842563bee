"""Direct quotations and who said them.

Rules (each is tested):
- A quotation runs from an opening double mark to the next double mark in the same paragraph; if none, it
  ends at the paragraph end. Single marks are used only in paragraphs without double marks, with stricter
  open/close rules (apostrophes are everywhere).
- A quotation spanning paragraphs is one quote (news convention: the writer leaves the quotation open at a
  paragraph's end and opens the next paragraph with a quote mark): their texts are joined with a space. An
  open quotation whose next paragraph does not open with a quote mark ends at its paragraph end, and a join
  stops after JOIN_MAX_PARAGRAPHS paragraphs or MAX_QUOTE_CHARS characters, so an unbalanced mark cannot
  swallow the article.
- Speaker, in order: an attribution after the quote (`"...," said Kit Connor`, `"...," he added`), an
  attribution before it (`Connor revealed: "..."`, `Speaking to X, she said: "..."`); otherwise a quotation
  that opens its sentence or paragraph continues the previous speaker (follow-on paragraphs, a second quote
  after `"...," laughed Oseman.`).
- A quotation right after a short sentence about a person doing something (`Finney rolls her eyes. "..."`,
  `When asked, she grins. "..."`) is that person's: the sentence (or its clause after the last comma) is at
  most DESCRIPTIVE_MAX_WORDS words, opens with a known person's name or a subject pronoun followed by a
  lower-case word, names no other known person and holds no quotation.
- Pronouns and role nouns (`they`, `the actor`) mean the most recently named person; a pronoun attribution
  of a paragraph's first quotation means the person the previous paragraph is about, when that paragraph
  has no quotation and names exactly one known person outside prepositional objects.
- A quotation inside a sentence (partial quote in reported speech) counts only if it is at least
  PARTIAL_MIN_WORDS words and the sentence names its speaker with a reporting verb
  (`Oseman noted that ... "always with a feeling of hope..."`); shorter ones are scare quotes.
- Organisations, synopses, statements and tweets are not a person: their quotes and continuations are dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.model import Quote
from ingest.names import NAME, NameIndex, clean_name, is_full_name
from ingest.text import Paragraph, heading_as_prose, sentence_spans, sentence_start

PARTIAL_MIN_WORDS = 6
DESCRIPTIVE_MAX_WORDS = 12
MAX_QUOTE_CHARS = 3000
JOIN_MAX_PARAGRAPHS = 8
# A follow-on paragraph continues the last speaker only this many paragraphs after their last quote.
_FOLLOW_ON_GAP = 3

_VERB = (
    r"(?:said|says|say|added|adds|add|commented|comments|revealed|reveals|explained|explains|laughed|laughs|"
    r"joked|jokes|told|tells|continued|continues|noted|notes|shared|shares|admitted|admits|recalled|recalls|"
    r"stated|states|insisted|insists|teased|teases|confirmed|confirms|enthused|enthuses|gushed|gushes|"
    r"replied|replies|answered|answers|exclaimed|remarked|remarks|observed|acknowledged|agreed|agrees|"
    r"argued|argues|claimed|claims|concluded|mused|muses|reflected|reflects|quipped|quips|urged|warned|"
    r"hinted|hints|promised|reiterated|reiterates|explained|described|describes|wrote|writes|posted|"
    r"tweeted|reads|read|smiled|beamed|admitted|confessed|confesses|elaborated|elaborates|declared|"
    r"announced|announces|began|begins|went[ \t]+on|goes[ \t]+on|offered|revealing|saying|adding|"
    r"explaining|noting|telling|joking|laughing|captioned|captions|writing|tweeting|posting|"
    # phrasal verbs of a panel report: "Finney chimed in:", "Gao weighed in", "Walters thanked the crew:"
    r"chimed[ \t]+in|chimes[ \t]+in|weighed[ \t]+in|weighs[ \t]+in|piped[ \t]+up|pipes[ \t]+up|"
    r"pointed[ \t]+out|points[ \t]+out|shot[ \t]+back|thanked|thanks)"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
_ROLE_NOUN = (
    r"(?:the|The)[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?:actor|actress|star|creator|author|writer|director|"
    r"showrunner|producer|singer|teen|youngster|performer|novelist|illustrator|newcomer)"
)
_NONPERSON_NOUN = (
    r"(?:the|The|a|A|an|An|its|their)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:synopsis|logline|description|statement|"
    r"caption|tweet|post|press[ \t]+release|announcement|streamer|network|company|account|blurb|trailer|"
    r"website|site|spokesperson|spokesman|spokeswoman|representative|rep|report|magazine|newspaper|"
    r"publication|outlet|studio|platform|service)"
)


# "creator Alice Oseman said", "co-star Kit Connor added": a lowercase role word before the name.
_ROLE_PREFIX = (
    r"(?:(?:(?:series|show|Heartstopper|fellow|the)[ \t]+)?(?:co-creator|creator|co-star|star|actor|actress"
    r"|director|writer|author|showrunner|producer|newcomer|novelist|illustrator)[ \t]+)?"
)


def _speaker(prefix: str = "") -> str:
    return (
        rf"(?:(?P<{prefix}np>{_NONPERSON_NOUN})|(?P<{prefix}pr>{_PRONOUN})|(?P<{prefix}rn>{_ROLE_NOUN})"
        rf"|{_ROLE_PREFIX}(?P<{prefix}nm>{NAME}))"
    )


_ADVERB = r"(?:[ \t]+(?:also|then|later|simply|once|previously|recently|has|had|have|\w+ly))*"
# ", who plays Nick Nelson," between a speaker and the verb.
_APPOSITION = r"(?:[ \t]*,[^,.:;\"“”\n]{1,80},)?"
_SPEAKER_VERB = rf"{_speaker()}{_APPOSITION}{_ADVERB}[ \t]+"

_AFTER_RE = re.compile(
    rf"[ \t]*[,.…!?—–-]?[ \t]*(?:(?P<v1>{_VERB})[ \t]+{_speaker('a')}|{_SPEAKER_VERB}(?P<v2>{_VERB}))\b"
)
_BEFORE_RES = (
    # "Connor revealed: ", "Kit Connor told Radio Times: ", "Speaking to X, she said, "
    re.compile(
        rf"{_SPEAKER_VERB}{_VERB}(?:[ \t]+(?:[^\s:\"“”]+[ \t]+){{0,6}}?[^\s:\"“”]+)?[ \t]*[:,][ \t]*$"
    ),
    # 'he said "..."'
    re.compile(rf"{_SPEAKER_VERB}(?:said|says|adds|added|told|tells|explained|explains)[ \t]*$"),
    # "According to Connor, "
    re.compile(
        rf"(?:[Aa]ccording[ \t]+to|[Ii]n[ \t]+the[ \t]+words[ \t]+of)[ \t]+{_speaker()}[ \t]*,[ \t]*$"
    ),
    # 'Asked about it, he laughs. "...': a speaker's gesture as its own sentence just before the quotation.
    re.compile(
        rf"{_SPEAKER_VERB}(?:laughs|laughed|smiles|smiled|grins|grinned|shrugs|shrugged|sighs|sighed"
        rf"|pauses|paused|nods|nodded)[ \t]*\.[ \t]*$"
    ),
)
_GESTURE_TAIL_RE = re.compile(r"\b(?:laugh|smile|grin|shrug|sigh|pause|nod)(?:s|ed|ded)?[ \t]*\.$")
_REPORTING_RE = re.compile(
    rf"\b(?:{_VERB}|suggested|suggests|believes|believed|feels|felt|thinks|thought|hopes|hoped|expressed"
    rf"|praised|praises|described|describes|called|calls|insisted|noted)\b"
)
_SUBJECT_PRONOUN_RE = re.compile(rf"[ \t]*(?:{_PRONOUN})\b")
# A name next to a speech verb anywhere in the article marks that name as a person.
# "Netflix's director of UK drama, Anne Mensah, said": the name closes an appositive role.
_VERB_AFTER_NAME_RE = re.compile(rf"(?:{_APPOSITION}|,)?{_ADVERB}[ \t]+{_VERB}\b")
# Inverted attribution ("...," said Connor): only verbs that take the speaker after them.
_VERB_BEFORE_NAME_RE = re.compile(
    r"\b(?:[Aa]ccording[ \t]+to|said|says|added|adds|commented|explained|explains|laughed|joked|continued"
    r"|revealed|admitted|recalled|quipped|insisted|replied|enthused|gushed|noted|concluded)[ \t]+$"
)
# The last word of each of its alternatives: a cheap test before the search (which tries every position).
_VERB_BEFORE_NAME_ENDINGS = (
    "to", "said", "says", "added", "adds", "commented", "explained", "explains", "laughed", "joked",
    "continued", "revealed", "admitted", "recalled", "quipped", "insisted", "replied", "enthused", "gushed",
    "noted", "concluded",
)  # fmt: skip
_DOUBLE_MARKS = '"“”„‟″'
_DOUBLE_RE = re.compile(r"[\"“”„‟″]")
# The mark comes first and its context is checked behind it: a pattern that opens with a character class
# is scanned for quickly, one that opens with a lookbehind is tried at every position (5x slower).
# Opening: at the start or after a space, bracket, colon or dash; closing: after a non-space.
_SINGLE_OPEN_RE = re.compile(r"['‘](?<![^\s(:—–-].)(?=[^\s'‘’])")
_SINGLE_CLOSE_RE = re.compile(r"['’](?<=[^\s'‘’].)(?=$|[\s.,;:!?)—–-])")
_TWEET_RE = re.compile(r"https?://t\.co/|pic\.twitter\.com|(?:^|\s)@\w{2,15}\b.*(?:https?://|\b\d{4}\b)")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’')\]]*[ \t]*$")

_NONPERSON = "\x00nonperson"
# Words before a name that make it an object, not the subject a later pronoun refers to.
_OBJECT_WORDS = frozenset(
    "to with by from at for about of and opposite alongside beside than like praised thanked "
    "interviewed asked told".split()
)
_NAME_RE = re.compile(NAME)
# An interview transcript line: "Joe Locke: answer", "**Locke:** answer", "JL: answer".
_QA_RE = re.compile(
    rf"[ \t]*(?:\*\*|__)?[ \t]*(?P<label>{NAME}|[A-Z]{{2,3}})"
    rf"[ \t]*(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z]")


@dataclass
class _Span:
    start: int  # index of the opening mark
    end: int  # index of the closing mark, or len(text) when unclosed
    closed: bool


def _spans(text: str) -> list[_Span]:
    marks = [m.start() for m in _DOUBLE_RE.finditer(text)]
    if marks:
        spans = []
        for i in range(0, len(marks), 2):
            if i + 1 < len(marks):
                spans.append(_Span(marks[i], marks[i + 1], True))
            else:
                spans.append(_Span(marks[i], len(text), False))
        return spans
    # Single marks: pair each opener with the first closer after it.
    if "'" not in text and "‘" not in text:
        return []  # no opener possible
    spans = []
    closers = [m.start() for m in _SINGLE_CLOSE_RE.finditer(text)]
    ci = 0
    pos = 0
    for m in _SINGLE_OPEN_RE.finditer(text):
        if m.start() < pos:
            continue
        while ci < len(closers) and closers[ci] <= m.start():
            ci += 1
        if ci < len(closers):
            spans.append(_Span(m.start(), closers[ci], True))
            pos = closers[ci] + 1
            ci += 1
    return spans


def _words(s: str) -> int:
    return len(s.split())


def last_mention(
    mentions: list[tuple[int, int, str]], para: int, offset: int
) -> tuple[tuple[int, int], str] | None:
    """The last (position, person) mentioned strictly before (para, offset); mentions are in reading order."""
    lo, hi = 0, len(mentions)
    while lo < hi:
        mid = (lo + hi) // 2
        if mentions[mid][:2] < (para, offset):
            lo = mid + 1
        else:
            hi = mid
    if not lo:
        return None
    p, o, person = mentions[lo - 1]
    return (p, o), person


NameHit = tuple[int, int, int, str]  # (paragraph, start, end, cleaned name)


def name_hits(paragraphs: list[Paragraph]) -> list[NameHit]:
    """Every capitalised name-like run in the article, trimmed of stop words; computed once per article."""
    out = []
    for para in paragraphs:
        for m in _NAME_RE.finditer(heading_as_prose(para.text)):
            name = clean_name(m.group(0))
            if name:
                out.append((para.index, m.start(), m.end(), name))
    return out


def speaker_names(paragraphs: list[Paragraph], hits: list[NameHit]) -> list[tuple[int, int, str]]:
    """(paragraph, offset, name as written) for each name used as the subject or object of a speech verb:
    "Locke explained", "Brown, 28, said", "said Connor"."""
    texts = {p.index: p.text for p in paragraphs}
    out = []
    for para, start, end, name in hits:
        text = texts[para]
        head = text[max(0, start - 24) : start]
        after = _VERB_AFTER_NAME_RE.match(text, end) and not _object_of_preposition(head)
        if after and "who" in (clause := text[max(0, start - 100) : start].rpartition(",")[2]):
            after = not _RELATIVE_RE.match(clause)  # "the star, who has been filming Agatha, went on"
        if after or (head.rstrip().endswith(_VERB_BEFORE_NAME_ENDINGS) and _VERB_BEFORE_NAME_RE.search(head)):
            out.append((para, start, name))
    return out


_RELATIVE_RE = re.compile(r"[ \t]*who\b")


def _object_of_preposition(head: str) -> bool:
    """The name follows a preposition inside its clause ("busy with Agatha All Along, went on"), so it is not
    the subject of the verb after it; a sentence-opening "For Finney," is a topic, not an object."""
    words = head.split()
    if not words or words[-1].lower() not in _OBJECT_WORDS:
        return False
    return not (len(words) == 1 or words[-2].endswith((".", "!", "?", '"', "”")))


class _Speakers:
    """Resolves a speaker match to a canonical person (or the non-person marker), tracking recency."""

    def __init__(
        self, index: NameIndex, mentions: list[tuple[int, int, str]], subjects: list[tuple[int, int, str]]
    ) -> None:
        self.index = index
        self.mentions = mentions  # (paragraph, offset, person) in reading order
        self.subjects = subjects  # the same, only for names that are the subject of a speech verb
        self.last: str | None = None  # last quote's speaker (may be _NONPERSON)
        self.last_para = -10
        self.last_pos = (-1, -1)
        self.texts: dict[int, str] = {}  # body paragraphs only (the headline is nobody's paragraph)
        self.quoted: set[int] = set()  # paragraphs holding a quotation
        self.spans_para = -1  # the paragraph being read, and its quotations (names inside are not subjects)
        self.spans: list[_Span] = []
        self.span_starts: list[int] = []
        # "he" / "she" each person was referred to by in an attribution: a "she said" skips a known "he".
        self.pronoun: dict[str, str] = {}

    def last_person(self, para: int, offset: int, pronoun: str = "") -> str | None:
        """Who "he/she/they" means at (para, offset): the person this paragraph is about if it names one
        before the quote; else the latest of the last quote's speaker and the last subject of a speech verb;
        failing both, the last person named. A person known by the other gendered pronoun is skipped."""
        pronoun = pronoun.lower()
        if (subject := self._paragraph_subject(para, offset, pronoun)) is not None:
            return subject
        if pronoun and self._first_quote(para, offset):
            # 'Connor is due to appear in Warfare.' then 'He told Newsbeat: "..."': the paragraph before.
            previous = self._previous_subject(para)
            if previous is not None and self._fits(previous, pronoun):
                return previous
        best = self._recent(para, offset)
        if best is not None and self._fits(best, pronoun):
            return best
        # Walk back over the people named before, to the latest one the pronoun fits.
        lo = self._mention_index(para, offset)
        for i in range(lo - 1, max(-1, lo - 60), -1):
            person = self.mentions[i][2]
            if self._fits(person, pronoun):
                return person
        return best

    def _fits(self, person: str, pronoun: str) -> bool:
        known = self.pronoun.get(person)
        return not (known and pronoun in ("he", "she") and known != pronoun)

    def _mention_index(self, para: int, offset: int) -> int:
        lo, hi = 0, len(self.mentions)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.mentions[mid][:2] < (para, offset):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _paragraph_subject(self, para: int, offset: int, pronoun: str) -> str | None:
        """The first person named in this paragraph before `offset` (and after the last quote), not as the
        object of a preposition ("Speaking to Jane Garvey, he said" is not about Jane Garvey)."""
        text = self.texts.get(para, "")
        i = self._mention_index(para, 0)
        since = self.last_pos[1] if self.last_pos[0] == para else -1
        tries = 0
        while i < len(self.mentions) and self.mentions[i][0] == para and self.mentions[i][1] < offset:
            _, start, person = self.mentions[i]
            i += 1
            tries += 1
            if tries > 12:
                return None  # bounded: a hostile paragraph of names stays linear
            if start <= since or self._in_quote(para, start):
                continue
            head = text[max(0, start - 20) : start]
            if _object_of_preposition(head) and not head.rstrip().lower().endswith("according to"):
                continue
            return person if self._fits(person, pronoun) else None
        return None

    def _first_quote(self, para: int, offset: int) -> bool:
        return para == self.spans_para and bool(self.span_starts) and self.span_starts[0] == offset

    def _previous_subject(self, para: int) -> str | None:
        """The one known person the previous paragraph is about: it has no quotation and names exactly one
        person outside prepositional objects ("appear in Warfare alongside Will Poulter" is about Connor,
        "Lopez and Rao both learned" is about two people)."""
        previous = para - 1
        text = self.texts.get(previous)
        if text is None or previous in self.quoted:
            return None
        found: set[str] = set()
        i = self._mention_index(previous, 0)
        end = min(len(self.mentions), i + 12)  # bounded: a paragraph of names stays cheap
        while i < end and self.mentions[i][0] == previous:
            _, start, person = self.mentions[i]
            i += 1
            head = text[max(0, start - 20) : start]
            # "Lopez and Rao both learned to surf": a coordinated subject is two people, not an object.
            if not _object_of_preposition(head) or head.rstrip().endswith(" and"):
                found.add(person)
        return found.pop() if len(found) == 1 else None

    def _in_quote(self, para: int, pos: int) -> bool:
        if para != self.spans_para:
            return False
        k = bisect.bisect_right(self.span_starts, pos) - 1
        return k >= 0 and pos <= self.spans[k].end

    def _recent(self, para: int, offset: int) -> str | None:
        best = self.last if self.last != _NONPERSON else None
        pos = self.last_pos if best else (-1, -1)
        subject = last_mention(self.subjects, para, offset)
        if subject is not None and subject[0] > pos:
            best, pos = subject[1], subject[0]
        if best is None and (found := last_mention(self.mentions, para, offset)) is not None:
            best = found[1]
        return best

    def resolve(self, m: re.Match, prefix: str, para: int, offset: int) -> str | None:
        g = m.groupdict()
        if g.get(prefix + "np"):
            return _NONPERSON
        if g.get(prefix + "pr") or g.get(prefix + "rn"):
            pronoun = (g.get(prefix + "pr") or "").lower()
            person = self.last_person(para, offset, pronoun)
            if person and pronoun in ("he", "she"):
                self.pronoun.setdefault(person, pronoun)
            return person
        raw = g.get(prefix + "nm")
        if not raw:
            return None
        name = clean_name(raw)
        if not name:
            return None
        full = name if is_full_name(name) else self.index.resolve(name)
        return full or _NONPERSON  # "Netflix said": a name we cannot tie to a person

    def said(self, speaker: str, para: int, offset: int) -> None:
        self.last, self.last_para, self.last_pos = speaker, para, (para, offset)


def _partial_speaker(pre_sentence: str, speakers: _Speakers, para: int, offset: int) -> str | None:
    """The person a sentence reports: its first named person (or leading pronoun), if a reporting verb
    follows it before the quotation ("Locke also praised co-star Kit Connor, who he described as ...")."""
    start = len(pre_sentence) - len(pre_sentence.lstrip(" \t\"“”'‘’"))
    if _SUBJECT_PRONOUN_RE.match(pre_sentence, start) and _REPORTING_RE.search(pre_sentence):
        return speakers.last_person(para, offset)
    for m in _NAME_RE.finditer(pre_sentence):
        name = clean_name(m.group(0))
        if not name:
            continue
        full = speakers.index.resolve(name) if not is_full_name(name) else name
        opens = m.start() == start and is_full_name(name)  # "Alice Oseman also marked it, writing that"
        if full is None or (speakers.index.persons.get(full, 0) < 2 and not opens):
            continue  # not a known person: keep looking ("When asked about Heartstopper...")
        return full if _REPORTING_RE.search(pre_sentence, m.end()) else None
    return None


_LOWER_NEXT_RE = re.compile(r"[ \t]+[a-z]")
_CLAUSE_PRONOUN_RE = re.compile(r"(?:he|she|they|He|She|They)(?=[ \t]+[a-z])")


def _descriptive_speaker(
    text: str,
    sents: list[tuple[int, int]],
    local_start: int,
    quote_start: int,
    after_unattributed: bool,
    speakers: _Speakers,
    para: int,
) -> str | None:
    """The subject of the short sentence just before a quotation ('Finney laughs when she hears that.'), or
    of its last comma clause ('When asked about it, Finney rolls her eyes.'); see the module docstring.
    `local_start` is where the text after the previous quotation begins: the clause must lie after it, and
    only a sentence whose earlier quotation was unattributed (a scare quote) may lend its last clause."""
    last = local_start + len(text[local_start:quote_start].rstrip()) - 1  # the sentence's final mark
    s_start = sentence_start(sents, last)
    starts = []
    if s_start >= local_start:
        starts.append(s_start)
    elif not after_unattributed:
        return None
    comma = text.rfind(",", max(s_start, local_start), last)
    if comma >= 0:
        starts.append(comma + 1)
    for start in starts:
        clause = text[start:last]
        start += len(clause) - len(clause.lstrip())
        clause = clause.strip()
        if not clause or _words(clause) > DESCRIPTIVE_MAX_WORDS or _DOUBLE_RE.search(clause):
            continue
        named = _clause_people(speakers.mentions, para, start, last)
        if (pm := _CLAUSE_PRONOUN_RE.match(text, start)) is not None:
            if named:
                continue
            pronoun = pm.group(0).lower()
            person = speakers.last_person(para, start, pronoun)
            if person and pronoun in ("he", "she"):
                speakers.pronoun.setdefault(person, pronoun)
            return person
        m = _NAME_RE.match(text, start)
        if m is None or not _LOWER_NEXT_RE.match(text, m.end()) or not (name := clean_name(m.group(0))):
            continue
        full = name if is_full_name(name) else speakers.index.resolve(name)
        if full is None or speakers.index.persons.get(full, 0) < 2 or named - {full}:
            continue
        return full
    return None


def _clause_people(mentions: list[tuple[int, int, str]], para: int, start: int, end: int) -> set[str]:
    """The known people mentioned in text[start:end] of paragraph `para` (at most a clause's worth)."""
    i = bisect.bisect_left(mentions, (para, start, ""))
    found = set()
    while i < len(mentions) and mentions[i][:2] < (para, end) and len(found) < 3:
        found.add(mentions[i][2])
        i += 1
    return found


def _clean_quote(s: str) -> str:
    s = " ".join(s.split())
    s = s.strip(" ,")
    return s


def find_quotes(
    paragraphs: list[Paragraph],
    index: NameIndex,
    mentions: list[tuple[int, int, str]],
    subjects: list[tuple[int, int, str]] | None = None,
) -> list[Quote]:
    """Quotations with canonical speakers, in reading order (rules in the module docstring)."""
    speakers = _Speakers(index, mentions, subjects or [])
    speakers.texts = {p.index: p.text for p in paragraphs if not p.is_headline}
    out: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    all_spans = [[] if p.is_headline else _spans(p.text) for p in paragraphs]
    speakers.quoted = {p.index for p, spans in zip(paragraphs, all_spans, strict=True) if spans}
    # Paragraph position -> speaker, for paragraphs whose first quotation continues an earlier paragraph's
    # quotation (already joined into that quote).
    continued: dict[int, str] = {}
    for pos, para in enumerate(paragraphs):
        if para.is_headline:
            continue
        text = para.text
        if ":" in text[:40] and (qa := _qa_answer(text, index)) is not None:
            speaker, answer = qa
            speakers.said(speaker, para.index, 0)
            if (speaker, answer) not in seen:
                seen.add((speaker, answer))
                out.append(Quote(speaker, answer))
            continue
        spans = all_spans[pos]
        if not spans:
            continue
        # Every tweet form has one of these substrings: the regex runs only where it can match.
        tweet = ("t.co/" in text or "twitter" in text or "@" in text) and bool(_TWEET_RE.search(text))
        sents = sentence_spans(text)
        speakers.spans_para, speakers.spans = para.index, spans
        speakers.span_starts = [sp.start for sp in spans]
        prev_end = 0
        prev_speaker_here: str | None = None
        joined = _interrupted(text, spans) if len(spans) > 1 else {}
        skip = -1
        if pos in continued:
            # This paragraph's first quotation was joined to the one before it: its attribution and any
            # later quotation here belong to the same speaker.
            speaker = continued[pos]
            speakers.said(speaker, para.index, spans[0].start)
            prev_speaker_here, prev_end, skip = speaker, spans[0].end + 1, 0
        for i, sp in enumerate(spans):
            if i == skip:
                continue
            inner = text[sp.start + 1 : sp.end]
            words = _words(inner)
            post = text[sp.end + 1 : sp.end + 160] if sp.closed else ""
            local_start = prev_end
            pre_local = text[prev_end : sp.start]
            s_start = sentence_start(sents, sp.start)
            pre_sentence = text[max(s_start, sp.start - 400) : sp.start]
            prev_end = sp.end + 1
            if i in joined:
                # '"I think," Gao says, "that Tao..."': one quotation around its attribution.
                nxt = spans[i + 1]
                rest = text[nxt.start + 1 : nxt.end]
                inner = inner.rstrip(" \t,") + " " + rest
                words += _words(rest)
                prev_end, skip = nxt.end + 1, i + 1
            ends = spans[i + 1] if i in joined else sp
            chain = [] if ends.closed else _continuation(paragraphs, all_spans, pos, len(inner))
            if chain:
                for k in chain:
                    first = all_spans[k][0]
                    rest = paragraphs[k].text[first.start + 1 : first.end]
                    inner = inner.rstrip() + " " + rest
                    words += _words(rest)
                last = all_spans[chain[-1]][0]
                # '"...last paragraph of it," Connor said.': the attribution follows the closing mark.
                post = paragraphs[chain[-1]].text[last.end + 1 : last.end + 160] if last.closed else ""
            speaker: str | None = None
            how = ""

            after = _AFTER_RE.match(post) if post else None
            if after and _after_ok(inner, words, post, after):
                prefix = "a" if after.group("v1") else ""
                speaker = speakers.resolve(after, prefix, para.index, sp.start)
                how = "after" if speaker else ""
            if not how and (rxs := _before_patterns(pre_local)):
                window = pre_local[-240:]
                for rx in rxs:
                    if (before := rx.search(window)) is not None:
                        speaker = speakers.resolve(before, "", para.index, sp.start)
                        how = "before" if speaker else ""
                        break
            if not how and pre_local.rstrip().endswith((".", "!")):
                speaker = _descriptive_speaker(
                    text, sents, local_start, sp.start, prev_speaker_here is None, speakers, para.index
                )
                how = "descriptive" if speaker else ""
            opens_sentence = (
                not pre_local.strip()
                or bool(_SENTENCE_END_RE.search(pre_local))
                or (prev_speaker_here is not None and _is_attribution_only(pre_local))
            )
            # An unclosed quotation mid-paragraph is trusted only as a continuation (runs to paragraph end).
            if not how and opens_sentence and (sp.closed or not pre_local.strip() or prev_speaker_here):
                # Follow-on: same paragraph after an attributed quote, or a paragraph that is a quotation.
                if prev_speaker_here is not None:
                    speaker, how = prev_speaker_here, "follow"
                elif (
                    not pre_local.strip()
                    and speakers.last
                    and para.index - speakers.last_para <= _FOLLOW_ON_GAP
                ):
                    speaker, how = speakers.last, "follow"
            if not how and sp.closed and words >= PARTIAL_MIN_WORDS:
                # A partial quotation in reported speech: the sentence's subject, if it reports speech.
                speaker = _partial_speaker(pre_sentence, speakers, para.index, sp.start)
                how = "partial" if speaker else ""
            if not how or speaker is None:
                continue
            continued.update(dict.fromkeys(chain, speaker))
            speakers.said(speaker, para.index, sp.start)
            prev_speaker_here = speaker
            if speaker == _NONPERSON or tweet:
                continue
            quote = _clean_quote(inner)
            if not quote or len(quote) > MAX_QUOTE_CHARS or words < 2:
                continue
            key = (speaker, quote)
            if key not in seen:
                seen.add(key)
                out.append(Quote(speaker, quote))
    return out


def _continuation(
    paragraphs: list[Paragraph], all_spans: list[list[_Span]], pos: int, length: int
) -> list[int]:
    """Positions of the paragraphs after `pos` that continue its open last quotation: each opens with a
    double quote mark right after a paragraph whose quotation is still open. Bounded in paragraphs and in
    characters (`length` is the text so far)."""
    chain: list[int] = []
    k = pos
    while (
        all_spans[k]
        and not all_spans[k][-1].closed
        and k + 1 < len(paragraphs)
        and len(chain) + 1 < JOIN_MAX_PARAGRAPHS
    ):
        nxt, spans = paragraphs[k + 1], all_spans[k + 1]
        stripped = nxt.text.lstrip()
        if not spans or not stripped or stripped[0] not in _DOUBLE_MARKS:
            break
        if spans[0].start != len(nxt.text) - len(stripped):
            break
        length += spans[0].end - spans[0].start
        if length > MAX_QUOTE_CHARS:
            break
        k += 1
        chain.append(k)
    return chain


_INTERRUPT_TAIL_RE = re.compile(r"[^.!?\"“”\n]{0,80}?,[ \t]*")


def _interrupted(text: str, spans: list[_Span]) -> dict[int, int]:
    """{i: i + 1} where quotation i ends with a comma, only its attribution follows ("," Gao says, pausing,)
    and quotation i + 1 goes on in lower case: a sentence the writer broke with its attribution."""
    out = {}
    for i in range(len(spans) - 1):
        sp, nxt = spans[i], spans[i + 1]
        if (
            not sp.closed
            or text[sp.end - 1 : sp.end] != ","
            or not text[nxt.start + 1 : nxt.start + 2].islower()
        ):
            continue
        between = text[sp.end + 1 : nxt.start]
        if len(between) > 120 or (m := _AFTER_RE.match(between)) is None:
            continue
        if _INTERRUPT_TAIL_RE.fullmatch(between, m.end()) or between[m.end() :].strip() == ",":
            out[i] = i + 1
    return out


def _qa_answer(text: str, index: NameIndex) -> tuple[str, str] | None:
    """(speaker, answer) when the paragraph is an interviewee's answer in a Q&A transcript: the label is a
    person the article knows (full name, surname, first name or initials) and what follows reads as speech,
    not a question (the interviewer's) or a name (a cast list's "Charlie Spring: Joe Locke")."""
    m = _QA_RE.match(text)
    if m is None:
        return None
    answer = _clean_quote(text[m.end() :]).strip(_DOUBLE_MARKS + "‘’'")
    if _words(answer) < 2 or answer.endswith("?") or not _LOWER_WORD_RE.search(answer):
        return None
    if len(answer) > MAX_QUOTE_CHARS:
        return None
    label = m.group("label")
    if label.isupper():
        people = [p for p, pr in index.persons.items() if pr >= 2 and _initials(p) == label]
        full = people[0] if len(people) == 1 else None
    else:
        name = clean_name(label)
        full = (name if is_full_name(name) else index.resolve(name)) if name else None
    if full is None or index.persons.get(full, 0) < 2:
        return None
    return full, answer


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_SAID_TAIL_RE = re.compile(r"\b(?:said|says|adds|added|told|tells|explained|explains)[ \t]*$")


def _before_patterns(pre_local: str) -> tuple[re.Pattern, ...]:
    """Only the attribution-before patterns that can match how this text ends (a cheap pre-test)."""
    tail = pre_local[-40:].rstrip()
    if tail.endswith((":", ",")):
        return (_BEFORE_RES[0], _BEFORE_RES[2])
    if _SAID_TAIL_RE.search(tail):
        return (_BEFORE_RES[1],)
    if tail.endswith(".") and _GESTURE_TAIL_RE.search(tail):
        return (_BEFORE_RES[3],)
    return ()


def _after_ok(inner: str, words: int, post: str, m: re.Match) -> bool:
    """An attribution after the quote: the quote must look like speech, and the verb must not introduce the
    next quote (`"fuzziness", Connor commented: "Yeah..."`)."""
    rest = post[m.end() :].lstrip()
    if rest.startswith(":"):
        return False
    ends_inside = inner.rstrip()[-1:] in (",", ".", "!", "?", "…", "-", "—")
    return ends_inside or words >= 4


def _is_attribution_only(pre_local: str) -> bool:
    """The text between two quotes in one paragraph is just the first one's attribution."""
    m = _AFTER_RE.match(pre_local)
    if not m:
        return False
    rest = pre_local[m.end() :]
    return bool(re.fullmatch(r"(?:,[^.!?]{0,120})?[.!?…]?[ \t]*[:,]?[ \t]*", rest))


def person_mentions(
    hits: list[NameHit], index: NameIndex, min_priority: int = 2
) -> list[tuple[int, int, str]]:
    """(paragraph, offset, person) for each mention of a known person, in reading order."""
    out = []
    for para, start, _end, name in hits:
        full = name if is_full_name(name) else index.resolve(name, min_priority=min_priority)
        if full and index.persons.get(full, 0) >= min_priority:
            out.append((para, start, full))
    return out
