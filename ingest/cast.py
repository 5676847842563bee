"""Cast pairs (actor <-> character) and crew/other people, found sentence by sentence.

Pattern families: `Actor as Character`, `Actor plays / stars as / will play / is cast as Character`,
`Actor, who plays Character`, `Character, played by Actor`, `Character will be played by Actor`,
`Character (Actor)` / `Actor (Character)` (order decided from cues elsewhere in the article), lists of any of
these, `Character – Actor` cast-list lines, relational descriptors (`his older brother David (Jack Barton)`)
and descriptions after (`Mr. Farouk (Nima Taleghani) will be a new teacher at Truham`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.events import may_name_season, season_mentions
from ingest.model import CastPair, Person
from ingest.names import (
    CHAR,
    CHARACTER_HINTS,
    NAME,
    SP,
    TOKEN,
    UPPER,
    NameIndex,
    clean_name,
    is_full_name,
    is_stop,
    name_words,
    norm_key,
    split_title,
)
from ingest.text import Paragraph, heading_as_prose, sentence_spans

_RELATION = (
    r"(?:best[ \t]+friend|love[ \t]+interest|head[ \t]+teacher|step-?brother|step-?sister|step-?mum|step-?mom"
    r"|step-?dad|step-?father|step-?mother|half-brother|half-sister|grandmother|grandfather|grandma|grandad"
    r"|grandpa|godmother|godfather|brother|sister|sibling|twin|mum|mom|mother|dad|father|parent|son|daughter"
    r"|cousin|aunt|uncle|niece|nephew|wife|husband|boyfriend|girlfriend|partner|fiancée?|friend|bestie|pal"
    r"|classmate|teammate|bandmate|roommate|flatmate|teacher|headteacher|student|pupil|coach|captain"
    r"|crush|ex|rival|bully|neighbour|neighbor|date|colleague|boss|tutor|mentor|headmaster|headmistress)"
)
_FUNCTION_WORD = r"(?!(?:and|or|but|his|her|their|with|including|of|to|by|as|for|from|in|on|at|who|is)\b)"
# "his older brother", "Nick's dad", "Imogen's cousin", "a new student", "new teacher"; or any short noun
# phrase after a name's possessive: "Charlie's therapist".
_DESC = (
    rf"(?:(?:(?P<poss>his|her|their|{TOKEN}['’]s?){SP})?"
    rf"(?P<desc>\b(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP}){{0,2}}?{_RELATION}s?)\b"
    rf"|(?P<poss2>{TOKEN}['’]s){SP}(?P<desc2>(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP}){{0,2}}{_FUNCTION_WORD}[a-z][a-z\-]*))"
)
_NOT_DESC = (
    r"(?!(?:and|or|but|with|opposite|alongside|against|beside|for|from|in|on|at|into|of|to|by|as|who|is"
    r"|was|will|has|his|her|their|its|him|them|when|while|after|before|where|which|that|than)\b)"
)
# "as TV presenter Jack Maddox", "plays the shy Charlie Spring": lowercase words (or an acronym) just before
# the character; function words stop it, so "plays opposite Kit Connor" is no pair.
_OCCUPATION = rf"\b(?:(?:a|an|the){SP})?(?P<occ>(?:(?:[A-Z]{{2,4}}|{_NOT_DESC}[a-z][a-z\-]*){SP}){{1,3}})"
_DESC_BEFORE = rf"(?:{_DESC},?{SP}|{_OCCUPATION})?"
_AUX = (
    r"(?:who|also|now|will|is|are|was|has|have|had|been|be|set|to|going|currently|back|shall|would|then|'ll"
    r"|once|again|still"
    # casting-news verbs: "has been tapped to play", "was chosen to portray"
    r"|tapped|chosen|picked|hired|signed|recruited|enlisted|drafted|booked|lined[ \t]+up)"
)
_PLAY_VERB = (
    rf"(?P<verb>plays|play|played|playing|portrays|portray|portrayed|portraying|stars{SP}as|star{SP}as"
    rf"|starred{SP}as|starring{SP}as|cast{SP}as|returns{SP}as|return{SP}as|returned{SP}as|returning{SP}as"
    # "joins the cast this season as", "joined the show for season three as"
    rf"|(?:joins|join|joined|joining){SP}(?:the{SP}(?:cast|show|series){SP})?"
    rf"(?:(?:this|next|for{SP}(?:the{SP})?[a-z]+|in{SP}the{SP}[a-z]+){SP}(?:season|series){SP}(?:[a-z]+{SP})?)?as"
    rf"|(?:takes|take|took|taking){SP}(?:on{SP})?the{SP}role{SP}of|voices|voice|voiced|voicing"
    rf"|back{SP}as|(?:appears|appear|appeared|appearing){SP}as"
    # "Newcomer Darragh Hand steps into the role of Michael Holden"
    rf"|(?:steps|step|stepped|stepping){SP}into{SP}the{SP}(?:role|shoes|part){SP}of"
    # "will recur as", "guest stars as", "joins in the recurring role of", "set for a guest arc as"
    rf"|(?:recurs|recur|recurring|guest[ \t-]stars|guest[ \t-]star|guest[ \t-]starring){SP}as"
    rf"|(?:(?:joins|join|joined|joining){SP})?(?:in|for){SP}(?:a|an|the){SP}(?:[a-z\-]+{SP}){{0,2}}"
    rf"(?:role|arc|part|stint){SP}(?:as|of)"
    # "reprises her role as", "nominated for his role as", "won praise for their turn as"
    rf"|(?:(?!(?:and|or|but)\b)[a-z]+{SP}){{0,3}}(?:his|her|their){SP}(?:[a-z]+{SP})?(?:role|roles|part|turn){SP}as)"
)

_AS_RE = re.compile(rf"(?P<actor>{NAME}){SP}as{SP}{_DESC_BEFORE}(?P<char>{CHAR})")
# "Eddie Marsan, who played Terry in The Gentlemen, as Geoff": a clause about another credit, then the role.
_WHO_AS_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}who{SP}(?:(?!plays?\b|portrays?\b|,)[^;:()\n.]){{1,120}}?,{SP}as{SP}"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
# "the 20-year-old, who plays...": the actor is the person the article was just talking about.
_ACTOR_REF = (
    r"(?P<ref>\b(?:the|The)[ \t]+(?:\d{1,3}-year-old|[a-z]+-born|actor|actress|star|newcomer)"
    r"(?:[ \t]+(?:actor|actress|star))?"
    r"|\b(?:[Hh]e|[Ss]he|[Tt]hey)(?=[ \t]+(?:also[ \t]+|now[ \t]+)?(?:plays|play)\b))"
)
_PLAYS_TAIL = (
    rf"(?:,[ \t]*\d{{1,2}},|[ \t]*\(\d{{1,2}}\)"
    # "Yasmin Finney, from Manchester, takes the role of ...": where the actor is from.
    rf"|,{SP}from{SP}{NAME},"
    # "Lia Kim, who starred in Moonfall as Iris Day, plays ...": a relative clause about another credit.
    rf"|,{SP}who{SP}(?:(?!plays?\b|portrays?\b|voices?\b|,{SP}and\b|,{SP}who\b)[^;:()\n]){{1,120}}?"
    rf",[\"”’]?(?={SP}(?:{_AUX}{SP}){{0,3}}[a-z])"
    # "Jo Bell is the show's big new addition, playing Nora Pike": a clause about the actor, then the role.
    rf"|{SP}(?:is|was|becomes|became){SP}(?:(?!plays?\b|playing\b|portray)[^,;:()\n.\"“”]){{1,80}}?"
    rf"(?=,{SP}(?:playing|portraying){SP}))?[ \t]*,?[ \t]*"
    rf"(?:{_AUX}[ \t]+){{0,4}}{_PLAY_VERB}{SP}(?:the{SP}(?:role|part){SP}of{SP})?"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
# Two patterns so the common one starts with a capital letter (which the regex engine scans for quickly).
_PLAYS_REF_RE = re.compile(rf"(?P<actor>){_ACTOR_REF}{_PLAYS_TAIL}")
_REF_HINTS = (
    "year-old", "-born", "he actor", "he actress", "he star", "he newcomer", "he play", "ey play", "he also",
    "ey also", "he now", "ey now",
)  # fmt: skip
_PLAYS_RE = re.compile(rf"(?P<actor>{NAME})(?P<ref>){_PLAYS_TAIL}")
# "by newcomer Ana Lopez", "by Oscar winner Olivia Colman", "by the Bafta-nominated actor Jo Bell".
_ACTOR_EPITHET = (
    rf"(?:(?:[a-z][\w\-]*|[A-Z][\w\-]*{SP}(?:winner|nominee|star|actor|actress|favourite|alum|veteran|legend))"
    rf"{SP}){{0,3}}"
)
_PLAYED_BY_RE = re.compile(
    rf"{_DESC_BEFORE}(?P<char>{CHAR})(?P<appos>,[^,.;:()\"“”\n]{{1,80}},)?[ \t]*[,(]?[ \t]*"
    rf"(?P<aux>(?:(?:who|is|was|will|be|being|to|now|also|set|going|has|been|are|were|once|again|still"
    rf"|currently|already|later)[ \t]+){{0,5}})"
    rf"(?:played|portrayed|brought{SP}to{SP}life|embodied|essayed){SP}by{SP}{_ACTOR_EPITHET}"
    rf"(?P<actor>{NAME})"
)
# "Corinna Brown's Tara Jones", "Ash Self's Felix and ...": only when the article marks the actor as an actor
# or the character as a character elsewhere (otherwise "Jo Bell's Marvel" would be a pair).
# A cast guide's heading: a line that is only a character's name (or two, "Tara Jones and Darcy Olsson").
_HEADING_RE = re.compile(rf"[ \t#*]*(?P<a>{CHAR})(?:{SP}(?:and|&){SP}(?P<b>{CHAR}))?[ \t*:]*")
_APPOS_TAIL_NAME_RE = re.compile(rf"(?<![\w'’])(?P<char>{CHAR}),$")
# "Corinna Brown, Tara Jones in the Netflix series, says...": a character in our show as an appositive.
_APPOS_CHAR_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}(?P<char>{CHAR}){SP}(?:in|on){SP}(?:the{SP})?(?:(?:hit|Netflix|BBC|teen|new)"
    rf"{SP}){{0,2}}(?:Heartstopper|series|show|drama)\b"
)
# "Rhea Norwood is Imogen, Nick's friend": only trusted under a cast-guide heading naming the character.
_IS_PAIR_RE = re.compile(rf"(?P<actor>{NAME}){SP}is{SP}(?P<char>{CHAR})(?=[ \t]*[,.;:]|[ \t]*$)")
_POSSESSIVE_PAIR_RE = re.compile(
    rf"(?P<actor>{NAME})['’]s{SP}(?P<char>{CHAR})(?![\w'’])"
    rf"(?![ \t]+(?!(?:and|in|is|was|will|has|had|who|with|as|opposite|on|at|for|to|from|also|are)\b)[a-z])"
)
_PAREN_APPOSITIVE_RE = re.compile(
    rf",{SP}(?P<desc>(?:the|a|an){SP}[^.,;:()\n\"“”]{{2,60}}?)(?=[ \t]*[.,;:!?]|{SP}(?:and|but){SP}|[ \t]*$)"
)
# A review's passing credit: "Joe Locke's anxious Charlie carries", "William Gao's Tao remains",
# "Hayley Atwell's therapist, Diane": trusted only for the show's own character names.
_REVIEW_POSSESSIVE_RE = re.compile(
    rf"(?P<actor>{NAME})['’]s{SP}(?:(?P<adj>(?:{_FUNCTION_WORD}(?!the\b|a\b|an\b)[a-z][a-z\-]*{SP}){{1,2}})"
    rf"|(?P<role>{_FUNCTION_WORD}[a-z][a-z\-]*),{SP})?(?P<char>{CHAR})(?![\w'’])"
    rf"(?=[ \t]*[,.;:!?)]|[ \t]*$|{SP}(?:and|is|was|remains|carries|gets|steals|makes|brings|feels"
    rf"|grows|finds|spends|becomes|seems|looks|goes|takes|gives|does|has|sparkles|shines)\b)"
)
# A review's praise between actor and role: "Kit Connor, excellent as Nick", "Olivia Colman, as ever, is a
# delight as Nick's mother Sarah", "Jonathan Bailey has a ball as the TV star Jack Maddox".
_PRAISE = (
    r"(?:excellent|superb|terrific|brilliant|wonderful|great|moving|magnificent|delight|joy|revelation|ball"
    r"|standout|marvellous|marvelous|lovely|charming|touching|heartbreaking|funny|sweet|perfect|riveting"
    r"|astonishing|impressive|compelling|convincing|luminous|fantastic|outstanding|memorable|affecting"
    r"|hilarious|tremendous|superlative|exceptional|poignant|endearing)"
)
_PRAISE_AS_RE = re.compile(
    rf"(?P<actor>{NAME})(?:,{SP}(?:as{SP}ever|once{SP}again|again|too),)?,?{SP}"
    rf"(?:(?:is|was|has|remains|proves|makes)[ \t]+)?(?:(?:a|an|the|quietly|wonderfully|very|really|so|simply"
    rf"|typically)[ \t]+)?{_PRAISE}[ \t]+as[ \t]+{_DESC_BEFORE}(?P<char>{CHAR})"
)
_PRAISE_HINTS = (
    "excellent", "superb", "terrific", "brilliant", "wonderful", "great", "moving", "magnificent", "delight",
    "joy", "revelation", "ball", "standout", "marvel", "lovely", "charming", "touching", "heartbreaking",
    "funny", "sweet", "perfect", "riveting", "astonishing", "impressive", "compelling", "convincing",
    "luminous", "fantastic", "outstanding", "memorable", "affecting", "hilarious", "tremendous",
    "superlative", "exceptional", "poignant", "endearing",
)  # fmt: skip
# "Corinna Brown and Kizzy Edgell as Tara Jones and Darcy Olsson (respectively)".
_LIST_SEP = rf"(?:[ \t]*,[ \t]*(?:and{SP})?|{SP}(?:and|&){SP})"
_LIST_AS_RE = re.compile(
    rf"(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}})(?:,?{SP}who)?"  # ", who play Charlie and Nick"
    rf"{SP}(?:(?:{_AUX}|respectively)[ \t]+){{0,3}}"
    rf"(?:as|play|plays|portray|star{SP}as|stars{SP}as|return{SP}as|returns{SP}as|reprise{SP}their{SP}roles{SP}as)"
    rf"{SP}(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}})(?=[ \t]*(?:[.,;:)!?]|$)|{SP}(?!as\b)[a-z])"
)
# "Corinna Brown and Kizzy Edgell, as Tara and Darcy, get a storyline": the pairing as a parenthesis.
_LIST_PAREN_AS_RE = re.compile(
    rf"(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}}),{SP}as{SP}(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}}),"
)
_LIST_SPLIT_RE = re.compile(_LIST_SEP)
# "As aspiring artist Elle Argent, Yasmin Finney gets...": the role leads its sentence, then the actor (not a
# list of names: "As Joe Locke, Kit Connor and ... arrived").
_INVERTED_AS_RE = re.compile(
    rf"[ \t\"“]*As{SP}{_DESC_BEFORE}(?P<char>{CHAR}),{SP}(?P<actor>{NAME})(?![\w'’]|[ \t]*,|{SP}(?:and|&)\b)"
)
# "Reprising the role of Nick Nelson is Kit Connor": the role leads, the actor follows the verb "is".
_LEADING_ROLE_RE = re.compile(
    rf"[ \t\"“]*(?:Reprising|Playing|Portraying|Taking{SP}on|Stepping{SP}into)(?:{SP}the{SP}(?:role|part)"
    rf"{SP}of)?{SP}{_DESC_BEFORE}(?P<char>{CHAR}){SP}(?:is|will{SP}be|was){SP}{_ACTOR_EPITHET}(?P<actor>{NAME})"
    rf"(?![\w'’])"
)
_PAREN_RE = re.compile(rf"(?P<a>{CHAR})[ \t]*\([ \t]*(?P<b>{CHAR})[ \t]*\)")
_DESC_TAIL_RE = re.compile(rf"{_DESC}[ \t]*,?[ \t]*$")
# The last word of every _RELATION alternative: a text ends with a _DESC only if its last word is one of these
# (plural or not) or it holds a possessive ("Nick's ..."). A cheap test before the search, which tries every
# position of the text.
_RELATION_LAST_WORDS = frozenset(
    """friend interest teacher stepbrother step-brother stepsister step-sister stepmum step-mum stepmom
    step-mom stepdad step-dad stepfather step-father stepmother step-mother half-brother half-sister
    grandmother grandfather grandma grandad grandpa godmother godfather brother sister sibling twin mum
    mom mother dad father parent son daughter cousin aunt uncle niece nephew wife husband boyfriend
    girlfriend partner fiancé fiancée bestie pal classmate teammate bandmate roommate flatmate
    headteacher student pupil coach captain crush ex rival bully neighbour neighbor date colleague boss
    tutor mentor headmaster headmistress""".split()
)


def _may_end_with_desc(head: str, last_word: str) -> bool:
    return (
        last_word in _RELATION_LAST_WORDS
        or (last_word[-1:] == "s" and last_word[:-1] in _RELATION_LAST_WORDS)
        or "'" in head
        or "’" in head
    )


_DESC_AFTER_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?:who{SP})?(?:will{SP}become|will{SP}be|is{SP}set{SP}to{SP}be|is{SP}going{SP}to{SP}be"
    rf"|becomes|is|was|joins{SP}as|appears{SP}as|will{SP}appear{SP}as){SP}"
    rf"(?P<desc>(?:a|an|the|new|{TOKEN}['’]s){SP}[^.,;:()\n\"“”]{{2,60}}?)"
    rf"(?=[ \t]*[.,;:()!?]|{SP}(?:and|but|while|who){SP}|[ \t]*$)"
)
_APPOSITIVE_RE = re.compile(
    rf",{SP}(?P<desc>(?:his|her|their|{TOKEN}['’]s){SP}(?:[a-z][a-z\-]*{SP}){{0,2}}?{_RELATION}s?)\b"
)
_OTHER_PRODUCTION_RE = re.compile(
    rf"{SP}(?:in|on|from){SP}(?:the{SP})?(?:(?:{TOKEN}|[A-Z]{{2,5}})['’]s{SP})?(?:(?:hit|new|upcoming|film|movie|series|show|drama|musical|play|sitcom"
    rf"|biopic|adaptation|Netflix|BBC|HBO|Apple|Disney\+?|Amazon)[ \t]+){{0,3}}[\"“‘']?(?P<prod>{TOKEN})"
)
# Our own show, its seasons and platform: "as Nick Nelson in Heartstopper / in Season 2 / on Netflix".
_OWN_PRODUCTION = frozenset("Heartstopper Season Series Netflix Volume Episode Part Chapter".split())
_DASH_LINE_RE = re.compile(
    rf"[ \t]*(?:[-•*·][ \t]*|\d{{1,2}}[.)][ \t]*)?"  # a bullet or a listicle's number
    rf"(?P<a>{CHAR})[ \t]*(?:[–—:]|-)[ \t]*(?P<b>{CHAR})[ \t]*\.?[ \t]*"
)
_ACTOR_CUE_RE = re.compile(
    rf"\b(?=[sacnHh])"  # a quick first test: the letters its alternatives start with
    rf"(?:star|stars|actor|actress|actors|actresses|co-?stars?|newcomers?|cast{SP}members?|starring"
    rf"|[Hh]eartstopper['’]s)[ \t]*,?[ \t]*(?P<n>{NAME})"
)
# "Kit Connor, who starred in Rocketman", "Locke, who appears in Agatha All Along": an actor, any role.
_ACTOR_CREDIT_RE = re.compile(
    rf"(?P<n>{NAME}),?{SP}(?:who{SP})?(?:(?:also|has|had|have|previously|recently|since|later|went{SP}on{SP}to)"
    rf"{SP}){{0,2}}(?:starred|stars|star|appeared|appears|appear|featured|features|acted|acts|played|voiced)"
    rf"{SP}(?:in|on|opposite|alongside)\b"
)
_LIST_TAIL_RE = re.compile(rf"(?:[ \t]*,[ \t]*(?:and{SP})?|{SP}(?:and|&){SP})(?P<n>{NAME})")
_POSSESSIVE_RE = re.compile(rf"(?P<n>{TOKEN})['’]s?\b")

# People who are not cast.
_ROLE = (
    r"(?:co-creator|creator|showrunner|screenwriter|scriptwriter|writer|author|novelist|illustrator|cartoonist"
    r"|executive{SP}producer|producer|casting{SP}director|director|composer|cinematographer|host|presenter"
    r"|interviewer|critic|journalist|reporter|editor|correspondent|columnist|photographer)"
).replace("{SP}", SP)
_ROLE_MOD = r"(?:(?:TV|film|television|series|show|music|entertainment)[ \t]+){0,2}"
# "creator Alice Oseman", and "Creator Alice Oseman" opening a sentence.
_ROLE_BEFORE_RE = re.compile(
    rf"\b(?P<role>{_ROLE_MOD}{_ROLE}|(?:Co-creator|Creator|Showrunner|Writer|Author|Director|Producer)){SP}"
    rf"(?P<n>{NAME})"
)
_ROLE_AFTER_RE = re.compile(
    rf"(?P<n>{NAME}),{SP}(?:who{SP}is{SP})?(?:the|a|an|our)(?:{SP}[\w'’\-]+){{0,3}}?{SP}(?P<role>{_ROLE_MOD}{_ROLE})\b"
)
_ROLE_VERB_RE = re.compile(
    rf"(?P<n>{NAME}),?{SP}(?:who{SP})?(?:also{SP}|has{SP}|had{SP}|previously{SP})?"
    rf"(?P<verb>directed|directs|wrote|writes|written|created|creates|penned|pens|produced|produces|"
    rf"illustrated|composed)\b"
)
_WORK_RE = re.compile(
    rf"(?P<n>{NAME})['’]s?{SP}(?:[\w\-]+{SP}){{0,2}}?(?:graphic{SP}novels?|webcomics?|novels?|books?|comics?)\b"
)
_INTERVIEWER_RE = re.compile(
    rf"\b(?:spoke|speaking|talking|talked|chatted|chatting|sat{SP}down)(?:{SP}exclusively)?{SP}(?:with|to){SP}"
    rf"(?P<n>{NAME})|\binterviewed{SP}by{SP}(?P<n2>{NAME})"
)
_BYLINE_RE = re.compile(rf"[ \t]*(?:[Bb]y|[Ww]ords{SP}by|[Ww]ritten{SP}by){SP}(?P<n>{NAME})[ \t]*\.?[ \t]*$")
_STAFF_RE = re.compile(
    rf"(?P<n>{NAME}){SP}is{SP}(?:the|a|an|our)(?:{SP}[\w'’\-]+){{0,2}}?{SP}(?P<role>(?:[A-Z][\w&]*{SP}){{0,3}}"
    rf"(?:Editor|Writer|Reporter|Correspondent|Journalist|Critic|Columnist)|(?:[a-z][\w\-]*{SP}){{0,2}}?"
    rf"(?:editor|writer|reporter|correspondent|journalist|critic|columnist))\b"
)
_VERB_ROLE = {
    "direct": "director",
    "wrote": "writer",
    "write": "writer",
    "written": "writer",
    "creat": "creator",
    "penn": "writer",
    "pens": "writer",
    "produc": "producer",
    "illustrat": "illustrator",
    "compos": "composer",
}
# Roles that make someone crew even if they also act.
CREW_ROLES = ("creator", "writer", "author", "director", "producer", "showrunner", "illustrator", "composer")


@dataclass
class _Raw:
    actor: str  # "" when the actor is a reference ("the 20-year-old") resolved later from `at`
    character: str
    description: str | None
    order: int
    strong: bool = True
    at: tuple[int, int] = (0, 0)  # (paragraph, offset) of the mention


@dataclass
class _Paren:
    a: str
    b: str
    desc_before: str | None
    desc_after: str | None
    sentence: int
    order: int
    start: int
    end: int


@dataclass
class CastFindings:
    pairs: list[_Raw] = field(default_factory=list)
    parens: list[_Paren] = field(default_factory=list)
    actor_cues: set[str] = field(default_factory=set)
    people: list[tuple[str, str, int]] = field(default_factory=list)  # (name, role, order)
    possessive: list[_Raw] = field(default_factory=list)  # "Actor's Character", kept only with support
    # "Actor is Character", kept only when a heading (a line that is only a name) names the character
    is_pairs: list[_Raw] = field(default_factory=list)
    headings: set[str] = field(default_factory=set)  # norm_key of every name in a name-only line
    # finding's order -> (introduced as new, season it is tied to)
    tags: dict[int, tuple[bool, int | None]] = field(default_factory=dict)


def _ascii_apostrophe(s: str) -> str:
    return s.replace("’", "'")


def _resolve_possessor(poss: str | None, before: str) -> str | None:
    """ "Nick's" stays; "his/her/their" becomes the nearest possessive name earlier in the sentence."""
    if not poss:
        return None
    if poss.lower() not in ("his", "her", "their"):
        return _ascii_apostrophe(poss if poss.endswith(("'s", "’s", "'", "’")) else poss + "'s")
    found = None
    for m in _POSSESSIVE_RE.finditer(before):
        if not is_stop(m.group("n")):
            found = m.group("n")
    return f"{found}'s" if found else None


def _description(poss: str | None, desc: str | None, before: str) -> str | None:
    if not desc:
        return None
    desc = " ".join(desc.split())
    owner = _resolve_possessor(poss, before)
    return f"{owner} {desc}" if owner else desc


def _desc_of(m: re.Match, before: str) -> str | None:
    """The descriptor matched by _DESC inside `m` (either of its two forms)."""
    g = m.groupdict()
    if g.get("desc"):
        return _description(g.get("poss"), g["desc"], before)
    if g.get("desc2"):
        return _description(g.get("poss2"), g["desc2"], before)
    if occ := g.get("occ"):
        words = occ.split()
        # "TV presenter", "rugby coach": a noun phrase; a lone adjective ("shy") is no description.
        return " ".join(words) if len(words) >= 2 or words[0].isupper() else None
    return None


def _other_production(sentence: str, end: int) -> bool:
    m = _OTHER_PRODUCTION_RE.match(sentence, end)
    return bool(
        m and m.group("prod") not in _OWN_PRODUCTION and not m.group("prod").startswith("Heartstopper")
    )


def _char_ok(char: str) -> bool:
    return bool(char) and not all(is_stop(w) for w in name_words(char))


# A passage that introduces people: every pair in its paragraph is new unless the pair itself says returning.
_PARA_NEW_RE = re.compile(
    r"\b(?=[njc])(?:"  # a quick first test: the letters its alternatives start with
    r"\bnew[ \t]+(?:faces?|cast[ \t]+members?|characters?|additions?|arrivals?|recruits?)\b|\bnewcomers?\b"
    r"|\b(?:join|joins|joining|joined)[ \t]+(?:the[ \t]+)?(?:cast|ensemble|show|series)\b|\bcast[ \t]+as\b"
    r"|\b(?:joins|joining)[ \t]+as\b|\bnewly[ \t]+cast\b"
    r")"
)
# Cues at the pair itself, or nearest before it in its sentence: the nearest decides.
_PAIR_CUE_RE = re.compile(
    r"\b(?=[abcfijnr])(?:"  # a quick first test: the letters its alternatives start with
    r"(?P<new>\bnew[ \t]+(?:faces?|cast[ \t]+members?|characters?|additions?|arrivals?|recruits?)\b"
    r"|\bnewcomers?\b|\bnewly[ \t]+cast\b|\bcast[ \t]+as\b|\bintroduc(?:es|ing|ed|e)\b"
    r"|\b(?:join|joins|joining|joined)\b)"
    r"|(?P<old>\breturning\b|\breturns?\b|\breturned\b|\bback[ \t]+as\b|\breprises?\b"
    r"|\breprising\b|\breprised\b|\bagain\b|\bfamiliar\b|\bregulars?\b)"
    r")"
)
_NEW_DESC_RE = re.compile(r"\bnew\b|\bnewcomer\b")


def _newness(cues: list[re.Match], start: int, end: int, para_new: bool, desc: str | None = None) -> bool:
    """Whether the pair at [start, end) of its sentence is introduced as new: the first cue inside the pair,
    else the nearest cue (at most 200 characters) before it, else a "new" description, else the paragraph."""
    before = None
    for m in cues:
        if m.start() >= end:
            break
        if m.start() >= start:
            return m.lastgroup == "new"
        if m.end() <= start and m.start() >= start - 200:
            before = m
    if before is not None:
        return before.lastgroup == "new"
    if desc and _NEW_DESC_RE.search(desc):
        return True  # "will be a new teacher at Truham"
    return para_new


def _season_at(seasons: list[tuple[int, int]], pos: int) -> int | None:
    """The season mentioned nearest `pos` (before it preferred)."""
    best: tuple[int, int] | None = None
    for at, n in seasons:
        dist = pos - at if at <= pos else at - pos + 1000
        if best is None or dist < best[0]:
            best = (dist, n)
    return best[1] if best else None


def scan(paragraphs: list[Paragraph], title: str = "") -> CastFindings:
    """One pass over every sentence collecting explicit pairs, parentheticals, actor cues and people."""
    f = CastFindings()
    order = 0
    sentence_no = 0
    head = title or next((p.text for p in paragraphs if p.is_headline), "")
    title_seasons = season_mentions(head)
    title_season = title_seasons[0][1] if len(title_seasons) == 1 else None
    for para in paragraphs:
        text = para.text
        para_new = ("new" in text or "join" in text or "cast as" in text) and bool(_PARA_NEW_RE.search(text))
        para_seasons = season_mentions(text)
        para_season = _season_at(para_seasons, 0) if len(set(n for _, n in para_seasons)) == 1 else None
        default_season = para_season or title_season
        line = _DASH_LINE_RE.fullmatch(text) if len(text) <= 120 and "(" not in text else None
        if line:
            a, b = clean_name(line.group("a")), clean_name(line.group("b"))
            if a and b and a != b:
                f.parens.append(_Paren(a, b, None, None, sentence_no, order, 0, len(text)))
                f.tags[order] = (para_new, default_season)
                order += 1
        if len(text) <= 80 and (h := _HEADING_RE.fullmatch(text)) is not None:
            for raw in (h.group("a"), h.group("b")):
                if raw and (name := clean_name(raw)):
                    f.headings.add(norm_key(name))
                    f.headings.add(norm_key(name_words(name)[0]))
        if len(text) <= 80 and (m := _BYLINE_RE.match(text)):
            name = clean_name(m.group("n"))
            if is_full_name(name):
                f.people.append((name, "writer", order))
        prose = heading_as_prose(text)
        prose_seasons = para_seasons if prose == text else season_mentions(prose)
        text = prose
        prev_sentence = ""
        scan_sentences = _has(text, _ANY_HINTS) or _has(text.lower(), _ROLE_HINTS)
        for start, end in sentence_spans(text):
            s = text[start:end]
            sentence_no += 1
            if scan_sentences and (_has(s, _SENTENCE_HINTS) or _has(s.lower(), _ROLE_HINTS)):
                order = _scan_sentence(
                    s,
                    prev_sentence,
                    (para.index, start),
                    sentence_no,
                    order,
                    f,
                    (para_new, default_season, prose_seasons),
                )
            prev_sentence = s
    return f


# "seen in BBC's Grime Kids as Tyrone", "in the Netflix film X as Y": the name before "as" is a production.
_PRODUCTION_BEFORE_RE = re.compile(
    rf"\b(?:[Ii]n|[Oo]n|[Ff]rom)(?:{SP}the)?(?:{SP}(?:{TOKEN}|[A-Z]{{2,5}})['’]s?)?"
    rf"(?:{SP}(?:hit|new|film|movie|series|show|drama|sitcom|musical|play))?{SP}$"
)


def _production_before(s: str, pos: int) -> bool:
    return _PRODUCTION_BEFORE_RE.search(s[max(0, pos - 60) : pos]) is not None


def _comma_clause_after(chars: str, n: int) -> bool:
    """The list of roles has a comma (no "and") after its n-th name: what follows starts a new clause."""
    seps = list(_LIST_SPLIT_RE.finditer(chars))
    return len(seps) >= n and seps[n - 1].group(0).strip() == ","


def _prev_word(s: str, pos: int) -> str:
    words = s[max(0, pos - 40) : pos].split()
    return words[-1] if words else ""


# Cheap substring tests that let a sentence skip the patterns it cannot match (keeps extraction fast).
_PLAYED_BY_HINTS = ("played by", "portrayed by", "life by", "embodied by", "essayed by")
_PLAY_HINTS = ("play", "portray", " as ", "role of", "voic")
_ROLE_HINTS = (
    "creator", "showrunner", "writer", "author", "novelist", "illustrator", "cartoonist", "producer",
    "director", "composer", "cinematographer", "host", "presenter", "interviewer", "critic", "journalist",
    "reporter", "editor", "correspondent", "columnist", "photographer",
)  # fmt: skip
_ROLE_VERB_HINTS = (
    "direct",
    "wrote",
    "writes",
    "written",
    "creat",
    "penned",
    "pens",
    "produc",
    "illustrat",
    "compos",
)
_WORK_HINTS = ("novel", "book", "comic")
_INTERVIEW_HINTS = ("spoke", "speaking", "talk", "chat", "sat down", "interviewed")
_OWN_SHOW_HINTS = ("eartstopper", "series", "show", "drama")
_CREDIT_HINTS = ("star", "appear", "featur", "acted", "acts ", "played", "voiced")
# "Heartstopper's Kit Connor": the possessive, not any "Heartstopper", can cue an actor.
_CUE_HINTS = ("star", "actor", "actress", "newcomer", "cast", "eartstopper'", "eartstopper’")
# Every sentence-level pattern needs one of these somewhere in the paragraph.
# (Hint tuples are ordered most frequent first: a test stops at the first hint found.)
_ANY_HINTS = (
    "eartstopper", " show", " is ", "cast", "star", " series", " as ", "creat", "produc", "novel", "(",
    "As ", "play", "portray", "life by", "embodied by", "essayed by", "role of", "voic", "actor", "actress",
    "newcomer", "direct", "wrote", "writes", "written", "penned", "pens", "illustrat", "compos", "book",
    "comic", "spoke", "speaking", "talk", "chat", "sat down", "interviewed", " drama",
)  # fmt: skip


# A sentence of a paragraph that passed _ANY_HINTS is scanned only if it holds the trigger of some pattern
# itself (each pattern's own hints are a subset of these), so skipping the others loses nothing.
_FREQUENT_HINTS = (
    "eartstopper",
    " is ",
    "'s ",
    "star",
    " as ",
    "(",
    "cast",
    "show",
    "series",
    "direct",
    "creat",
)
# A hint that holds a frequent one ("series" in " series") adds nothing: dropped.
_SENTENCE_HINTS = (
    *_FREQUENT_HINTS,
    *(
        h
        for h in (*_ANY_HINTS, "’s ", "appear", "featur", "acted", "acts ", "drama")
        if not any(f in h for f in _FREQUENT_HINTS)
    ),
)

# Necessary parts of the costliest sentence patterns, found with a pattern that opens with a literal or a
# character class (the regex engine jumps to those): when one finds nothing, its pattern cannot match either,
# so the pattern (which tries a name at every capital letter) is skipped.
# _PLAYS_RE and _PLAYS_REF_RE: the verb of _PLAY_VERB (its optional leading words dropped).
_PLAY_VERB_HINT_RE = re.compile(
    rf"plays|play|played|playing|portrays|portray|portrayed|portraying|stars{SP}as|star{SP}as"
    rf"|starred{SP}as|starring{SP}as|cast{SP}as|returns{SP}as|return{SP}as|returned{SP}as|returning{SP}as"
    rf"|(?:joins|join|joined|joining){SP}(?:the{SP}(?:cast|show|series){SP})?"
    rf"(?:(?:this|next|for{SP}(?:the{SP})?[a-z]+|in{SP}the{SP}[a-z]+){SP}(?:season|series){SP}(?:[a-z]+{SP})?)?as"
    rf"|(?:takes|take|took|taking){SP}(?:on{SP})?the{SP}role{SP}of|voices|voice|voiced|voicing"
    rf"|back{SP}as|(?:appears|appear|appeared|appearing){SP}as"
    rf"|(?:steps|step|stepped|stepping){SP}into{SP}the{SP}(?:role|shoes|part){SP}of"
    rf"|(?:recurs|recur|recurring|guest[ \t-]stars|guest[ \t-]star|guest[ \t-]starring){SP}as"
    rf"|(?:in|for){SP}(?:a|an|the){SP}(?:[a-z\-]+{SP}){{0,2}}(?:role|arc|part|stint){SP}(?:as|of)"
    rf"|(?:his|her|their){SP}(?:[a-z]+{SP})?(?:role|roles|part|turn){SP}as"
)
# _LIST_AS_RE and _LIST_PAREN_AS_RE: the verb, then at least two roles ("as Tara Jones and D...").
# (With its lookahead: "A as B, C as D, ..." holds a list after each "as", but none ends as roles must.)
_LIST_AS_HINT_RE = re.compile(
    rf"[ \t\u00a0](?:as|play|plays|portray){SP}{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}}"
    rf"(?=[ \t]*(?:[.,;:)!?]|$)|{SP}(?!as\b)[a-z])"
)
# _AS_RE: a capitalised word right before "as" (its actor's last name).
_AS_HINT_RE = re.compile(rf"{TOKEN}{SP}as{SP}")
# _POSSESSIVE_PAIR_RE: "Name's Character"; _REVIEW_POSSESSIVE_RE: "Name's ...".
_POSSESSIVE_HINT_RE = re.compile(rf"{TOKEN}['’]s{SP}")
_POSSESSIVE_PAIR_HINT_RE = re.compile(rf"{TOKEN}['’]s{SP}[{UPPER}]")
# _REVIEW_POSSESSIVE_RE's pair is kept only for the show's own character names (capitalised in the text).
# (One regex: it skips from capital to capital, cheaper than a test per name.)
_CHARACTER_HINT_RE = re.compile("|".join(sorted(w.capitalize() for w in CHARACTER_HINTS)))
# _APPOS_CHAR_RE: "... in the Netflix series".
_APPOS_CHAR_HINT_RE = re.compile(
    rf"{SP}(?:in|on){SP}(?:the{SP})?(?:(?:hit|Netflix|BBC|teen|new){SP}){{0,2}}(?:Heartstopper|series|show|drama)\b"
)
# _ROLE_AFTER_RE: "Name, the/a/an/our ..." (the comma and the article after the name).
_ROLE_AFTER_HINT_RE = re.compile(rf",{SP}(?:who{SP}is{SP})?(?:the|a|an|our){SP}")
# _ACTOR_CREDIT_RE: "starred in", "appears opposite".
_ACTOR_CREDIT_HINT_RE = re.compile(
    rf"(?:starred|stars|star|appeared|appears|appear|featured|features|acted|acts|played|voiced)"
    rf"{SP}(?:in|on|opposite|alongside)\b"
)

_CONTEXT = 160
# Index priority at which a name counts as a known person (see ingest.extract).
_PERSON_PRIORITY = 3


def _has(text: str, hints: tuple[str, ...]) -> bool:
    # A plain loop of substring tests: cheaper than any(<generator>) and than a regex alternation.
    for h in hints:
        if h in text:
            return True
    return False


def _seasons_within(s: str, para_seasons: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    """season_mentions(s) for the sentence s at `start` of its paragraph, from the paragraph's mentions (no
    mention crosses a sentence boundary, so the paragraph's regex pass need not be repeated per sentence)."""
    if not para_seasons or not may_name_season(s):
        return []
    end = start + len(s)
    return [(at - start, n) for at, n in para_seasons if start <= at < end]


