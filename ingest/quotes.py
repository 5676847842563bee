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
- A surname attribution ("...," Davies said) also names a person the article writes with a middle initial
  ("Russell T Davies", "Mary J. Holt"), which the shared name pattern does not read as one name.
- A misspelt full name ("Alice Osman" after "Alice Oseman": same first name, a close surname) is the
  spelling the article wrote first.
- Speaker, in order: an attribution after the quote (`"...," said Kit Connor`, `"...," he added`), an
  attribution before it (`Connor revealed: "..."`, `Speaking to X, she said: "..."`); otherwise a quotation
  that opens its sentence or paragraph continues the previous speaker (follow-on paragraphs, a second quote
  after `"...," laughed Oseman.`).
- A quotation right after a short sentence about a person doing something (`Finney rolls her eyes. "..."`,
  `When asked, she grins. "..."`) is that person's: the sentence (or its clause after the last comma) is at
  most DESCRIPTIVE_MAX_WORDS words, opens with a known person's name or a subject pronoun followed by a
  lower-case word, names no other known person and holds no quotation. A sentence that reports the
  person's speech (`Walters added that ...`) may be up to REPORTED_MAX_WORDS words.
- A quotation, a short attribution clause and another quotation in one paragraph are ONE quotation
  (`"A," says Locke. "B."`, `"I think," he said, "that..."`): the clause (at most JOIN_MAX_WORDS words,
  naming nobody else; an aside ", who ...," / ", where ..." is not counted, and a full stop before a
  lower-case word, as in "told them. in a statement.", ends nothing) is not text; A and B are kept exactly
  as written (A's final comma stays).
- A descriptor (`the star`, `The Doctor Who star, who played X opposite Y,`, `the 20-year-old`) means the
  nearest person named before it outside quotations, prepositional objects and who-clauses, whose known
  age fits; if that person's sentence names another who fits, the quote is left out.
- Pronouns (`they`, `she`) mean the most recently named person, except that the one person who is the
  subject of the sentence just before the quotation in its paragraph ('Reached later, Oseman is modest.
  "...," they say.') comes first when the pronoun fits them; a pronoun attribution
  of a paragraph's first quotation means the person the previous paragraph is about, when that paragraph
  has no quotation and names exactly one known person outside prepositional objects.
- A quotation inside a sentence (partial quote in reported speech) counts only if it is at least
  PARTIAL_MIN_WORDS words (PARTIAL_AFTER_PRONOUN_MIN_WORDS right after a subject pronoun: 'admitting she
  "..."') and the sentence names its speaker with a reporting verb
  (`Oseman noted that ... "always with a feeling of hope..."`); shorter ones are scare quotes.
- A cast character is not a person: a line of dialogue a review quotes ('Charlie Spring ... tells Nick,
  "..."') is nobody's quote, and it ends the same-speaker chain.
- A speaker's honorific or official title ("Cllr", "Councillor", "Dr", "Prof", "Sir", "Dame", "Lord",
  "Mr"...) is not part of their canonical name when a first name and a surname follow it.
- A capitalised phrase opening with a gerund ("on Handling Charlie's Darkest Chapter") is never a person,
  even when a later mention of its last word was read as a speaker; real given names ending in "-ing"
  ("Sterling") are listed; nor is a newsroom byline ("By Tudum Staff"), so "tells Tudum" names nobody. A
  paragraph that is only a quotation of fewer than PARTIAL_MIN_WORDS words with
  no punctuation ("'Hope and joy'") is a section heading, not a follow-on quote.
- Organisations, synopses, statements and tweets are not a person: their quotes and continuations are dropped.
  Nor is an anonymous poster ("one fan wrote", "said one popular reply", "A third simply wrote:"): no quote,
  and the same-speaker chain ends there.
- Transcript labels: "ANA LOPEZ:", "LOPEZ:", "Lopez:", "AL:" open that person's answer; an outlet or
  interviewer label ("EW:", "Q:", "INTERVIEWER:") opens a question. A name label right after a question
  paragraph, and a headline's opening "Name: 'quotation'", make that name a person (speaker_names), so an
  interview subject the article otherwise only mentions is known; a question paragraph ends an answer.
- The interviewer's "I ask" names nobody; "a spokesman for <Organisation>" is nobody; a person named as
  someone's relation ("Her husband, the writer X,") is not the "she" of the next attribution; a name inside
  a quotation ('"X said to me..."') is no attribution's subject.
- A bare quotation paragraph continues the last speaker, unless the paragraph just before it has no
  quotation and is about one other person ("Does Finney think ...? She pauses.").
- Unlabelled paragraphs after a transcript answer continue it when another label follows within
  QA_CONTINUE_PARAGRAPHS paragraphs.
- Unmarked Q&A: after a short "This interview has been edited and condensed for clarity." line, question
  paragraphs (ending in "?") alternate with answers written without quote marks; each answer (its
  paragraph, plus following ones while another question comes within QA_CONTINUE_PARAGRAPHS) is the
  interview subject's: the one known person the headline/title (else the standfirst) names. No marker,
  no question right after it, or no single subject: nothing. A paragraph with a marked, attributed
  quotation ('"Wet, mostly," she said.') is the writer's prose and ends the Q&A.
- Vox pops: a one-name person given an age ("Priya, 15, from Cardiff, ... says") or introduced as a fan,
  student or viewer is a speaker and a mention (pronouns after them mean them).
- A headline "Outlet's Name: 'quotation'" or "Name says/admits ... 'quotation'" (and a related-article
  line in the body "- Outlet's Name [on <topic>]: 'quotation'") of HEADLINE_MIN_WORDS+
  words is that one known person's quote, unless a body quote of theirs is the same words or opens with
  them (a fragment from inside a longer body quote is still its own quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from ingest.model import Quote
from ingest.names import (
    FREE_TOKEN,
    NAME,
    PERSON_TITLES,
    TOKEN,
    NameIndex,
    clean_name,
    is_full_name,
    is_stop,
    name_words,
)
from ingest.text import Paragraph, heading_as_prose, sentence_at, sentence_spans, sentence_start

PARTIAL_MIN_WORDS = 6
# 'admitting she "still can't quite believe it"': a fragment right after the speaker's own subject pronoun
# is their clause in their words (annotators count it from five words); elsewhere five words may be a tag.
PARTIAL_AFTER_PRONOUN_MIN_WORDS = 5
DESCRIPTIVE_MAX_WORDS = 12
# "Walters added that the production kept ... department. \"...\"": reported speech before a quotation.
REPORTED_MAX_WORDS = 40
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
    r"admitting|insisting|confessing|recalling|claiming|"
    # phrasal verbs of a panel report: "Finney chimed in:", "Gao weighed in", "Walters thanked the crew:"
    r"chimed[ \t]+in|chimes[ \t]+in|weighed[ \t]+in|weighs[ \t]+in|piped[ \t]+up|pipes[ \t]+up|"
    r"pointed[ \t]+out|points[ \t]+out|shot[ \t]+back|hit[ \t]+back|hits[ \t]+back|fired[ \t]+back|"
    r"thanked|thanks|asked|asks|ask|wondered|wonder|"
    r"grinned|grins|puts[ \t]+it|put[ \t]+it|lets[ \t]+slip|let[ \t]+slip|remembers|remembered)"
)
_PRONOUN = r"(?:he|she|they|He|She|They)"
_ROLE_NOUN = (
    r"(?:the|The)[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?:actor|actress|star|creator|author|writer|director|"
    r"showrunner|producer|singer|teen|youngster|performer|novelist|illustrator|newcomer|\d{1,2}-year-old|"
    r"winner|nominee|veteran|icon|comedian|presenter|filmmaker|screenwriter|playwright|artist|activist)"
)
# Anonymous posters ("one fan", "a longtime reader", "another viewer") are nobody, like a statement.
_ANON_NOUN = (
    r"fans?|viewers?|users?|commenters?|followers?|readers?|watchers?|posters?|person|people|replies|reply"
    r"|pupils?|students?|residents?|locals?|parents?|teenagers?|attendees?|spectators?|onlookers?|shoppers?"
    r"|comments?|responses?|someone|somebody"
)
_NONPERSON_NOUN = (
    r"(?:(?:the|The|a|A|an|An|its|their|one|One|another|Another|some|Some|many|Many|several|Several|other"
    r"|Other)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:synopsis|logline|description|statement|"
    r"caption|tweet|post|press[ \t]+release|announcement|streamer|network|company|account|blurb|trailer|"
    r"website|site|spokesperson|spokesman|spokeswoman|representative|rep|report|magazine|newspaper|"
    rf"publication|outlet|studio|platform|service|{_ANON_NOUN})\b"
    # bare: "Someone commented", "Another posted", "A third simply wrote", "others replied"
    r"|(?:[Ss]ome(?:one|body)|[Aa]nother(?![ \t]+[A-Z])|[Aa][ \t]+(?:second|third|fourth|fifth)|[Oo]thers)"
    r"(?:[ \t]+else)?"
    # the interviewer: '"So what makes you say yes now?" I ask.'
    r"|I(?=[ \t]+(?:ask|asked|say|said|wonder|wondered|suggest|suggested|venture|ventured|reply|replied)\b))"
)
# 'Somebody shared a clip ... alongside the words: "..."': a sentence whose subject is anonymous.
_ANON_SUBJECT_RE = re.compile(rf"[ \t\"“”'‘’]*{_NONPERSON_NOUN}[ \t]")


# "creator Alice Oseman said", "co-star Kit Connor added": a lowercase role word before the name.
_ROLE_PREFIX = (
    r"(?:(?:(?:series|show|Heartstopper|fellow|the|executive|casting|lead|breakout|former)[ \t]+){0,2}"
    r"(?:co-creator|creator|co-star|star|actor|actress"
    r"|director|writer|author|showrunner|producer|newcomer|novelist|illustrator)[ \t]+)?"
)


# "A spokesman for Swale Borough Council said": the organisation is no speaker either.
_FOR_ORGANISATION = rf"(?:[ \t]+(?:for|at|from|of)[ \t]+(?:the[ \t]+)?{NAME})?"


def _speaker(prefix: str = "") -> str:
    return (
        rf"(?:(?P<{prefix}np>{_NONPERSON_NOUN}{_FOR_ORGANISATION})|(?P<{prefix}pr>{_PRONOUN})|(?P<{prefix}rn>{_ROLE_NOUN})"
        # "executive producer Patrick Walters of See-Saw Films said"
        rf"|{_ROLE_PREFIX}(?P<{prefix}nm>{NAME})(?:[ \t]+of[ \t]+(?:the[ \t]+)?{NAME})?)"
    )


_ADVERB = r"(?:[ \t]+(?:also|then|later|simply|once|previously|recently|has|had|have|\w+ly))*"
# ", who plays Nick Nelson," between a speaker and the verb.
_APPOSITION = r"(?:[ \t]*,[^,.:;\"“”\n]{1,120},)?"
_SPEAKER_VERB = rf"{_speaker()}{_APPOSITION}{_ADVERB}[ \t]+"

# '"...," said owner Maria Delgado', 'says local librarian Tom Hale': lower-case title words between an
# inverted verb and the name; never a function word ("said in a statement", "said to Jane Garvey").
_TITLE_WORDS = (
    r"(?:(?!(?:to|in|on|at|of|with|by|for|from|the|a|an|and|or|but|about|after|before|during|while|when|as"
    r"|that|this|his|her|their|its|our|my|your|he|she|they|it|we|you|who|was|is|had|has|then|also|later"
    r"|once|simply|quietly|softly|recently|previously|not|so)\b)[a-z][a-z\-]{1,20}[ \t]+){0,3}"
    # "adds Doctor Who star Yasmin": a credit before the role word
    r"(?:(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:star|actor|actress)[ \t]+)?"
)
_AFTER_RE = re.compile(
    rf"[ \t]*[,.…!?—–-]?[ \t]*(?:(?P<v1>{_VERB})[ \t]+{_TITLE_WORDS}{_speaker('a')}"
    rf"|{_SPEAKER_VERB}(?P<v2>{_VERB}))\b"
)
# '"That's called support, Kit," Locke protests.': after a quotation closing on a comma, a name or pronoun
# and any one verb ending the clause is its attribution, whatever the verb.
# "they protest": a plural pronoun's verb has no -s.
_LOOSE_AFTER_RE = re.compile(
    rf"[ \t]*(?:(?P<pr>{_PRONOUN})[ \t]+[a-z]{{2,20}}(?:s|ed)?|(?P<nm>{NAME})[ \t]+[a-z]{{2,20}}(?:s|ed))"
    rf"(?:[ \t]+[a-z]{{2,20}}ly)?(?=[ \t]*[.,;!?])"
)
_MID_WORD = r"[^\s:\"“”]*[^\s:\"“”.!?]"
# A lower-case word or a possessive ("under Kit's post"), never another name.
_POST_WORD = r"(?:[a-z][\w'’\-]*|[A-Z][\w\-]*['’]s?),?"
_BEFORE_RES = (
    # "Connor revealed: ", "Kit Connor told Radio Times: ", "Speaking to X, she said, "
    re.compile(
        # (words that end no sentence: 'Kizzy captioned it. Corinna chimed in ...:' is Corinna's)
        rf"{_SPEAKER_VERB}{_VERB}(?:[ \t]+(?:{_MID_WORD}[ \t]+){{0,9}}?[^\s:\"“”]+)?[ \t]*[:,][ \t]*$"
    ),
    # 'he said "..."'
    re.compile(rf"{_SPEAKER_VERB}(?:said|says|adds|added|told|tells|explained|explains)[ \t]*$"),
    # "According to Connor, "
    re.compile(
        rf"(?:[Aa]ccording[ \t]+to|[Ii]n[ \t]+the[ \t]+words[ \t]+of)[ \t]+{_speaker()}[ \t]*,[ \t]*$"
    ),
    # A post quoted as the speaker's own words: "Corinna chimed in with a comment of her own: ", "He left a
    # longer message under Kit's post: ".
    re.compile(
        rf"{_SPEAKER_VERB}(?:[a-z]+(?:ed|s)|left|wrote|gave|took|made)(?:[ \t]+{_POST_WORD}){{0,8}}?[ \t]+"
        rf"(?:message|comment|caption|post|note|tweet|reply|tribute)s?(?:[ \t]+{_POST_WORD}){{0,4}}"
        rf"[ \t]*:[ \t]*$"
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
_VERBS_BEFORE_NAME = (
    "said", "says", "added", "adds", "commented", "explained", "explains", "laughed", "joked", "continued",
    "revealed", "admitted", "recalled", "quipped", "insisted", "replied", "enthused", "gushed", "noted",
    "concluded", "remembers", "remembered", "recalls",
)  # fmt: skip
_VERB_BEFORE_NAME_RE = re.compile(rf"\b(?:[Aa]ccording[ \t]+to|{'|'.join(_VERBS_BEFORE_NAME)})[ \t]+$")
# The last word of each of its alternatives: a cheap test before the search (which tries every position).
_VERB_BEFORE_NAME_ENDINGS = ("to", *_VERBS_BEFORE_NAME)
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
# A descriptor ("the star") looks back this many paragraphs for the person it describes.
DESCRIBED_MAX_PARAGRAPHS = 3
_AGE_NOUN_RE = re.compile(r"(\d{1,2})-year-old")
_ACTRESS_RE = re.compile(r"\bactress\b")
# "Ana Lopez, 19," / "Ana Lopez (19)": a person's age right after the name.
_AGE_AFTER_RE = re.compile(r"[ \t]*(?:,[ \t]*(\d{1,2})[ \t]*[,.;]|\([ \t]*(\d{1,2})[ \t]*\))")
# Words before a name that make it an object, not the person a descriptor points back to ("opposite David
# Tennant"); unlike _OBJECT_WORDS, "and" is kept: "and Kit refused to be drawn" is about Kit.
_DESCRIBED_OBJECT_WORDS = frozenset(
    "to with by from at for about of opposite alongside beside than like praised thanked interviewed asked "
    "told".split()
)
# Words before a name that make it an object, not the subject a later pronoun refers to.
_OBJECT_WORDS = frozenset(
    "to with by from at for about of and opposite alongside beside than like praised thanked "
    "interviewed asked told".split()
)
_NAME_RE = re.compile(NAME)
# An interview transcript line: "Joe Locke: answer", "**Locke:** answer", "JL: answer".
# "YASMIN FINNEY:", "GAO:", "EW:": a label in capitals (up to four words).
_UPPER_LABEL = r"[A-Z][A-Z'’\-]{1,20}(?:[ \t]+[A-Z][A-Z'’\-]{1,20}){0,3}"
_QA_RE = re.compile(
    rf"[ \t]*(?:\*\*|__)?[ \t]*(?P<label>{NAME}|{_UPPER_LABEL}|Q|A)"
    rf"[ \t]*(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*"
)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z]")


# Vox pops: "Priya, 15, from Cardiff, ... says", "Priya (15) says", "student Callum": a person with one name.
_VOX_AGE_RE = re.compile(
    rf"(?P<name>{FREE_TOKEN})(?:,[ \t]*\d{{1,2}}[ \t]*,|[ \t]*\([ \t]*\d{{1,2}}[ \t]*\))"
)
_VOX_ROLE_RE = re.compile(
    rf"\b(?:[Ff]an|[Ss]uperfan|[Ss]tudent|[Vv]iewer|[Pp]upil|[Rr]eader|[Tt]eenager|[Ss]upporter)"
    rf"[ \t]+(?P<name>{TOKEN})\b(?![ \t]+[A-Z])"
)
# Cheap necessary parts of the two vox-pop patterns (an age's digits; each role word's tail).
_VOX_AGE_HINT_RE = re.compile(r"[,(][ \t]*\d")
_VOX_ROLE_HINTS = ("fan", "Fan", "tudent", "iewer", "upil", "eader", "eenager", "upporter")
_UPPER_WORD_END_RE = re.compile(r"[A-Z][\w'’\-]*[ \t]+$")


def vox_pops(paragraphs: list[Paragraph], index: NameIndex) -> list[tuple[int, int, str]]:
    """(paragraph, offset, first name) for people introduced with one name and an age or as a fan, student
    or viewer, in a sentence that reports what they say or think; never a name the article knows as
    someone else's ("Rosa, 16, falls for" in a synopsis has no reporting verb)."""
    out = []
    for para in paragraphs:
        if para.is_headline or ("," not in para.text and "(" not in para.text):
            continue
        text = para.text
        sents = None
        found = [(m, True) for m in _VOX_AGE_RE.finditer(text)] if _VOX_AGE_HINT_RE.search(text) else []
        if any(h in text for h in _VOX_ROLE_HINTS):
            found += [(m, False) for m in _VOX_ROLE_RE.finditer(text)]
        for m, aged in found[:8]:  # bounded: a paragraph of ages stays cheap
            name = m.group("name")
            start = m.start("name")
            if is_stop(name) or index.resolve(name) is not None:
                continue
            if aged and _UPPER_WORD_END_RE.search(text[max(0, start - 30) : start]):
                continue  # "Ana Lopez, 19,": the surname of a fuller name
            if aged:
                sents = sents or sentence_spans(text)
                end = sentence_at(sents, start)[1]
                if not _REPORTING_RE.search(text, m.end(), min(end, m.end() + 200)):
                    continue
            out.append((para.index, start, name))
    return sorted(out)


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


def _quoted(spans: list[_Span] | tuple, pos: int) -> bool:
    """`pos` lies inside one of a paragraph's quotations."""
    return any(sp.start <= pos <= sp.end for sp in spans[:40])


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
    "Locke explained", "Brown, 28, said", "said Connor", or as the transcript label of the paragraph right
    after a question ("Was it different going back?" / "Joe Locke: Completely.") or of a headline quotation
    ("Olivia Colman: 'I still think ...'")."""
    texts = {p.index: p.text for p in paragraphs}
    labels = _speaker_labels(paragraphs)
    out = []
    for para, start, end, name in hits:
        text = texts[para]
        head = text[max(0, start - 24) : start]
        after = _VERB_AFTER_NAME_RE.match(text, end) and not _object_of_preposition(head)
        # the clause since the last comma or sentence end ("..., who directed the series. Westmoreland said")
        if after and "who" in (clause := _CLAUSE_BREAK_RE.split(text[max(0, start - 100) : start])[-1]):
            after = not _RELATIVE_RE.match(clause)  # "the star, who has been filming Agatha, went on"
        if (
            after
            or (head.rstrip().endswith(_VERB_BEFORE_NAME_ENDINGS) and _VERB_BEFORE_NAME_RE.search(head))
            or labels.get(para) == end
        ):
            out.append((para, start, name))
    return out


def _speaker_labels(paragraphs: list[Paragraph]) -> dict[int, int]:
    """{paragraph: where its speaker label ends} for a name label opening the paragraph right after a
    question (an interview transcript's answer) and for a headline "Name: 'quotation'"."""
    out = {}
    for before, para in pairwise(paragraphs):
        text = para.text
        if ":" in text[:60] and _is_question(before.text) and (m := _QA_RE.match(text)) is not None:
            out[para.index] = m.end("label")
    for para in paragraphs:
        if (
            para.is_headline
            and len(para.text) <= HEADLINE_MAX_CHARS
            and (m := _HEADLINE_QUOTE_RE.search(para.text)) is not None
            and _words(m.group("inner")) >= HEADLINE_MIN_WORDS
            and not para.text[: m.start("name")].strip()  # not "X on saying goodbye to Elle: '...'"
        ):
            out[para.index] = m.end("name")
    return out


_RELATIVE_RE = re.compile(r"[ \t]*who\b")
# "Locke and Connor", "Locke, 23, and Connor": a name that is half of a coordinated subject.
_COORDINATED_RE = re.compile(r"(?:[ \t]*,[^,.;:!?\n]{1,60},)?[ \t]*(?:and|&)[ \t]")
_INTERVIEWED_RE = re.compile(
    r"\b(?:(?:spoke|speaks|talked|talks|chatted|chats)[ \t]+(?:to|with)|caught[ \t]+up[ \t]+with"
    r"|sat[ \t]+down[ \t]+with)[ \t]+$"
)
_ASKED_RE = re.compile(r"\b(?:asked|asks|ask|wondered|wonders|wonder)\b")


def _asked(inner: str, attribution: str) -> bool:
    """A question whose attribution's verb is "asked": an interviewer's or moderator's, nobody's quote."""
    return inner.rstrip(" \t,").endswith("?") and _ASKED_RE.search(attribution) is not None


_CLAUSE_BREAK_RE = re.compile(r"[,;]|[.!?](?=[ \t])")


def _object_of_preposition(head: str) -> bool:
    """The name follows a preposition inside its clause ("busy with Agatha All Along, went on"), so it is not
    the subject of the verb after it; a sentence-opening "For Finney," is a topic, not an object."""
    words = head.split()
    if not words or words[-1].lower() not in _OBJECT_WORDS:
        return False
    return not (len(words) == 1 or words[-2].endswith((".", "!", "?", '"', "”")))


# "Her husband, the writer Ed Sinclair": a person named as someone's relation, just before the name.
_KIN_BEFORE_RE = re.compile(
    r"\b(his|her|their)[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?"
    r"|mother|father|mum|mom|dad|brother|sister|son|daughter|co-star|friend|agent|manager)\b[^.!?\"“”]{0,40}$",
    re.IGNORECASE,
)
_POSSESSIVE_OF = {"his": "he", "her": "she", "their": "they"}


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
        self.quoted: set[int] = set()  # paragraphs holding a quotation (not just a quoted title)
        self.spans_para = -1  # the paragraph being read, and its quotations (names inside are not subjects)
        self.spans: list[_Span] = []
        self.span_starts: list[int] = []
        self.para_spans: dict[int, list[_Span]] = {}  # every body paragraph's quotations
        self.ages: dict[str, str] = {}  # "Ana Lopez, 19,": the age a person is given in the article
        # "he" / "she" each person was referred to by in an attribution: a "she said" skips a known "he".
        self.pronoun: dict[str, str] = {}
        self.vox: set[str] = set()  # one-name people of vox pops ("Priya, 15, from Cardiff")
        self.initialled: dict[str, str] = {}  # surname -> "Russell T Davies" (names with a middle initial)
        self.characters: frozenset[str] = frozenset()  # the cast's characters: what they say is nobody's

    def last_person(self, para: int, offset: int, pronoun: str = "") -> str | None:
        """Who "he/she/they" means at (para, offset): the person this paragraph is about if it names one
        before the quote; else the latest of the last quote's speaker and the last subject of a speech verb;
        failing both, the last person named. A person known by the other gendered pronoun is skipped."""
        pronoun = pronoun.lower()
        if (subject := self._paragraph_subject(para, offset, pronoun)) is not None:
            return subject
        if pronoun and self._first_quote(para, offset):
            # 'Connor is due to appear in Warfare.' then 'He told Newsbeat: "..."': the paragraph before.
            previous = self._previous_subject(para, pronoun)
            if previous is not None:
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
            if pronoun and (kin := _KIN_BEFORE_RE.search(text, max(0, start - 70), start)) is not None:
                if _POSSESSIVE_OF.get(kin.group(1).lower()) == pronoun:
                    continue  # "Her husband, the writer Ed Sinclair, ...": "she" is not Ed Sinclair
            return person if self._fits(person, pronoun) else None
        return None

    def _first_quote(self, para: int, offset: int) -> bool:
        return para == self.spans_para and bool(self.span_starts) and self.span_starts[0] == offset

    def _previous_subject(self, para: int, pronoun: str = "") -> str | None:
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
            if (m := _NAME_RE.match(text, start)) is not None and text[m.end() : m.end() + 2] in ("'s", "’s"):
                continue  # "Tobie Donovan's Isaac": a possessor, not what the paragraph is about
            # "Lopez and Rao both learned to surf": a coordinated subject is two people, not an object; whom
            # the outlet "spoke to" is whom the next quotation is from.
            interviewed = _INTERVIEWED_RE.search(head) is not None
            about = not _object_of_preposition(head) or head.rstrip().endswith(" and") or interviewed
            if about and self._fits(person, pronoun):
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

    def resolve(self, m: re.Match, prefix: str, para: int, offset: int, at: int | None = None) -> str | None:
        """The person an attribution match names; `at` is where the match starts in the paragraph when it
        precedes the quotation (a descriptor looks back from there), else the quotation's start."""
        g = m.groupdict()
        if g.get(prefix + "np"):
            return _NONPERSON
        if (noun := g.get(prefix + "rn")) is not None:
            at = offset if at is None else at
            return self.described(para, at, noun)
        if g.get(prefix + "pr"):
            pronoun = (g.get(prefix + "pr") or "").lower()
            upto = offset if at is None else at
            person = self.sentence_subject(para, upto, pronoun) or self.last_person(para, offset, pronoun)
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
        if full is None and name in self.vox:
            return name  # "Priya, 15, from Cardiff": a vox pop's one name is all there is
        if full is None:
            full = self.initialled.get(name)  # "Davies said" after "Russell T Davies"
        if full in self.characters:
            return _NONPERSON  # 'Charlie Spring ... tells Nick, "..."': a line of dialogue, not a person's
        return full or _NONPERSON  # "Netflix said": a name we cannot tie to a person

    def sentence_subject(self, para: int, upto: int, pronoun: str) -> str | None:
        """The one person who is the subject of the sentence just before `upto` in this paragraph (and after
        its last quotation), if the pronoun fits them: 'Reached later, Oseman is modest. "...," they say.'
        The subject opens the sentence or its first comma clause and is followed by a lower-case word; a
        known person, or the surname of a full name the article gives (a writer the cast rules do not list
        is still a person, a film title used whole is not)."""
        text = self.texts.get(para)
        if text is None:
            return None
        since = 0
        if para == self.spans_para:
            k = bisect.bisect_left(self.span_starts, upto) - 1
            since = self.spans[k].end + 1 if k >= 0 else 0
        pre = text[since:upto].rstrip()
        if not pre.endswith((".", "!")):
            return None
        last = since + len(pre) - 1
        start = max(since, sentence_start(sentence_spans(text), last))
        if last - start > 400:
            return None  # bounded: only a sentence's worth
        starts = [start]
        comma = text.find(",", start, last)
        if comma >= 0 and _words(text[start:comma]) <= 8:
            starts.append(comma + 1)  # "Reached by email later, Oseman is ..."
        for at in starts:
            at += len(text[at:last]) - len(text[at:last].lstrip(" \t\"“”'‘’"))
            m = _NAME_RE.match(text, at)
            if m is None or not _SUBJECT_VERB_RE.match(text, m.end()) or not (name := clean_name(m.group(0))):
                continue
            full = name if is_full_name(name) else self.index.resolve(name)
            if full is None or full not in self.index.persons:
                continue
            if self.index.persons[full] < 2 and full.split()[-1] != name:
                continue  # only a surname marks an unlisted full name as a person ("Silver Harbour is out")
            if _clause_people(self.mentions, para, start, last) - {full}:
                return None  # the sentence is about two people
            return full if self._fits(full, pronoun) else None
        return None

    def described(self, para: int, at: int, noun: str) -> str | None:
        """Who a descriptor ('the star', 'The Bridgerton actress', 'the 20-year-old') at (para, at) means: the
        nearest person named before it, within DESCRIBED_MAX_PARAGRAPHS, outside quotations, prepositional
        objects and who-clauses ('who played X opposite David Tennant'), whose known age and pronoun fit.
        When that person's sentence names another who fits too, nobody is sure: the non-person marker."""
        age = m.group(1) if (m := _AGE_NOUN_RE.search(noun)) else None
        pronoun = "she" if _ACTRESS_RE.search(noun) else ""
        i = self._mention_index(para, at)
        for _ in range(40):  # bounded: a paragraph of names stays cheap
            i -= 1
            if i < 0 or self.mentions[i][0] < para - DESCRIBED_MAX_PARAGRAPHS:
                break
            p, start, person = self.mentions[i]
            if not self._describable(p, start) or not self._fits_description(person, pronoun, age):
                continue
            fitting = [
                (o_start, other)
                for other, o_start in self._sentence_people(p, start)
                if self._describable(p, o_start) and self._fits_description(other, pronoun, age)
            ]
            if not {other for _, other in fitting} - {person}:
                return person
            # 'Oscar winner Olivia Colman ... arrived with creator Alice Oseman. "...," the Crown star said':
            # the sentence's subject, unless it is one of two coordinated people ("Locke and Connor").
            first_start, first = min(fitting)
            return _NONPERSON if self._coordinated(p, first_start) else first
        return self.last_person(para, at, pronoun)

    def _coordinated(self, para: int, start: int) -> bool:
        text = self.texts.get(para, "")
        m = _NAME_RE.match(text, start)
        return m is None or _COORDINATED_RE.match(text, m.end()) is not None

    def _fits_description(self, person: str, pronoun: str, age: str | None) -> bool:
        return self._fits(person, pronoun) and not (age and self.ages.get(person, age) != age)

    def _describable(self, para: int, start: int) -> bool:
        """A mention a descriptor can point back to: not quoted, not a prepositional object, not inside a
        who-clause (the descriptor's own apposition is about someone else's production)."""
        text = self.texts.get(para)
        if text is None or _quoted(self.para_spans.get(para, ()), start):
            return False
        head = text[max(0, start - 24) : start]
        words = head.split()
        according = head.lower().endswith("according to ")
        if words and words[-1].lower() in _DESCRIBED_OBJECT_WORDS and not according:
            return False
        clause = text[max(0, start - 120) : start]
        k = clause.rfind(", who ")
        return k < 0 or "," in clause[k + 1 :]

    def _sentence_people(self, para: int, start: int) -> list[tuple[str, int]]:
        """(person, offset) for the mentions in the sentence of paragraph `para` around `start`."""
        text = self.texts.get(para, "")
        back, ahead = max(0, start - 300), start + 300
        lo = max(text.rfind(". ", back, start), text.rfind("? ", back, start))
        ends = [e for e in (text.find(". ", start, ahead), text.find("? ", start, ahead)) if e >= 0]
        hi = min(ends) if ends else min(len(text), ahead)
        i = bisect.bisect_left(self.mentions, (para, max(lo, 0), ""))
        out = []
        while i < len(self.mentions) and self.mentions[i][:2] < (para, hi) and len(out) < 6:
            out.append((self.mentions[i][2], self.mentions[i][1]))
            i += 1
        return out

    def said(self, speaker: str, para: int, offset: int) -> None:
        self.last, self.last_para, self.last_pos = speaker, para, (para, offset)


_ENDS_WITH_PRONOUN_RE = re.compile(r"(?<![\w'’])(?:he|she|they)[ \t]*$")


def _partial_min_words(pre_sentence: str) -> int:
    """The fewest words a partial quotation needs: fewer right after a subject pronoun."""
    if _ENDS_WITH_PRONOUN_RE.search(pre_sentence[-12:]):
        return PARTIAL_AFTER_PRONOUN_MIN_WORDS
    return PARTIAL_MIN_WORDS


_NEAR_REPORT_RE = re.compile(
    rf"(?P<n>{NAME})(?:[ \t]+also)?[ \t]+(?:says|said|adds|added|explains|explained|notes|noted|admits"
    rf"|admitted|insists|insisted)(?:[ \t]+that)?[ \t]*$"
)


def _partial_speaker(pre_sentence: str, speakers: _Speakers, para: int, offset: int) -> str | None:
    """The person a sentence reports: its first named person (or leading pronoun), if a reporting verb
    follows it before the quotation ("Locke also praised co-star Kit Connor, who he described as ...")."""
    start = len(pre_sentence) - len(pre_sentence.lstrip(" \t\"“”'‘’"))
    # "Connor adds that ... , while Locke says that "...": the clause right before the quotation says who
    if (near := _NEAR_REPORT_RE.search(pre_sentence)) is not None and (name := clean_name(near.group("n"))):
        full = name if is_full_name(name) else speakers.index.resolve(name)
        if full is not None and speakers.index.persons.get(full, 0) >= 2 and full not in speakers.characters:
            return full
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
        if full in speakers.characters:
            return None  # a character's words are dialogue
        return full if _REPORTING_RE.search(pre_sentence, m.end()) else None
    return None


_LOWER_NEXT_RE = re.compile(r"[ \t]+[a-z]")
# A subject name, an optional apposition ("Edgell, who uses they/them pronouns,"), then a lower-case word.
_SUBJECT_VERB_RE = re.compile(r"(?:[ \t]*,[^,.;:!?\"“”\n]{1,80},)?[ \t]+[a-z]")
_CONJUNCTION_RE = re.compile(r"(?:but|and|so|yet)[ \t]+(?=[A-Za-z])")
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
        if (conj := _CONJUNCTION_RE.match(text, start)) is not None:
            start = conj.end()  # "..., but he lets slip that ...": the clause's subject follows
        clause = text[start:last].strip()
        if not clause or _words(clause) > REPORTED_MAX_WORDS or _DOUBLE_RE.search(clause):
            continue
        named = _clause_people(speakers.mentions, para, start, last)
        pm = _CLAUSE_PRONOUN_RE.match(text, start)
        m = None if pm else _NAME_RE.match(text, start)
        subject_end = pm.end() if pm else m.end() if m else start
        if _words(clause) > DESCRIPTIVE_MAX_WORDS and not _VERB_AFTER_NAME_RE.match(text, subject_end):
            continue  # a long sentence lends its subject only when it reports speech ("Walters added that")
        if pm is not None:
            if named:
                continue
            pronoun = pm.group(0).lower()
            person = speakers.last_person(para, start, pronoun)
            if person and pronoun in ("he", "she"):
                speakers.pronoun.setdefault(person, pronoun)
            return person
        if m is None or not _SUBJECT_VERB_RE.match(text, m.end()) or not (name := clean_name(m.group(0))):
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
    title: str = "",
    characters: set[str] | frozenset[str] = frozenset(),
) -> list[Quote]:
    """Quotations with canonical speakers, in reading order (rules in the module docstring). `title` is the
    article's `title:` line, read for a headline quotation when the article has no headline paragraph.
    `characters` are the article's cast characters (not people: their lines of dialogue are nobody's)."""
    vox = vox_pops(paragraphs, index)
    if vox:
        mentions = sorted(mentions + vox)
        subjects = sorted((subjects or []) + vox)
    all_spans = [[] if p.is_headline else _spans(p.text) for p in paragraphs]
    quoted_at = {p.index: spans for p, spans in zip(paragraphs, all_spans, strict=True) if spans}
    # "Ed said to me" inside a quotation is the speaker's story, not an attribution.
    subjects = [m for m in subjects or [] if not _quoted(quoted_at.get(m[0], ()), m[1])]
    speakers = _Speakers(index, mentions, subjects)
    speakers.characters = frozenset(characters)
    speakers.vox = {name for _, _, name in vox}
    speakers.initialled = initialled_names(p.text for p in paragraphs)
    speakers.texts = {p.index: p.text for p in paragraphs if not p.is_headline}
    out: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    # A quoted title ('the war film "Warfare"') does not make a paragraph someone's quotation.
    speakers.quoted = {
        p.index
        for p, spans in zip(paragraphs, all_spans, strict=True)
        if any(_words(p.text[sp.start + 1 : sp.end]) >= PARTIAL_MIN_WORDS for sp in spans)
    }
    speakers.para_spans = quoted_at
    speakers.ages = _ages(speakers.texts, mentions)
    # Paragraph position -> speaker, for paragraphs whose first quotation continues an earlier paragraph's
    # quotation (already joined into that quote).
    continued: dict[int, str] = {}
    answer_at: int | None = None  # index in `out` of the transcript answer the next paragraph may continue
    unmarked, in_unmarked = _unmarked_answers(paragraphs, index, speakers.characters, title)
    first_question = next(
        (pos for pos, p in enumerate(paragraphs) if not p.is_headline and _is_question(p.text)),
        len(paragraphs),
    )
    for pos, para in enumerate(paragraphs):
        if para.is_headline:
            continue
        text = para.text
        if pos in in_unmarked:
            # An unmarked Q&A after an "edited for clarity" line: questions are the interviewer's, answers
            # the subject's, whatever quote marks they hold.
            if (answer := unmarked.get(pos)) is not None:
                speakers.said(answer.speaker, para.index, 0)
                if (answer.speaker, answer.text) not in seen:
                    seen.add((answer.speaker, answer.text))
                    out.append(answer)
            continue
        labelled = _is_label(text, index)
        # A "Name: words" line before any question is no answer (a related-links list, "Kit Connor:
        # Heartstopper star comes out as ..."): a transcript opens with a question.
        if labelled and pos > first_question and (qa := _qa_answer(text, index)) is not None:
            speaker, answer = qa
            speakers.said(speaker, para.index, 0)
            answer_at = None
            if (speaker, answer) not in seen:
                seen.add((speaker, answer))
                out.append(Quote(speaker, answer))
                answer_at = len(out) - 1
            continue
        if labelled:
            answer_at = None  # a question (or a label naming nobody) ends the answer before it
        elif answer_at is not None:
            if not _is_question(text) and _label_follows(paragraphs, pos, index):
                # An answer running on into an unlabelled paragraph before the next label is one quote.
                more = _clean_quote(text)
                prior = out[answer_at]
                if more and len(prior.text) + len(more) < MAX_QUOTE_CHARS:
                    out[answer_at] = Quote(prior.speaker, f"{prior.text} {more}")
                    speakers.said(prior.speaker, para.index, 0)
                    continue
            answer_at = None
        spans = all_spans[pos]
        if not spans:
            continue
        if len(spans) == 1 and (link := _link_line_quote(text, index)) is not None:
            # A related-article line quoting one person: their quote, outside the story's speaker chain.
            if (link.speaker, link.text) not in seen:
                seen.add((link.speaker, link.text))
                out.append(link)
            continue
        # Every tweet form has one of these substrings: the regex runs only where it can match.
        tweet = ("t.co/" in text or "twitter" in text or "@" in text) and bool(_TWEET_RE.search(text))
        sents = sentence_spans(text)
        speakers.spans_para, speakers.spans = para.index, spans
        speakers.span_starts = [sp.start for sp in spans]
        prev_end = 0
        prev_speaker_here: str | None = None
        joined = _joins(text, spans, speakers, para.index) if len(spans) > 1 else {}
        skip = -1  # quotations up to this index are already part of an earlier quote
        if pos in continued:
            # This paragraph's first quotation was joined to the one before it: its attribution and any
            # later quotation here belong to the same speaker.
            speaker = continued[pos]
            speakers.said(speaker, para.index, spans[0].start)
            prev_speaker_here, prev_end, skip = speaker, spans[0].end + 1, 0
        for i, sp in enumerate(spans):
            if i <= skip:
                continue
            inner = text[sp.start + 1 : sp.end]
            words = _words(inner)
            post = text[sp.end + 1 : sp.end + 160] if sp.closed else ""
            local_start = prev_end
            pre_local = text[prev_end : sp.start]
            s_start = sentence_start(sents, sp.start)
            pre_sentence = text[max(s_start, sp.start - 400) : sp.start]
            prev_end = sp.end + 1
            ends, first_inner, first_words = sp, inner, words
            if i in joined:
                # '"A," says Locke. "B."', '"I think," Gao says, "that..."': one quotation around its
                # attribution (which stays in `post`).
                for k in range(i + 1, joined[i] + 1):
                    ends = spans[k]
                    rest = text[ends.start + 1 : ends.end]
                    inner = _join_text(inner, rest)
                    words += _words(rest)
                prev_end, skip = ends.end + 1, joined[i]
            chain = [] if ends.closed else _continuation(paragraphs, all_spans, pos, len(inner))
            if chain:
                for k in chain:
                    first = all_spans[k][0]
                    rest = paragraphs[k].text[first.start + 1 : first.end]
                    inner = inner.rstrip() + " " + rest
                    words += _words(rest)
                last = all_spans[chain[-1]][0]
                if i not in joined:  # a joined quotation keeps its attribution in this paragraph
                    # '"...last paragraph of it," Connor said.': the attribution follows the closing mark.
                    post = paragraphs[chain[-1]].text[last.end + 1 : last.end + 160] if last.closed else ""
            speaker: str | None = None
            how = ""

            # A joined quotation is attributed by the clause after its first part.
            said_inner, said_words = (first_inner, first_words) if i in joined else (inner, words)
            after = _attribution(post, 0, said_inner) if post else None
            if after and _partial_ends_sentence(text[max(local_start, s_start) : sp.start], said_inner):
                after = None  # 'X added that she was "...". Y said he was delighted.': Y's own sentence
            if after and _after_ok(said_inner, said_words, post, after):
                prefix = "a" if after.groupdict().get("v1") else ""
                speaker = speakers.resolve(after, prefix, para.index, sp.start)
                how = "after" if speaker else ""
            if not how and (rxs := _before_patterns(pre_local)):
                window = pre_local[-240:]
                for rx in rxs:
                    if (before := rx.search(window)) is not None:
                        at = sp.start - len(window) + before.start()
                        speaker = speakers.resolve(before, "", para.index, sp.start, at)
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
                    and not _crosshead(text, sp, words)
                ):
                    # 'Does Finney think she'll play Elle again? She pauses.' then '"Never say never."': a
                    # paragraph about one other person between the last quote and this one hands it over.
                    speaker, how = speakers._previous_subject(para.index) or speakers.last, "follow"
            anon_at = max(s_start, local_start)
            if (
                not how
                and _ANON_SUBJECT_RE.match(text, anon_at)
                and not _clause_people(speakers.mentions, para.index, anon_at, sp.start)
            ):
                speaker, how = _NONPERSON, "anonymous"  # nobody's quote, and it ends the speaker chain
            if not how and sp.closed and words >= _partial_min_words(pre_sentence):
                # A partial quotation in reported speech: the sentence's subject, if it reports speech.
                speaker = _partial_speaker(pre_sentence, speakers, para.index, sp.start)
                how = "partial" if speaker else ""
            if not how or speaker is None:
                continue
            said = after if how == "after" else before if how == "before" else None
            if said is not None and _asked(inner, said.group(0)):
                speaker = _NONPERSON  # 'Reyes asked the panel, "What did you take?"': a question put to them
            if speaker == _NONPERSON and inner.rstrip(" \t,").endswith("?"):
                continue  # the interviewer's question ('I ask him, "...?"'): the chain goes on to the answer
            continued.update(dict.fromkeys(chain, speaker))
            speakers.said(speaker, para.index, sp.start)
            prev_speaker_here = speaker
            if speaker == _NONPERSON or tweet:
                continue
            quote = _clean_quote(inner)
            if not quote or len(quote) > MAX_QUOTE_CHARS or words < 2:
                continue
            if quote[:1].islower() and words < _partial_min_words(pre_sentence):
                continue  # 'the reaction was, Donovan says, "a bit overwhelming."': a fragment
            key = (speaker, quote)
            if key not in seen:
                seen.add(key)
                out.append(Quote(speaker, quote))
    # "Alice Osman" in a link line after "Alice Oseman" in the story: the first-written spelling.
    twins: dict[str, str] = {}
    out = _unique([Quote(_untitled(_first_spelling(q.speaker, index, twins)), q.text) for q in out])
    if (headline := _headline_quote(paragraphs, index, title)) is not None:
        headline = Quote(_untitled(_first_spelling(headline.speaker, index, twins)), headline.text)
        said = _norm_words(headline.text)
        # The same words again in the body are one quote, so are the opening words of a body quote (the
        # headline gives its first sentence); a fragment from inside a longer body quote is its own.
        if not any(
            q.speaker == headline.speaker
            and (norm := _norm_words(q.text)) is not None
            and (norm == said or norm.startswith(said + " "))
            for q in out
        ):
            out.insert(0, headline)  # reading order: the headline comes first
    return out


# "This interview has been edited and condensed for clarity.": an unmarked Q&A (questions ending in "?",
# answers without quote marks) may follow.
_EDITED_RE = re.compile(
    r"\b(?:edited|condensed)\b[^.\n]{0,60}?\bfor[ \t]+(?:\w+[ \t]+(?:and|&)[ \t]+)?"
    r"(?:clarity|length|brevity|space|readability|concision)\b",
    re.IGNORECASE,
)
EDITED_MARKER_MAX_CHARS = 200
QUESTION_MAX_WORDS = 80


def _is_question(text: str) -> bool:
    core = text.strip(" \t*_" + _DOUBLE_MARKS)
    return core.endswith("?") and _words(core) <= QUESTION_MAX_WORDS


def _interview_subject(
    paragraphs: list[Paragraph], index: NameIndex, characters: frozenset[str], title: str
) -> str | None:
    """The one known person an interview's headline and `title:` line name (else its first body paragraph,
    the standfirst): None when they name nobody or more than one person."""
    people = [p for p, pr in index.persons.items() if pr >= 2 and p not in characters]
    head = " ".join(p.text for p in paragraphs if p.is_headline) + " " + title
    body = next((p.text for p in paragraphs if not p.is_headline), "")
    for text in (head, body):
        named = {p for p in people if _names_in(text, p)}
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def _names_in(text: str, person: str) -> bool:
    """`text` names `person` by full name or surname (a whole word)."""
    words = name_words(person)
    for form in (person, words[-1] if words else ""):
        if len(form) >= 3 and (k := text.find(form)) >= 0:
            end = k + len(form)
            if (k == 0 or not text[k - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                return True
    return False


def _attributed(text: str) -> bool:
    """A quotation in `text` is followed by its attribution ('"...," she said')."""
    for sp in _spans(text)[:8]:
        if sp.closed and _attribution(text, sp.end + 1, text[sp.start + 1 : sp.end]) is not None:
            return True
    return False


def _unmarked_answers(
    paragraphs: list[Paragraph], index: NameIndex, characters: frozenset[str], title: str
) -> tuple[dict[int, Quote], set[int]]:
    """({position: the subject's answer}, every position of the Q&A) for an unmarked Q&A: after a short
    "edited (and condensed) for clarity/length" line, a question paragraph (ending in "?") opens it; the
    paragraph after each question is the interview subject's answer, and further paragraphs continue it
    only while another question follows within QA_CONTINUE_PARAGRAPHS paragraphs. A transcript label or
    any other paragraph where a question should be ends it. Nothing without the marker and one subject."""
    marker = next(
        (
            pos
            for pos, p in enumerate(paragraphs)
            if not p.is_headline and len(p.text) <= EDITED_MARKER_MAX_CHARS and _EDITED_RE.search(p.text)
        ),
        None,
    )
    if marker is None or marker + 2 >= len(paragraphs) or not _is_question(paragraphs[marker + 1].text):
        return {}, set()
    subject = _interview_subject(paragraphs, index, characters, title)
    if subject is None:
        return {}, set()
    answers: dict[int, Quote] = {}
    covered: set[int] = set()
    pos, n = marker + 1, len(paragraphs)
    while pos < n and _is_question(paragraphs[pos].text) and not _is_label(paragraphs[pos].text, index):
        covered.add(pos)
        pos += 1
        start, parts = pos, []
        while pos < n and not _is_question(text := paragraphs[pos].text) and not _is_label(text, index):
            if parts and not any(
                _is_question(p.text) for p in paragraphs[pos + 1 : pos + 1 + QA_CONTINUE_PARAGRAPHS]
            ):
                break  # the writer's closing line after the last answer
            if _DOUBLE_RE.search(text) and _attributed(text):
                break  # '"Wet, mostly," she said.': the writer's prose with a marked quotation
            parts.append(_clean_quote(text).strip(_DOUBLE_MARKS))
            pos += 1
            if sum(map(len, parts)) > MAX_QUOTE_CHARS:
                break
        if not parts:
            break
        answer = " ".join(parts)
        covered.update(range(start, pos))
        if _words(answer) >= 2 and len(answer) <= MAX_QUOTE_CHARS:
            answers[start] = Quote(subject, answer)
    return answers, covered


# Honorifics and official titles before a person's name: "Cllr Martin Hale" is Martin Hale.
_HONORIFICS = frozenset(t.lower() for t in PERSON_TITLES) | frozenset(
    "doctor reverend baron mayor mr mrs ms miss mx judge senator sen rep headteacher headmaster headmistress "
    "principal coach".split()
)


def _untitled(name: str) -> str:
    """The speaker's name without a leading honorific ("Cllr Martin Hale", "Sir Leo Hart", "Dr. Ana Ruiz"
    -> the name), when a first name and a surname remain; a title before one name ("Lady Gaga", "Mr
    Farouk") is part of all the name there is and stays."""
    words = name.split()
    k = 0
    while k < len(words) - 2 and words[k].rstrip(".").lower() in _HONORIFICS:
        k += 1  # "Rt Hon" is not handled; "Prof Sir Ian Hart" is
    return " ".join(words[k:]) if k else name


PULL_QUOTE_CHECK_MAX = 200


def _unique(quotes: list[Quote]) -> list[Quote]:
    """Each quote once; a pull quote whose words all recur inside a longer quote is that quote's, not one
    of its own (whoever the pull quote was attributed to: it has no attribution of its own)."""
    seen: set[tuple[str, str]] = set()
    texts = [_norm_words(q.text) for q in quotes]
    out = []
    for q, norm in zip(quotes, texts, strict=True):
        if (q.speaker, q.text) in seen:
            continue
        if (
            len(quotes) <= PULL_QUOTE_CHECK_MAX  # pairwise: bounded so a hostile article stays linear
            and len(norm) >= 12
            and any(len(other) > len(norm) and norm in other for other in texts)
        ):
            continue
        seen.add((q.speaker, q.text))
        out.append(q)
    return out


# The quoted words of a headline or link line, and what may follow them there ("| Netflix", "– interview").
_QUOTED_WORDS = r"['‘\"“](?P<inner>[^\n]{4,300})['’\"”]"
_OUTLET_SUFFIX = r"[ \t]*(?:[|–—-][^\n]{0,120})?$"
# "Heartstopper's Joe Locke: 'Saying goodbye was hard'": a headline giving a person's quotation.
_HEADLINE_QUOTE_RE = re.compile(rf"(?P<name>{NAME})[ \t]*:[ \t]*{_QUOTED_WORDS}{_OUTLET_SUFFIX}")
# A related-article line: "- Heartstopper's Alice Oseman on season 3: 'We're going deeper'". Only there may
# "on <topic>" follow the name (a headline of that form often trims a body quote, so it is left alone).
_LINK_QUOTE_RE = re.compile(
    rf"(?P<name>{NAME})(?:[ \t]+on[ \t]+[^:\n'‘\"“]{{1,60}}?)?[ \t]*:[ \t]*{_QUOTED_WORDS}[ \t]*$"
)
# What may come before the name on a related-article line: a bullet and a few words ("Heartstopper's").
_LINK_PREFIX_RE = re.compile(r"[ \t]*(?:[-*•–][ \t]*)?(?:[\w'’\-]+[ \t]+){0,4}")
# "Yasmin Finney says joining Doctor Who was 'a dream I didn't dare say out loud'": a person's reported
# speech ending in their quoted words.
_HEADLINE_SAYS_RE = re.compile(
    rf"(?P<name>{NAME})[ \t]+(?:says|said|reveals|revealed|admits|admitted|insists|insisted|explains"
    rf"|recalls|confesses|teases|hints|promises|claims|jokes|gushes|opens[ \t]+up)\b"
    rf"(?:[^\n'‘\"“]|(?<=\w)['’](?=\w)){{0,160}}?(?<=[ \t(:—–-]){_QUOTED_WORDS}{_OUTLET_SUFFIX}"
)
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_CHARS = 400


def _headline_quote(paragraphs: list[Paragraph], index: NameIndex, title: str = "") -> Quote | None:
    """The quotation a headline (or, without one, the `title:` line) attributes with "Name: 'quotation'" or
    "Name says ... 'quotation'" to one known person, if any: at least HEADLINE_MIN_WORDS words, the name
    right before the colon (or the verb) and not the second of two people."""
    head = next((p.text for p in paragraphs if p.is_headline), "") or " ".join(title.split())
    if not head or len(head) > HEADLINE_MAX_CHARS:
        return None
    return _title_quote(head, _HEADLINE_QUOTE_RE.search(head) or _HEADLINE_SAYS_RE.search(head), index)


def _link_line_quote(text: str, index: NameIndex) -> Quote | None:
    """A body line in headline form ('- Heartstopper's Ana Lopez on Paris: "..."', a related-article
    link): only a bullet and a few words may come before the name."""
    if len(text) > HEADLINE_MAX_CHARS or (m := _LINK_QUOTE_RE.search(text)) is None:
        return None
    if not _LINK_PREFIX_RE.fullmatch(text, 0, m.start("name")):
        return None
    return _title_quote(text, m, index)


def _title_quote(head: str, m: re.Match | None, index: NameIndex) -> Quote | None:
    if m is None:
        return None
    inner = _clean_quote(m.group("inner"))
    before = head[: m.start("name")].rstrip()
    if _words(inner) < HEADLINE_MIN_WORDS or before.endswith((" and", "&", ",")) or before == "and":
        return None
    words = m.group("name").split()
    for k in range(min(len(words), 3), 0, -1):  # "Heartstopper Star Ana Lopez" -> "Ana Lopez"
        name = clean_name(" ".join(words[-k:]))
        full = (name if is_full_name(name) else index.resolve(name)) if name else None
        if not full:
            continue
        first = _first_spelling(full, index, {})
        if max(index.persons.get(full, 0), index.persons.get(first, 0)) >= 2:
            return Quote(first, inner)
    return None


# "Russell T Davies", "Mary J. Holt": a first name, a middle initial and a surname. The shared name pattern
# stops at the initial, so these are read here for attributions by surname ("...," Davies said).
_INITIALLED_RE = re.compile(
    r"(?P<first>[A-Z](?<![\w'’.].)[a-z]{1,20})[ \t]+(?P<initial>(?![AI][ \t.])[A-Z]\.?)[ \t]+"
    r"(?P<last>[A-Z][a-z]{1,20}(?:-[A-Z][a-z]{1,20})?)(?![\w'’-])"
)


def initialled_names(texts) -> dict[str, str]:
    """{surname or first name: full name as first written} for names written with a middle initial ('said
    Russell T Davies' reads the first name only); a word two such names share is left out (nobody can
    tell which one speaks)."""
    found: dict[str, str] = {}
    clash: set[str] = set()
    for text in texts:
        for m in _INITIALLED_RE.finditer(text):
            if is_stop(m.group("first")) or is_stop(m.group("last")):
                continue
            full = m.group(0)
            for key in (m.group("last"), m.group("first")):
                known = found.setdefault(key, full)
                if known.replace(".", "") != full.replace(".", ""):
                    clash.add(key)
    return {k: v for k, v in found.items() if k not in clash}


def _first_spelling(full: str, index: NameIndex, memo: dict[str, str]) -> str:
    """The full name the article wrote first for the same person as `full`: same first name, a surname of
    5+ letters with the same initial and a close spelling ("Alice Osman" -> "Alice Oseman"), unique."""
    if full in memo:
        return memo[full]
    memo[full] = full
    words = full.split()
    if len(words) != 2 or len(words[1]) < 5:
        return full
    twins = []
    for other in list(index.persons)[:200]:  # dict order is reading order: names are added as read
        if other == full:
            break
        o = other.split()
        if (
            len(o) == 2
            and o[0] == words[0]
            and o[1][0] == words[1][0]
            and abs(len(o[1]) - len(words[1])) <= 2
            and fuzz.ratio(o[1], words[1]) >= 85
        ):
            twins.append(other)
    if len(twins) == 1:
        memo[full] = twins[0]
    return memo[full]


def _norm_words(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", s.lower()).split())


def _ages(texts: dict[int, str], mentions: list[tuple[int, int, str]]) -> dict[str, str]:
    """The age each person is given right after their name ("Ana Lopez, 19,"); a person given two ages
    has none."""
    ages: dict[str, str] = {}
    clash: set[str] = set()
    for para, start, person in mentions:
        text = texts.get(para)
        if text is None or (m := _NAME_RE.match(text, start)) is None:
            continue
        if (a := _AGE_AFTER_RE.match(text, m.end())) is None:
            continue
        age = a.group(1) or a.group(2)
        if ages.setdefault(person, age) != age:
            clash.add(person)
    return {p: a for p, a in ages.items() if p not in clash}


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


# What may follow the speaker and verb of an attribution between two quotations: an adverb, an aside or a
# short phrase ("says Lopez, laughing.", "told me when we spoke last month."), ending the clause.
# A full stop before a lower-case word ends no sentence ('told them. in a statement.', an outlet's name).
# The attribution clause between two joined quotations: one sentence (a full stop before a lower-case word,
# or an outlet's "E! News", ends nothing).
# (a full stop inside a word is no sentence end: 'Locke told RadioTimes.com and other press. "..."')
_JOIN_TAIL_RE = re.compile(
    r"(?:[^.!?:;\"“”\n]|[.!?](?=[ \t]+[a-z])|\.(?=[a-z])|(?<=[A-Z])!(?=[ \t]+[A-Z])){0,120}?[.,!?…][ \t]*"
)
JOIN_MAX_WORDS = 16
# ', who adapted the series from her novels,' / ', where she has lived since 2020.': an aside about the
# speaker or the setting of the attribution; its words do not count against JOIN_MAX_WORDS.
_ASIDE_RE = re.compile(
    r",[ \t]*(?:\d{1,3}[ \t]*,[ \t]*)?(?:who|where|whose|when|a|an)[ \t][^,.;:!?\"“”\n]{1,160}(?=[,.!?])"
)


def _joins(text: str, spans: list[_Span], speakers: _Speakers, para: int) -> dict[int, int]:
    """{i: j} where quotations i..j of a paragraph are one quotation: each is followed only by a short
    attribution clause ('"A," says Locke. "B."', '"I think," he said, "that..."') and then the next. The
    clause must name nobody else, and the next quotation must not carry a different named speaker."""
    out: dict[int, int] = {}
    i = 0
    while i < len(spans) - 1:
        j = i
        first: str | None = None  # the named speaker of the first attribution, if a name
        if not _opens_sentence(text, spans[i].start):
            i += 1  # 'describes as "quietly his." Donovan says ... "B."': a partial quote joins nothing
            continue
        while j < len(spans) - 1:
            sp, nxt = spans[j], spans[j + 1]
            if not sp.closed:
                break
            between = text[sp.end + 1 : nxt.start]
            if len(between) > 240:
                break
            inner = text[sp.start + 1 : sp.end]
            m = _attribution(between, 0, inner)
            if m is None or not _after_ok(inner, _words(inner), between, m):
                break
            # ', who adapted the series from their own novels,': an aside is not clause.
            tail = between[m.end() :]
            aside = _ASIDE_RE.search(between)
            if aside is not None and aside.start() >= m.end():
                tail = between[m.end() : aside.start()] + between[aside.end() :]
            if _words(between) - (_words(aside.group(0)) if aside else 0) > JOIN_MAX_WORDS:
                break
            if not _JOIN_TAIL_RE.fullmatch(tail):
                break
            if _clause_people(speakers.mentions, para, sp.end + 1 + m.end(), nxt.start):
                break  # '"Ready?" Lopez asked Ben Okafor. "..."': the clause is about someone else
            name = _attributed_name(m, speakers)
            if j == i:
                first = name
            elif name is not None and first is not None and name != first:
                break
            if (
                nxt.closed
                and (nm := _attribution(text, nxt.end + 1, text[nxt.start + 1 : nxt.end])) is not None
            ):
                other = _attributed_name(nm, speakers)
                if other is not None and other != (first or name):
                    break  # '"You were great," Lopez said. "So were you," said Okafor.'
            j += 1
        if j > i:
            out[i] = j
        i = j + 1
    return out


def _opens_sentence(text: str, pos: int) -> bool:
    """The quotation at `pos` opens its sentence (or follows a colon), rather than sitting inside one."""
    before = text[max(0, pos - 200) : pos].rstrip()
    return not before or before.endswith(":") or _SENTENCE_END_RE.search(before) is not None


def _attribution(text: str, pos: int, inner: str) -> re.Match | None:
    """The attribution right after a quotation's closing mark at text[pos:], if any."""
    m = _AFTER_RE.match(text, pos)
    if m is None and inner.rstrip().endswith(","):
        m = _LOOSE_AFTER_RE.match(text, pos)
    return m


def _attributed_name(m: re.Match, speakers: _Speakers) -> str | None:
    """The full name an attribution match names (None for a pronoun, role noun or unknown name)."""
    g = m.groupdict()
    raw = g.get("anm") or g.get("nm")
    name = clean_name(raw) if raw else ""
    if not name:
        return None
    return name if is_full_name(name) else speakers.index.resolve(name)


def _join_text(a: str, b: str) -> str:
    """A, a space, then B, each exactly as written: A keeps its final comma ("Wear a coat, It was cold") --
    a person's words are never altered, and the opening words still read as written."""
    return f"{a.rstrip()} {b.lstrip()}"


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
    full = _label_person(m.group("label"), index)
    return (full, answer) if full is not None else None


# An answer continues over at most this many unlabelled paragraphs, and only when a label follows.
QA_CONTINUE_PARAGRAPHS = 3


def _label_follows(paragraphs: list[Paragraph], pos: int, index: NameIndex) -> bool:
    """A transcript label opens one of the few paragraphs after `pos` (the transcript goes on)."""
    for para in paragraphs[pos + 1 : pos + 1 + QA_CONTINUE_PARAGRAPHS]:
        if _is_label(para.text, index):
            return True
    return False


def _label_person(label: str, index: NameIndex) -> str | None:
    """The known person a transcript label names: initials ("JL"), a name in capitals ("YASMIN FINNEY",
    "GAO") or as written ("Locke"); None for the outlet, "Q" or anybody the article does not know."""
    full = None
    if label.isupper():
        if len(label) <= 3:
            # "**KC:**": the one known person with those initials, else the one full name the article gives
            for floor in (2, 1):
                people = [p for p, pr in index.persons.items() if pr >= floor and _initials(p) == label]
                if people:
                    full = people[0] if len(people) == 1 else None
                    if full is not None and floor == 1:
                        return full  # initials are a transcript's label: whoever they name is speaking
                    break
        label = label.title()  # "GAO" -> "Gao", "YASMIN FINNEY" -> "Yasmin Finney"
    if full is None and _NAME_RE.fullmatch(label) and (name := clean_name(label)):
        full = name if is_full_name(name) else index.resolve(name)
    if full is None or index.persons.get(full, 0) < 2:
        return None
    return full


def _is_label(text: str, index: NameIndex) -> bool:
    """The paragraph opens with a transcript label: a question's ("EW:", "Q:", "INTERVIEWER:") or an
    answer's. A title-case word that names nobody ("Warning: spoilers") is not a label."""
    if ":" not in text[:60] or (m := _QA_RE.match(text)) is None:
        return False
    label = m.group("label")
    return label.isupper() or _label_person(label, index) is not None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_SAID_TAIL_RE = re.compile(r"\b(?:said|says|adds|added|told|tells|explained|explains)[ \t]*$")


def _before_patterns(pre_local: str) -> tuple[re.Pattern, ...]:
    """Only the attribution-before patterns that can match how this text ends (a cheap pre-test)."""
    tail = pre_local[-40:].rstrip()
    if tail.endswith((":", ",")):
        return (_BEFORE_RES[0], _BEFORE_RES[2], _BEFORE_RES[3])
    if _SAID_TAIL_RE.search(tail):
        return (_BEFORE_RES[1],)
    if tail.endswith(".") and _GESTURE_TAIL_RE.search(tail):
        return (_BEFORE_RES[4],)
    return ()


def _after_ok(inner: str, words: int, post: str, m: re.Match) -> bool:
    """An attribution after the quote: the quote must look like speech, and the verb must not introduce the
    next quote (`"fuzziness", Connor commented: "Yeah..."`)."""
    rest = post[m.end() :].lstrip()
    if rest.startswith(":"):
        return False
    ends_inside = inner.rstrip()[-1:] in (",", ".", "!", "?", "…", "-", "—")
    return ends_inside or words >= 4


_TERMINAL = (".", "!", "?", "…")


def _partial_ends_sentence(pre: str, inner: str) -> bool:
    """A quotation inside a running sentence (`pre`, its text before the mark, is neither empty nor an
    introduction ending in ':' or ',') that ends the sentence itself: what follows is a new sentence."""
    pre = pre.strip()
    return bool(pre) and not pre.endswith((":", ",")) and inner.rstrip().endswith(_TERMINAL)


# A sub-heading quoting a phrase ("'The adults had to be real'") runs to a few words and has no punctuation.
CROSSHEAD_MAX_WORDS = 8


def _crosshead(text: str, sp: _Span, words: int) -> bool:
    """A paragraph that is only a short quotation without punctuation ("'Hope and joy'"): a section
    heading quoting a phrase, not a follow-on quote."""
    if not sp.closed or words > CROSSHEAD_MAX_WORDS or text[: sp.start].strip() or text[sp.end + 1 :].strip():
        return False
    return not re.search(r"[.,;:!?…]", text[sp.start + 1 : sp.end])


def _is_attribution_only(pre_local: str) -> bool:
    """The text between two quotes in one paragraph is just the first one's attribution."""
    m = _AFTER_RE.match(pre_local)
    if not m:
        return False
    rest = pre_local[m.end() :]
    return bool(re.fullmatch(r"(?:,[^.!?]{0,120})?[.!?…]?[ \t]*[:,]?[ \t]*", rest))


# Given names that end like a gerund; any other capitalised "-ing" word opening a name is a verb
# ("on Handling X's Darkest Chapter"), so the run is a phrase, not a person.
_ING_GIVEN_NAMES = frozenset(
    "sterling irving channing manning fleming browning harding darling deming golding redding "
    "xiaoming yiming meiling xiaoling".split()
)


# "By Tudum Staff": a byline naming a newsroom ends in one of these; it is the outlet, not a person.
_NEWSROOM_WORDS = frozenset({"Staff", "Team", "Desk", "Editors", "Reporters", "Newsroom"})


def gerund_led(name: str) -> bool:
    """True for a capitalised phrase that is never a person: one opening with a gerund ("Handling
    Charlie") or a newsroom byline ("Tudum Staff")."""
    words = name_words(name)
    if len(words) < 2:
        return False
    if words[-1] in _NEWSROOM_WORDS:
        return True
    first = words[0].lower()
    return len(first) >= 5 and first.endswith("ing") and first not in _ING_GIVEN_NAMES


def person_mentions(
    hits: list[NameHit], index: NameIndex, min_priority: int = 2
) -> list[tuple[int, int, str]]:
    """(paragraph, offset, person) for each mention of a known person, in reading order."""
    out = []
    for para, start, _end, name in hits:
        full = name if is_full_name(name) else index.resolve(name, min_priority=min_priority)
        if full and index.persons.get(full, 0) >= min_priority and not gerund_led(full):
            out.append((para, start, full))
    return out
