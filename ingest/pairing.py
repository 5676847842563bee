"""Cast by position: one rule for the layouts cast.py's per-family patterns have never met.

A sentence that names a group of actors, then a casting cue, then as many characters (or the characters,
then "played by", then the actors) pairs them in order: "Joe Locke (Agatha All Along) and Kit Connor
reprise their roles as Charlie Spring and Nick Nelson", "Corinna Brown and Kizzy Edgell — Tara and Darcy,
obviously —", "Nick Nelson — played by Kit Connor —". Which name is an actor and which a character is
the caller's to say (it knows the article); this module only reads the sentence's shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Literal

from ingest.names import FREE_TOKEN, PARTICLE, SP, UPPER, clean_name, is_stop

# "name": a full name nothing in the article marks as an actor or a role; paired as an actor, but a
# parenthesis naming only such names is an aside ("Eddie Marsan (Ray Donovan, Back to Black)").
Kind = Literal["actor", "char", "name", "possessor", "other"]

# A parenthesis naming neither an actor nor a character ("(Agatha All Along)", "(left)") is an aside.
_PAREN_RE = re.compile(r"\([^()\n]{0,80}\)")
_TOKEN_RE = re.compile(FREE_TOKEN)
_JOIN_RE = re.compile(rf"{SP}(?:{PARTICLE}{SP}){{0,2}}")  # between two words of one name
# A character's title ("Mr. Ajayi", "Coach Singh"): a name with one is a role, never an actor.
ROLE_TITLES = frozenset(
    "Mr Mrs Ms Mx Miss Coach Aunt Auntie Uncle Nana Grandma Grandad Principal Headteacher Headmaster "
    "Headmistress Madame Monsieur".split()
)
_TITLE_JOIN_RE = re.compile(rf"\.{SP}")
# Between two names of one list.
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|(?:and|&)[ \t]+)|[ \t]*,?[ \t]+(?:and|&)[ \t]+")
# Words between a cue and the roles: "as Nick's mother", "aka everyone's favorite ace king", "plays art
# teacher". A preposition ends them: "plays rugby with Tao" is no credit.
_FUNCTION = (
    r"(?:with|opposite|alongside|against|for|from|in|on|at|to|of|and|or|but|by|about|than|like|who|that|as)"
)
# A capitalised word in it is a possessive ("Nick's") or a compound ("Instagram-famous"), never a name.
_DESCRIPTOR = (
    rf"(?:(?!{_FUNCTION}\b)(?:[a-z][\w'’\-]*|[{UPPER}][\w\-]*['’]s?(?<=s)|[{UPPER}]\w*-[\w\-]+),?{SP}){{0,5}}"
)
# "as" that compares rather than casts.
_NOT_CAST_AS = r"(?<!\bwell )(?<!\bsuch )(?<!\bsame )(?<!\bmuch )(?<!\bsoon )(?<!\blong )(?<!\bjust )"
# "as are", "as if": a conjunction.
_NOT_A_ROLE = r"(?:are|is|was|were|do|does|did|has|have|had|if|though|well|soon|long|much|many|one|a|an|the)"
_ROLE_NOUN_OF = rf"{SP}the{SP}(?:voice|character|role|part){SP}of"  # "will play the role of Geoff"
_CUE = (
    # "cast as the Charlie and Nick, respectively": "as the" right before the names casts too
    rf"(?i:(?:{_NOT_CAST_AS}\bas(?!{SP}(?!the{SP}(?:(?:voice|character|role|part)\b|\Z)){_NOT_A_ROLE}\b)"
    rf"|\bplay(?:s|ed|ing)?|\bportray(?:s|ed|ing)?|\bessay(?:s|ed|ing)?|\bcharacters?|\bvoic(?:es|ed|ing)"
    rf"|\bthe{SP}actors?{SP}behind"
    rf"|\baka|\ba\.k\.a\.)"
    rf"(?:{_ROLE_NOUN_OF})?"
    # "as the Instagram-popular classist, Jack Maddox": the role's description, then its name
    rf"|\bas{SP}the{SP}(?:[\w'’\-]+{SP}){{0,4}}?[\w'’\-]+,)"
)
# A short quotation inside the actor's clause ('feels "blessed" to have been chosen to play Elle').
_SCARE = r"“[^”\n]{1,25}”|\"[^\"\n]{1,25}\""
# Actors, then this, then the roles. Before the cue, the actor's own clause: no full stop, no quotation,
# no parenthesis, no "who" after a noun (", the co-star of the man who plays Nick"), no earlier "as"
# ("as nervous as Charlie").
_ACTORS_THEN_ROLES_RE = re.compile(
    rf"(?:(?:(?![a-z][\w\-]*{SP}who\b|\bas\b)(?:[^.;:!?\"“”()\n]|{_SCARE})){{0,90}}?{_CUE}{SP}{_DESCRIPTOR}"
    rf"|[ \t]*[—–][ \t]*{_DESCRIPTOR}|['’]s?{SP}"
    # "was nominated for outstanding lead performance for his role as": a role named as theirs may come later
    rf"|(?:(?![a-z][\w\-]*{SP}who\b|\bas\b)[^.;:!?\"“”()\n]){{0,120}}?\b(?:his|her|their){SP}"
    rf"(?:role|turn|performance|part){SP}as{SP}{_DESCRIPTOR})"
    rf"[“\"‘]?",  # 'will play "Geoff, Charlie's wise ... therapist"'
)
# Roles, then this, then the actors.
_ROLES_THEN_ACTORS_RE = re.compile(
    # an appositive before "played by": "Michael Holden, the chatty new boy at Higgs played by Dev Rao"
    rf"(?:(?:,[^,.;:!?()\"“”\n]{{1,110}}?)?[ \t]*,?[ \t]*"
    rf"(?:(?:who{SP})?(?:is|was|are|were|will{SP}be|has{SP}been|have{SP}been){SP}|[(\[][ \t]*)?"
    rf"(?:played|portrayed|voiced){SP}by"
    # tight cues: "Nick Nelson — played by Kit Connor", "Tao Xu actor William Gao", "Kit Connor, aka ..."
    # (a spaced hyphen too: "Elle Argent - played by Yasmin Finney", a children's-news cast list)
    rf"|[ \t]*,?[ \t]*(?:(?:[—–]|(?<=[ \t])-)[ \t]*(?:played{SP}by)?|aka|a\.k\.a\.|actor|actress|star)){SP}",
    re.IGNORECASE,
)
# "With his sweet-natured turn as Charlie Spring in Heartstopper, Joe Locke ...", "As Nick, Kit Connor ...":
# the roles lead, the actors are the clause's subject.
_TURN_AS_BEFORE_RE = re.compile(
    rf"(?:\b(?:his|her|their)(?:{SP}[\w\-]+){{0,3}}?{SP}(?:turn|role|performance|part|portrayal)s?{SP}as"
    rf"|^[ \t]*As){SP}$"
)
_TURN_AS_GAP_RE = re.compile(rf"(?:{SP}in{SP}[^,.;:!?\"“”()\n]{{1,40}}?)?,{SP}")
_POSSESSOR_PAREN_RE = re.compile(rf"['’]s?[ \t]*\([ \t]*(?:(?:played|portrayed|voiced){SP}by{SP})?")
_PAREN_CLOSE_RE = re.compile(r"[ \t]*\)")
_PREPOSITION_BEFORE_RE = re.compile(rf"\b(?:at|in|on|from|of)(?:{SP}the)?{SP}$")
_IS_RE = re.compile(rf"{SP}(?:is|was|are|were){SP}(?:(?:also|again|now|still){SP})?")
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[,.;:!?)]|$|[—–]|and\b|in\b)")
# Before a name nothing marks as a role, only a casting verb makes it one (not "—" or a possessive).
_STRONG_CUE_RE = re.compile(
    r"\b(?:as|play(?:s|ed|ing)?|portray(?:s|ed|ing)?|(?:role|character|part)[ \t]+of)\b", re.IGNORECASE
)
# An actor group that is the object of a preposition ("won praise from Sam Oak for his turn as Felix") is
# not the one the cue is about.
_OBJECT_BEFORE_RE = re.compile(
    rf"\b(?:with|opposite|alongside|against|for|from|in|on|at|to|of|by|about|than|like|as){SP}$",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r"[ \t]*(?:,[ \t]*|[ \t][—–][ \t]*)who(?:se)?\b")


def mentions(s: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name in `s`: runs of capitalised words, split at stop words ("Joe Locke As
    Charlie Spring" is two names), of any length (NAME stops at four words)."""
    out = []
    run: list[re.Match] = []
    for w in _TOKEN_RE.finditer(s):
        joined = run and (
            _JOIN_RE.fullmatch(s, run[-1].end(), w.start())
            or (run[-1].group(0) in ROLE_TITLES and _TITLE_JOIN_RE.fullmatch(s, run[-1].end(), w.start()))
        )
        if not joined or is_stop(w.group(0)):
            out.extend(_run_name(run))
            run = []
        if not is_stop(w.group(0)):
            run.append(w)
    out.extend(_run_name(run))
    return out


