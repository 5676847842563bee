"""Held-out check: articles in different outlets' styles, with hand-written answers.

The fixtures and tests/ingest/fixtures/expected.json were written before the extraction rules were tuned,
as a stand-in for the real articles the quality bar is measured on. The thresholds below are the bar's.

Unseen scores (each batch scored by the extractor as it stood BEFORE anyone tuned rules on that batch):
- batch 1 (interview_locke, cast_guide, premiere_news): cast P .91 R .81, quotes P .81 R .81, events R 1.0
- batch 2 (variety_casting, digitalspy_whos_who, pinknews_s3_interview, tudum_premiere, guardian_feature,
  awards_report; written against the rules of commit 9cf2e00):
  cast P .946 R .778 (35/37/45), quotes P .815 R .759 (22/27/29), events P .917 R .647 (11/12/17)
- batch 3 (eonline_listicle, radiotimes_guide, gaytimes_qa, deadline_scoop, bbc_news, collider_setvisit;
  written against the rules of commit 05936c0): cast P .929 R .703 (26/28/37), quotes P 1.0 R .714 (20/20/28),
  events P .941 R .941 (16/17/17)
- batch 4 (ap_wire, teenvogue_feature, screenrant_explainer, pinknews_social, whatsonnetflix_schedule,
  metro_showbiz; written against the rules of commit b1d3091): cast P .917 R .733 (22/24/30),
  quotes P .600 R .522 (12/20/23), events P .792 R .864 (19/24/22); after the family fixes of af70dbe
  four misses stay (see the report): "Eddie Marsan's art teacher, Geoff", "what she'll miss
  about playing Elle Argent", "Netflix said Thursday" (a bare weekday) and "which hit Netflix on October 3"
  in an article dated October 2 (no tense the rules trust, so no year is guessed).
- batch 5 (independent_interview, variety_panel, guardian_review, local_meet_cast; written against the rules
  of commit f966dfd): cast P 1.0 R .667 (20/20/30), quotes P 1.0 R .912 (31/31/34),
  events P 1.0 R .500 (2/2/4); after the family fixes (review credits, panel verbs, a gesture sentence
  before a quotation, present-tense schedules) all 30 pairs, 34 quotes and 4 events are found.
- batch 6 (radiotimes_s4_cast, digitalspy_families, bbc_interview, nme_interview, pinknews_festival; dense in
  exactly the issue's families; written against the rules of commit 9e83a83): cast P 1.0 R .911 (51/51/56),
  quotes P .742 R .885 (23/31/26), events P .909 R .909 (20/22/22); after the cast and event fixes (a
  who-clause about another credit, a relational descriptor with an appositive name before 'will be played
  by', 'announced the release date', 'debuting') all 56 pairs and 22 events are found. Quotes are unchanged:
  joining a quotation that spans paragraphs into one quote broke the seeds' per-paragraph expectations, so
  each paragraph stays its own quote (extra, right-speaker quotes here); a gesture clause ('Finney laughs
  when she hears that.'), an unclosed quote after a scare quote, and 'He told' after a paragraph about
  Connor that follows an Oseman quote are still missed or misattributed.
- A quotation spanning paragraphs is now one quote (the news convention the issue's "full quotation" means):
  scored on all fixtures before the change quotes P .953 R .982 (162/170/165), after it (expected.json
  updated only where a fixture has such a quotation) quotes P .970 R .982 (160/165/163).
- Two quote families batch 6 missed, fixed with composed unit tests: a short sentence about a person just
  before a quotation ('Finney laughs when she hears that. "..."', 'When asked about X, Finney rolls her
  eyes. "..."') and a paragraph-opening pronoun meaning the previous paragraph's one subject ('Connor is due
  to appear in Warfare.' then 'He told Newsbeat: "..."'). Batch 6 quotes went from P .828 R .889
  (24/29/27) to P .871 R 1.0 (27/31/27; the extras are right-speaker second quotations the answers leave
  out); all fixtures from quotes P .970 R .982 (160/165/163) to P .976 R 1.0 (163/167/163).
Rounds 7-12 (second session; the files r7_* to r12_*) were written by helpers who never read the extractor or
the earlier fixtures, each scored before any rule was tuned on it, then added here as regression fixtures:
- round 7 (casting scoop, two-actor magazine interview, tabloid premiere night, Tudum guide, US outlet on the
  film, review naming other credits; rules of 598b6d9): cast P .946 R .791 (53/56/67), quotes P .523 R .767
  (23/44/30; 16 of the extras were second halves of '"A," X said. "B."'), events P .882 R .750 (15/17/20).
- round 8 (AP wire, EW Q&A transcript, "where have you seen them" explainer, trailer report with fan posts,
  Newsbeat film piece, S3 listicle; rules of 598b6d9): cast P .919 R .891 (57/62/64), quotes P .630 R .586
  (17/27/29), events P .900 R .750 (18/20/24).
- round 9 (Digital Spy explainer, Guardian interview, Variety Emmys report, Netflix press release, Radio Times
  guide, a celebrity piece about another show, Screen Rant; scored after the round 7-8 fixes):
  cast P .967 R .922 (59/61/64), quotes P .865 R .780 (32/37/41), events P .950 R .864 (19/20/22).
- round 10 (Attitude cover, People red carpet, AV Club review, Kent local news, Them.us interview, Teen Vogue
  couples list, Deadline awards brief; scored after the round 7-9 fixes): cast P .950 R .792 (57/60/72),
  quotes P .857 R .857 (30/35/35), events P .800 R .632 (12/15/19).
- round 11 (BBC film news, NME interview, PinkNews casting, Tudum guide, premiere round-up, director
  interview; scored after the round 7-10 fixes): cast P .970 R .942 (65/67/69), quotes P .878 R .947
  (36/41/38), events P .923 R .923 (12/13/13): the first round at the bar for cast and events before tuning,
  quote precision just under it (a gerund phrase taken for a speaker, a three-word scare quote).
- round 12 (ET premiere interviews, Cosmopolitan cast guide, Screen Daily film shoot, Digital Spy interview,
  LA Times listings; scored after the round 7-11 fixes): cast P .956 R .935 (43/45/46), quotes P .941 R .941
  (16/17/17), events P 1.0 R .818 (9/9/11): cast and quotes at the bar, events under it (a listings date
  heading; a yearless "yesterday (August 3)" in an article with no date line, which stays undated).
Rounds 13-15 (third session; r13_* to r15_*) were written by three helpers in parallel, each told only the
conventions (/work/notes/round_writer.md) and a list of outlets, and scored against the rules of 567e27e:
- round 13 (Vulture Q&A profile, Independent weekend TV listings, BuzzFeed then-vs-now, WalesOnline on the
  director, Reuters wire on the film wrap, PinkNews convention panel): cast P .892 R .917 (33/37/36), quotes
  P 1.0 R .606 (20/20/33; a Q&A whose subjects were only mentioned), events P .750 R .750 (12/16/16).
- round 14 (Standard red carpet, Glamour interview, Collider Q&A, KentOnline filming, THR casting, What's on
  Netflix explainer): cast P .913 R .894 (42/46/47), quotes P .658 R .676 (25/38/37; "Does Finney think"
  read as a name, so "she" went to the byline), events P .905 R .704 (19/21/27; byline dates, a table).
- round 15 (Vanity Fair profile, USA Today review, Times interview, Refinery29, Gay Times Q&A, Tudum): cast
  P .867 R .703 (26/30/37), quotes P .682 R .682 (30/44/44; a section kicker taken for the headline, an
  interview subject never the subject of a speech verb), events P .923 R .750 (12/13/16).
These three rounds scored well below rounds 11-12: outlets' layouts (kickers, bylines, tables, transcripts)
the rules had not met fail whole articles at once. After the family fixes (each with a composed test):
round 13 cast 36/36/36, quotes 32/32/33, events 16/16/16; round 14 47/47/47, 37/37/37, 27/27/27; round 15
33/34/37, 44/46/44, 16/16/16 (its misses are pairs implied across sentences, left as judgement calls).
Rounds 16-22 (third session, r16_* to r22_*), written the same way in two more waves; each scored before any
rule was tuned on it, against the rules as they stood after the previous wave's fixes:
- round 16 (Guardian review, Deadline casting, BBC awards, Teen Vogue Q&A, Metro who's who, Screen Rant):
  cast P .965 R .846, quotes P .875 R .966, events R .889.
- round 17 (Attitude cover, AP wire, Digital Spy social, Radio Times Q&A, Independent feature, E! gallery):
  cast P .972 R .814, quotes P .814 R .875, events R .789.
- round 18 (NME transcript, Variety panel, PinkNews casting, Cosmopolitan ranking, Surrey Live, Collider):
  cast P .949 R .841, quotes P .778 R .848, events R .947.
- round 19 (PinkNews review, The Sun, HuffPost duo, Tudum guide, Evening Standard explainer, Out Q&A;
  after the round 16-18 fixes): cast P .957 R .833, quotes P 1.0 R .949, events R .826.
- round 20 (Guardian interview, Newsround, IndieWire, Gay Times casting, Netflix press release, Daily Mail):
  cast P .893 R .820, quotes P .964 R .931, events R .929.
- round 21 (EW first look, Mirror, Collider guide, Telegraph review, Stylist, Kent Messenger; after the
  round 19-20 quote and event fixes, before those rounds' cast fixes): cast P .896 R .827, quotes P .867
  R .839, events R .800.
- round 22 (Vogue, Reuters, Just Jared, Observer long read, Cosmopolitan initials Q&A, Tudum): cast P .913
  R .618, quotes P .879 R .630 (a bold-initials transcript), events R .913.
Rounds 19-20 were the first with quotes at the bar before tuning; rounds 21-22 fell under it again. Cast never
reached it (recall .62-.85 on every unseen round since 16): each outlet's layout of credits is new to the
rules. The round 16-18 cast fixes changed nothing on rounds 19-20, and the round 19-20 cast fixes moved round
21 by one pair (43/48/52 -> 44/49/52) and round 22 not at all.
Rounds 23-24 (10 articles, kept OUT of these fixtures as an untuned set: /work/notes/round23, round24) were
scored once, against the final rules of the third session: cast P .946 R .833 and P .902 R .725, quotes P .840
R .724 and P .917 R 1.0, events R 1.0 and .889. The nine cast commits made for rounds 21-22 (which took those
rounds to 51/51/52 and 34/34/34) changed nothing on rounds 23-24.
Fourth session: cast by position (ingest/pairing.py), designed on rounds 23-24, then rounds 25-27 and 30
written blind and scored before any tuning on them (session start a2b0d90 -> the positional pass):
- round 25 (PinkNews round-up, Mirror cast now, Variety review, Elle Q&A, Kent Online): cast P .978 R .804
  -> P .981 R .946; quotes P .944 R 1.0, events R .941: the whole bar met before tuning, a first.
- round 26 (The Sun, Hello! gallery, Collider guide, Times review, Them Q&A): cast .979/.855 -> .962/.909.
- round 27 (AP casting, EW first look, Digital Spy who's who, Guardian on the adults, Screen Rant): cast
  .892/.806 -> .940/.875; quotes .889/.923; events R .789.
- round 30 (Reuters nominations, Glamour couples, Den of Geek guest cast, Independent interview, Empire
  review; scored against 0ff065b, after the round 25-27 fixes): cast .962/.895, quotes .947/.947, events
  R .923.
Rounds 23-27 and 30 then joined these fixtures (r23_* .. r30_*).
Real coverage, last: excerpts of real articles from the search tool's stored pages (kept outside the
repository, /work/notes/real*, being third-party text), cast annotated by the lead. Four sets were annotated
before the extractor ran on them and scored once before tuning: 9 excerpts, cast P 1.0 R .900 (session start
R .833); 7 reviews, P .933 R .875 (same at session start); 4 quote-heavy pieces, cast P .889 R 1.0, quotes
P 1.0 R .933, events R .5 (1 of 2); and 5 pieces on the season 2 date, cast 1.0/1.0, quotes P .778 R .700,
events R .8. After this session's fixes the four score cast 29/29/30, 16/16/16, 8/8/8 and 15/15/15, quotes
14/14/15 and 10/10/10. A first set of 20 (annotated after a first look) went from P .937 R .738 at session
start to P .960 R .900; its misses were mostly casting news written with surnames and new roles.
So each new round still finds sentence shapes the rules do not know; until round 25 the bar was not met in
full on any round before tuning. The quote convention settled in the third session: '"A," X said. "B."' is
ONE quotation (every independent annotator counted it so), joined verbatim (A keeps its comma); 35 fixture
answers that listed second halves separately were removed, and the scorer ignores punctuation at the end of
a text.
After a batch was scored, rule fixes were made by pattern family (each with its own unit test), so the
scores this test asserts on these files are no longer unseen scores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extract import extract_file

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(k for k in EXPECTED if not k.startswith("_"))


def _norm(s: str) -> str:
    """Lower case, straight apostrophes, no full stops, and no punctuation at the end (commas, full stops,
    semicolons, colons, ellipses): "That's a question for Alice," and "... for Alice" compare equal."""
    return " ".join(s.replace(".", "").replace("’", "'").lower().split()).rstrip(",;:… ")


def _quote_match(got: tuple[str, str], want: tuple[str, str]) -> bool:
    """Same speaker, and the quotation starts with the expected opening words."""
    return _norm(got[0]) == _norm(want[0]) and _norm(got[1]).startswith(_norm(want[1])[:40])


def score() -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, expected) per fact kind, summed over the fixtures."""
    totals = {"cast": [0, 0, 0], "quotes": [0, 0, 0], "events": [0, 0, 0]}
    for name in FILES:
        facts = extract_file(FIXTURES / name)
        want = EXPECTED[name]
        got_cast = {(_norm(c.actor), _norm(c.character)) for c in facts.cast}
        want_cast = {(_norm(a), _norm(c)) for a, c in want["cast"]}
        totals["cast"][0] += len(got_cast & want_cast)
        totals["cast"][1] += len(got_cast)
        totals["cast"][2] += len(want_cast)

        got_events = {(e.kind, e.date) for e in facts.events}
        want_events = {(k, d) for k, d in want["events"]}
        totals["events"][0] += len(got_events & want_events)
        totals["events"][1] += len(got_events)
        totals["events"][2] += len(want_events)

        got_quotes = [(q.speaker, q.text) for q in facts.quotes]
        want_quotes = [tuple(q) for q in want["quotes"]]
        matched = sum(1 for w in want_quotes if any(_quote_match(g, w) for g in got_quotes))
        correct = sum(1 for g in got_quotes if any(_quote_match(g, w) for w in want_quotes))
        totals["quotes"][0] += min(matched, correct)
        totals["quotes"][1] += len(got_quotes)
        totals["quotes"][2] += len(want_quotes)
    return {k: tuple(v) for k, v in totals.items()}


def _pr(tp: int, predicted: int, expected: int) -> tuple[float, float]:
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    return precision, recall


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[int, int, int]]:
    return score()


def test_cast_pairs_meet_the_bar(scores):
    precision, recall = _pr(*scores["cast"])
    assert precision >= 0.95 and recall >= 0.90, scores["cast"]


def test_quotes_with_speaker_meet_the_bar(scores):
    precision, recall = _pr(*scores["quotes"])
    assert precision >= 0.90 and recall >= 0.85, scores["quotes"]


def test_dated_events_recall_meets_the_bar(scores):
    _, recall = _pr(*scores["events"])
    assert recall >= 0.90, scores["events"]


if __name__ == "__main__":
    for kind, counts in score().items():
        p, r = _pr(*counts)
        print(f"{kind:7s} tp/pred/exp={counts}  precision={p:.3f} recall={r:.3f}")