def _scan_sentence(
    s: str,
    prev: str,
    at: tuple[int, int],
    sentence_no: int,
    order: int,
    f: CastFindings,
    para_ctx: tuple[bool, int | None, list[tuple[int, int]]] = (False, None, []),
) -> int:
    # Characters already claimed by an explicit pattern (a bytearray keeps the check O(1) on huge input).
    claimed = bytearray(len(s) + 1)
    para_new, default_season, para_seasons = para_ctx
    seasons: list[tuple[int, int]] | None = None
    cues: list[re.Match] = []

    def tag(n: int, start: int, end: int, desc: str | None = None) -> None:
        nonlocal seasons, cues
        if seasons is None:  # once per sentence, and only for sentences that hold a pair
            seasons = _seasons_within(s, para_seasons, at[1])
            cues = list(_PAIR_CUE_RE.finditer(s))
        season = _season_at(seasons, start) if seasons else default_season
        f.tags[n] = (_newness(cues, start, end, para_new, desc), season)

    def covered(pos: int) -> bool:
        return bool(claimed[pos])

    def context(pos: int) -> str:
        """The text just before `pos` (with the previous sentence), bounded so long input stays linear."""
        return prev[-_CONTEXT:] + " " + s[max(0, pos - _CONTEXT) : pos]

    def add(
        actor_raw: str, char_raw: str, desc: str | None, m: re.Match, char_end: int, ref: bool = False
    ) -> None:
        nonlocal order
        actor, char = ("" if ref else clean_name(actor_raw)), clean_name(char_raw)
        if (not actor and not ref) or not _char_ok(char) or norm_key(actor) == norm_key(char):
            return
        if s[char_end : char_end + 2] in ("'s", "’s"):
            return  # "plays Charlie's ..." : Charlie is the possessor, not the role
        if split_title(actor)[0]:
            return  # "Mr. Farouk" is never the actor
        f.pairs.append(_Raw(actor, char, desc, order, at=(at[0], at[1] + m.start())))
        tag(order, m.start(), m.end(), desc)
        if actor:
            f.actor_cues.add(actor)
        start, end = m.span()
        if not claimed[start]:
            claimed[start:end] = b"\x01" * (end - start)
        order += 1

    has_as = " as " in s
    has_play = _has(s, _PLAY_HINTS)
    has_list = (has_as or has_play) and _LIST_AS_HINT_RE.search(s) is not None
    lists = list(_LIST_AS_RE.finditer(s)) if has_list else []
    if has_list and has_as and ", as " in s:
        lists += _LIST_PAREN_AS_RE.finditer(s)
    for m in lists:
        before = _prev_word(s, m.start())
        if before == "as" or (before[:1].isupper() and not is_stop(before)):
            continue  # the list would start inside another pair or name
        actors = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("actors"))]
        chars = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("chars"))]
        if len(chars) > len(actors) >= 2 and _comma_clause_after(m.group("chars"), len(actors)):
            chars = chars[: len(actors)]  # "A and B are back as C and D, E returns as F"
        if len(actors) == len(chars) and all(actors) and all(chars) and not _other_production(s, m.end()):
            for actor, char in zip(actors, chars, strict=True):
                add(actor, char, None, m, m.end())
    if s.lstrip(' \t"“').startswith("As ") and (m := _INVERTED_AS_RE.match(s)) is not None:
        if is_full_name(clean_name(m.group("actor"))) and not _production_before(s, m.start("char")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    if s.lstrip(' \t"“')[:1] in "RPTS" and (m := _LEADING_ROLE_RE.match(s)) is not None:
        if is_full_name(clean_name(m.group("actor"))) and not _other_production(s, m.end("actor")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _PRAISE_AS_RE.finditer(s) if has_as and _has(s, _PRAISE_HINTS) else ():
        actor = clean_name(m.group("actor"))
        if is_full_name(actor) and not covered(m.start("char")) and not _other_production(s, m.end("char")):
            add(actor, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _WHO_AS_RE.finditer(s) if has_as and ", who " in s else ():
        if not covered(m.start("char")) and not _other_production(s, m.end("char")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _AS_RE.finditer(s) if has_as and _AS_HINT_RE.search(s) else ():
        if covered(m.start("char")) or _other_production(s, m.end("char")):
            continue
        if _production_before(s, m.start()):
            continue  # "starred in Rocketman as Elton John": the name before "as" is a production
        desc = _desc_of(m, context(m.start("char")))
        if desc is None and (ap := _APPOSITIVE_RE.match(s, m.end("char"))):
            desc = _description(None, ap.group("desc"), "")
        add(m.group("actor"), m.group("char"), desc, m, m.end("char"))
    # "play" or "portray" in the sentence is itself a match of the verb pre-test (saves running it).
    has_verb = has_play and ("play" in s or "portray" in s or _PLAY_VERB_HINT_RE.search(s) is not None)
    plays = list(_PLAYS_RE.finditer(s)) if has_verb else []
    if has_verb and _has(s, _REF_HINTS):
        plays += _PLAYS_REF_RE.finditer(s)
    for m in plays:
        verb = m.group("verb")
        if covered(m.start("char")) or verb.startswith("voic") or _other_production(s, m.end("char")):
            continue
        desc = _desc_of(m, context(m.start("char")))
        if desc is None and (ap := _APPOSITIVE_RE.match(s, m.end("char"))):
            desc = _description(None, ap.group("desc"), "")  # "will play Diane, Nick's aunt"
        add(m.group("actor") or "", m.group("char"), desc, m, m.end("char"), ref=bool(m.group("ref")))
    appos_char = (
        ", " in s
        and (" in " in s or " on " in s)
        and _has(s, _OWN_SHOW_HINTS)
        and _APPOS_CHAR_HINT_RE.search(s) is not None
    )
    for m in _APPOS_CHAR_RE.finditer(s) if appos_char else ():
        if is_full_name(clean_name(m.group("actor"))) and not covered(m.start("char")):
            add(m.group("actor"), m.group("char"), None, m, m.end("char"))
    for m in _IS_PAIR_RE.finditer(s) if f.headings and " is " in s else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if is_full_name(actor) and _char_ok(char) and not covered(m.start("char")):
            f.is_pairs.append(_Raw(actor, char, None, order, strong=False, at=(at[0], at[1] + m.start())))
            tag(order, m.start(), m.end())
            order += 1
    has_possessive = ("'s " in s or "’s " in s) and _POSSESSIVE_HINT_RE.search(s) is not None
    for m in _POSSESSIVE_PAIR_RE.finditer(s) if has_possessive and _POSSESSIVE_PAIR_HINT_RE.search(s) else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        # A surname alone ("Locke's Charlie Spring") is resolved and checked in build_cast.
        surname = " " not in actor and actor.lower() not in CHARACTER_HINTS and not split_title(actor)[0]
        if (is_full_name(actor) or surname) and _char_ok(char) and not covered(m.start("char")):
            f.possessive.append(_Raw(actor, char, None, order, strong=False, at=(at[0], at[1] + m.start())))
            tag(order, m.start(), m.end())
            order += 1
    for m in _REVIEW_POSSESSIVE_RE.finditer(s) if has_possessive and _CHARACTER_HINT_RE.search(s) else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if (
            is_full_name(actor)
            and _char_ok(char)
            and name_words(char)[0].lower() in CHARACTER_HINTS
            and not covered(m.start("char"))
        ):
            f.possessive.append(
                _Raw(actor, char, m.group("role"), order, strong=False, at=(at[0], at[1] + m.start()))
            )
            claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            tag(order, m.start(), m.end())
            order += 1
    for m in _PLAYED_BY_RE.finditer(s) if " by" in s and _has(s, _PLAYED_BY_HINTS) else ():
        if _other_production(s, m.end("actor")):
            continue
        before = _prev_word(s, m.start("char"))
        if (
            not m.group("appos")
            and m.group("aux")
            and s[m.end("char") : m.end("char") + 1] == ","
            and before.islower()
            # "Tao's mum, Mrs Xu, will be played by": the name is the descriptor's appositive
            and not ((m.group("desc") or m.group("desc2")) and s[: m.start("char")].endswith(", "))
        ):
            continue  # "the teacher who encourages Elle, is played by ...": Elle ends an appositive
        char, char_end = m.group("char"), m.end("char")
        if (
            m.group("appos")
            and not m.group("aux")  # "Geoff, the teacher who encourages Elle, is played by": Geoff
            and (tail := _APPOS_TAIL_NAME_RE.search(m.group("appos"))) is not None
        ):
            # "Nick Nelson, the rugby player who falls for the shy Charlie Spring, played by Joe Locke":
            # the name closing the appositive is the one played.
            if not clean_name(tail.group("char")):
                continue
            char, char_end, desc = tail.group("char"), m.start("appos") + tail.end("char"), None
            if covered(m.start("appos") + tail.start("char")):
                continue
        else:
            if covered(m.start("char")):
                continue
            desc = _desc_of(m, context(m.start()))
        add(m.group("actor"), char, desc, m, char_end)

    last: _Paren | None = None
    for m in _PAREN_RE.finditer(s) if "(" in s else ():
        a, b = clean_name(m.group("a")), clean_name(m.group("b"))
        if not a or not b or norm_key(a) == norm_key(b):
            last = None
            continue
        if covered(m.start()):
            continue
        desc_before = None
        head = s[max(0, m.start("a") - 70) : m.start("a")]
        last_word = head.rstrip(" \t,").rpartition(" ")[2]
        if (
            last_word.isalpha()
            and last_word.islower()
            and _may_end_with_desc(head, last_word)
            and (d := _DESC_TAIL_RE.search(head)) is not None
        ):
            desc_before = _desc_of(d, context(m.start("a") - len(head) + d.start()))
            if desc_before and desc_before.endswith("s"):
                desc_before = None  # "pupils Charlie (Joe Locke) and Nick (Kit Connor)": shared, not a role
        desc_after = None
        if (d := _DESC_AFTER_RE.match(s, m.end())) is not None or (
            d := _PAREN_APPOSITIVE_RE.match(s, m.end())
        ) is not None:
            desc_after = " ".join(d.group("desc").split())
        p = _Paren(a, b, desc_before, desc_after, sentence_no, order, m.start(), m.end())
        tag(order, m.start(), m.end(), desc_before or desc_after)
        order += 1
        # "Naomi (Bel Priestley) and Felix (Ash Self) will become new friends for Elle": shared description.
        if (
            desc_after
            and last is not None
            and last.desc_after is None
            and re.fullmatch(r"[ \t]*(?:,|and|&|,[ \t]*and)[ \t]*", s[last.end : m.start()])
        ):
            last.desc_after = desc_after
        f.parens.append(p)
        last = p

    credit = _has(s, _CREDIT_HINTS) and _ACTOR_CREDIT_HINT_RE.search(s) is not None
    for m in _ACTOR_CREDIT_RE.finditer(s) if credit else ():
        if name := clean_name(m.group("n")):
            f.actor_cues.add(name)
    for m in _ACTOR_CUE_RE.finditer(s) if _has(s, _CUE_HINTS) else ():
        name = clean_name(m.group("n"))
        if name:
            f.actor_cues.add(name)
        pos = m.end()
        while (t := _LIST_TAIL_RE.match(s, pos)) is not None:
            tail = clean_name(t.group("n"))
            if tail:
                f.actor_cues.add(tail)
            pos = t.end()

    _scan_people(s, f, order)
    return order


def _scan_people(s: str, f: CastFindings, order: int) -> None:
    def add(raw: str, role: str) -> None:
        name = clean_name(raw)
        if name and is_full_name(name) and not split_title(name)[0]:
            role = " ".join(role.split())
            if " " not in role and role[1:2].islower():
                role = role[0].lower() + role[1:]  # "Creator" opening a sentence
            f.people.append((name, role, order))

    low = s.lower()
    if _has(low, _ROLE_HINTS):
        for m in _ROLE_BEFORE_RE.finditer(s):
            add(m.group("n"), m.group("role"))
        for m in _ROLE_AFTER_RE.finditer(s) if _ROLE_AFTER_HINT_RE.search(s) else ():
            add(m.group("n"), m.group("role"))
        if " is " in s:
            for m in _STAFF_RE.finditer(s):
                add(m.group("n"), m.group("role"))
    for m in _ROLE_VERB_RE.finditer(s) if _has(s, _ROLE_VERB_HINTS) else ():
        verb = m.group("verb")
        role = next((r for k, r in _VERB_ROLE.items() if verb.startswith(k)), None)
        if role:
            add(m.group("n"), role)
    for m in _WORK_RE.finditer(s) if _has(s, _WORK_HINTS) else ():
        add(m.group("n"), "author")
    for m in _INTERVIEWER_RE.finditer(s) if _has(s, _INTERVIEW_HINTS) else ():
        add(m.group("n") or m.group("n2"), "interviewer")


def people_from(findings: CastFindings) -> list[tuple[str, str]]:
    """(name, role), first role per name in reading order."""
    seen: dict[str, str] = {}
    for name, role, _ in sorted(findings.people, key=lambda t: t[2]):
        seen.setdefault(name, role)
    return list(seen.items())


def _orientation(
    p: _Paren, actors: set[str], actor_tokens: set[str], chars: set[str], char_tokens: set[str]
) -> float:
    """> 0 when `a` is the actor ("Actor (Character)"), < 0 when `a` is the character."""

    def known_actor(n: str) -> bool:
        w = name_words(n)
        return n in actors or (len(w) == 1 and w[0] in actor_tokens)

    def known_char(n: str) -> bool:
        w = name_words(n)
        return norm_key(n) in chars or (len(w) == 1 and w[0] in char_tokens)

    score = 0.0
    if split_title(p.a)[0]:
        score -= 10
    if split_title(p.b)[0]:
        score += 10
    score += 5 * (known_actor(p.a) - known_actor(p.b))
    score += 4 * (known_char(p.b) - known_char(p.a))
    wa, wb = len(name_words(p.a)), len(name_words(p.b))
    if wa == 1 and wb >= 2:
        score -= 3
    elif wb == 1 and wa >= 2:
        score += 3
    if p.desc_before:
        score -= 3
    score += 1 * (
        (name_words(p.b)[0].lower() in CHARACTER_HINTS) - (name_words(p.a)[0].lower() in CHARACTER_HINTS)
    )
    return score


def build_cast(
    findings: CastFindings,
    index: NameIndex,
    crew: set[str],
    last_person: Callable[[int, int], str | None] = lambda para, offset: None,
) -> list[CastPair]:
    """Resolve orientation of parentheticals, canonicalise names and dedupe into CastPairs."""
    actors = {a for a in findings.actor_cues if is_full_name(a)}
    actor_tokens = {w for a in actors for w in (name_words(a)[-1],)}
    chars = {norm_key(r.character) for r in findings.pairs}
    char_tokens = {name_words(r.character)[0] for r in findings.pairs}

    raws = list(findings.pairs)
    scores = [_orientation(p, actors, actor_tokens, chars, char_tokens) for p in findings.parens]
    by_sentence: dict[int, float] = {}
    for p, sc in zip(findings.parens, scores, strict=True):
        if sc:
            by_sentence[p.sentence] = by_sentence.get(p.sentence, 0.0) + (1 if sc > 0 else -1)
    article_bias = sum(1 if sc > 0 else -1 for sc in scores if sc)
    paired_actors: dict[str, set[str]] = {}
    for r in raws:
        paired_actors.setdefault(r.actor, set()).add(norm_key(r.character))
    for p, sc in zip(findings.parens, scores, strict=True):
        if p.a in crew or p.b in crew:
            continue
        if (
            len(name_words(p.a)) == 1
            and len(name_words(p.b)) == 1
            and not (split_title(p.a)[0] or split_title(p.b)[0])
        ):
            continue  # "Nick (Kit)": too little to go on
        if not sc:
            sc = (
                by_sentence.get(p.sentence, 0.0) or article_bias or -0.5
            )  # news convention: Character (Actor)
        actor, char = (p.a, p.b) if sc > 0 else (p.b, p.a)
        if split_title(actor)[0]:
            continue
        # "Jack Barton (Innocent)": an actor already paired elsewhere, next to an unknown title, is a credit.
        if (
            actor in paired_actors
            and norm_key(char) not in paired_actors[actor]
            and norm_key(char) not in chars
        ):
            continue
        raws.append(_Raw(actor, char, p.desc_before or p.desc_after, p.order, strong=False))

    # "Corinna Brown's Tara Jones": kept when the actor or the character is known as such in the article.
    known_chars = chars | {norm_key(p.a) for p in findings.parens} | {norm_key(p.b) for p in findings.parens}
    for r in findings.is_pairs:
        words = name_words(r.character)
        if r.actor not in crew and (
            norm_key(r.character) in findings.headings or (words and norm_key(words[0]) in findings.headings)
        ):
            raws.append(r)
    non_cast = {name for name, _role, _ in findings.people}
    for r in findings.possessive:
        if not is_full_name(r.actor):
            # "Locke's Charlie Spring": the surname of someone the article treats as a person, never a
            # character's first name ("Nick's Charlie"), and the character one of the show's own.
            full = index.resolve(r.actor, min_priority=_PERSON_PRIORITY)
            show_char = name_words(r.character)[0].lower() in CHARACTER_HINTS
            if not full or norm_key(full) in chars or not show_char:
                continue
            r = _Raw(full, r.character, r.description, r.order, r.strong, r.at)
        if r.actor in crew or r.actor in non_cast:
            continue
        if (
            r.actor in actors
            or r.actor in paired_actors
            or norm_key(r.character) in known_chars
            # "Ash Self's Felix": the show's own character names are support enough.
            or name_words(r.character)[0].lower() in CHARACTER_HINTS
        ):
            raws.append(r)

    # Canonical actor names.
    resolved: list[_Raw] = []
    for r in sorted(raws, key=lambda r: r.order):
        if not r.actor:
            actor = last_person(*r.at)  # "the 20-year-old, who plays Charlie Spring"
        else:
            actor = r.actor if is_full_name(r.actor) else index.resolve(r.actor)
        if not actor:
            continue
        if actor in crew:
            continue
        resolved.append(_Raw(actor, r.character, r.description, r.order, r.strong))

    # Fullest character name per actor: "Nick" + "Nick Nelson" -> "Nick Nelson"; "Farouk" -> "Mr. Farouk".
    def fuller(short: str, long: str) -> bool:
        ws, wl = name_words(short), name_words(long)
        return (len(wl) > len(ws) and (wl[: len(ws)] == ws or (len(ws) == 1 and ws[0] in wl))) or (
            ws == wl and len(long) > len(short)
        )

    by_actor: dict[str, list[str]] = {}
    for r in resolved:
        by_actor.setdefault(r.actor, []).append(r.character)
    # Each name once: an article repeating "Kit Connor as Nick Nelson" must not cost quadratic time below.
    by_actor = {actor: list(dict.fromkeys(names)) for actor, names in by_actor.items()}
    # "Darcy" + the article also naming "Darcy Olsson" (and no other Darcy, and not as a person): the fuller.
    full_by_first: dict[str, list[str]] = {}
    for name, priority in index.persons.items():
        if priority < _PERSON_PRIORITY and len(name_words(name)) in (2, 3):
            full_by_first.setdefault(name_words(name)[0], []).append(name)
    for chars_of_actor in by_actor.values():
        for char in list(chars_of_actor):
            words = name_words(char)
            if len(words) == 1 and not split_title(char)[0] and len(full_by_first.get(words[0], ())) == 1:
                chars_of_actor.append(full_by_first[words[0]][0])
    out: list[CastPair] = []
    seen: dict[tuple[str, str], int] = {}
    fullest: dict[tuple[str, str], str] = {}
    for r in resolved:
        char = fullest.get((r.actor, r.character), "")
        if not char:
            char = r.character
            for other in by_actor[r.actor]:
                if fuller(char, other):
                    char = other
            fullest[(r.actor, r.character)] = char
        key = (r.actor, norm_key(char))
        new, season = findings.tags.get(r.order, (False, None))
        if key in seen:
            i = seen[key]
            old = out[i]
            out[i] = CastPair(
                old.actor,
                old.character,
                old.description or r.description,
                old.new or new,
                old.season if old.season is not None else season,
            )
            continue
        seen[key] = len(out)
        out.append(CastPair(r.actor, char, r.description, new, season))
    return out


def to_people(findings: CastFindings, index: NameIndex, cast: list[CastPair]) -> list[Person]:
    actors = {c.actor for c in cast}
    out = []
    for name, role in people_from(findings):
        full = name if is_full_name(name) else index.resolve(name)
        if not full:
            continue
        if full in actors and not any(role.endswith(r) for r in CREW_ROLES):
            continue
        out.append(Person(full, role))
    return out