def _run_name(run: list[re.Match]) -> list[tuple[int, int, str]]:
    if not run:
        return []
    name = clean_name(" ".join(w.group(0) for w in run))
    return [(run[0].start(), run[-1].end(), name)] if name else []


def _asides_blanked(s: str, kind: Callable[[str, int, int], Kind]) -> str:
    """`s` with each parenthesis that names no actor and no character blanked, same length."""

    def blank(m: re.Match) -> str:
        inner = m.group(0)
        named = [kind(n, m.start() + a, m.start() + b) for a, b, n in mentions(inner)]
        return inner if any(k in ("actor", "char") for k in named) else " " * len(inner)

    return _PAREN_RE.sub(blank, s) if "(" in s else s


def positional_pairs(
    s: str, kind: Callable[[str, int, int], Kind]
) -> list[list[tuple[str, str, tuple[int, int]]]]:
    """For each pair of lists the sentence's shape matches, its (actor, character, (start, end) of the two),
    names as written. `kind(name, start, end)` says what a name at that place is."""
    raw = s
    s = _asides_blanked(s, kind)
    # (kind, [(start, end, name)]): a list of roles ("char"), or of people: "actor" when any is one, else
    # "name" (only unmarked full names, which may be a new role after an actor's cue: "as Jack Maddox")
    groups: list[tuple[str, list[tuple[int, int, str]]]] = []
    out = []
    # (before the asides are blanked: the parenthesis is the credit here)
    possessor_paren = "(" in raw and ("'" in raw or "’" in raw)
    named = [(a, b, name, kind(name, a, b)) for a, b, name in mentions(raw)] if possessor_paren else []
    for (c_start, c_end, char, ck), (a_start, a_end, actor, ak) in pairwise(named):
        # "Nick's (Kit Connor) journey", "Nick's (played by Kit Connor) aunt": the role as a possessor
        if (
            ck == "possessor"
            and ak in ("actor", "name")
            and _POSSESSOR_PAREN_RE.fullmatch(raw, c_end, a_start)
            and _PAREN_CLOSE_RE.match(raw, a_end)
        ):
            out.append([(actor, char, (c_start, a_end))])
    for start, end, name in mentions(s):
        k = kind(name, start, end)
        if k == "name" and s.startswith(("'", "’"), end):
            k = "possessor"  # "Truham's unseen headteacher", "Yasmin Finney Says Elle's Final Scenes"
        if k in ("possessor", "other"):
            # "Nick's mother"; "the chatty new boy at Higgs", "her turn in Lowtide", "the Nelson family":
            # words of a descriptor, the cue between the names decides whether they pair
            continue
        if (
            groups
            and (groups[-1][0] == "char") == (k == "char")
            and _LIST_GAP_RE.fullmatch(s, groups[-1][1][-1][1], start)
        ):
            groups[-1] = ("actor" if k == "actor" else groups[-1][0], [*groups[-1][1], (start, end, name)])
        else:
            groups.append((k, [(start, end, name)]))
    for (k1, g1), (k2, g2) in pairwise(groups):
        if k1 == "name" and k2 == "char":
            k1 = "actor"
        elif k2 in ("actor", "name") and k1 == "char":
            k2 = "actor"
        elif k1 == "actor" and k2 == "name" and _STRONG_CUE_RE.search(s, g1[-1][1], g2[0][0]):
            k2 = "char"  # "Bailey will make a cameo as the Instagram-popular classist, Jack Maddox"
        if len(g1) != len(g2) or {k1, k2} != {"actor", "char"}:
            continue
        gap_start, gap_end = g1[-1][1], g2[0][0]
        cue = _ACTORS_THEN_ROLES_RE if k1 == "actor" else _ROLES_THEN_ACTORS_RE
        if (
            not cue.fullmatch(s, gap_start, gap_end)
            # "Chetna Pandya is Coach Singh, whose ...": "is" only with the roles ending a clause
            and not (
                k1 == "actor"
                and _IS_RE.fullmatch(s, gap_start, gap_end)
                and _CLAUSE_END_RE.match(s, g2[-1][1])
            )
            and not (
                k1 == "char"
                and _TURN_AS_GAP_RE.fullmatch(s, gap_start, gap_end)
                and _TURN_AS_BEFORE_RE.search(s, max(0, g1[0][0] - 60), g1[0][0])
            )
        ):
            continue
        if (
            k1 == "actor"
            and _OBJECT_BEFORE_RE.search(s, max(0, g1[0][0] - 12), g1[0][0])
            and not _RELATIVE_RE.match(s, gap_start)
        ):
            continue  # "praise from Sam Oak for his turn as Felix"; but "with Ana Lopez, who plays Tara"
        actors, chars = (g1, g2) if k1 == "actor" else (g2, g1)
        out.append(
            [(a[2], c[2], (min(a[0], c[0]), max(a[1], c[1]))) for a, c in zip(actors, chars, strict=True)]
        )
    return out
