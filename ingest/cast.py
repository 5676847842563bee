"""Cast pairs (actor <-> character) and crew/other people, found sentence by sentence.

Pattern families: `Actor as Character`, `Actor plays / stars as / will play / is cast as Character`,
`Actor, who plays Character`, `Character, played by Actor`, `Character will be played by Actor`,
`Character (Actor)` / `Actor (Character)` (order decided from cues elsewhere in the article), lists of any of
these, `Character – Actor` cast-list lines, relational descriptors (`his older brother David (Jack Barton)`)
and descriptions after (`Mr. Farouk (Nima Taleghani) will be a new teacher at Truham`), paired lists
(`A and B as C and D`, `C and D Spring (A and B)`), `A, who stars opposite B as C` (C is A's), awards (`named
best guest performer for her turn as C`) and auditions (`read for the role of C`, kept only when unopposed).
Each `X plays Y` of a series of clauses pairs on its own: a singular verb never takes a list of actors.

A role in another production is not our cast: pairs led by `opposite <actor> as` in a sentence about
another title, `fans will know X as Y`, or inside a `Where have I seen X before?` section are dropped unless
the article credits that character to our show elsewhere (see `_drop_other_productions`). So are the roles in
a sentence about a broadcast on another channel ("airs on BBC One ..., and sees X return as the Doctor"), and
the main-clause role of an actor introduced as famous for one of ours ("The 20-year-old, who shot to fame as
Elle in Heartstopper, plays Rose in the specials": Elle is kept, Rose is not).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ingest import pairing
from ingest.events import listing_headings, on_other_channel, season_mentions
from ingest.model import CastPair, Person
from ingest.names import (
    CHAR,
    CHARACTER_HINTS,
    FREE_TOKEN,
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
from ingest.quotes import gerund_led
from ingest.text import Paragraph, heading_as_prose, sentence_spans

_RELATION = (
    r"(?:best[ \t]+friend|love[ \t]+interest|head[ \t]+teacher|step-?brother|step-?sister|step-?mum|step-?mom"
    r"|step-?dad|step-?father|step-?mother|half-brother|half-sister|grandmother|grandfather|grandma|grandad"
    r"|grandpa|godmother|godfather|brother|sister|sibling|twin|mum|mom|mother|dad|father|parent|son|daughter"
    r"|cousin|aunt|uncle|niece|nephew|wife|husband|boyfriend|girlfriend|partner|fiancée?|friend|bestie|pal"
    r"|classmate|teammate|bandmate|roommate|flatmate|teacher|headteacher|student|pupil|coach|captain"
    r"|crush|ex|rival|bully|neighbour|neighbor|date|colleague|boss|tutor|mentor|headmaster|headmistress)"
)
# "(?![\w-])": "on-screen brother" is a descriptor, though "on" alone is a function word
_FUNCTION_WORD = (
    r"(?!(?:and|or|but|his|her|their|with|including|of|to|by|as|for|from|in|on|at|who|is)(?![\w\-]))"
)
# "his older brother", "Nick's dad", "Imogen's cousin", "a new student", "new teacher"; or any short noun
# phrase after a name's possessive: "Charlie's therapist".
_DESC = (
    # "the boys' largely absent father": a plural possessor in lowercase
    rf"(?:(?:(?P<poss>his|her|their|{TOKEN}['’]s?|the{SP}[a-z]+s['’](?![\w'’])){SP})?"
    # "Charlie's blunt, brilliant aunt": adjectives may be separated by a comma
    rf"(?P<desc>\b(?:{_FUNCTION_WORD}[a-z][a-z\-]*,?{SP}){{0,2}}?{_RELATION}s?)\b"
    rf"|(?P<poss2>{TOKEN}['’]s){SP}(?P<desc2>(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP}){{0,2}}{_FUNCTION_WORD}[a-z][a-z\-]*))"
)
_NOT_DESC = (
    r"(?!(?:and|or|but|with|opposite|alongside|against|beside|for|from|in|on|at|into|of|to|by|as|who|is"
    r"|was|will|has|his|her|their|its|him|them|when|while|after|before|where|which|that|than)\b)"
)
# "as TV presenter Jack Maddox", "plays the shy Charlie Spring": lowercase words (or an acronym) just before
# the character; function words stop it, so "plays opposite Kit Connor" is no pair.
_OCCUPATION = rf"\b(?:(?:a|an|the){SP})?(?P<occ>(?:(?:[A-Z]{{2,4}}|{_NOT_DESC}[a-z][a-z\-]*){SP}){{1,3}})"
# "as Nick's Aunt Diane", "as his free-spirited Uncle Ray": with a possessor the kinship word is a relation
# (her name is Diane), unlike a bare title ("as Aunt Diane", kept whole unless the article says plain Diane).
_KIN_POSS = (
    rf"(?P<kposs>his|her|their|{TOKEN}['’]s){SP}(?P<kadj>(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP}){{0,2}})"
    rf"(?P<kin>Aunt|Auntie|Uncle|Nana|Grandma|Grandad|Gran|Granny|Cousin){SP}(?=[{UPPER}])"
)
# "plays Truham teacher Mr Farouk", "as Higgs rugby captain Ana": a place or school before the role noun
_PLACE_ROLE = rf"[{UPPER}][\w'’\-]*{SP}(?:(?:{_FUNCTION_WORD}[a-z][a-z\-]*){SP})?{_RELATION}{SP}(?=[{UPPER}])"
_DESC_BEFORE = rf"(?:{_DESC},?{SP}|{_KIN_POSS}|{_PLACE_ROLE}|{_OCCUPATION})?"
_AUX = (
    r"(?:who|also|now|will|is|are|was|has|have|had|been|be|set|to|going|currently|back|shall|would|then|'ll"
    r"|once|again|still"
    # hedged news: "will almost certainly return as", "is also expected to return as"
    r"|almost|certainly|likely|probably|surely|definitely|expected|reportedly"
    # casting-news verbs: "has been tapped to play", "was chosen to portray"
    r"|tapped|chosen|picked|hired|signed|recruited|enlisted|drafted|booked|lined[ \t]+up)"
)
_PLAY_VERB = (
    rf"(?P<verb>plays|play|played|playing|portrays|portray|portrayed|portraying|stars{SP}as|star{SP}as"
    rf"|starred{SP}as|starring{SP}as|cast{SP}as|returns{SP}as|return{SP}as|returned{SP}as|returning{SP}as"
    # "joins the cast this season as", "joined the show for season three as"
    rf"|(?:joins|join|joined|joining){SP}(?:the{SP}(?:cast|show|series|ensemble|line-?up|gang){SP})?"
    rf"(?:(?:this|next|for{SP}(?:the{SP})?[a-z]+|in{SP}the{SP}[a-z]+){SP}(?:season|series){SP}(?:[a-z]+{SP})?)?as"
    rf"|(?:takes|take|took|taking){SP}(?:on{SP})?the{SP}role{SP}of|voices|voice|voiced|voicing"
    # "landed the role of", "won the lead part of"
    rf"|(?:landed|lands|land|landing|won|wins|secured|secures|bagged|nabbed|snagged|scored)"
    rf"{SP}the{SP}(?:(?:lead|leading|title|main|starring|recurring|guest){SP})?(?:role|part){SP}of"
    rf"|back{SP}as|(?:leads|lead|leading|co-?leads|co-?lead|fronts|front|fronting){SP}as"
    rf"|(?:appears|appear|appeared|appearing)"
    # "appeared across all three series as": where, in lowercase words (a title would be capitalised)
    rf"(?:{SP}(?:in|across|throughout){SP}(?:[a-z]+{SP}){{0,3}}?[a-z]+)?{SP}as"
    # a cameo is a role too: "makes a brief cameo as", "has a cameo as", "cameos as", "pops up as"
    rf"|(?:makes|make|made|making|has|have|had|having)(?:{SP}(?:a|an))?{SP}(?:[a-z\-]+{SP}){{0,3}}?"
    # "made a fleeting cameo in season three as": where, in a few lowercase words
    rf"(?:cameo|appearance)s?(?:{SP}in{SP}(?:[a-z0-9\-]+{SP}){{0,2}}?[a-z0-9\-]+)?{SP}as"
    rf"|(?:cameos|cameo|cameoed|cameoing){SP}as"
    rf"|(?:pops|pop|popped|popping|turns|turn|turned|turning|shows|show|showed|showing){SP}up{SP}as"
    rf"|(?:drops|drop|dropped|dropping|stops|stop|stopped|stopping){SP}(?:in|by){SP}as"
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
# A review's parenthetical credit: "newcomer Ana Lopez, as the prickly Rosa Reyes, steals every scene". The
# role must close its own comma (or dash) clause, so "Ana Lopez, as Rosa Reyes arrived" is no pair.
_COMMA_AS_RE = re.compile(rf"(?P<actor>{NAME}),{SP}as{SP}{_DESC_BEFORE}(?P<char>{CHAR})(?=[ \t]*,|{SP}[–—])")
# "Eddie Marsan, who played Terry in The Gentlemen, as Geoff": a clause about another credit, then the role.
_WHO_AS_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}who{SP}(?:(?!plays?\b|portrays?\b|,)[^;:()\n.]){{1,120}}?,{SP}as{SP}"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
# A reviewer's aside: "Jo Bell, deadpan as ever as Charlie's sister Tori, is ..."
_AS_EVER_AS_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}(?:[a-z][a-z\-]*{SP}){{1,2}}as{SP}(?:ever|always){SP}as{SP}{_DESC_BEFORE}"
    rf"(?P<char>{CHAR})(?![\w'’])"
)
# The return itself as the aside: "Olivia Colman – back, briefly but wonderfully, as his mother Sarah – is",
# "Jo Bell – back as Nora – steals".
_BACK_AS_ASIDE_RE = re.compile(
    rf"(?P<actor>{NAME}){SP}[–—]{SP}(?:back|returning|once{SP}again)(?:,[^,–—()\n]{{1,40}},)?{SP}as"
    rf"{SP}{_DESC_BEFORE}(?P<char>{CHAR})(?![\w'’])(?=[ \t]*[–—])"
)
# An aside between the actor and the role: "Ana Lopez, best known as Vera in Blackwater, is superb as Rosa",
# "Hugo Brennan – Lord Ashford himself – pops up as Coach Patel", "Jo Bell, a long way from her turn as X
# in Y, plays Nora". The aside is one comma/dash clause; the role follows with a play verb or a short verb
# phrase + "as". Words making "as" a conjunction or a costume ("grinning as", "dressed as") stop the phrase.
_ASIDE_GAP = (
    r"(?:(?!(?:as|and|but|or|when|while|because|since|so|just|dressed|disguised|known|described|billed|seen"
    r"|named|such|same|well|even|after|before|until|if|though|although|then|that|which|who|whom|whose)\b)"
    rf"[a-z][a-z\-'’]*{SP}){{0,6}}"
)
# A production title in quote marks may sit in the aside ("Olivia Colman ("The Crown") returns as",
# "Jo Bell, Nora in "Blackwater," has a cameo as": American style puts the comma inside the quotes).
_QUOTED_TITLE = rf"[\"“][{UPPER}0-9][^\"“”\n,;:()]{{0,60}}?,?[\"”]"
_ASIDE_RE = re.compile(
    rf"(?P<actor>{NAME})(?:,{SP}(?P<aside>(?:[^,;:()\n\"“”]|{_QUOTED_TITLE}){{1,120}}?)(?:,|(?<=,[\"”]))"
    rf"|{SP}[–—]{SP}(?P<aside2>(?:[^–—;:()\n\"“”]|{_QUOTED_TITLE})"
    rf"{{1,100}}){SP}[–—]|{SP}-{SP}(?P<aside3>(?:(?!{SP}-{SP})[^–—;:()\n\"“”]|{_QUOTED_TITLE}){{1,100}}){SP}-"
    rf"|[ \t]*\((?P<aside4>(?:[^()\n\"“”]|{_QUOTED_TITLE}){{1,100}})\))"
    rf"{SP}(?:(?P<verb>(?:{_AUX}{SP}){{0,3}}(?:plays|playing|portrays|portraying))"
    rf"|(?P<gap>{_ASIDE_GAP})as){SP}{_DESC_BEFORE}(?P<char>{CHAR})(?![\w'’])"
)
# What may follow the role of an aside credit; anything else ("as Jo Bell took the stage") reads as a clause.
_ASIDE_AFTER_RE = re.compile(
    rf"[ \t]*(?:[.;:!?)–—]|$|,(?!{SP}(?:(?:a|an|the|his|her|their|{TOKEN}['’]s){SP})?[^,.;:]{{0,60}},{SP}"
    rf"(?!(?:and|but|who|which|while|whose|with|as|in|on|for|a|an|the)\b)[a-z])"
    rf"|{SP}(?:for|in|on|at|this|throughout|with|who|whose|opposite|alongside|from|again|too|here)\b)"
)
_ASIDE_HINTS = (", ", " – ", " — ", " - ", " (")
# The words between an aside and "as" that make a role verb ("has a scene-stealing cameo as"): then "as"
# cannot be a conjunction, so the role may run on ("as Jack Maddox that I won't spoil").
_GAP_VERB_RE = re.compile(rf"(?:{_AUX}{SP}){{0,3}}{_PLAY_VERB}")
_CHAR_RE = re.compile(CHAR)

# Tabloid shorthand: "Isaac actor Leo Marsh", "Tara star Mia Chen" (kept only for a name the article or the
# show supports as a character: "Marvel star Jo Bell" is a credit elsewhere) ...
_EPITHET_RE = re.compile(rf"(?P<char>{CHAR}){SP}(?:actor|actress|star){SP}(?P<actor>{NAME})(?![\w'’])")
# ... and "Mia Chen – aka Darcy Olsson –", "Leo Marsh (aka Mr. Okoro)", "Jo Bell, a.k.a. Nadia,".
# A caption's identity: "Imogen Heaney herself, Jo Bell, arrived", "Tao Xu, is that you? Jo Bell went ..."
_SELF_RE = re.compile(
    rf"(?<![\w'’])(?P<char>{CHAR}){SP}(?:herself|himself|themself|themselves),{SP}(?P<actor>{NAME}),"
)
_IS_THAT_YOU_RE = re.compile(rf"\s*(?P<char>{CHAR}),{SP}is{SP}that{SP}you\?\s*")
# A tabloid's age and a describing word or two: "William Gao, 23, aka her on-off love Tao Xu", "Joe - aka
# anxious Charlie Spring -" (a function word ends it: "aka the man behind Nick" names no role).
_AKA_DESC = (
    rf"(?:(?:his|her|their|the|{TOKEN}['’]s){SP})?"
    rf"(?:{_FUNCTION_WORD}(?!(?:behind|like|about|with|without|over|under|near|beside|opposite|alongside|the|a|an"
    rf"|was|were|will|has|had|him|them|its|when|while|after|before|where|which|that|than|into)(?![\w\-]))"
    rf"[a-z][a-z\-]*{SP}){{0,2}}"
)
_AKA_RE = re.compile(
    rf"(?P<actor>{NAME})(?:,[ \t]*\d{{1,2}})?(?:{SP}[–—-]{SP}|,{SP}|{SP}\([ \t]*)(?:aka|AKA|a\.k\.a\.?){SP}"
    rf"{_AKA_DESC}(?P<char>{CHAR})"
    rf"(?![\w'’])(?=[ \t]*(?:[–—),.;:!?]|-[ \t]|$))"
)
# A job, not a role: "as Associate Producer", "as Head of Casting", "as Himself".
_JOB_TITLE_RE = re.compile(
    rf"(?:[A-Z][a-z]+{SP}){{0,2}}(?:Producer|Director|Writer|Editor|Creator|Host|Presenter|Consultant"
    rf"|Coordinator|Manager|Designer|Supervisor|Assistant|Officer|Ambassador)s?(?![\w'’])|(?:Himself|Herself"
    rf"|Themselves|Themself)(?![\w'’])"
)
_JOB_TAIL_RE = re.compile(rf"{SP}of{SP}(?!the\b)[A-Z]")
# Someone a direct quotation is attributed to ("...,” said Charlie Higson"; "Jo Bell said: “..."): a person,
# so never the fuller name of a one-word role.
_SAY = (
    r"(?:said|says|told|tells|added|adds|explained|explains|recalled|recalls|laughed|laughs|admitted|admits"
    r"|joked|jokes|revealed|reveals|continued|continues|insisted|insists|commented|comments|noted|notes)"
)
_QUOTE_SPEAKER_AFTER = (
    rf"[,.!?…][\"”'’][ \t]*(?:{_SAY}{SP}(?:[a-z]+{SP}){{0,2}}(?P<a>{NAME})|(?P<b>{NAME}){SP}{_SAY}\b)"
)
_QUOTE_SPEAKER_BEFORE = rf"(?P<c>{NAME}){SP}{_SAY}[ \t]*[:,][ \t]*[\"“]"
_QUOTE_SPEAKER_RE = re.compile(rf"{_QUOTE_SPEAKER_AFTER}|{_QUOTE_SPEAKER_BEFORE}")
# Its two alternatives apart: each opens with a character class, which the regex engine skips ahead to (the
# alternation opens with neither, so it tries every position); see _quote_speakers.
_QUOTE_SPEAKER_AFTER_RE = re.compile(_QUOTE_SPEAKER_AFTER)
_QUOTE_SPEAKER_BEFORE_RE = re.compile(_QUOTE_SPEAKER_BEFORE)
_QUOTE_OPENS_HINT_RE = re.compile(r"[:,][ \t]*[\"“]")


def _merged_search(
    text: str, first: re.Pattern, first_on: bool, second: re.Pattern, second_on: bool
) -> list[re.Match]:
    """The matches of the alternation `first|second` over `text`, found with the two searched apart (each can
    then jump to its own first character) and merged as the alternation would: where both start at one
    position, `first` wins. A pattern whose pre-test ruled it out (`*_on` False) is not run."""
    out: list[re.Match] = []
    a = first.search(text) if first_on else None
    b = second.search(text) if second_on else None
    while a is not None or b is not None:
        m = a if b is None or (a is not None and a.start() <= b.start()) else b
        out.append(m)
        pos = m.end()
        if a is not None and a.start() < pos:
            a = first.search(text, pos)
        if b is not None and b.start() < pos:
            b = second.search(text, pos)
    return out


def _quote_speakers(text: str) -> list[re.Match]:
    """The matches of _QUOTE_SPEAKER_RE.finditer(text) (its two alternatives never start at one position: one
    opens with punctuation, the other with a capital). The end of _QUOTE_SPEAKER_BEFORE ("said: “") is found
    by skipping to punctuation: most text has none."""
    before_on = _QUOTE_OPENS_HINT_RE.search(text) is not None
    return _merged_search(text, _QUOTE_SPEAKER_AFTER_RE, True, _QUOTE_SPEAKER_BEFORE_RE, before_on)


_EPITHET_HINTS = (" actor ", " actress ", " star ")
_AKA_HINTS = ("aka ", "AKA ", "a.k.a")

# "the 20-year-old, who plays...": the actor is the person the article was just talking about.
_ACTOR_REF = (
    r"(?P<ref>\b(?:the|The)[ \t]+(?:\d{1,3}-year-old|[a-z]+-born|actor|actress|star|newcomer)"
    r"(?:[ \t]+(?:actor|actress|star))?"
    # "The Doctor Who star, who plays", "The Oscar winner, who plays": an epithet from another credit
    r"|\b(?:the|The)(?:[ \t]+[A-Z][\w'’\-]*:?){1,3}[ \t]+(?:star|winner|nominee|alum|favourite|veteran)(?=,)"
    r"|\b(?:[Hh]e|[Ss]he|[Tt]hey)(?=[ \t]+(?:also[ \t]+|now[ \t]+)?(?:plays|play)\b"
    # "She was cast as Tori before anyone knew ...", "He stars as Nick"
    r"|[ \t]+(?:(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+cast"
    r"|stars|star|starred)[ \t]+as\b))"
)
_PLAYS_TAIL = (
    rf"(?:,[ \t]*\d{{1,2}},|[ \t]*\(\d{{1,2}}\)"
    # "Yasmin Finney, from Manchester, takes the role of ...": where the actor is from.
    rf"|,{SP}from{SP}{NAME},"
    # "Lia Kim, who starred in Moonfall as Iris Day, plays ...": a relative clause about another credit.
    rf"|,{SP}who(?:['’]s)?{SP}(?:(?!plays?\b|portrays?\b|voices?\b|,{SP}and\b|,{SP}who\b)[^;:()\n]){{1,120}}?"
    rf",[\"”’]?(?={SP}(?!who\b)(?:{_AUX}{SP}){{0,3}}[a-z])"
    # "Olivia Colman, the Oscar winner who plays ...": an epithet of a few words (no "of": "the co-star of the
    # man who plays" is someone else)
    rf"|,{SP}(?:the|a|an){SP}(?:(?!(?:of|and|or|with|for|to|by|whose|who)\b)[\w'’\-:]+{SP}){{1,4}}?(?=who{SP})"
    # "Jo Bell is the show's big new addition, playing Nora Pike": a clause about the actor, then the role.
    rf"|{SP}(?:is|was|becomes|became){SP}(?:(?!plays?\b|playing\b|portray)[^,;:()\n.\"“”]){{1,80}}?"
    rf"(?=,{SP}(?:playing|portraying){SP}))?"
    # "Yasmin – who plays Elle Argent, and who ... –": a dash aside, present tense only ("– who has played
    # Queen Anne –" is another credit)
    rf"[ \t]*(?:,|[–—](?=[ \t]*who[ \t]+(?:plays|portrays|voices)\b))?[ \t]*"
    rf"(?:{_AUX}[ \t]+){{0,4}}{_PLAY_VERB}{SP}(?:the{SP}(?:role|part){SP}of{SP})?"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
# Two patterns so the common one starts with a capital letter (which the regex engine scans for quickly).
_PLAYS_REF_RE = re.compile(rf"(?P<actor>){_ACTOR_REF}{_PLAYS_TAIL}")
_REF_HINTS = (
    "year-old", "-born", "he actor", "he actress", "he star", "he newcomer", "he play", "ey play", "he also",
    "ey also", "he now", "ey now", "star, who", "he was cast", "ey were cast", "he is cast", "ey are cast",
    "been cast", "ey star", "winner, who", "nominee, who", "alum, who", "favourite, who", "veteran, who",
)  # fmt: skip
_PLAYS_RE = re.compile(rf"(?P<actor>{NAME})(?P<ref>){_PLAYS_TAIL}")
# "The 20-year-old, who shot to fame as Elle Argent in Netflix's Heartstopper, plays ...": the role the actor
# is famous for. `ours` marks it as our show's; then the sentence's other role is another production's.
_FAME_AS_RE = re.compile(
    rf"(?:(?P<actor>{NAME})"
    rf"|(?P<ref>\b(?:the|The)[ \t]+(?:\d{{1,3}}-year-old|[A-Za-z]+-born|actor|actress|star)"
    rf"(?:[ \t]+(?:actor|actress|star))?))"
    rf"(?:,{SP}(?:who{SP})?|{SP})(?:(?:first|originally|famously|perhaps|probably|arguably){SP})?"
    rf"(?:(?:shot|rose|catapulted){SP}to{SP}fame|(?:is|was){SP}(?:best{SP})?known|broke{SP}out|found{SP}fame"
    # "the Manchester-born star was introduced to the world as Elle Argent"
    rf"|(?:was|were){SP}(?:first{SP})?introduced(?:{SP}to{SP}(?:the{SP}world|audiences|viewers|fans))?"
    rf"|made{SP}(?:his|her|their){SP}name){SP}as{SP}{_DESC_BEFORE}(?P<char>{CHAR})"
    rf"(?P<ours>{SP}(?:in|on){SP}(?:the{SP})?(?:{NAME}['’]s{SP})?(?:(?:hit|teen|Netflix|series|show|drama){SP}){{0,3}}"
    rf"Heartstopper\b)?"
)
_FAME_HINTS = ("to fame", "known as", "broke out", "found fame", "name as", "introduced")
# "by newcomer Ana Lopez", "by Oscar winner Olivia Colman", "by the Bafta-nominated actor Jo Bell".
_ACTOR_EPITHET = (
    rf"(?:(?:[a-z][\w\-]*|[A-Z][\w\-]*{SP}(?:winner|nominee|star|actor|actress|favourite|alum|veteran|legend))"
    rf"{SP}){{0,3}}"
)
# "Nick, played once again by Kit Connor"
_AGAIN = rf"(?:{SP}(?:once{SP}(?:again|more)|yet{SP}again|again|still|now))?"
_PLAYED_BY_RE = re.compile(
    rf"{_DESC_BEFORE}(?P<char>{CHAR})(?P<appos>,[^,.;:()\"“”\n]{{1,80}},)?[ \t]*[,(]?[ \t]*"
    rf"(?P<aux>(?:(?:who|is|was|will|be|being|to|now|also|set|going|has|been|are|were|once|again|still"
    rf"|currently|already|later)[ \t]+){{0,5}})"
    # "voiced" only as an aside ("Mr Barnes (voiced by ...)"): "concerns voiced by Jo Bell" is no role
    rf"(?:played|portrayed|brought{SP}to{SP}life|embodied|essayed|(?:(?<=[,(])|(?<=[,(][ \t]))voiced)"
    rf"{_AGAIN}"
    # "played with puppyish energy by": a manner phrase of a few lowercase words
    rf"(?:{SP}with{SP}(?:(?!by\b)[a-z\-]+{SP}){{0,2}}(?!by\b)[a-z\-]+)?{SP}by{SP}{_ACTOR_EPITHET}"
    rf"(?P<actor>{NAME})(?![\w'’])"  # not "played by Jo Bell's sister"
)
# "Corinna Brown's Tara Jones", "Ash Self's Felix and ...": only when the article marks the actor as an actor
# or the character as a character elsewhere (otherwise "Jo Bell's Marvel" would be a pair).
# A cast guide's heading: a line that is only a character's name (or two, "Tara Jones and Darcy Olsson").
# The line under a cast guide's character heading: "Played by: Tobie Donovan", "Actor: Jo Bell".
_LABEL = (
    rf"[ \t*]*(?:Played{SP}by|Portrayed{SP}by|Voiced{SP}by|Actor|Actress|Actors|Star|Starring"
    rf"|Who{SP}plays(?:{SP}[^?:\n]{{1,40}})?[?:])[ \t*]*:?[ \t*]*"
)
_LABEL_RE = re.compile(
    rf"{_LABEL}(?P<actors>{NAME}(?:(?:[ \t]*,[ \t]*(?:and{SP})?|{SP}(?:and|&){SP}){NAME}){{0,3}})"
    rf"[ \t*]*\.?[ \t]*$"
)
# "Played by Ana Lopez, Rosa is the new girl": the label opens the section's description.
_LABEL_LEAD_RE = re.compile(rf"{_LABEL}(?P<actors>{NAME})(?=[ \t]*[,.;–—])")
_HEADING_RE = re.compile(rf"[ \t#*]*(?P<a>{CHAR})(?:{SP}(?:and|&){SP}(?P<b>{CHAR}))?[ \t*:]*")
_APPOS_HEAD_RE = re.compile(
    rf"(?<![\w'’])(?P<char>{CHAR}),{SP}(?:the|a|an|his|her|their)\b[^.;:()\n\"“”]{{1,140}}$"
)
_APPOS_TAIL_NAME_RE = re.compile(rf"(?<![\w'’])(?P<char>{CHAR}),$")
# "Corinna Brown, Tara Jones in the Netflix series, says...": a character in our show as an appositive.
_IN_THE_SERIES = (
    rf"{SP}(?:in|on){SP}(?:the{SP})?(?:(?:hit|Netflix|BBC|teen|new){SP}){{0,2}}"
    rf"(?:Heartstopper|series|show|drama)\b"
)
_APPOS_CHAR_RE = re.compile(rf"(?P<actor>{NAME}),{SP}(?P<char>{CHAR}){_IN_THE_SERIES}")
# "Rhea Norwood is Imogen, Nick's friend": only trusted under a cast-guide heading naming the character.
_IS_PAIR_RE = re.compile(rf"(?P<actor>{NAME}){SP}is{SP}(?P<char>{CHAR})(?=[ \t]*[,.;:]|[ \t]*$)")
# "Ana Lopez's Mr Reyes barely speaks": a titled name is a role whatever follows ("Jo Bell's Marvel debut"
# is not).
_POSSESSIVE_TITLED_RE = re.compile(
    rf"(?P<actor>{NAME})['’]s{SP}(?P<char>(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?{SP}[{UPPER}][\w\-]+)(?![\w'’])"
)
# "Jo Bell, the show's Elle Argent, took on ...", "Bell, whose Tao Xu went from ...": the actor's role
_SHOWS_ROLE_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}(?:the{SP}(?:show|series|drama)['’]s?{SP}|whose{SP})(?P<char>{CHAR})(?![\w'’])"
    rf"(?=,|{SP}(?:went|goes|has|had|is|was|became|becomes|remains|gets|got)\b)"
)
_SHOWS_ROLE_BEFORE_RE = re.compile(rf",{SP}(?:the{SP}(?:show|series|drama)['’]s?|whose){SP}$")
_POSSESSIVE_NOUN_AFTER = (
    r"[ \t]+(?!(?:and|in|is|was|will|has|had|who|with|as|opposite|on|at|for|to|from|also|are)\b)[a-z]"
)
_POSSESSIVE_PAIR_RE = re.compile(
    rf"(?P<actor>{NAME})['’]s{SP}(?P<char>{CHAR})(?![\w'’])(?!{_POSSESSIVE_NOUN_AFTER})"
)
# "Jo Bell's Blackwater Rising co-star sends ...": the capitalised run before a noun is a title, even when
# its first word alone could pass for a role.
_POSSESSIVE_RUN_NOUN_RE = re.compile(
    rf"(?:{SP}[{UPPER}][\w'’\-]*)+{SP}(?:co-?stars?|cast-?mates?|cast|debut|premiere|director|creator|reboot"
    rf"|sequel|remake|trailer|poster|season|episode|film|movie|series|show|musical|revival)(?![\w\-])"
)
# "Sam Oak's Romeo + Juliet", and a headline's "Jo Bell's Romeo and Juliet: every review": a title, no role
_DIRECTORS_WORK_RE = re.compile(rf"[ \t]*(?:[+&]|and{SP}[{UPPER}][\w'’\-]*[ \t]*(?::|$))")
_PAREN_APPOSITIVE_RE = re.compile(
    rf",{SP}(?P<desc>(?:the|a|an){SP}[^.,;:()\n\"“”]{{2,60}}?)(?=[ \t]*[.,;:!?]|{SP}(?:and|but){SP}|[ \t]*$)"
)
# A review's passing credit: "Joe Locke's anxious Charlie carries", "William Gao's Tao remains",
# "Hayley Atwell's therapist, Diane": trusted only for the show's own character names.
_REVIEW_POSSESSIVE_RE = re.compile(
    rf"(?P<actor>{NAME})['’]s{SP}(?:(?P<adj>(?:{_FUNCTION_WORD}(?!the\b|a\b|an\b)[a-z][a-z\-]*{SP}){{1,2}})"
    rf"|(?P<role>(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP})?{_FUNCTION_WORD}[a-z][a-z\-]*),{SP})?(?P<char>{CHAR})"
    rf"(?![\w'’])"
    # "Mia Chen's wry Darcy quietly steals": an adverb may come before the verb
    rf"(?=[ \t]*[,.;:!?)]|[ \t]*$|{SP}(?:(?:finally|quietly|still|also|slowly|really|just|mostly"
    rf"|once{SP}again|again|gradually|eventually|largely|briefly|ultimately|nearly|almost){SP})?"
    rf"(?:and|is|was|remains|carries|gets|steals|makes|brings|feels"
    rf"|grows|finds|spends|becomes|seems|looks|goes|takes|gives|does|has|sparkles|shines|continues|struggles"
    rf"|learns|tries|wants|needs|faces|deals|navigates|discovers|falls|starts|begins|comes|stays|keeps|emerges"
    rf"|undergoes|battles|wrestles|anchors|grounds|offers|proves|manages|handles|gets|lands|earns|breaks"
    rf"|moves|returns|opens|leaves|loses|wins|shares"
    # after a list of such credits ("Ana Lopez's Elle and Jo Bell's Tao get a subplot"): the plural verb
    rf"|are|were|get|remain|have|share|make|bring|steal|carry|feel|face|find)\b)"
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
    rf"(?P<actor>{NAME})(?:,{SP}(?:as{SP}ever|once{SP}again|again|too),"
    # "Olivia Colman, who won an Oscar for playing Queen Anne in The Favourite, is as lovely as ever as"
    rf"|,{SP}who(?:['’]s)?{SP}[^,;:()\n\"“”]{{1,120}},)?,?{SP}"
    rf"(?:(?:is|was|has|remains|proves|makes)[ \t]+)?(?:as[ \t]+)?"
    rf"(?:(?:a|an|the|quietly|wonderfully|very|really|so|simply|typically)[ \t]+)?"
    # "is a quiet revelation once again as", "steals several scenes as"
    rf"(?:(?!as\b)[a-z]+[ \t]+)?(?:{_PRAISE}|(?:steals|stole|steal|stealing){SP}"
    rf"(?:(?:every|several|many|the|a|few|some|most|his|her|their|whole)[ \t]+){{0,2}}"
    rf"(?:scenes?|show|film|episode|movie))"
    rf"(?:[ \t]+as[ \t]+(?:ever|always)|[ \t]+once[ \t]+(?:again|more)|[ \t]+again)?[ \t]+as[ \t]+"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
_PRAISE_HINTS = (
    "excellent", "superb", "terrific", "brilliant", "wonderful", "great", "moving", "magnificent", "delight",
    "joy", "revelation", "ball", "standout", "marvel", "lovely", "charming", "touching", "heartbreaking",
    "funny", "sweet", "perfect", "riveting", "astonishing", "impressive", "compelling", "convincing",
    "luminous", "fantastic", "outstanding", "memorable", "affecting", "hilarious", "tremendous",
    "superlative", "exceptional", "poignant", "endearing", "steal", "stole",
)  # fmt: skip
# "who play couple Tara and Darcy", "as on-screen sisters Tori and ...": a plural noun naming the group
_GROUP = (
    rf"(?:{SP}(?:the{SP})?(?:{_FUNCTION_WORD}[a-z][a-z\-]*{SP})?(?:couple|pair|duo|lovebirds|twins|siblings"
    rf"|sisters|brothers|besties|friends|parents|partners|girlfriends|boyfriends|sweethearts|lovers|rivals"
    # "as schoolboys-turned-couple Nick and Charlie": a hyphenated compound ending in such a noun
    rf"|classmates|bandmates|teammates|soulmates|exes)(?![\w\-])|{SP}[a-z]+(?:-[a-z]+)*-(?:couple|lovers"
    rf"|sweethearts|friends|pair|duo|rivals)(?![\w\-]))?"
)
# "Corinna Brown and Kizzy Edgell as Tara Jones and Darcy Olsson (respectively)".
_LIST_SEP = rf"(?:[ \t]*,[ \t]*(?:and{SP})?|{SP}(?:and|&){SP})"
# A photo caption's position marker after a name: "Kit Connor (left) and Joe Locke play Nick and Charlie".
_PICTURED = r"(?:[ \t]*\((?:left|right|centre|center|middle|pictured|top|bottom|above|below)\))?"
_PICTURED_RE = re.compile(_PICTURED.removesuffix("?"))
# A tabloid's age after each name: "Corinna Brown, 29, and Kizzy Edgell, 25, who play ..."
# (a photo caption's position may follow it: "Kit Connor, 22, (left) and ...")
_AGE = r"(?:,[ \t]*\d{1,2}(?=[ \t]*,)(?:,(?=[ \t]*\((?:left|right|centre|center|middle|pictured)\)))?)?"
_AGE_RE = re.compile(r",[ \t]*\d{1,2}(?=[ \t]*,|[ \t]*$)")
_LIST_AS_RE = re.compile(
    # ", who play ..."
    rf"(?P<actors>{NAME}{_AGE}{_PICTURED}(?:{_LIST_SEP}{NAME}{_AGE}{_PICTURED}){{1,6}})(?:,?{SP}who)?"
    # "are both expected to return as", "are likely to reprise their roles as"
    rf"{SP}(?:(?:{_AUX}|respectively|expected|likely|due|poised|confirmed|rumou?red|reportedly|officially|both"
    rf"|all)[ \t]+){{0,5}}"
    rf"(?P<lverb>as|play|plays|portray|portrays|star{SP}as|stars{SP}as|return{SP}as|returns{SP}as|returning{SP}as"
    rf"|reprise{SP}their{SP}roles{SP}as|lead{SP}as|co-?lead{SP}as|front{SP}as|headline{SP}as"
    # "who have spent the last four and a half years as Nick and Charlie"
    rf"|spent{SP}(?:the{SP}(?:last|past){SP})?(?:[a-z]+{SP}){{0,4}}(?:years|seasons){SP}as)"
    # "return as Charlie's parents, Jane and Julio": a shared description before the paired names
    # "who play couple Tara and Darcy", "as on-screen sisters Tori and ...": a plural noun naming the group
    rf"{_GROUP}"
    rf"{SP}(?:{_DESC},?{SP})?(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}})"
    # "..., and Bridgerton star Jo Bell": a name before an epithet is no role
    rf"(?=[ \t]*(?:[.,;:)!?]|$)|{SP}(?!(?:as|star|stars|actor|actress|actors)\b)[a-z])"
)
# Two people named together ("Kit Connor and Joe Locke shared a hug"), whom the next sentence may call "the
# pair": "The actors, both 22, who have played on-screen couple Nick Nelson and Charlie Spring since 2022".
_COUPLE_RE = re.compile(rf"(?P<a>{NAME}){_AGE}{_PICTURED},?{SP}(?:and|&){SP}(?P<b>{NAME})(?![\w'’])")
_PAIR_REF_RE = re.compile(
    rf"[ \t]*(?:(?:The|Both){SP}(?:pair|duo|two|actors|actresses|stars|co-?stars|friends|pals|boys|girls)"
    rf"|They)(?:,{SP}(?:both|each|now){SP}\d{{1,2}},)?(?:,?{SP}who)?"
    rf"{SP}(?:(?:{_AUX}|both|all|respectively){SP}){{0,4}}"
    rf"(?:play|played|portray|portrayed|star{SP}as|starred{SP}as|return{SP}as|returned{SP}as)"
    rf"{_GROUP}{SP}(?P<chars>{CHAR}{_LIST_SEP}{CHAR})(?![\w'’])(?![ \t]*,?[ \t]*(?:and|&){SP}[{UPPER}])"
)
# A gallery or listicle entry's heading that names one person: "7. Ana Lopez".
_GALLERY_ENTRY_RE = re.compile(rf"[ \t#*]*\d{{1,2}}[.)][ \t]+(?P<n>{NAME})[ \t*]*")
# "Ana Lopez and Rosa Reyes's Nadia and Tara": a paired possessive list, each actor's own role in order.
_POSSESSIVE_LIST_RE = re.compile(
    rf"(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}})['’]s{SP}(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}})"
    rf"(?![\w'’])"
)
# "Tara and Darcy are played by Corinna Brown and Kizzy Edgell (respectively)": paired lists, in order.
_LIST_PLAYED_BY_RE = re.compile(
    rf"(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}}),?{SP}(?:(?:are|were|will|be|is|being|to|now|also|both)"
    rf"{SP}){{0,4}}(?:played|portrayed){_AGAIN}{SP}(?:respectively{SP})?by{SP}(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}})"
    rf"(?![\w'’])"
)
# After a list of roles, a verb: the last "role" is the subject of the next clause ("play Tara and Darcy,
# and Ana Lopez plays Rosa").
_NEXT_CLAUSE_VERB_RE = re.compile(
    rf"{SP}(?:(?:also|now|will|then){SP})?(?:plays|portrays|stars|returns|joins|pops|turns|shows|appears"
    rf"|cameos|steps|takes|is|was|will)\b"
)
# "Corinna Brown and Kizzy Edgell, as Tara and Darcy, get a storyline": the pairing as a parenthesis.
_LIST_PAREN_AS_RE = re.compile(
    rf"(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}}),{SP}as{SP}(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}}),"
)
# "Corinna Brown and Kizzy Edgell, aka Tara and Darcy, arrive", "..., whose Tara and Darcy remain ...": the
# roles as an aside after the paired names.
_LIST_AKA_RE = re.compile(
    rf"(?P<actors>{NAME}(?:{_LIST_SEP}{NAME}){{1,6}}),{SP}(?:(?P<aka>aka|AKA|a\.k\.a\.?)|whose){SP}"
    rf"(?P<chars>{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}})(?![\w'’])"
    rf"(?(aka)(?=[ \t]*[,.;:)!?]|[ \t]*$)|(?={SP}(?:(?:still|both|now|also){SP})?"
    rf"(?:remain|remains|are|were|became|become|have|had|went|go|get|got|made|make|won|still)\b))"
)
# "Joe Locke, who stars opposite Kit Connor as Charlie": with no role between verb and "opposite", the role
# after "as" is the subject's ("plays Nick opposite Jo Bell as Charlie" is Jo Bell's, left to _AS_RE).
_OPPOSITE_AS_RE = re.compile(
    rf"(?P<actor>{NAME})(?:,{SP}who)?{SP}(?:(?:also|now|will|has|have|had|is|was|currently|once|again|still)"
    rf"{SP}){{0,2}}(?:stars|star|starred|starring|co-?stars|co-?starred|plays|play|played|playing|appears"
    rf"|appear|appeared|returns|returned){SP}opposite{SP}(?P<other>{NAME})(?:(?:,{SP}|{SP}(?:and|&){SP}){NAME})"
    rf"{{0,3}}{SP}as{SP}{_DESC_BEFORE}(?P<char>{CHAR})"
)
# An award for a role: "Olivia Colman was named best guest performer for her turn as Sarah", "Jo Bell
# picked up the prize for best supporting actor for his performance as Isaac". Only verbs of the subject's
# own award, and no second person in between ("won praise from Sam Oak for his turn as": whose turn?).
_AWARD_AS_RE = re.compile(
    rf"(?P<actor>{NAME}){SP}(?:(?:was|is|has|had|have|been|were|also|just|finally){SP}){{0,3}}"
    rf"(?:named|won|wins|win|nominated|shortlisted|honou?red|recogni[sz]ed|crowned|picked{SP}up|took{SP}home"
    rf"|takes{SP}home|scooped|bagged|earned|earns|received|receives|collected|awarded|landed|lands)\b"
    rf"(?P<gap>(?:(?!{SP}(?:from|with|alongside|and|but|while|opposite|than|over)\b)[^,;:.!?()\n\"“”]){{0,100}}?)"
    rf"{SP}for{SP}(?:his|her|their){SP}(?:[a-z\-]+{SP})?(?:turn|performance|role|portrayal|work){SP}as{SP}"
    rf"{_DESC_BEFORE}(?P<char>{CHAR})"
)
# Identity by fame: "Kit Connor, who is Nick Nelson to half the internet" and "strangers still call him
# Charlie Spring" (the actor is the person the passage is about). Only for the show's own character names.
_WHO_IS_TO_RE = re.compile(
    rf"(?P<actor>{NAME}),{SP}who{SP}is{SP}(?:(?:still|forever|simply|just|basically){SP})?(?P<char>{CHAR})"
    rf"{SP}to{SP}(?=[a-z])"
)
_CALLED_RE = re.compile(
    rf"\b(?:strangers|fans|people|everyone|everybody|viewers|kids|teenagers|audiences|passers-by|many|most)"
    rf"(?:{SP}(?:still|often|always|now|just|simply|even|sometimes|regularly|usually|mostly)){{0,2}}"
    rf"{SP}(?:call|calls|called){SP}(?:him|her|them){SP}(?:simply{SP})?(?P<char>{CHAR})"
    rf"(?![\w'’])"
)
# An audition for a role ("Yasmin Finney first read for the role of Elle Argent"): the actor may not have got
# it, so it is kept only when the article pairs neither the actor nor the role with anyone else.
_AUDITION_RE = re.compile(
    rf"(?P<actor>{NAME}){SP}(?:(?:first|originally|initially|once|had|has|have|was|also|eventually){SP}){{0,2}}"
    rf"(?:read|auditioned|screen-?tested|self-taped|tried{SP}out){SP}for{SP}(?:the{SP})?(?:role|part){SP}of"
    rf"{SP}(?P<char>{CHAR})(?![\w'’])"
)
_LIST_SPLIT_RE = re.compile(_LIST_SEP)
# The end of an "Actor as Role, " pair just before a list.
_AFTER_PAIR_RE = re.compile(rf"{NAME}{SP}as{SP}{_DESC_BEFORE}{CHAR},{SP}$")
_PLURAL_RELATION_RE = re.compile(rf"{_RELATION}s$")
# The actor being the last of a list of names ("Jo Bell and Sam Oak return as ..."): the verb is shared.
# "she and Jo Bell play Ivy and Theo": a pronoun shares the verb too.
_LIST_TAIL_BEFORE_RE = re.compile(
    rf"(?<![\w'’])(?:{NAME}(?:{SP}(?:and|&)|,)|(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I){SP}(?:and|&)){SP}$"
)
# "Kit Connor and Joe Locke as Nick and Charlie" that no list pattern took: "Joe Locke as Nick" is not a pair.
# (Only "and" before the actor: after a comma it may follow the role of the previous pair.)
_LIST_AFTER_ROLE_RE = re.compile(rf"{_LIST_SEP}{CHAR}(?![\w'’])")
_AND_BEFORE_RE = re.compile(rf"(?<![\w'’]){NAME}{SP}(?:and|&){SP}$")
# "Jane and Julio Spring": first names sharing one family name (support for a family descriptor's surname).
_SHARED_SURNAME_RE = re.compile(
    rf"(?P<a>{FREE_TOKEN})(?:,{SP}(?P<b>{TOKEN}))?,?{SP}(?:and|&){SP}(?P<c>{TOKEN}){SP}(?P<sur>{TOKEN})"
    rf"(?![\w'’]|{SP}{TOKEN})"
)
# Relations that share the family name of the person they belong to.
_FAMILY_RELATION_RE = re.compile(
    r"^(?P<owner>\S+)'s (?:(?:older|younger|big|little|twin|baby|elder|kid)[ \t]+)?"
    r"(?:parents?|mum|mom|mother|dad|father|brothers?|sisters?|siblings?|twins?|grandparents?|grandmother"
    r"|grandfather|grandma|grandad|grandpa|nan|gran|son|daughter)$"
)
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
# "Jane and Julio Spring (Georgina Rich and Joseph Balderrama)": two lists paired by position.
_PAREN_LIST_RE = re.compile(
    rf"(?<![\w'’])(?P<a>{CHAR}(?:,{SP}{CHAR}){{0,2}},?{SP}(?:and|&){SP}{CHAR})[ \t]*\([ \t]*"
    rf"(?P<b>{CHAR}(?:,{SP}{CHAR}){{0,2}},?{SP}(?:and|&){SP}{CHAR})[ \t]*\)"
)
_PAREN_LIST_SPLIT_RE = re.compile(rf",?{SP}(?:and|&){SP}|,{SP}")
# "Ben Hope (Jo Bell, who you might remember as ... in Skins)": a who-clause about the actor in the brackets
_PAREN_RE = re.compile(
    rf"(?P<a>{CHAR})[ \t]*\([ \t]*(?P<b>{CHAR})(?P<who>,{SP}who\b[^()\n]{{1,120}})?[ \t]*\)"
)
_ACTING_CLAUSE_RE = re.compile(r"\b(?:as|play(?:s|ed)?|star(?:s|red)?|known|remember|actor|actress)\b")
# A picture credit in a caption: "at the premiere in Leicester Square (Getty Images)", "(PA Wire)".
_PHOTO_CREDIT_RE = re.compile(
    r"\b(?:Getty|Images|Shutterstock|Alamy|Reuters|WireImage|FilmMagic|Rex|PA|AP|AFP|Wire|Photo|Photograph"
    r"|Photos|Pictures?|Credit|Courtesy)\b"
)
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
_CREDITS_BOX_WORDS = _OWN_PRODUCTION | {"By", "On", "In", "Of", "For", "At"}
# Another production named with a marker: "in the 2019 biopic Rocketman", "in Disney+'s Agatha All Along",
# "from the BBC's Hush Lane", "in “Blackwater”" ("in Menorca" has no marker: a place, not a production).
_MARKED_PRODUCTION_RE = re.compile(
    rf"(?:\b(?:in|on|from|for|of)(?:{SP}the)?|\bthe)(?P<year>{SP}(?:19|20)\d\d)?(?P<poss>{SP}(?:{TOKEN}|[A-Z]{{2,5}})\+?['’]s)?"
    rf"(?P<noun>{SP}(?:[a-z\-]+{SP}){{0,2}}?(?:film|movie|biopic|series|show|drama|sitcom|musical|play"
    rf"|franchise|specials?|adaptation|thriller|soap|miniseries|comedy|blockbuster|epic|feature))?"
    rf"{SP}(?P<quote>[\"“‘'])?(?P<prod>{TOKEN})"
)
# Other cues that a sentence is about an actor's other work: "Doctor Who fans", "best known for",
# "played Grace in Mission".
_ELSEWHERE_CUE_RE = re.compile(
    rf"(?P<fans>{TOKEN}(?:{SP}{TOKEN}){{0,3}}){SP}(?:fans|viewers|audiences)\b|\bknown{SP}(?:as|for)\b"
    rf"|\b(?:played|starred|appeared|featured)\b[^,.;:()\n]{{0,60}}?{SP}in{SP}(?P<prod>{TOKEN})"
    rf"|\b(?:credits|breakout|previously|made{SP}(?:his|her|their){SP}(?:name|debut))\b"
    rf"|\bbefore{SP}(?:joining{SP})?(?P<own>Heartstopper)\b"
)
# After "fans will know X as Y": a title named with in/on/from ("... as Jess Thorne in Holby").
# "played Terry, brother to Jo Bell's Ray, in Ray Donovan": a title closing the role's appositive.
_APPOS_THEN_TITLE_RE = re.compile(
    rf"(?:,[^,.;:()\n\"“”]{{1,80}})?,{SP}(?:in|on){SP}(?:the{SP})?(?P<prod>{TOKEN})(?:{SP}{TOKEN}){{0,3}}"
    rf"[ \t]*(?:[.;!?]|$)"
)
# "Ask Jo Bell what she loved about playing Nadia in Netflix's Heartstopper": a role in our show, named by
# the show itself; the actor is the nearest full name before it.
_PLAYING_OURS_RE = re.compile(
    rf"\b(?:playing|portraying){SP}(?P<char>{CHAR}){SP}(?:in|on){SP}(?:the{SP})?(?:{NAME}['’]s{SP})?"
    rf"(?:(?:hit|new|teen|Netflix|series|show|drama){SP}){{0,3}}Heartstopper\b"
)
# After a role: "in Heartstopper", "in Season 3", "in season three of the Netflix show Heartstopper".
_PLAYED_IN_OURS_RE = re.compile(
    rf"{SP}(?:in|on|for){SP}(?:the{SP})?(?:(?:[Ss]eason|[Ss]eries){SP}(?:\d{{1,2}}|[a-z]+)\b"
    rf"|(?:{NAME}['’]s{SP})?(?:(?:hit|teen|Netflix|series|show|drama){SP}){{0,3}}Heartstopper\b"
    rf"|(?:[a-z]+{SP}){{1,2}}(?:season|series){SP}of{SP}(?:[a-zA-Z]+{SP}){{0,3}}Heartstopper\b)"
)
# A sentence about a broadcast on another channel: "The finale airs on BBC One and iPlayer ..., and sees X
# return as the Doctor". Our show streams on Netflix, so its roles belong to that other show.
_FULL_NAME_RE = re.compile(rf"{NAME}")
_QUOTE_CHARS_RE = re.compile(r"[\"“”]")
_CLAUSE_END_RE = re.compile(rf",{SP}(?:and|but|while|whereas)\b|;")
_TITLE_AFTER_RE = re.compile(rf"\b(?:in|on|from){SP}(?:the{SP})?(?P<prod>{TOKEN})")
# What introduces a pair as another credit: "opposite Jo Bell as ...", "fans will know Lopez as ...".
_ELSEWHERE_LEAD_RE = re.compile(
    rf"(?:(?P<opp>\b(?:opposite|alongside))|\b(?i:fans|viewers|audiences|readers|you|many|some)\b"
    rf"[^,.;:!?()\n]{{0,40}}?\b(?:know|recogni[sz]e|remember|recall|spot)){SP}$"
)
# A pair credited to our show in between: "... in Rocketman, plays Nick opposite Jo Bell as Charlie".
_OWN_CLAUSE_VERB_RE = re.compile(r"\b(?:plays|portrays|stars|returns|joins|reprises|cast)\b")
# A TV-listings entry led by its title and year: '"Rocketman" (2019) Taron Egerton stars as Elton John'.
_LISTING_ENTRY_RE = re.compile(r"[ \t*]*[\"“](?P<prod>[^\"“”\n]{1,80})[\"”][ \t]*\((?:19|20)\d\d\)")
# "Where have I seen Kit Connor before?", "Where might you know her from?", "What else has he been in?"
_ELSEWHERE_SECTION_RE = re.compile(
    r"[ \t*#]*(?:Where|What)[ \t]+(?:have|has|might|may|do|could|would|else)\b[^?\n]{0,80}?"
    r"\b(?:seen|know|recogni[sz]e|remember|been[ \t]+in)\b[^?\n]{0,60}\?"
)


def _own_title(prod: str) -> bool:
    return prod in _OWN_PRODUCTION or prod.startswith("Heartstopper") or is_stop(prod)


def _elsewhere_context(s: str) -> int:
    """The end of the last mention of another production (or cue of other work) in `s`; -1 if none."""
    last = -1
    for m in _MARKED_PRODUCTION_RE.finditer(s):
        if (m.group("year") or m.group("poss") or m.group("noun") or m.group("quote")) and not _own_title(
            m.group("prod")
        ):
            last = m.end()
    for m in _ELSEWHERE_CUE_RE.finditer(s):
        title = m.group("fans") or m.group("prod")
        if m.group("own") or title is None or not _own_title(title.split()[0]):
            last = max(last, m.end())
    return last


# "Dream Horse, in which Toni Collette played Jan Vokes": a clause about the title just before it.
_IN_WHICH_RE = re.compile(
    rf"(?P<prod>{TOKEN}(?:{SP}(?:of|the|and|&|a|an|in|on|to|at|\d+|{TOKEN}))*)[\"”’']?,{SP}(?:in|on){SP}which\b"
)


def _in_which_other(s: str, start: int) -> bool:
    """The pair at `start` is inside an "X, in which ..." clause about a title X that is not ours."""
    if " which " not in s:
        return False
    last = None
    for m in _IN_WHICH_RE.finditer(s, max(0, start - 200), start):
        last = m
    if last is None:
        return False
    words = last.group("prod").split()
    return "Heartstopper" not in words and not any(w in _OWN_PRODUCTION for w in words)


def _elsewhere_pair(s: str, start: int) -> bool:
    """The pair starting at `start` is a credit in another production: led by "opposite"/"fans will know X
    as" in a sentence about another production, with no credit of our show in between."""
    lead = _ELSEWHERE_LEAD_RE.search(s, max(0, start - 80), start)
    if lead is None:
        return False
    # "fans will know X as Y in Z": Z must be in the same clause, not after ", and ..."
    clause = _CLAUSE_END_RE.search(s, start)
    clause_end = clause.start() if clause else len(s)
    ctx = _elsewhere_context(s[: lead.start()] if lead.group("opp") else s[:clause_end])
    if ctx < 0 and not lead.group("opp"):
        after = _TITLE_AFTER_RE.search(s, start, min(clause_end, start + 160))
        return after is not None and not _own_title(after.group("prod"))
    if ctx < 0:
        return False
    return not lead.group("opp") or _OWN_CLAUSE_VERB_RE.search(s, ctx, lead.start()) is None


_DASH_LINE_RE = re.compile(
    rf"[ \t]*(?:[-•*·][ \t]*|\d{{1,2}}[.)][ \t]*)?"  # a bullet or a listicle's number
    # "Charlie's little brother, Oliver Spring – Jensen Clayden": a descriptor of the role first
    rf"(?:{_DESC},{SP})?"
    # "Elle Argent and Tao Xu – Yasmin Finney and William Gao": two pairs, matched by position
    rf"(?P<a>{CHAR})(?:{SP}(?:and|&){SP}(?P<a2>{CHAR}))?[ \t]*(?:[–—:]|-)[ \t]*"
    rf"(?P<b>{CHAR})(?:{SP}(?:and|&){SP}(?P<b2>{CHAR}))?[ \t]*\.?[ \t]*"
)
# The star billed last in a cast block: "with Olivia Colman — Sarah Nelson". The paragraph reader joins a
# line opening in lowercase to the one before, so the block's last two entries may arrive as one paragraph.
_BILLING_SPLIT_RE = re.compile(rf"[ \t]+(?=(?:with|and){SP}{CHAR}[ \t]*(?:[–—:]|-[ \t]))")
_BILLING_RE = re.compile(rf"(?:with|and){SP}")
_ACTOR_CUE_RE = re.compile(
    rf"\b(?=[sacnHh])"  # a quick first test: the letters its alternatives start with
    rf"(?:star|stars|actor|actress|actors|actresses|co-?stars?|newcomers?|cast{SP}members?|starring"
    rf"|[Hh]eartstopper['’]s)[ \t]*,?[ \t]*(?P<n>{NAME})"
)
# "Kit Connor, who starred in Rocketman", "Locke, who appears in Agatha All Along": an actor, any role.
_CREDIT_VERB = (
    rf"(?:starred|stars|star|appeared|appears|appear|featured|features|acted|acts|played|voiced)"
    rf"{SP}(?:in|on|opposite|alongside)\b"
)
_ACTOR_CREDIT_RE = re.compile(
    rf"(?P<n>{NAME}),?{SP}(?:who{SP})?(?:(?:also|has|had|have|previously|recently|since|later|went{SP}on{SP}to)"
    rf"{SP}){{0,2}}{_CREDIT_VERB}"
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
_ROLE_AFTER_LEAD = rf",{SP}(?:who{SP}is{SP})?(?:the|a|an|our)"
_ROLE_AFTER_RE = re.compile(
    rf"(?P<n>{NAME}){_ROLE_AFTER_LEAD}(?:{SP}[\w'’\-]+){{0,3}}?{SP}(?P<role>{_ROLE_MOD}{_ROLE})\b"
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
    # pairs whose "character" could still be a person ("as Jo Bell took the stage"): kept unless the article
    # treats that name as an actor
    guarded: list[_Raw] = field(default_factory=list)
    epithet: list[_Raw] = field(default_factory=list)  # "Tao actor Jo Bell": kept only for a known character
    auditions: list[_Raw] = field(default_factory=list)  # "read for the role of": kept only if unopposed
    labelled: list[_Raw] = field(default_factory=list)  # a cast guide's heading + "Played by: Actor"
    possessive_full: list[_Raw] = field(default_factory=list)  # kept only when a fuller name supports it
    shared_surnames: set[str] = field(default_factory=set)
    quoted_speakers: set[str] = field(
        default_factory=set
    )  # names a direct quotation is attributed to  # "Jane Spring" from "Jane and Julio Spring"
    # "Actor is Character", kept only when a heading (a line that is only a name) names the character
    is_pairs: list[_Raw] = field(default_factory=list)
    headings: set[str] = field(default_factory=set)  # norm_key of every name in a name-only line
    entry: str = ""  # the one person a gallery's numbered heading names ("7. Ana Lopez"), while under it
    # finding's order -> (introduced as new, season it is tied to)
    tags: dict[int, tuple[bool, int | None]] = field(default_factory=dict)
    # orders of findings that credit another production ("opposite Jo Bell as ...", a "Where have I seen
    # her before?" section): kept only for a character the article or the show supports
    elsewhere: set[int] = field(default_factory=set)
    # "Aunt Diane" -> "Diane" when the article also calls her plain "Diane"
    kin_bare: dict[str, str] = field(default_factory=dict)
    # norm_key of every name the article presents as a production ("the BBC Three drama Lowtide"): in a
    # casting lede "Ana Lopez (Lowtide)" it is her credit, not her role
    productions: set[str] = field(default_factory=set)
    # (sentence, (paragraph, offset), its paragraph's (new, season) tags, in another production's section)
    # of each sentence with a casting cue, for the positional pass (ingest/pairing.py)
    sentences: list[tuple[str, tuple[int, int], tuple[bool, int | None], bool]] = field(default_factory=list)


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
    if g.get("kin"):
        return _description(g.get("kposs"), g["kin"].lower(), before)
    if occ := g.get("occ"):
        words = occ.split()
        # "TV presenter", "rugby coach": a noun phrase; a lone adjective ("shy") is no description.
        return " ".join(words) if len(words) >= 2 or words[0].isupper() else None
    return None


# "is playing Romeo eight shows a week on Broadway": a stage run later in the clause is another production.
_STAGE_RUN_RE = re.compile(
    rf"[^.,;:!?\n]{{0,50}}?(?:\b(?:on|off)[ \t-]Broadway\b|\bin{SP}the{SP}West{SP}End\b)"
)


def _other_production(sentence: str, end: int) -> bool:
    m = _OTHER_PRODUCTION_RE.match(sentence, end)
    if m and m.group("prod") not in _OWN_PRODUCTION and not m.group("prod").startswith("Heartstopper"):
        return True
    staged = "Broadway" in sentence or "West End" in sentence
    return staged and _STAGE_RUN_RE.match(sentence, end) is not None


def _own_production_after(sentence: str, end: int) -> bool:
    """The role ending at `end` is credited to our show: "as Nora in Heartstopper", "in season three"."""
    return _PLAYED_IN_OURS_RE.match(sentence, end) is not None


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


# A sentence the positional pass reads: it has a casting cue (ingest/pairing.py says which shapes count).
_POSITIONAL_CUE_RE = re.compile(
    r"\b(?:as|As|AS|play|plays|played|playing|portray\w*|voices|voiced|character|characters|aka|AKA|actor"
    r"|actors|actress|star)\b"
    r"|a\.k\.a\.|[—–]"
    r"|['’]s |\b(?:is|was|are|were) (?:[A-Z]|also|again|now|still)"
)


# "Maisie Holt-Carver, meanwhile, will play Ruby": a discourse adverb in commas, blanked (same length, so
# offsets hold) so that every credit family reads the sentence without it.
_DISCOURSE_ASIDE_RE = re.compile(
    r",[ \t]+(?:meanwhile|however|too|also|though|of[ \t]+course|in[ \t]+turn|instead|likewise|similarly"
    r"|in[ \t]+the[ \t]+meantime|once[ \t]+again|again|now|naturally|fittingly|notably),(?=[ \t])"
)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def scan(paragraphs: list[Paragraph], title: str = "") -> CastFindings:
    """One pass over every sentence collecting explicit pairs, parentheticals, actor cues and people."""
    f = CastFindings()
    order = 0
    sentence_no = 0
    head = title or next((p.text for p in paragraphs if p.is_headline), "")
    title_seasons = season_mentions(head)
    title_season = title_seasons[0][1] if len(title_seasons) == 1 else None
    section: list[str] = []  # the character names of the cast-guide heading we are under
    elsewhere_section = False  # under a "Where have you seen them before?" heading
    # a TV listings roundup: under another show's "The Penguin – Sky Atlantic" heading, its cast is not ours
    listings = listing_headings(paragraphs)
    other_listing = False
    last_couple: tuple[str, str] = ("", "")
    last_couple_at = -1
    for para in paragraphs:
        text = para.text
        other_listing = listings.get(para.index, other_listing)
        elsewhere_para = other_listing
        if (
            not para.is_headline
            and text.lstrip(" \t*#")[:1] == "W"
            and (q := _ELSEWHERE_SECTION_RE.match(text))
        ):
            elsewhere_para = True
            elsewhere_section = not text[q.end() :].strip(" \t*")  # the question alone is a heading
        elif len(text) <= 80 and text.rstrip(" \t*")[-1:] not in '.!?"”':
            elsewhere_section = False  # the next heading ends the section
        else:
            elsewhere_para = elsewhere_section or other_listing
        if text.lstrip(" \t*")[:1] in '"“' and (entry := _LISTING_ENTRY_RE.match(text)) is not None:
            # the whole entry is about that title (its own credits), unless the title is ours
            elsewhere_para = elsewhere_para or "Heartstopper" not in entry.group("prod")
        para_new = ("new" in text or "join" in text or "cast as" in text) and bool(_PARA_NEW_RE.search(text))
        para_seasons = season_mentions(text)
        para_season = _season_at(para_seasons, 0) if len(set(n for _, n in para_seasons)) == 1 else None
        default_season = para_season or title_season
        for line in _dash_lines(text):
            desc = _desc_of(line, "")
            if desc and (plural := _PLURAL_RELATION_RE.search(desc)) is not None:
                desc = desc[: plural.end() - 1]  # "Charlie's parents, Jane ... and Julio ...": each a parent
            elif line.group("a2"):
                desc = None  # one descriptor, two people: whose it is is unknown
            for ga, gb in (("a", "b"), ("a2", "b2")):
                raw_a, raw_b = line.group(ga) or "", line.group(gb) or ""
                if any(w in _CREDITS_BOX_WORDS for w in (raw_a + " " + raw_b).split()):
                    # "Original Title: Heartstopper Forever", "Created By: Alice Oseman": a credits box
                    continue
                a, b = clean_name(raw_a), clean_name(raw_b)
                if a and b and a != b:
                    f.parens.append(_Paren(a, b, desc, None, sentence_no, order, 0, len(text)))
                    f.tags[order] = (para_new, default_season)
                    if elsewhere_para:
                        f.elsewhere.add(order)
                    order += 1
        label = None
        if text.lstrip(" \t*")[:1] in "PAVSW":
            label = (_LABEL_RE.match(text) if len(text) <= 120 else None) or _LABEL_LEAD_RE.match(text)
        if label is not None:
            if section:  # "Isaac Henderson" / "Played by: Tobie Donovan": the section's first label only
                actors = [clean_name(x) for x in _LIST_SPLIT_RE.split(label.group("actors"))]
                if len(actors) == len(section) and all(is_full_name(a) for a in actors):
                    for actor, char in zip(actors, section, strict=True):
                        if norm_key(actor) != norm_key(char):
                            at = (para.index, 0)
                            f.labelled.append(_Raw(actor, char, None, order, strong=False, at=at))
                            f.tags[order] = (para_new, default_season)
                            order += 1
            section = []
        elif len(text) <= 60 and text.rstrip(" \t*")[-1:] not in '.!?"”':
            section = []  # a heading that is not a name ("New faces") ends the previous section
        if len(text) <= 80 and (h := _HEADING_RE.fullmatch(text)) is not None:
            for raw in (h.group("a"), h.group("b")):
                if raw and (name := clean_name(raw)):
                    f.headings.add(norm_key(name))
                    f.headings.add(norm_key(name_words(name)[0]))
            section = _heading_names(h)
        if len(text) <= 80 and text.rstrip(" \t*")[-1:] not in '.!?"”':
            entry = _GALLERY_ENTRY_RE.fullmatch(text)
            f.entry = clean_name(entry.group("n")) if entry else ""
            f.entry = f.entry if is_full_name(f.entry) else ""
        if (m := _BYLINE_RE.match(text)) and len(text) <= 80:
            name = clean_name(m.group("n"))
            if is_full_name(name):
                f.people.append((name, "writer", order))
        if (" and " in text or " & " in text) and _shared_surname_hint(text):
            for m in _SHARED_SURNAME_RE.finditer(text):
                for first in (m.group("a"), m.group("b"), m.group("c")):
                    if first and not is_stop(first) and not is_stop(m.group("sur")):
                        f.shared_surnames.add(norm_key(f"{first} {m.group('sur')}"))
        if '"' in text or "”" in text or "“" in text:
            for m in _quote_speakers(text):
                g = m.groupdict()
                if name := clean_name(g.get("a") or g.get("b") or g.get("c")):
                    f.quoted_speakers.add(name)
        text = _DISCOURSE_ASIDE_RE.sub(_blank, heading_as_prose(text))
        prev_sentence = ""
        scan_sentences = _has(text, _ANY_HINTS) or _has(text.lower(), _ROLE_HINTS)
        for start, end in sentence_spans(text):
            s = text[start:end]
            sentence_no += 1
            # the two people the previous sentence named together, if it named exactly one such pair
            couple = last_couple if last_couple_at == sentence_no - 1 else None
            if " and " in s or " & " in s:
                couples = [
                    (a, b)
                    for m in _COUPLE_RE.finditer(s)
                    if is_full_name(a := clean_name(m.group("a")))
                    and is_full_name(b := clean_name(m.group("b")))
                ]
                if len(couples) == 1:
                    last_couple, last_couple_at = couples[0], sentence_no
            if _POSITIONAL_CUE_RE.search(s):
                f.sentences.append((s, (para.index, start), (para_new, default_season), elsewhere_para))
            if scan_sentences and (_has(s, _SENTENCE_HINTS) or _has(s.lower(), _ROLE_HINTS)):
                order = _scan_sentence(
                    s,
                    prev_sentence,
                    (para.index, start),
                    sentence_no,
                    order,
                    f,
                    (para_new, default_season),
                    elsewhere_para,
                    couple,
                )
            prev_sentence = s
    _kinship_names(paragraphs, f)
    _production_names(paragraphs, f)
    return f


_KIN_TITLES = frozenset("aunt auntie uncle nana grandma grandad".split())
_MAX_KIN_NAMES = 20  # bounds the extra passes over the article


def _production_names(paragraphs: list[Paragraph], f: CastFindings) -> None:
    for para in paragraphs:
        if not _has(para.text, _PRODUCTION_NAMED_HINTS):
            continue
        for m in _production_named(para.text):
            prod = clean_name(m.group("prod"))
            if prod and not _own_title(prod) and not _own_title(m.group("prod")):
                f.productions.add(norm_key(prod))
    for p in f.parens:  # the other side of "Ana Lopez (Lowtide)" is an actor
        for name, other in ((p.a, p.b), (p.b, p.a)):
            if norm_key(other) in f.productions and norm_key(name) not in f.productions:
                if is_full_name(name):
                    f.actor_cues.add(name)


def _kinship_names(paragraphs: list[Paragraph], f: CastFindings) -> None:
    """Record the bare name of each kinship-titled role the article also writes without its title."""
    titled: set[str] = set()
    for r in (*f.pairs, *f.guarded, *f.labelled, *f.is_pairs, *f.epithet, *f.possessive):
        titled.add(r.character)
    for p in f.parens:
        titled |= {p.a, p.b}
    kin = [c for c in titled if split_title(c)[0].rstrip(".").lower() in _KIN_TITLES][:_MAX_KIN_NAMES]
    for char in kin:
        bare = split_title(char)[1]
        # a capitalised title only: "Nick's aunt Diane" names her plain Diane
        titles = "|".join(sorted(t.capitalize() for t in _KIN_TITLES))
        pattern = re.compile(rf"(?<![\w'’])(?P<t>(?:{titles})\.?{SP})?{re.escape(bare)}(?!\w)")
        if any(m.group("t") is None for p in paragraphs for m in pattern.finditer(p.text)):
            f.kin_bare[char] = bare


# A title named as a production: a genre noun after a broadcaster or possessive ("the BBC Three drama X",
# "RTÉ's crime drama The X", "Netflix's film X") or "in <owner>'s X" ("her turn in Channel 4's X").
_GENRE = r"(?:drama|series|sitcom|comedy|thriller|soap|musical|film|movie|miniseries|documentary|anthology)"
_PRODUCTION_NAMED_RE = re.compile(
    rf"(?:(?<![\w'’])[{UPPER}0-9][\w&]*(?:['’]s)?{SP}(?:[a-z\-]+{SP}){{0,2}}{_GENRE}"
    rf"|\b[Ii]n{SP}(?:{TOKEN}{SP})?[\w&]+['’]s)"
    rf"{SP}(?P<prod>(?:The{SP})?{NAME})"
)
# Its two alternatives apart, each opening with a character class the regex engine skips ahead to (the
# alternation, opening with a look-behind and a word boundary, tries every position); see _production_named.
_PRODUCTION_GENRE_RE = re.compile(
    rf"[{UPPER}0-9](?<![\w'’].)[\w&]*(?:['’]s)?{SP}(?:[a-z\-]+{SP}){{0,2}}{_GENRE}"
    rf"{SP}(?P<prod>(?:The{SP})?{NAME})"
)
_PRODUCTION_IN_RE = re.compile(
    rf"[Ii](?<!\w.)n{SP}(?:{TOKEN}{SP})?[\w&]+['’]s{SP}(?P<prod>(?:The{SP})?{NAME})"
)
# Their ends: a genre word or a possessive, then the title's capital (a pattern opening with a literal, which
# the regex engine skips ahead to): where these find nothing, the costlier patterns cannot match.
_PRODUCTION_GENRE_HINT_RE = re.compile(rf"{_GENRE}{SP}[{UPPER}]")
_PRODUCTION_IN_HINT_RE = re.compile(rf"['’]s{SP}[{UPPER}]")


def _production_named(text: str) -> list[re.Match]:
    """The matches of _PRODUCTION_NAMED_RE.finditer(text), its two alternatives searched apart."""
    genre_on = _PRODUCTION_GENRE_HINT_RE.search(text) is not None
    in_on = _PRODUCTION_IN_HINT_RE.search(text) is not None
    return _merged_search(text, _PRODUCTION_GENRE_RE, genre_on, _PRODUCTION_IN_RE, in_on)


# The most frequent first: the test stops at the first one found.
_PRODUCTION_NAMED_HINTS = ("'s ", "’s ", " series ", " film ", " drama ", " sitcom ", " comedy ",
    " thriller ", " soap ", " movie ", "musical ", "miniseries ", " documentary ", "anthology ")  # fmt: skip


# "seen in BBC's Grime Kids as Tyrone", "in the Netflix film X as Y": the name before "as" is a production.
_PRODUCTION_BEFORE_RE = re.compile(
    rf"\b(?:[Ii]n|[Oo]n|[Ff]rom)(?:{SP}the)?(?:{SP}(?:19|20)\d\d)?(?:{SP}(?:{TOKEN}|[A-Z]{{2,5}})['’]s?)?"
    rf"(?:{SP}(?:hit|new|film|movie|series|show|drama|sitcom|musical|play|soap|biopic|thriller|cartoon"
    rf"|franchise|miniseries|comedy|adaptation|period|crime|animated)){{0,2}}{SP}$"
)


def _dash_lines(text: str) -> list[re.Match]:
    """The cast-block entries of a paragraph: one "Actor — Character" line, or consecutive lines joined at
    a billing "with"/"and" ("Chris Ode — Coach Hale with Ann Lee — Jane Spring"). All or none."""
    if len(text) > 240 or "(" in text:
        return []
    whole = _dash_entry(text)
    if whole is not None:
        return [whole]
    if " with " not in text and " and " not in text:
        return []
    out = [_dash_entry(piece) for piece in _BILLING_SPLIT_RE.split(text)]
    return [m for m in out if m is not None] if len(out) > 1 and None not in out else []


# A magazine's credit block ("Words: Ana Lopez", "Photography: Rosa Reyes"): the label
# is a job on the shoot, not a role.
_CREDIT_LABELS = frozenset(
    """words text interview interviews photography photographs photographer photos pictures images styling
    stylist fashion hair makeup make-up grooming illustration illustrations video production editor design
    art direction casting set""".split()
)


def _dash_entry(piece: str) -> re.Match | None:
    billed = _BILLING_RE.match(piece)
    line = _DASH_LINE_RE.fullmatch(piece, billed.end() if billed else 0) if len(piece) <= 120 else None
    if line and line.group("a").strip(" \t*").lower() in _CREDIT_LABELS:
        return None
    return line if line and bool(line.group("a2")) == bool(line.group("b2")) else None


def _heading_names(h: re.Match) -> list[str]:
    """The character names of a cast-guide heading ("Jane and Julio Spring" shares the family name); none
    when a part is not a character's name ("Film Review", "Netflix Original", a lone unknown "Grace")."""
    raws = [r for r in (h.group("a"), h.group("b")) if r]
    names = [clean_name(r) for r in raws]
    if not all(names) or any(" ".join(r.split()) != n for r, n in zip(raws, names, strict=True)):
        return []
    if len(names) == 2 and len(name_words(names[0])) == 1 and not split_title(names[0])[0]:
        if len(name_words(names[1])) == 2:
            names[0] = f"{names[0]} {name_words(names[1])[-1]}"
    if all(is_full_name(n) or split_title(n)[0] or n.lower() in CHARACTER_HINTS for n in names):
        return names
    return []


def _production_before(s: str, pos: int) -> bool:
    return _PRODUCTION_BEFORE_RE.search(s[max(0, pos - 60) : pos]) is not None


def _comma_clause_after(chars: str, n: int) -> bool:
    """The list of roles has a comma (no "and") after its n-th name: what follows starts a new clause."""
    seps = list(_LIST_SPLIT_RE.finditer(chars))
    return len(seps) >= n and seps[n - 1].group(0).strip() == ","


# "as" before a name makes it a role, unless the "as" joins a list ("as well as", "such as").
_ROLE_VERBS = frozenset(
    "plays play played playing portrays portray portrayed portraying voices voiced".split()
)
_ROLE_BEFORE_NAME_RE = re.compile(r"(?<![\w'’])(?<!well )(?<!such )as[ \t]+$")


def _prev_word(s: str, pos: int) -> str:
    words = s[max(0, pos - 40) : pos].split()
    return words[-1] if words else ""


# Cheap substring tests that let a sentence skip the patterns it cannot match (keeps extraction fast).
_PLAYED_BY_HINTS = (
    "played by",
    "portrayed by",
    "life by",
    "embodied by",
    "essayed by",
    "voiced by",
    "ed with ",
    "again by",
    "more by",
)
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
# The hints most frequent in news text, tested first: a hint test stops at the first one found.
_COMMON_HINTS = ("eartstopper", " show", "show", " is ", "'s ", "’s ", "cast", "star", " series", "series",
    " as ", "(", "creat", "produc", "novel", " drama", "drama", "direct", "actor")  # fmt: skip


def _cheapest(hints: tuple[str, ...]) -> tuple[str, ...]:
    """The same test as _has(text, hints), in fewer, better-ordered steps: a hint that holds another is found
    only where that one is, so it is dropped; the common ones come first."""
    kept = [h for h in dict.fromkeys(hints) if not any(o != h and o in h for o in hints)]
    rank = {h: i for i, h in enumerate(_COMMON_HINTS)}
    return tuple(sorted(kept, key=lambda h: rank.get(h, len(rank))))


# Every sentence-level pattern needs one of these somewhere in the paragraph.
_ANY_HINTS = (
    " as ", "As ", "play", "portray", "life by", "embodied by", "essayed by",
    "role of", "voic", "(", "star", "actor", "actress", "newcomer", "cast",
    "eartstopper", "direct", "wrote", "writes", "written", "creat", "penned", "pens", "produc", "illustrat",
    "compos", "novel", "book", "comic", "spoke", "speaking", "talk", "chat", "sat down", "interviewed",
    " is ", " series", " show", " drama", "aka ", "AKA ", "a.k.a", "'s ", "’s ", " call", "part of",
    ", whose ",
)  # fmt: skip


# A sentence of a paragraph that passed _ANY_HINTS is scanned only if it holds the trigger of some pattern
# itself (each pattern's own hints are a subset of these), so skipping the others loses nothing.
_SENTENCE_HINTS = _cheapest(
    (*_ANY_HINTS, "'s ", "’s ", "appear", "featur", "acted", "acts ", "series", "show", "drama")
)
_ANY_HINTS = _cheapest(_ANY_HINTS)

# Necessary parts of the costliest sentence patterns, found with a pattern that opens with a literal or a
# character class (the regex engine jumps to those): when one finds nothing, its pattern cannot match either,
# so the pattern (which tries a name at every capital letter) is skipped.
# _PLAYS_RE and _PLAYS_REF_RE: the verb of _PLAY_VERB, without the optional words that may open its last
# alternative ("reprises her role as" holds "her role as").
_PLAY_VERB_PREFIX = rf"(?:(?!(?:and|or|but)\b)[a-z]+{SP}){{0,3}}(?:his|her|their)"
assert _PLAY_VERB.count(_PLAY_VERB_PREFIX) == 1
_PLAY_VERB_HINT_RE = re.compile(_PLAY_VERB.replace(_PLAY_VERB_PREFIX, "(?:his|her|their)"))


def _alternatives(group: str) -> list[str]:
    """The top-level alternatives of a pattern written as one group, "(?P<name>a|b|(?:c|d)e)"."""
    inner = group[group.index(">") + 1 : -1]
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(inner):
        c = inner[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append(inner[start:i])
            start = i + 1
        i += 1
    out.append(inner[start:])
    assert "|".join(out) == inner and all(out)
    return out


# _PLAY_VERB_HINT_RE only decides whether it matches somewhere, so its alternatives may be searched apart:
# each opens with a literal the regex engine skips ahead to (the alternation tries every position). The
# plain words ("plays", "portrayed") are found by the "play"/"portray" substring test, and an optional
# opening ("joins in the role of") cannot decide whether the rest matches somewhere.
_JOIN_OPENING = rf"(?:(?:joins|join|joined|joining){SP})?"
_PLAY_VERB_HINT_PARTS = tuple(
    re.compile(a.removeprefix(_JOIN_OPENING))
    for a in _alternatives(_PLAY_VERB_HINT_RE.pattern)
    if not (a.isalpha() and ("play" in a or "portray" in a))
)
assert sum(p.pattern.startswith("(?:in|for)") for p in _PLAY_VERB_HINT_PARTS) == 1


def _play_verb_hint(s: str) -> bool:
    """_PLAY_VERB_HINT_RE.search(s) is not None, faster."""
    if "play" in s or "portray" in s:
        return True
    for part in _PLAY_VERB_HINT_PARTS:
        if part.search(s) is not None:
            return True
    return False


# _LIST_AS_RE and _LIST_PAREN_AS_RE: the verb, then at least two roles ("as Tara Jones and D..."), as the
# end of _LIST_AS_RE (every verb of its own ends in "as", "play(s)" or "portray(s)").
_LIST_AS_HINT_RE = re.compile(
    rf"[ \t\u00a0](?:as|plays?|portrays?){_GROUP}{SP}(?:{_DESC},?{SP})?{CHAR}(?:{_LIST_SEP}{CHAR}){{1,6}}"
    rf"(?=[ \t]*(?:[.,;:)!?]|$)|{SP}(?!(?:as|star|stars|actor|actress|actors)\b)[a-z])"
)
# _AS_RE: a capitalised word right before "as" (its actor's last name).
_AS_HINT_RE = re.compile(rf"{TOKEN}{SP}as{SP}")
# _POSSESSIVE_PAIR_RE: "Name's Character"; _REVIEW_POSSESSIVE_RE: "Name's ...".
_POSSESSIVE_HINT_RE = re.compile(rf"{TOKEN}['’]s{SP}")
_POSSESSIVE_PAIR_HINT_RE = re.compile(rf"{TOKEN}['’]s{SP}[{UPPER}]")
# _APPOS_CHAR_RE: "... in the Netflix series".
_APPOS_CHAR_HINT_RE = re.compile(_IN_THE_SERIES)
# _ROLE_AFTER_RE: "Name, the/a/an/our ..." (the comma and the article after the name).
_ROLE_AFTER_HINT_RE = re.compile(rf"{_ROLE_AFTER_LEAD}{SP}")
# _ACTOR_CREDIT_RE: "starred in", "appears opposite".
_ACTOR_CREDIT_HINT_RE = re.compile(_CREDIT_VERB)
# _SHARED_SURNAME_RE: its end, "and Julio Spring" (a paragraph pattern: it tries a name at every capital).
_SHARED_SURNAME_HINT_RE = re.compile(rf"(?:and|&){SP}{TOKEN}{SP}{TOKEN}(?![\w'’]|{SP}{TOKEN})")
# Its two alternatives apart, each opening with a literal the regex engine skips ahead to.
_SHARED_SURNAME_TAIL = _SHARED_SURNAME_HINT_RE.pattern.removeprefix("(?:and|&)")
assert _SHARED_SURNAME_TAIL != _SHARED_SURNAME_HINT_RE.pattern
_SHARED_SURNAME_AND_HINT_RE = re.compile("and" + _SHARED_SURNAME_TAIL)
_SHARED_SURNAME_AMP_HINT_RE = re.compile("&" + _SHARED_SURNAME_TAIL)


def _shared_surname_hint(text: str) -> bool:
    """_SHARED_SURNAME_HINT_RE.search(text) is not None, faster."""
    if _SHARED_SURNAME_AND_HINT_RE.search(text) is not None:
        return True
    return "&" in text and _SHARED_SURNAME_AMP_HINT_RE.search(text) is not None


_CONTEXT = 160
# Index priority at which a name counts as a known person (see ingest.extract).
_PERSON_PRIORITY = 3


def _has(text: str, hints: tuple[str, ...]) -> bool:
    # A plain loop of substring tests: cheaper than any(<generator>) and than a regex alternation.
    for h in hints:
        if h in text:
            return True
    return False


def _without_opener(items: list[str]) -> list[str]:
    return items[1:] if len(items) > 2 and not items[0] else items


def _scan_sentence(
    s: str,
    prev: str,
    at: tuple[int, int],
    sentence_no: int,
    order: int,
    f: CastFindings,
    para_ctx: tuple[bool, int | None] = (False, None),
    elsewhere_para: bool = False,
    couple: tuple[str, str] | None = None,
) -> int:
    # Characters already claimed by an explicit pattern (a bytearray keeps the check O(1) on huge input).
    claimed = bytearray(len(s) + 1)
    other_channel = on_other_channel(s)
    para_new, default_season = para_ctx
    seasons: list[tuple[int, int]] | None = None
    cues: list[re.Match] = []

    def tag(n: int, start: int, end: int, desc: str | None = None) -> None:
        nonlocal seasons, cues
        if seasons is None:  # once per sentence, and only for sentences that hold a pair
            seasons = season_mentions(s)
            cues = list(_PAIR_CUE_RE.finditer(s))
        season = _season_at(seasons, start) if seasons else default_season
        f.tags[n] = (_newness(cues, start, end, para_new, desc), season)
        if elsewhere_para or _elsewhere_pair(s, start) or other_channel or _in_which_other(s, start):
            f.elsewhere.add(n)
        elif (t := _APPOS_THEN_TITLE_RE.match(s, end)) is not None and not _own_title(t.group("prod")):
            f.elsewhere.add(n)

    def covered(pos: int) -> bool:
        return bool(claimed[pos])

    def context(pos: int) -> str:
        """The text just before `pos` (with the previous sentence), bounded so long input stays linear."""
        return prev[-_CONTEXT:] + " " + s[max(0, pos - _CONTEXT) : pos]

    def add(
        actor_raw: str,
        char_raw: str,
        desc: str | None,
        m: re.Match,
        char_end: int,
        ref: bool = False,
        guarded: bool = False,
    ) -> None:
        nonlocal order
        actor, char = ("" if ref else clean_name(actor_raw)), clean_name(char_raw)
        if (not actor and not ref) or not _char_ok(char) or norm_key(actor) == norm_key(char):
            return
        if s[char_end : char_end + 2] in ("'s", "’s"):
            return  # "plays Charlie's ..." : Charlie is the possessor, not the role
        if split_title(actor)[0]:
            return  # "Mr. Farouk" is never the actor
        if _JOB_TITLE_RE.match(char_raw) or (
            " " not in char and _JOB_TAIL_RE.match(s, char_end)  # not "Mr. Farouk of Truham"
        ):
            return  # "hired as Creative Director", "joins as Head of Casting", "cameos as Himself"
        (f.guarded if guarded else f.pairs).append(
            _Raw(actor, char, desc, order, at=(at[0], at[1] + m.start()))
        )
        tag(order, m.start(), m.end(), desc)
        if actor:
            f.actor_cues.add(actor)
        start, end = m.span()
        if not claimed[start]:
            claimed[start:end] = b"\x01" * (end - start)
        order += 1

    has_as = " as " in s
    has_play = _has(s, _PLAY_HINTS)

    def take_list(m: re.Match) -> bool:
        """Pair a list match's actors and roles; False when it is no paired list."""
        before = _prev_word(s, m.start())
        if (
            (
                (before == "as" and _ROLE_BEFORE_NAME_RE.search(s, max(0, m.start() - 40), m.start()))
                # "Ana Lopez, who plays Elle Argent, Leo Marsh as Tao Xu": the first name is a role
                or before in _ROLE_VERBS
            )
            or (
                before[:1].isupper()
                and not is_stop(before)
                and not before.endswith(":")  # "Caption: Kit Connor and Joe Locke as ..."
                # "Dev Rao as Isaac, Mia Chen and Lia Kim as Nadia and Tara": after a pair's role and a comma
                and not (before.endswith(",") and _AFTER_PAIR_RE.search(s, max(0, m.start() - 90), m.start()))
            )
        ):
            return False  # the list would start inside another pair or name
        bare = _AGE_RE.sub("", _PICTURED_RE.sub("", m.group("actors")))
        actors = [clean_name(x) for x in _LIST_SPLIT_RE.split(bare)]
        chars = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("chars"))]
        # "Meanwhile, Tara and Darcy, played by ...": a sentence opener is no list item
        actors, chars = _without_opener(actors), _without_opener(chars)
        lverb = (m.groupdict().get("lverb") or "as").split()[0]
        if lverb.endswith("s") and lverb != "as":
            return False  # "Diane, Eddie Marsan plays Geoff": one subject per singular verb, not a list
        if len(chars) == len(actors) + 1 and _NEXT_CLAUSE_VERB_RE.match(s, m.end()):
            chars = chars[:-1]  # "... play Tara and Darcy, and Ana Lopez plays Rosa"
        if len(chars) > len(actors) >= 2 and _comma_clause_after(m.group("chars"), len(actors)):
            chars = chars[: len(actors)]  # "A and B are back as C and D, E returns as F"
        if len(actors) != len(chars) or not all(actors) or not all(chars) or _other_production(s, m.end()):
            return False
        desc = _desc_of(m, context(m.start("chars"))) if "desc" in m.re.groupindex else None
        if desc and (plural := _PLURAL_RELATION_RE.search(desc)) is not None:
            desc = desc[: plural.end() - 1]  # "Charlie's parents, Jane and Julio": each a parent
        for actor, char in zip(actors, chars, strict=True):
            add(actor, char, desc, m, m.end())
        return True

    has_list = (has_as or has_play) and _LIST_AS_HINT_RE.search(s) is not None
    pos = 0
    while has_list and (m := _LIST_AS_RE.search(s, pos)) is not None:
        if take_list(m):
            pos = m.end()
        else:
            # a list may start at a later name of this one ("Rosa Reyes, Dev Rao as Isaac, Mia Chen and
            # Lia Kim as Nadia and Tara"): retry from the second name on
            sep = _LIST_SPLIT_RE.search(m.group("actors"))
            pos = m.start("actors") + (sep.end() if sep else len(m.group("actors")))
    if couple is not None and (m := _PAIR_REF_RE.match(s)) is not None and not _other_production(s, m.end()):
        chars = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("chars"))]
        if all(chars) and not covered(m.start("chars")):
            for actor, char in zip(couple, chars, strict=True):
                add(actor, char, None, m, m.end())
    for m in _LIST_PAREN_AS_RE.finditer(s) if has_list and ", as " in s else ():
        take_list(m)
    for m in (
        _LIST_AKA_RE.finditer(s)
        if ", aka " in s or ", AKA " in s or ", a.k.a" in s or ", whose " in s
        else ()
    ):
        take_list(m)
    for m in _LIST_PLAYED_BY_RE.finditer(s) if " by " in s and ("played" in s or "portrayed" in s) else ():
        take_list(m)
    for m in _AWARD_AS_RE.finditer(s) if has_as and " for " in s else ():
        actor = clean_name(m.group("actor"))
        if is_full_name(actor) and not covered(m.start("char")) and not _other_production(s, m.end("char")):
            add(actor, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _WHO_IS_TO_RE.finditer(s) if ", who is " in s else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if is_full_name(actor) and char and name_words(char)[0].lower() in CHARACTER_HINTS:
            if not covered(m.start("char")) and not split_title(char)[0]:
                add(actor, m.group("char"), None, m, m.end("char"), guarded=True)
    for m in _CALLED_RE.finditer(s) if " call" in s else ():
        char = clean_name(m.group("char"))
        if not char or name_words(char)[0].lower() not in CHARACTER_HINTS or covered(m.start("char")):
            continue
        # "him" is the sentence's one named person before it ("Joe Locke is explaining why ... call him")
        names = {
            n
            for x in _FULL_NAME_RE.finditer(s, max(0, m.start() - 200), m.start())
            if is_full_name(n := clean_name(x.group(0)))
        }
        if len(names) == 1 and not _QUOTE_CHARS_RE.search(s, max(0, m.start() - 200), m.start()):
            add(names.pop(), m.group("char"), None, m, m.end("char"), guarded=True)
    for m in _AUDITION_RE.finditer(s) if " for the " in s else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if is_full_name(actor) and _char_ok(char) and not covered(m.start("char")):
            if not _other_production(s, m.end("char")) and not split_title(actor)[0]:
                f.auditions.append(_Raw(actor, char, None, order, False, (at[0], at[1] + m.start())))
                f.actor_cues.add(actor)  # whoever auditions is an actor
                tag(order, m.start(), m.end())
                order += 1
    for m in _BACK_AS_ASIDE_RE.finditer(s) if has_as and ("– " in s or "— " in s) else ():
        if is_full_name(clean_name(m.group("actor"))) and not covered(m.start("char")):
            if not _other_production(s, m.end("char")):
                add(
                    m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char")
                )
    for m in _AS_EVER_AS_RE.finditer(s) if " as ever as " in s or " as always as " in s else ():
        if is_full_name(clean_name(m.group("actor"))) and not covered(m.start("char")):
            if not _other_production(s, m.end("char")):
                desc = _desc_of(m, context(m.start("char")))
                add(m.group("actor"), m.group("char"), desc, m, m.end("char"))
    for m in _OPPOSITE_AS_RE.finditer(s) if has_as and " opposite " in s else ():
        actor = clean_name(m.group("actor"))
        if (
            is_full_name(actor)
            and not covered(m.start("char"))
            and not _other_production(s, m.end("char"))
            and not _production_before(s, m.start())
        ):
            add(actor, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    if s.lstrip(' \t"“').startswith("As ") and (m := _INVERTED_AS_RE.match(s)) is not None:
        if is_full_name(clean_name(m.group("actor"))) and not _production_before(s, m.start("char")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    if s.lstrip(' \t"“')[:1] in "RPTS" and (m := _LEADING_ROLE_RE.match(s)) is not None:
        if is_full_name(clean_name(m.group("actor"))) and not _other_production(s, m.end("actor")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    famous_at: set[int] = set()  # where a subject famous for one of our roles starts
    for m in _FAME_AS_RE.finditer(s) if has_as and _has(s, _FAME_HINTS) else ():
        actor = "" if m.group("ref") else clean_name(m.group("actor"))
        char = clean_name(m.group("char"))
        # "Connor first found fame as Nick Nelson": a surname alone, resolved in build_cast
        surname = (
            " " not in actor and actor.lower() not in CHARACTER_HINTS and not split_title(actor)[0]
        ) and bool(actor)
        if (m.group("ref") or is_full_name(actor) or surname) and not covered(m.start("char")) and char:
            hinted = name_words(char)[0].lower() in CHARACTER_HINTS and not _other_production(
                s, m.end("char")
            )
            if hinted or (m.group("ours") and not surname):
                famous_at.add(m.start())
                add(actor, m.group("char"), None, m, m.end("char"), ref=bool(m.group("ref")), guarded=True)
    for m in _PRAISE_AS_RE.finditer(s) if has_as and _has(s, _PRAISE_HINTS) else ():
        actor = clean_name(m.group("actor"))
        if is_full_name(actor) and not covered(m.start("char")) and not _other_production(s, m.end("char")):
            add(actor, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _WHO_AS_RE.finditer(s) if has_as and ", who " in s else ():
        if m.start() in famous_at and not _own_production_after(s, m.end("char")):
            continue
        if not covered(m.start("char")) and not _other_production(s, m.end("char")):
            add(m.group("actor"), m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
    for m in _AS_RE.finditer(s) if has_as and _AS_HINT_RE.search(s) else ():
        if covered(m.start("char")) or _other_production(s, m.end("char")):
            continue
        if _production_before(s, m.start()):
            continue  # "starred in Rocketman as Elton John": the name before "as" is a production
        if (
            (tail := _AND_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())) is not None
            and not covered(tail.start())
            and _LIST_AFTER_ROLE_RE.match(s, m.end("char")) is not None
        ):
            continue  # one name of an unpaired list of actors, and one role of a list of roles
        desc = _desc_of(m, context(m.start("char")))
        if desc is None and (ap := _APPOSITIVE_RE.match(s, m.end("char"))):
            desc = _description(None, ap.group("desc"), "")
        add(m.group("actor"), m.group("char"), desc, m, m.end("char"))
    for m in _COMMA_AS_RE.finditer(s) if has_as and ", as " in s else ():
        actor = clean_name(m.group("actor"))
        if (
            not is_full_name(actor)
            or covered(m.start("char"))
            or _other_production(s, m.end("char"))
            or _production_before(s, m.start())
            or (  # "Jo Bell and Sam Oak, as Tara and ...": a list, paired by _LIST_PAREN_AS_RE or not at all
                (tail := _LIST_TAIL_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())) is not None
                and not covered(tail.start())
            )
        ):
            continue
        add(actor, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"), guarded=True)
    has_verb = has_play and _play_verb_hint(s)
    plays = list(_PLAYS_RE.finditer(s)) if has_verb else []
    if has_verb and _has(s, _REF_HINTS):
        plays += _PLAYS_REF_RE.finditer(s)
    for m in plays:
        verb = m.group("verb")
        if (ref := m.group("ref") or "")[:4] in ("The ", "the ") and ref[4:5].isupper():
            # "The Doctor Who star, who plays Elle": only under a gallery entry that names its one person
            if f.entry and not covered(m.start("char")) and not _other_production(s, m.end("char")):
                add(f.entry, m.group("char"), _desc_of(m, context(m.start("char"))), m, m.end("char"))
            continue
        if covered(m.start("char")) or verb.startswith("voic") or _other_production(s, m.end("char")):
            continue
        if not m.group("ref") and _SHOWS_ROLE_BEFORE_RE.search(s, max(0, m.start() - 30), m.start()):
            continue  # "Jo Bell, the show's Elle Argent, took on the role of ...": Elle is no actor
        if m.start() in famous_at and not _own_production_after(s, m.end("char")):
            continue  # "X, who shot to fame as Elle in Heartstopper, plays Rose in the specials": not ours
        if not m.group("ref") and _production_before(s, m.start()):
            continue  # "his turn as Terry in Ray Donovan, plays Geoff": Ray Donovan is a production
        if not m.group("ref") and _ROLE_BEFORE_NAME_RE.search(s, max(0, m.start() - 40), m.start()):
            continue  # "Jo Bell, best known as Lord Ash, also plays X": a role is no actor (the aside pairs)
        if (
            not m.group("ref")
            and not verb.split()[0].endswith("s")
            and (tail := _LIST_TAIL_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())) is not None
            and not covered(tail.start())
        ):
            continue  # "Jo Bell and Sam Oak return as Tara's parents, Nadia": whose role is unknown
        desc = _desc_of(m, context(m.start("char")))
        if desc is None and (ap := _APPOSITIVE_RE.match(s, m.end("char"))):
            desc = _description(None, ap.group("desc"), "")  # "will play Diane, Nick's aunt"
        add(m.group("actor") or "", m.group("char"), desc, m, m.end("char"), ref=bool(m.group("ref")))
    for m in _ASIDE_RE.finditer(s) if (has_as or has_play) and _has(s, _ASIDE_HINTS) else ():
        actor = clean_name(m.group("actor"))
        if (
            not is_full_name(actor)
            or covered(m.start("char"))
            or (m.group("aside4") and _CHAR_RE.fullmatch(m.group("aside4").strip()))  # "Actor (Role)"
            or _production_before(s, m.start())
            or (  # "Jo Bell and Sam Oak, both 30, return as ...": a shared verb, whose role is unknown
                (tail := _LIST_TAIL_BEFORE_RE.search(s, max(0, m.start() - 60), m.start())) is not None
                and not covered(tail.start())
            )
            or _other_production(s, m.end("char"))
            or (
                _ASIDE_AFTER_RE.match(s, m.end("char")) is None
                and not (m.group("gap") and _GAP_VERB_RE.fullmatch(m.group("gap") + "as"))
            )
            or (m.start() in famous_at and not _own_production_after(s, m.end("char")))
        ):
            continue
        desc = _desc_of(m, context(m.start("char")))
        if desc is None and (ap := _APPOSITIVE_RE.match(s, m.end("char"))):
            desc = _description(None, ap.group("desc"), "")
        if desc is None and (ap := _PAREN_APPOSITIVE_RE.match(s, m.end("char"))):
            desc = " ".join(ap.group("desc").split())  # "as Sam Price, a TV presenter,"
        add(actor, m.group("char"), desc, m, m.end("char"), guarded=True)
    for m in _AKA_RE.finditer(s) if _has(s, _AKA_HINTS) else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        # a first name alone ("Joe - aka Charlie Spring -") is kept when it is no stop word; build_cast keeps
        # it only when it names someone the article treats as a person
        if (is_full_name(actor) or not is_stop(actor)) and not set(name_words(actor)) & set(name_words(char)):
            add(actor, m.group("char"), None, m, m.end("char"), guarded=True)
    selves = list(_SELF_RE.finditer(s)) if ("self," in s or "selves," in s) else []
    if (
        prev.rstrip().endswith("you?")
        and (you := _IS_THAT_YOU_RE.fullmatch(prev))
        and (n := _FULL_NAME_RE.match(s))
    ):
        selves.append(n)  # "Tao Xu, is that you? Jo Bell went ...": the previous sentence names the role
    for m in selves:
        # "Imogen Heaney herself, Jo Bell": the show's own character only (a caption's "Elvis Presley, is
        # that you?" compares a look to a star)
        actor = clean_name(m.group("actor") if m.re is _SELF_RE else m.group(0))
        char_raw = m.group("char") if m.re is _SELF_RE else you.group("char")
        char = clean_name(char_raw)
        if is_full_name(actor) and char and name_words(char)[0].lower() in CHARACTER_HINTS:
            if not covered(m.start()) and not split_title(actor)[0] and not split_title(char)[0]:
                add(actor, char_raw, None, m, m.end(), guarded=True)
    for m in _EPITHET_RE.finditer(s) if _has(s, _EPITHET_HINTS) else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        before = _prev_word(s, m.start())
        if (
            is_full_name(actor)
            and _char_ok(char)
            and char == " ".join(m.group("char").split())  # "Doctor Who star": no stop word trimmed
            and not (before[:1].isupper() and not is_stop(before))  # the name must start at "char"
            and not before.endswith(("'s", "’s"))
            and not covered(m.start("char"))
        ):
            f.epithet.append(_Raw(actor, char, None, order, strong=False, at=(at[0], at[1] + m.start())))
            tag(order, m.start(), m.end())
            order += 1
    for m in _PLAYING_OURS_RE.finditer(s) if "eartstopper" in s and "ing " in s else ():
        if covered(m.start("char")):
            continue
        actor = None
        for n in _FULL_NAME_RE.finditer(s, max(0, m.start() - 120), m.start()):
            if is_full_name(name := clean_name(n.group(0))):
                actor = (name, n)
        if actor is not None and not _QUOTE_CHARS_RE.search(s, actor[1].end(), m.start()):
            add(actor[0], m.group("char"), None, actor[1], m.end("char"), guarded=True)
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
    for m in _POSSESSIVE_LIST_RE.finditer(s) if has_possessive and " and " in s else ():
        actors = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("actors"))]
        chars = [clean_name(x) for x in _LIST_SPLIT_RE.split(m.group("chars"))]
        if len(actors) != len(chars) or not all(map(is_full_name, actors)) or not all(map(_char_ok, chars)):
            continue
        if _prev_word(s, m.start()) in ("as", "in") or covered(m.start("chars")):
            continue
        # each pair needs the same support as a single "Name's Character" (build_cast)
        for actor, char in zip(actors, chars, strict=True):
            f.possessive.append(_Raw(actor, char, None, order, strong=False, at=(at[0], at[1] + m.start())))
            tag(order, m.start(), m.end())
            order += 1
        claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    pair_hint = has_possessive and _POSSESSIVE_PAIR_HINT_RE.search(s) is not None
    for m in _SHOWS_ROLE_RE.finditer(s) if (", the " in s or ", whose " in s) else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if actor and _char_ok(char) and not covered(m.start("char")) and not split_title(actor)[0]:
            # same support as "Name's Character" (build_cast): "Oseman, whose Nick ..." is the writer's
            f.possessive.append(_Raw(actor, char, None, order, strong=False, at=(at[0], at[1] + m.start())))
            tag(order, m.start(), m.end())
            order += 1
            claimed[m.start("char") : m.end("char")] = b"\x01" * (m.end("char") - m.start("char"))
    titled = [*_POSSESSIVE_TITLED_RE.finditer(s)] if pair_hint and ("M" in s or "Dr" in s) else []
    for m in (*_POSSESSIVE_PAIR_RE.finditer(s), *titled) if pair_hint else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        # A surname alone ("Locke's Charlie Spring") is resolved and checked in build_cast.
        surname = " " not in actor and actor.lower() not in CHARACTER_HINTS and not split_title(actor)[0]
        if _DIRECTORS_WORK_RE.match(s, m.end("char")) or _prev_word(s, m.start()) == "in":
            continue  # "in Sam Oak's Romeo + Juliet": a director's production, not an actor's role
        if _POSSESSIVE_RUN_NOUN_RE.match(s, m.end("char")):
            continue
        if (is_full_name(actor) or surname) and _char_ok(char) and not covered(m.start("char")):
            # "Ana Lopez's Rosa Reyes, the new girl at Higgs": a full credit with a description of the role
            appos = _PAREN_APPOSITIVE_RE.match(s, m.end("char")) if is_full_name(actor) else None
            desc = " ".join(appos.group("desc").split()) if appos and is_full_name(char) else None
            f.possessive.append(
                _Raw(actor, char, desc, order, strong=desc is not None, at=(at[0], at[1] + m.start()))
            )
            tag(order, m.start(), m.end())
            order += 1
    for m in _REVIEW_POSSESSIVE_RE.finditer(s) if has_possessive else ():
        actor, char = clean_name(m.group("actor")), clean_name(m.group("char"))
        if (
            is_full_name(actor)
            and _char_ok(char)
            and len(name_words(char)) == 1
            and name_words(char)[0].lower() not in CHARACTER_HINTS
            and not split_title(char)[0]
            and not covered(m.start("char"))
        ):
            # "Mia Chen's Nadia struggles": kept only if the article names a character "Nadia <Surname>"
            f.possessive_full.append(
                _Raw(actor, char, m.group("role"), order, False, (at[0], at[1] + m.start()))
            )
            tag(order, m.start(), m.end())
            order += 1
            continue
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
    for m in _PLAYED_BY_RE.finditer(s) if _has(s, _PLAYED_BY_HINTS) else ():
        if _other_production(s, m.end("actor")):
            continue
        before = _prev_word(s, m.start("char"))
        if (
            not m.group("appos")
            and m.group("aux")
            # "It follows Charlie, who is played by Joe Locke": a relative clause on the name itself
            and not m.group("aux").startswith("who")
            and s[m.end("char") : m.end("char") + 1] == ","
            and before.islower()
            # "Tao's mum, Mrs Xu, will be played by": the name is the descriptor's appositive
            and not ((m.group("desc") or m.group("desc2")) and s[: m.start("char")].endswith(", "))
        ):
            continue  # "the teacher who encourages Elle, is played by ...": Elle ends an appositive
        char, char_end = m.group("char"), m.end("char")
        if _prev_word(s, m.start("char")) in ("from", "at"):
            # "Michael Holden, the cheerful, chaotic boy from Solitaire, played by", "the new boy at Higgs
            # played by": a title or a place is never the role; the name the appositive describes is
            head = _APPOS_HEAD_RE.search(s, max(0, m.start("char") - 160), m.start("char"))
            if head is None or covered(head.start("char")) or _other_production(s, m.end("actor")):
                continue
            add(m.group("actor"), head.group("char"), None, m, head.end("char"))
            continue
        if (
            m.group("appos")
            and not m.group("aux")  # "Geoff, the teacher who encourages Elle, is played by": Geoff
            and (tail := _APPOS_TAIL_NAME_RE.search(m.group("appos"))) is not None
            and _prev_word(m.group("appos"), tail.start("char")) != "from"
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

    for m in _PAREN_LIST_RE.finditer(s) if "(" in s and (" and " in s or " & " in s) else ():
        sides = [[clean_name(x) for x in _PAREN_LIST_SPLIT_RE.split(m.group(g))] for g in ("a", "b")]
        if len(sides[0]) != len(sides[1]) or not all(all(side) for side in sides):
            continue
        if _prev_word(s, m.start())[:1].isupper() and not is_stop(_prev_word(s, m.start())):
            continue  # the list would start inside a name
        for side in sides:
            # "Jane and Julio Spring": first names before one family name share it
            words = [name_words(n) for n in side]
            one_name = all(len(w) == 1 for w in words[:-1]) and not any(split_title(n)[0] for n in side)
            if len(words[-1]) == 2 and one_name:
                side[:-1] = [f"{n} {words[-1][-1]}" for n in side[:-1]]
        pairs = list(zip(*sides, strict=True))
        if any(norm_key(a) == norm_key(b) for a, b in pairs):
            continue
        for a, b in pairs:
            f.parens.append(_Paren(a, b, None, None, sentence_no, order, m.start(), m.end()))
            tag(order, m.start(), m.end())
            order += 1
        claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    last: _Paren | None = None
    for m in _PAREN_RE.finditer(s) if "(" in s else ():
        a, b = clean_name(m.group("a")), clean_name(m.group("b"))
        if not a or not b or norm_key(a) == norm_key(b) or _PHOTO_CREDIT_RE.search(m.group("b")):
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
        if m.group("who") and _ACTING_CLAUSE_RE.search(m.group("who")) and is_full_name(b):
            f.actor_cues.add(b)  # who "you might remember as" someone is an actor
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


_ROLE_INTRO = frozenset("as plays play playing played portrays portray portraying portrayed".split())


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
            if _prev_word(s, m.start()) not in _ROLE_INTRO:  # "as Jack Maddox, a TV presenter": a role
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
    p: _Paren,
    actors: set[str],
    actor_tokens: set[str],
    chars: set[str],
    char_tokens: set[str],
    first_names: dict[str, str] | None = None,
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
    # "Nick Nelson (Kit)": a tabloid's first-name reference to a person named in full elsewhere in the
    # article (and no known character) is the actor, outweighing the one-word-is-a-role default
    if first_names:
        for one, other, sign in ((p.b, p.a, -1), (p.a, p.b, 1)):
            owner = first_names.get(one) if len(name_words(one)) == 1 else None
            if owner and owner != other and len(name_words(other)) >= 2 and norm_key(owner) not in chars:
                score += 4 * sign
    score += 1 * (
        (name_words(p.b)[0].lower() in CHARACTER_HINTS) - (name_words(p.a)[0].lower() in CHARACTER_HINTS)
    )
    return score


def _surname_pair(p: _Paren, index: NameIndex) -> tuple[str, str] | None:
    """(full actor name, character) for a one-word "Character (Surname)" / "Surname (Character)"."""
    a, b = name_words(p.a)[0], name_words(p.b)[0]
    words_of = {n: name_words(n) for n in index.persons}
    found = []
    for surname, char in ((b, p.a), (a, p.b)):
        owners = [n for n, w in words_of.items() if w[-1] == surname]
        if (
            len(owners) == 1
            and not any(name_words(char)[0] in w for w in words_of.values())
            and _char_ok(char)
        ):
            found.append((owners[0], char))
    return found[0] if len(found) == 1 else None


def build_cast(
    findings: CastFindings,
    index: NameIndex,
    crew: set[str],
    last_person: Callable[[int, int], str | None] = lambda para, offset: None,
) -> list[CastPair]:
    """Resolve orientation of parentheticals, canonicalise names and dedupe into CastPairs."""
    findings = _drop_other_productions(findings)
    actors = {a for a in findings.actor_cues if is_full_name(a)}
    actor_tokens = {w for a in actors for w in (name_words(a)[-1],)}
    chars = {norm_key(r.character) for r in findings.pairs}
    char_tokens = {name_words(r.character)[0] for r in findings.pairs}

    raws = list(findings.pairs)
    non_cast = {name for name, _role, _ in findings.people}
    # the first name of exactly one person named in full, when it is not a known show character's name
    owners: dict[str, list[str]] = {}
    for n in index.persons:
        w = name_words(n)
        if len(w) == 2 and is_full_name(n) and w[0].lower() not in CHARACTER_HINTS:
            owners.setdefault(w[0], []).append(n)
    first_names = {w: ns[0] for w, ns in owners.items() if len(ns) == 1}
    scores = [_orientation(p, actors, actor_tokens, chars, char_tokens, first_names) for p in findings.parens]
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
        if norm_key(p.a) in findings.productions or norm_key(p.b) in findings.productions:
            continue  # "Ana Lopez (Lowtide)" where the article calls Lowtide a drama: her credit
        if (
            len(name_words(p.a)) == 1
            and len(name_words(p.b)) == 1
            and not (split_title(p.a)[0] or split_title(p.b)[0])
        ):
            # "Charlie (Locke)": one side is the surname of exactly one person named in full elsewhere in the
            # article, the other no part of anyone's name; otherwise ("Nick (Kit)") too little to go on.
            by_surname = _surname_pair(p, index)
            if by_surname is None or by_surname[0] in crew:
                continue
            raws.append(_Raw(*by_surname, p.desc_before or p.desc_after, p.order, strong=False))
            continue
        if not sc:
            sc = (
                by_sentence.get(p.sentence, 0.0) or article_bias or -0.5
            )  # news convention: Character (Actor)
        actor, char = (p.a, p.b) if sc > 0 else (p.b, p.a)
        if split_title(actor)[0]:
            continue
        if len(name_words(actor)) == 1 and len(name_words(char)) >= 2 and actor in first_names:
            actor = first_names[actor]  # "Charlie Spring (Joe)": the one "Joe ..." named in full
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
    for r in findings.epithet:
        # "Tao actor Jo Bell": a one-word show character, or a name the article itself gives a character.
        one_show_name = len(name_words(r.character)) == 1 and r.character.lower() in CHARACTER_HINTS
        key = norm_key(r.character)
        if (one_show_name or key in known_chars or key in findings.headings) and r.actor not in crew:
            if r.actor not in non_cast and index.persons.get(r.character, 0) < _PERSON_PRIORITY:
                raws.append(r)
    for r in findings.labelled:
        # the heading names a character unless the article treats that name as an actor or crew
        people = actors | set(paired_actors) | non_cast | crew
        if r.character not in people and r.actor not in crew:
            raws.append(r)
    for r in findings.guarded:
        char = r.character
        if r.actor and not is_full_name(r.actor):
            # a surname: someone the article names in full as a person, and never a character
            full = index.resolve(r.actor, min_priority=_PERSON_PRIORITY)
            if not full or norm_key(full) in chars:
                continue
            r = _Raw(full, r.character, r.description, r.order, r.strong, r.at)
        if char in actors or char in paired_actors or char in non_cast or char in crew:
            continue
        if index.persons.get(char, 0) >= _PERSON_PRIORITY:
            continue  # "was emotional as Jo Bell, her co-star, spoke": a person, not a role
        raws.append(r)
    for r in findings.possessive:
        if not _name_like(r.actor):
            continue
        if not is_full_name(r.actor):
            # "Locke's Charlie Spring": the surname of someone the article treats as a person, never a
            # character's first name ("Nick's Charlie"), and the character one of the show's own.
            full = index.resolve(r.actor, min_priority=_PERSON_PRIORITY)
            if full is None and (named := index.resolve(r.actor)) is not None:
                # "the chemistry between Locke's Charlie and ...": the surname of someone named in full whom
                # nothing else marks as a person, when that name is no character's ("Spring's Nick" is not)
                w = name_words(named)
                if w[-1] == r.actor and w[0].lower() not in CHARACTER_HINTS and named not in crew:
                    full = named
            show_char = name_words(r.character)[0].lower() in CHARACTER_HINTS
            if not full or norm_key(full) in chars or not show_char:
                continue
            r = _Raw(full, r.character, r.description, r.order, r.strong, r.at)
        if r.actor in crew or r.actor in non_cast or r.character in actors or r.character in paired_actors:
            continue
        if (
            r.actor in actors
            or r.actor in paired_actors
            or norm_key(r.character) in known_chars
            # "Ash Self's Felix": the show's own character names are support enough.
            or name_words(r.character)[0].lower() in CHARACTER_HINTS
            or r.strong  # a full credit with an appositive description of the role
        ):
            raws.append(r)

    people_like = (
        actors | set(paired_actors) | non_cast | crew | {r.actor for r in raws} | findings.quoted_speakers
    )
    by_first = _fuller_by_first(index, people_like)
    for r in findings.possessive_full:
        if (
            _name_like(r.actor)
            and r.actor not in crew
            and r.actor not in non_cast
            and len(by_first.get(r.character, ())) == 1
        ):
            raws.append(r)
    audition_orders = set()
    for r in findings.auditions:
        if r.actor not in crew and r.actor not in non_cast and r.character not in people_like:
            raws.append(r)
            audition_orders.add(r.order)
    raws = _by_position(findings, index, crew, non_cast, raws)
    raws = _family_names(raws, index, findings.shared_surnames)

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
        char = findings.kin_bare.get(r.character, r.character)
        resolved.append(_Raw(actor, char, r.description, r.order, r.strong))
    if audition_orders:
        # an audition counts only when nothing else in the article casts that actor or that role
        cast_actors = {r.actor for r in resolved if r.order not in audition_orders}
        cast_chars = {norm_key(r.character) for r in resolved if r.order not in audition_orders}
        resolved = [
            r
            for r in resolved
            if r.order not in audition_orders
            or (r.actor not in cast_actors and norm_key(r.character) not in cast_chars)
        ]

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
    # A name the article treats as a person counts only when nothing marks it as an actor or crew: a
    # character who "tells" someone something in a review is ranked a person by the speaker cues.
    full_by_first = _fuller_by_first(index, people_like)
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


_CREDITED_BY_RE = re.compile(
    r"\b(?:(?:directed|written|produced|created|adapted)[ \t]+by|in(?:[ \t]+the)?)[ \t]+$"
)
# Before a name, a role verb ("known for playing Peggy Carter") or a production's noun ("the BBC thriller The
# Larkspur Files"): a role or a title, not an actor.
_ROLE_VERB_BEFORE_RE = re.compile(
    r"\b(?:playing|played|plays|play|portraying|portrayed|as|film|movie|series|show|drama|thriller|sitcom"
    r"|comedy|musical|biopic|franchise)(?:[ \t]+The)?[ \t]+$"
)


_SELF_AFTER_RE = re.compile(r"[ \t]+(?:himself|herself|themselves|themself)\b")


def _by_position(
    findings: CastFindings, index: NameIndex, crew: set[str], non_cast: set[str], raws: list[_Raw]
) -> list[_Raw]:
    """`raws` with the pairs the sentences' shapes give (ingest/pairing.py), kept only where neither the actor
    nor the character is paired with someone else already. A positional pair displaces the actor's pairs
    with names that are not characters ("Joe Locke (Agatha All Along) and Kit Connor reprise their roles
    as Charlie Spring and Nick Nelson": his credit, not his role)."""
    explicit = {norm_key(r.character) for r in findings.pairs} | findings.headings

    def characterish(char: str) -> bool:
        return norm_key(char) in explicit or name_words(char)[0].lower() in CHARACTER_HINTS

    actor_of: dict[str, str] = {}  # character key -> actor
    chars_of: dict[str, set[str]] = {}  # actor -> character keys, their first words included
    actor_full: list[str | None] = []
    for r in raws:
        actor = r.actor if is_full_name(r.actor) else (index.resolve(r.actor) if r.actor else None)
        actor_full.append(actor)
        if actor and name_words(r.character) and characterish(r.character):
            actor_of.setdefault(norm_key(r.character), actor)
            chars_of.setdefault(actor, set()).update(
                (norm_key(r.character), norm_key(name_words(r.character)[0]))
            )
    # a name-only line is a cast guide's character heading or an actor's ("Joe Locke" over his paragraph)
    known_chars = set(actor_of) | {h for h in findings.headings if h.split()[0] in CHARACTER_HINTS}
    known_actors = set(chars_of) | {a for a in findings.actor_cues if is_full_name(a)}

    def person_of(name: str) -> str | None:
        """The full name of the person `name` is: itself, a marked person's short form, or the surname of a
        full name the article gives that is no character's ("Marsan"; but "Nelson" is Nick Nelson's)."""
        if is_full_name(name):
            return name
        full = index.resolve(name, min_priority=_PERSON_PRIORITY)
        words = name_words(name)
        if full is None and len(words) == 1 and words[0].lower() not in CHARACTER_HINTS:
            found = index.resolve(name)
            fw = name_words(found) if found else ()
            if (
                len(fw) in (2, 3)
                and words[0] == fw[-1]
                and fw[0].lower() not in CHARACTER_HINTS
                and not any(is_stop(w) for w in fw)  # "Agatha All Along" is a title
                and norm_key(found) not in findings.productions
            ):
                full = found
        return full

    out: list[_Raw] = []
    for s, at, tags, elsewhere in findings.sentences:
        if elsewhere:
            continue

        def kind(name: str, start: int, end: int, s: str = s) -> pairing.Kind:
            words = name_words(name)
            if not words:
                return "other"
            title = split_title(name)[0] or (words[0] if words[0] in pairing.ROLE_TITLES else "")
            if title:
                role = title.rstrip(".") in pairing.ROLE_TITLES
                return ("possessor" if s.startswith(("'", "’"), end) else "char") if role else "other"
            key = norm_key(name)
            full = person_of(name)
            if _CREDITED_BY_RE.search(s, max(0, start - 20), start):
                # "directed by Wash Westmoreland": crew the article may not name as such; "in Ray Donovan": a
                # production
                return "other"
            if key in known_chars or (len(words) == 1 and words[0].lower() in CHARACTER_HINTS):
                k = "char"
            elif _SELF_AFTER_RE.match(s, end) and words[0].lower() not in CHARACTER_HINTS:
                return "other"  # "Hugo Brennan – Lord Ashford himself –": a role in another production
            elif full and (
                full in known_actors
                or (
                    index.persons.get(full, 0) >= _PERSON_PRIORITY
                    and full not in crew
                    and full not in non_cast
                )
            ):
                return "actor"
            elif words[0].lower() in CHARACTER_HINTS and (full is None or full not in crew | non_cast):
                k = "char"
            elif full and is_full_name(full) and full not in crew and full not in non_cast:
                if _ROLE_VERB_BEFORE_RE.search(s, max(0, start - 18), start):
                    return "other"  # "known for playing Peggy Carter": a role, of another production
                # a surname standing for a full name is how news refers to a person ("Marsan will play")
                return "name" if is_full_name(name) else "actor"
            else:
                return "other"
            return "possessor" if s.startswith(("'", "’"), end) else k

        cues: list[re.Match] | None = None
        for group in pairing.positional_pairs(s, kind):
            found = []
            for actor, char, (start, end) in group:
                full = person_of(actor)
                key = norm_key(char)
                mine = chars_of.get(full or "")
                if (
                    not full
                    or full in crew
                    or _other_production(s, end)
                    # "opposite Tom Brandt as Felix Moore" in a sentence about another production
                    or _elsewhere_pair(s, start)
                    or _in_which_other(s, start)
                    # the article gives that character to someone else, or the actor another role
                    or actor_of.get(key, full) != full
                    or (mine and key not in mine and norm_key(name_words(char)[0]) not in mine)
                    # "Aunt Diane" for an actor the article already gives "Diane": the same role, titled
                    or (mine and split_title(char)[0] and norm_key(split_title(char)[1]) in mine)
                ):
                    break  # one pair the article contradicts puts the whole alignment in doubt
                if cues is None:
                    cues = list(_PAIR_CUE_RE.finditer(s))
                found.append((full, char, _newness(cues, start, end, tags[0])))
            else:
                for full, char, new in found:
                    # later sentences must agree with this one too
                    actor_of.setdefault(norm_key(char), full)
                    chars_of.setdefault(full, set()).update((norm_key(char), norm_key(name_words(char)[0])))
                    order = 10**6 + len(out)
                    findings.tags[order] = (new, tags[1])
                    out.append(_Raw(full, char, None, order, strong=False, at=at))
    if not out:
        return raws
    placed = {r.actor for r in out}
    kept = [
        r
        for r, actor in zip(raws, actor_full, strict=True)
        if actor not in placed or (name_words(r.character) and characterish(r.character))
    ]
    return kept + out


_INDEFINITE = frozenset("anyone everyone someone nobody everybody somebody anybody".split())


def _name_like(name: str) -> bool:
    """False for a Title Case headline's phrase before a possessive ("Kit Connor Is Done Being Anyone's
    Secret"): no person's name holds a gerund or an indefinite pronoun."""
    return not any(w.lower() in _INDEFINITE or gerund_led(f"{w} X") for w in name_words(name))


def _drop_other_productions(f: CastFindings) -> CastFindings:
    """Findings crediting another production go, unless the character is one the article credits to our
    show elsewhere or (a one-word name) one of the show's own."""
    if not f.elsewhere:
        return f
    ours = set(f.headings)
    for r in (*f.pairs, *f.guarded, *f.labelled, *f.is_pairs, *f.epithet, *f.possessive, *f.possessive_full):
        if r.order not in f.elsewhere:
            ours.add(norm_key(r.character))
    for p in f.parens:
        if p.order not in f.elsewhere:
            ours |= {norm_key(p.a), norm_key(p.b)}
    firsts = {k.split()[0] for k in ours if k}

    def keep(order: int, char: str) -> bool:
        if order not in f.elsewhere or norm_key(char) in ours:
            return True
        words = name_words(char)
        return len(words) == 1 and (words[0].lower() in CHARACTER_HINTS or words[0].lower() in firsts)

    def kept(raws: list[_Raw]) -> list[_Raw]:
        return [r for r in raws if keep(r.order, r.character)]

    return replace(
        f,
        pairs=kept(f.pairs),
        guarded=kept(f.guarded),
        labelled=kept(f.labelled),
        is_pairs=kept(f.is_pairs),
        epithet=kept(f.epithet),
        auditions=kept(f.auditions),
        possessive=kept(f.possessive),
        possessive_full=kept(f.possessive_full),
        parens=[p for p in f.parens if keep(p.order, p.a) and keep(p.order, p.b)],
    )


def _fuller_by_first(index: NameIndex, people_like: set[str]) -> dict[str, list[str]]:
    """First word -> the article's full names starting with it that may be a character's."""
    out: dict[str, list[str]] = {}
    for name, priority in index.persons.items():
        if len(name_words(name)) in (2, 3):
            if priority < _PERSON_PRIORITY or name not in people_like:
                out.setdefault(name_words(name)[0], []).append(name)
    return out


def _family_names(raws: list[_Raw], index: NameIndex, shared: set[str]) -> list[_Raw]:
    """ "Jane" described as "Charlie's parent", with the article naming Charlie Spring and writing
    "Jane Spring" (or "Jane and Julio Spring") somewhere: "Jane Spring". Without that support it stays."""
    full_chars: dict[str, set[str]] = {}
    for r in raws:
        words = name_words(r.character)
        if len(words) >= 2 and not split_title(r.character)[0]:
            full_chars.setdefault(words[0], set()).add(words[-1])
    out = []
    for r in raws:
        m = _FAMILY_RELATION_RE.match(r.description or "")
        surnames = full_chars.get(m.group("owner"), set()) if m else set()
        if len(surnames) == 1 and len(name_words(r.character)) == 1 and not split_title(r.character)[0]:
            full = f"{r.character} {next(iter(surnames))}"
            if norm_key(full) in shared or full in index.persons:
                r = _Raw(r.actor, full, r.description, r.order, r.strong, r.at)
        out.append(r)
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
