"""Dated events and year inference from the article's date line."""

from __future__ import annotations

import datetime as dt

from ingest.dates import FoundDate, complete, find_dates
from ingest.extract import extract_article


def _events(text: str) -> set[tuple[str, str, int | None]]:
    return {(e.kind, e.date, e.season) for e in extract_article(text, "e.txt").events}


def test_date_forms():
    forms = {
        "on August 3, 2023": (2023, 8, 3),
        "on 3 August 2023": (2023, 8, 3),
        "on Friday (17th February 2023)": (2023, 2, 17),
        "on the 3rd of August, 2023": (2023, 8, 3),
        "Sept. 5, 2024": (2024, 9, 5),
        "2023-06-22": (2023, 6, 22),
    }
    for text, (y, m, d) in forms.items():
        [found] = find_dates(text)
        assert (found.year, found.month, found.day) == (y, m, d), text
    [month] = find_dates("in September 2022")
    assert (month.year, month.month, month.day) == (2022, 9, None)
    assert find_dates("May I say, at 3:30 the show") == []


def test_year_inference_is_sound_or_absent():
    june = dt.date(2023, 6, 22)
    aug3 = FoundDate(0, 0, None, 8, 3, None)
    feb = FoundDate(0, 0, None, 2, None, None)
    assert complete(aug3, june, "future") == "2023-08-03"
    assert (
        complete(FoundDate(0, 0, None, 3, 1, None), june, "future") == "2024-03-01"
    )  # coming March: next year
    assert complete(feb, june, "past") == "2023-02"
    assert (
        complete(FoundDate(0, 0, None, 9, None, None), june, "past") == "2022-09"
    )  # past September: last year
    assert complete(aug3, None, "future") is None  # no date line: never guess
    assert complete(aug3, june, None) is None  # no tense: never guess
    # "Friday (20 May)" with a 2022 date line: 20 May 2022 was a Friday.
    assert complete(FoundDate(0, 0, None, 5, 20, 4), dt.date(2022, 5, 25), None) == "2022-05-20"


def test_seed_style_events_with_seasons():
    got = _events(
        "date 2023-06-22 Heartstopper returns for its second season. Season 2 is set to premiere on "
        "August 3, 2023, according to an announcement from Netflix.\n"
        "Production for the season commenced in September 2022 and concluded in February 2023.\n"
        "The official announcement for season 2 was made on September 22, 2022."
    )
    assert got == {
        ("premiere", "2023-08-03", 2),
        ("production_start", "2022-09", 2),
        ("production_end", "2023-02", 2),
        ("announcement", "2022-09-22", 2),
    }


def test_premiere_without_year_uses_the_date_line():
    text = "date 2024-02-14\nHeadline\nHeartstopper will drop its entire third season October 3 on Netflix."
    assert _events(text) == {("premiere", "2024-10-03", 3)}
    # Without a date line the year cannot be known: the event is dropped, not guessed.
    assert _events("Headline\nHeartstopper will drop its entire third season October 3 on Netflix.") == set()


def test_filming_wrapped_and_renewal():
    got = _events(
        "date 2024-07-18\nHeartstopper Season 3 news\n"
        "Netflix renewed the series for a third season on May 20, 2022. Filming began in September 2023 "
        "and wrapped in late December."
    )
    assert got == {
        ("announcement", "2022-05-20", 3),
        ("production_start", "2023-09", 3),
        ("production_end", "2023-12", 3),
    }


def test_festival_appearance():
    facts = extract_article(
        "Headline\nSpeaking at the BFI Future Film Festival on Friday (17th February 2023), the creator "
        "answered questions.",
        "f.txt",
    )
    assert [(e.kind, e.date, e.what) for e in facts.events] == [
        ("festival", "2023-02-17", "BFI Future Film Festival")
    ]


def test_dates_without_an_event_are_ignored_and_duplicates_merged():
    got = _events(
        "date 2023-06-22 Heartstopper season 2 premieres on August 3, 2023. The actor was born on "
        "9 March 2004. Fans can watch on August 3, 2023. Season 2 will premiere on 3 August 2023."
    )
    assert got == {("premiere", "2023-08-03", 2)}


def test_last_next_this_month_pin_the_year_against_the_date_line():
    # Family: a bare month with "last" / "next" / "this" (the tense alone would pick the wrong year
    # when the month is the date line's own month).
    sept = dt.date(2024, 9, 28)
    assert _events("date 2024-09-28\nFilming on the show began last September.") == {
        ("production_start", "2023-09", None)
    }
    last_march = FoundDate(0, 0, None, 3, None, None, "last")
    next_march = FoundDate(0, 0, None, 3, None, None, "next")
    this_oct = FoundDate(0, 0, None, 10, None, None, "this")
    assert complete(last_march, sept, None) == "2024-03"
    assert complete(next_march, sept, None) == "2025-03"
    assert complete(this_oct, sept, None) == "2024-10"
    assert complete(last_march, None, "past") is None  # no date line: no year


def test_award_ceremonies_and_branded_festivals_are_festival_events():
    # Family: events named "... Emmys", "... Awards", BAFTAs, and one-word festival brands (BFI Flare,
    # Outfest, Tribeca) have no "Festival" word in their name.
    text = (
        "date 2024-04-05\nThe show won big at the Children's & Family Emmys on 16 December 2023. "
        "The cast then appeared at BFI Flare in March 2024. They were at the GLAAD Media Awards on "
        "12 February 2024, and the leads went to Outfest in July."
    )
    assert {(k, d) for k, d, _ in _events(text)} == {
        ("festival", "2023-12-16"),
        ("festival", "2024-03"),
        ("festival", "2024-02-12"),
        ("festival", "2023-07"),
    }


def test_hyphenated_early_mid_late_month():
    # Family: "wrapped in mid-December", "began in early-March" (the year from the date line).
    got = _events("date 2024-09-20\nHeartstopper news\nFilming began in early-March and wrapped in mid-July.")
    assert {(k, d) for k, d, _ in got} == {("production_start", "2024-03"), ("production_end", "2024-07")}


def test_the_noun_after_a_date_names_the_event():
    got = _events(
        "date 2023-12-16\nHeartstopper news\n\n"
        "The series was confirmed for an October 2024 release earlier this month, with a trailer to follow."
    )
    # "confirmed" dates the confirmation ("earlier this month"), never the release it names.
    assert {(k, d) for k, d, _ in got} == {("premiere", "2024-10"), ("announcement", "2023-12")}


def test_present_tense_schedule_takes_the_year_nearest_the_date_line():
    def kinds(dateline: str, sentence: str) -> set[tuple[str, str]]:
        facts = extract_article(f"date {dateline}\ntitle: Season 3 news\n\n{sentence}\n", "e.txt")
        return {(e.kind, e.date) for e in facts.events}

    # Written a few days before: this year; written the day after: still this year, not next year's.
    assert kinds("2024-09-28", "Heartstopper season 3 is streaming on Netflix from 3 October.") == {
        ("premiere", "2024-10-03")
    }
    assert kinds("2024-10-04", "Heartstopper series three is on Netflix from 3 October.") == {
        ("premiere", "2024-10-03")
    }
    # Written in January about a December release: last year's.
    assert kinds("2025-01-10", "The festive special is streaming on Netflix from 20 December.") == {
        ("premiere", "2024-12-20")
    }


def test_announced_release_date_is_an_announcement_and_debuting_is_a_premiere():
    got = {
        (k, d)
        for k, d, _ in _events(
            "Season 3 news\ndate 2024-09-12\n\nNetflix announced the release date on 22 August. The second "
            "season played at BFI Flare in March 2023, before debuting worldwide on August 3, 2023."
        )
    }
    assert got == {("announcement", "2024-08-22"), ("festival", "2023-03"), ("premiere", "2023-08-03")}


def _kinds(dateline: str, text: str) -> set[tuple[str, str]]:
    head = f"date {dateline}\ntitle: Show news" if dateline else "Show news"
    facts = extract_article(f"{head}\n\n{text}\n", "e.txt")
    return {(e.kind, e.date) for e in facts.events}


def test_a_season_that_followed_on_a_date_premiered_then():
    assert _kinds(
        "2025-02-01",
        "The first run landed in spring 2022 to rave reviews, and a second season followed on 3 August 2023.",
    ) >= {("premiere", "2023-08-03")}
    assert _kinds("2025-02-01", "Series three followed in October 2024, darker than before.") == {
        ("premiere", "2024-10")
    }
    # Without a season before it, "followed" dates nothing: "the backlash that followed in May".
    assert _kinds("2025-02-01", "Nobody expected the backlash that followed in May 2023.") == set()


def test_ordering_or_greenlighting_more_seasons_is_an_announcement():
    assert _kinds("2025-02-01", "The streamer ordered a fourth season in January 2025.") == {
        ("announcement", "2025-01")
    }
    assert _kinds("2025-02-01", "Netflix greenlit two further series on 20 May 2022.") == {
        ("announcement", "2022-05-20")
    }


def test_plural_subjects_in_the_present_schedule_a_release():
    # "All eight episodes premiere Oct. 3." on the day itself: that day, not next year's.
    assert _kinds("2024-10-03", "Grab the tissues: all eight episodes premiere Oct. 3.") == {
        ("premiere", "2024-10-03")
    }
    assert _kinds("2024-09-20", "The new episodes arrive on 3 October, the streamer confirmed.") >= {
        ("premiere", "2024-10-03")
    }
    # "the premiere" is a noun, not a schedule: no tense, so no year is guessed.
    assert _kinds("2024-10-05", "Fans queued for hours at the premiere on 1 March.") == set()
    # (Four days before the date line there is only one possible year: test_a_date_a_few_days_from_...)


def test_a_bare_weekday_is_read_against_the_date_line():
    # Wire style: "began streaming worldwide Thursday" in a story dated that Thursday.
    assert _kinds("2024-10-03", "The second season of the show began streaming worldwide Thursday.") == {
        ("premiere", "2024-10-03")
    }
    # Past: the latest such day on or before the date line; future: the next one on or after it.
    assert _kinds("2024-10-05", "The new season premiered on Wednesday to strong reviews.") == {
        ("premiere", "2024-10-02")
    }
    assert _kinds("2024-10-05", "The finale will drop on Monday, the streamer said.") >= {
        ("premiere", "2024-10-07")
    }
    # No date line, no guess; a weekday that belongs to a full date is that date.
    assert _kinds("", "The season premiered on Wednesday.") == set()
    assert _kinds("2024-09-17", "All episodes arrive on Thursday 3 October.") == {("premiere", "2024-10-03")}


def test_last_next_and_this_month_are_read_against_the_date_line():
    assert _kinds("2025-08-19", "Filming on the movie wrapped last month after a 35-day shoot.") == {
        ("production_end", "2025-07")
    }
    assert _kinds("2025-01-04", "Cameras start rolling on the film next month in Kent.") == {
        ("production_start", "2025-02")
    }


def test_a_passive_reveal_and_coming_out_date_events():
    assert _kinds("2025-08-19", "The film's title was revealed at the end of July.") == {
        ("announcement", "2025-07")
    }
    assert _kinds("2025-08-19", "Since the third series came out in October 2024, he has been busy.") == {
        ("premiere", "2024-10")
    }


def test_two_days_of_one_month_are_two_dates():
    screened = "The new season was screened at BFI Flare on March 17 and 18, to queues."
    assert _kinds("2023-03-20", screened) == {
        ("festival", "2023-03-17"),
        ("festival", "2023-03-18"),
    }
    sold_out = "Both BFI Flare screenings, held on 17 and 18 March, sold out."
    assert {d for _, d in _kinds("2023-03-20", sold_out)} == {
        "2023-03-17",
        "2023-03-18",
    }


def test_a_month_opening_a_sentence_after_a_capital_preposition():
    assert _kinds("2022-12-12", "In May, Netflix renewed the show for two more seasons.") == {
        ("announcement", "2022-05")
    }


def test_an_article_date_under_the_headline_or_in_a_dateline_dates_the_article():
    from ingest.metadata import parse_header

    assert parse_header("Show renewed\n\n20 May 2022\n\nNetflix today renewed it.\n").date == "2022-05-20"
    wire = "Show renewed\nLONDON, May 20, 2022 — Netflix today renewed it.\n"
    assert parse_header(wire).date == "2022-05-20"
    assert parse_header("Show renewed\nPublished: 3 October 2024 at 09:00\nText.\n").date == "2024-10-03"
    # A date inside a sentence is not the article's date.
    assert parse_header("Show news\nThe season arrives on 3 October 2024, Netflix said.\n").date is None
    # And a yearless date after "since" is the latest one before the article's date.
    facts = extract_article(
        "Show renewed\n\n20 May 2022\n\nSince its premiere on April 22, the series has topped the charts.\n",
        "x",
    )
    assert {(e.kind, e.date) for e in facts.events} == {("premiere", "2022-04-22")}


def test_an_abbreviated_month_before_a_day_ends_no_sentence():
    from ingest.text import sentence_spans

    text = "The awards were handed out on Dec. 10 and 11 in Los Angeles. It won five."
    assert [text[a:b].strip() for a, b in sentence_spans(text)] == [
        "The awards were handed out on Dec. 10 and 11 in Los Angeles.",
        "It won five.",
    ]
    handed_out = "The Emmy Awards were handed out on Dec. 10 and 11 in LA."
    assert {d for _, d in _kinds("2022-12-12", handed_out)} == {
        "2022-12-10",
        "2022-12-11",
    }


def test_a_month_with_last_or_next_year_takes_that_year():
    assert _kinds("2023-07-27", "The show was renewed for two more series in May last year.") == {
        ("announcement", "2022-05")
    }
    assert _kinds("2023-07-27", "Cameras will start rolling on the film in March next year.") == {
        ("production_start", "2024-03")
    }


def test_a_date_a_few_days_from_the_date_line_needs_no_tense():
    # No tense marker ("premiere" with no subject it can be told from), but two days away: only one year fits.
    assert _kinds("2024-10-01", "All eight episodes of the new season premiere October 3 on Netflix.") == {
        ("premiere", "2024-10-03")
    }
    # Months away and no tense: still no guess.
    assert _kinds("2024-10-01", "All eight episodes of the new season premiere March 3 on Netflix.") == set()


def test_a_byline_with_a_published_date_dates_the_article():
    from ingest.metadata import parse_header

    head = "Season 3 review\nBy Sam Lee | Published October 1, 2024 | 9:00am\n\nText.\n"
    assert parse_header(head).date == "2024-10-01"


def test_a_production_that_returned_somewhere_is_no_premiere():
    returned = "The production returned to the town in January for two nights of filming, locals were told."
    got = _kinds("2023-07-27", returned)
    assert not any(kind == "premiere" for kind, _ in got)
    assert _kinds("2022-12-12", "Production on the second season got underway in September.") == {
        ("production_start", "2022-09")
    }


def test_announcing_dates_the_announcement():
    got = _kinds(
        "2022-10-06",
        "Filming on the new run began in September 2022, with the studio announcing that cameras were "
        "rolling on 22 September in a short clip.",
    )
    assert got == {("production_start", "2022-09"), ("announcement", "2022-09-22")}


def test_a_listings_date_heading_dates_the_entry_under_it():
    listings = (
        "Thursday, Oct. 3\n\nRosewood Lane The gentle school drama returns for a third season. 9 p.m.\n\n"
        "Friday\n\nQuiz Night Contestants answer questions. 8 p.m."
    )
    assert _kinds("2024-09-29", listings) == {("premiere", "2024-10-03")}
    # A date heading followed by an entry with its own date, or by nothing event-like, adds nothing.
    assert _kinds("2024-09-29", "Thursday, Oct. 3\n\nA cooking contest with new judges.") == set()
    assert _kinds("2024-09-29", "Monday\n\nLate Talk Guests to be announced. 11:35 p.m.") == set()
    # The entry's first sentence is what the heading dates, even when later sentences carry other dates.
    entry = "Thursday, Oct. 3\n\nRosewood Lane The drama returns for season three. Season two aired May 2023."
    assert ("premiere", "2024-10-03") in _kinds("2024-09-29", entry)


def test_another_channels_broadcast_date_is_not_our_premiere():
    # An article about a cast member's other show: its air date on another channel is not a release of ours,
    # whether the date comes before or after the channel.
    text = (
        "Yasmin Finney plays Elle in Heartstopper.\n\n"
        "The first special airs on BBC One and iPlayer on Saturday 25 November.\n\n"
        "Doctor Who: The Star Beast airs Saturday 25 November on BBC One."
    )
    assert _kinds("2023-11-20", text) == set()
    # Our own show on Netflix keeps its date.
    assert _kinds("2023-11-20", "Heartstopper season 2 arrives on Netflix on Saturday 25 November.") == {
        ("premiere", "2023-11-25")
    }


def test_a_day_with_last_or_next_year_takes_that_year():
    # Family: "on 3 August last year" -- the past-tense rule alone would give the date line's year.
    assert _kinds("2024-09-19", "When the second season landed on 3 August last year, fans cried.") == {
        ("premiere", "2023-08-03")
    }
    assert _kinds("2025-07-16", "The third series arrived on October 3 last year.") == {
        ("premiere", "2024-10-03")
    }
    assert _kinds("2025-02-01", "Filming will begin on 12 January next year.") == {
        ("production_start", "2026-01-12")
    }


def test_the_following_month_follows_the_date_before_it():
    # Family: a narrative "the following February" comes after the previous date, not the date line.
    text = "Filming began on Oct. 2, 2023, in Kent with Ana Lopez. It wrapped the following February."
    assert _kinds("2024-10-03", text) == {("production_start", "2023-10-02"), ("production_end", "2024-02")}
    text = "Shooting began in March 2021. Production wrapped the next May, said Rosa Reyes."
    assert _kinds("2024-10-03", text) == {("production_start", "2021-03"), ("production_end", "2021-05")}
    # Nothing before it to follow: no year, no event.
    assert _kinds("2024-10-03", "Filming wrapped the following February.") == set()


def test_a_table_column_names_the_event_of_its_dates():
    # Family: a pipe-delimited schedule table ("Season | Release date | Episodes").
    text = (
        "Here is how the schedule has looked.\n\n"
        "Season | Netflix release date | Episodes\n"
        "Season 1 | April 22nd, 2022 | 8\n"
        "Season 2 | August 3rd, 2023 | 8\n\n"
        "| Film | Filming started |\n|---|---|\n| Rosa Reyes Story | March 2nd, 2021 |\n\n"
        "Ana Lopez | Editor | March 2024\n"  # a table with no header row: nothing
    )
    assert _kinds("2024-06-01", text) == {
        ("premiere", "2022-04-22"),
        ("premiere", "2023-08-03"),
        ("production_start", "2021-03-02"),
    }
    # A yearless table date still needs the article's date to be sound: here it is not.
    assert _kinds("2024-06-01", "Season | Premiere\nSeason 4 | October 3") == set()


def test_tudum_the_site_is_no_festival_but_tudum_the_event_is():
    assert _kinds("2025-06-01", "Ana Lopez spoke about the film on Netflix's Tudum in April 2025.") == set()
    assert _kinds("2025-06-01", "Rosa Reyes told Tudum in April 2025 that it was over.") == set()
    assert _kinds("2025-06-01", "The cast appeared at Tudum in May 2025 to tease the film.") == {
        ("festival", "2025-05")
    }
    assert _kinds("2025-06-01", "A clip was shown at the Tudum fan event in May 2025.") == {
        ("festival", "2025-05")
    }


def test_out_on_is_a_release_only_after_a_be_verb():
    # Family: "is out on Friday" is a release; "camped out on the square since Monday" is not.
    assert _kinds("2026-10-14", "The new season is out on Friday, 16 October.") == {
        ("premiere", "2026-10-16")
    }
    assert _kinds("2026-10-14", "Ana Lopez had camped out on the square since Monday morning.") == set()
    assert _kinds("2026-10-14", "Rosa Reyes said she struggled to get her van out on Monday.") == set()


def test_the_streaming_service_is_no_streaming_date():
    assert (
        _kinds("2025-09-26", "The film will close out the series, the streaming service said in September.")
        == set()
    )


def test_unnumbered_seasons_that_followed_premiered_then():
    # Family: "Two further series followed in August 2023 and October 2024".
    text = "The show arrived in April 2022. Two further series followed in August 2023 and October 2024."
    assert _kinds("2026-10-14", text) == {
        ("premiere", "2022-04"),
        ("premiere", "2023-08"),
        ("premiere", "2024-10"),
    }
    # Not a season before "followed": no premiere.
    assert _kinds("2026-10-14", "A backlash followed in May 2023.") == set()


def test_a_wire_dateline_dates_the_story_not_its_events():
    # Family: "CITY, Month Day (Agency) -" opens wire copy; the event has its own date, or none.
    text = (
        "LONDON, Sept 26 (Reuters) - Filming has finished on the film, the studio said on Friday.\n\n"
        "Production wrapped on Sept. 24 in Kent, Ana Lopez said."
    )
    assert _kinds("2025-09-26", text) == {("production_end", "2025-09-24")}
    # "today announced": the dateline's date is the announcement's.
    text = "LONDON, May 20, 2022 — Netflix today announced that the series was renewed."
    assert _kinds(None, text) == {("announcement", "2022-05-20")}


def test_a_date_of_saying_is_no_event_date_unless_it_announces():
    assert _kinds("2025-09-26", "Filming has wrapped, Rosa Reyes told reporters on Friday.") == set()
    assert _kinds("2025-09-26", "Netflix renewed the show, the company said on Friday.") == {
        ("announcement", "2025-09-26")
    }


def test_dates_under_another_shows_listings_heading_are_its_own():
    # Family: a TV listings roundup ("<Show> – <Channel>" headings); another show's dates are not ours.
    text = (
        "Heartstopper season four – Netflix\n\n"
        "The show returned on Thursday 3 October with Ana Lopez in fine form.\n\n"
        "Rosewood Lane – Sky Atlantic and NOW\n\n"
        "Episode three, which lands on Monday, is the best yet.\n\n"
        "Harbour Lights – BBC One, Saturday and Sunday\n\n"
        "The drama began on Sunday 29 September and is available to binge in full.\n"
    )
    assert _kinds("2024-10-04", text) == {("premiere", "2024-10-03")}
    # A lone "Name – Netflix" line is a photo credit, not a roundup: the dates under it still count.
    text = "Rosa Reyes – Netflix\n\nThe new season lands on Netflix on Thursday 3 October.\n"
    assert _kinds("2024-10-01", text) == {("premiere", "2024-10-03")}


def test_hit_as_an_adjective_is_no_release():
    # "the hit Netflix series ... on Saturday (22 June)": "hit" qualifies the series; "hit Netflix on" is one.
    assert (
        _kinds(
            "2024-06-24", "The stars of the hit Netflix series sat front row at a show on Saturday (22 June)."
        )
        == set()
    )
    assert _kinds("2024-06-24", "The third season hit Netflix on Thursday (20 June).") == {
        ("premiere", "2024-06-20")
    }


def test_that_month_or_a_month_of_that_year_takes_the_year_before_it():
    # Family: "wrapped that December" / "in September of that year" / "the same year" read the year of the
    # date before it in the text, never the date line's.
    text = "Cameras started rolling on the new run in September 2021, and the shoot wrapped that December."
    assert _kinds("2024-10-21", text) == {("production_start", "2021-09"), ("production_end", "2021-12")}
    text = "Production got under way in July 2022 with Ana Lopez and wrapped in September of that year."
    assert _kinds("2024-10-13", text) == {("production_start", "2022-07"), ("production_end", "2022-09")}
    text = "Filming began on 3 May 2021 and ended on 12 June the same year, said Rosa Reyes."
    assert _kinds("2024-10-13", text) == {
        ("production_start", "2021-05-03"),
        ("production_end", "2021-06-12"),
    }
    # Nothing dated before it: no year, no event (the date line would be a guess).
    assert _kinds("2024-10-13", "The shoot wrapped that December.") == set()
    assert _kinds("2024-10-13", "Filming wrapped in September of that year.") == set()
    # "that May" after "said" is a person, not a month.
    assert _kinds("2024-10-13", "In April 2023 filming began; Ana said that May would direct.") == {
        ("production_start", "2023-04")
    }


def test_the_last_day_of_filming_is_the_wrap_day():
    # Family: a wrap post dated by "the final day of filming on Friday (12 September)".
    text = "Ana Lopez posted a photo of the cast on the final day of filming on Friday (12 September)."
    assert _kinds("2025-09-15", text) == {("production_end", "2025-09-12")}
    text = "Rosa Reyes shared a selfie from her last day on set on 4 March."
    assert _kinds("2025-03-20", text) == set()  # no production word: a personal last day, not the wrap
    text = "The last day of shooting was 4 March, Rosa Reyes said."
    assert _kinds("2025-03-20", text) == {("production_end", "2025-03-04")}


def test_trade_press_bowed_is_a_release_but_bows_out_is_not():
    assert _kinds(
        "2025-06-10", "The series, which bowed on Netflix in April 2021, made stars of its cast."
    ) == {("premiere", "2021-04")}
    assert _kinds("", "Rosewood Lane bows out with a film on 3 May 2026 after a long run.") == set()


def test_a_festivals_own_run_is_no_appearance():
    # Family: "The festival runs through June 15" gives the festival's dates, not the show's appearance.
    text = "Ana Lopez spoke at the Tribeca Festival on June 8. The Tribeca Festival runs through June 15."
    assert _kinds("2025-06-10", text) == {("festival", "2025-06-08")}
    text = "The Outfest festival continues until 20 July, with screenings of Rosewood Lane on 18 July."
    assert _kinds("2025-07-01", text) == {("festival", "2025-07-18")}


def test_a_possessive_release_date_reveal_is_an_announcement():
    # Family: "revealed the film's release date on 10 February": the date of the reveal, not the release.
    text = "Netflix finally revealed the film's release date on February 10 after months of campaigning."
    assert _kinds("2026-04-15", text) == {("announcement", "2026-02-10")}
    text = "The streamer confirmed the show’s premiere date on 3 June."
    assert _kinds("2025-07-01", text) == {("announcement", "2025-06-03")}


def test_the_start_or_end_of_a_month_is_no_start_or_end_event():
    # Family: "wrapped at the start of August" / "began at the beginning of May": the phrase only places
    # the date in its month; the verb names the event.
    text = "Filming wrapped at the start of August, with Ana Lopez posting a farewell."
    assert _kinds("2026-03-03", text) == {("production_end", "2025-08")}
    text = "Shooting began at the beginning of May in Kent."
    assert _kinds("2025-09-01", text) == {("production_start", "2025-05")}
    text = "Ana Lopez joined the cast at the start of filming on 2 June 2025."
    assert _kinds("", text) == {("production_start", "2025-06-02")}


def test_a_trailer_released_on_a_date_is_the_trailers_release():
    # Family: a trailer or teaser as the subject of a release verb is no premiere.
    text = "The official trailer was released on 24 February and has 30 million views."
    assert _kinds("2026-03-03", text) == {("other", "2026-02-24")}
    text = "A first teaser dropped on 3 May; the series itself arrives on Netflix on 20 June."
    assert _kinds("2025-05-10", text) == {("other", "2025-05-03"), ("premiere", "2025-06-20")}


def test_principal_photography_is_production():
    # Family: trade and press-release wording for the shoot.
    text = "Principal photography took place across London and Kent from June to August 2025."
    assert _kinds("2026-01-20", text) == {("production_start", "2025-06"), ("production_end", "2025-08")}
    text = "Principal photography began on 2 June 2025 in Kent."
    assert _kinds("", text) == {("production_start", "2025-06-02")}


def test_people_arriving_at_a_place_is_no_release():
    # Family: red-carpet copy, "the cast arrived at the gala screening on Tuesday".
    text = "Ana Lopez and Rosa Reyes shared a hug as they arrived at the gala screening on Tuesday."
    assert _kinds("2026-07-14", text) == set()
    text = "Rosewood Lane arrived on Netflix on Tuesday to rave reviews."
    assert _kinds("2026-07-14", text) == {("premiere", "2026-07-14")}


def test_the_bylines_own_date_over_a_caption_is_no_listings_heading():
    # Family: a byline prints the article's date on its own line above the lead photo's caption; a
    # listings heading ("Thursday, Oct. 3") dates the release in the line under it, the byline does not.
    text = "Ana Lopez\n\n3 March 2026\n\nAna Lopez and Rosa Reyes return as Sam and Jo in Rosewood Lane"
    assert _kinds("", text) == set()
    listing = "Thursday, Oct. 3\n\nRosewood Lane returns for a third season."
    assert _kinds("2024-09-30", listing) == {("premiere", "2024-10-03")}


def test_a_screening_in_a_month_takes_the_year_the_past_tense_allows():
    # Family: "We screened it at <festival> in March" in an April article: this year's March.
    text = "We screened it at BFI Flare in March, and Ana Lopez sat at the back."
    assert _kinds("2026-04-16", text) == {("festival", "2026-03")}


def test_a_date_belongs_to_the_season_named_before_it_in_its_clause():
    # "Season one arrived on 22 April 2022, season two followed ...": the date after "Season one" is season
    # one's, though "season two" is nearer; across a clause break the nearest season wins.
    facts = extract_article(
        "Show news\ndate 2025-01-01\n\nSeason one arrived on 22 April 2022, season two followed on 3 August "
        "2023. Season 1 was a hit; on 3 October 2024 season 3 arrived.\n",
        "s.txt",
    )
    got = [(e.season, e.date) for e in facts.events]
    assert got == [(1, "2022-04-22"), (2, "2023-08-03"), (3, "2024-10-03")]


def test_the_films_dates_are_the_films_not_a_seasons():
    # An article about the film: its premiere is "Heartstopper Forever premiere", and undated-season
    # production news in it is no season's ("Season 1 production start" was the article's most-named season).
    facts = extract_article(
        "HEARTSTOPPER FOREVER SETS JULY 17 PREMIERE ON NETFLIX\ndate 2026-01-20\n\n"
        "Heartstopper Forever will premiere on Netflix on Friday, July 17, 2026. Season 1's cast all return. "
        "Principal photography took place in Kent from June to August 2025.\n",
        "f.txt",
    )
    got = {(e.what, e.date) for e in facts.events}
    assert got == {
        ("Heartstopper Forever premiere", "2026-07-17"),
        ("Production start", "2025-06"),
        ("Production end", "2025-08"),
    }


def test_wrapping_ends_production_and_a_keyword_belongs_to_the_nearest_following_date():
    # "beginning in January and wrapping in March": March is the wrap. "a screening on Wednesday night, the
    # evening before the film was released yesterday (Thursday, October 2)": only Thursday is a release.
    shoot = "Filming took place in Kent, beginning in January and wrapping in March."
    assert _kinds("2025-06-01", shoot) == {
        ("production_start", "2025-01"),
        ("production_end", "2025-03"),
    }
    text = (
        "The cinema hosted a fan screening on Wednesday night, the evening before the film was released on "
        "Netflix yesterday (Thursday, October 2)."
    )
    assert _kinds("2025-10-03", text) == {("premiere", "2025-10-02")}


def test_a_wire_ledes_said_day_is_the_announcement_and_the_first_day_of_filming_a_start():
    # "Netflix said on Thursday that the show will end with a film": announced that (past) Thursday, even in
    # a future-tense sentence; "On a cold morning in April 2021, the first day of filming": the shoot began.
    text = "Netflix said on Thursday that its drama will conclude with a feature-length film."
    assert _kinds("2025-04-18", text) == {("announcement", "2025-04-17")}
    text = "On a cold morning in April 2021, the first day of filming, a crew gathered outside a school."
    assert _kinds("2025-06-01", text) == {("production_start", "2021-04")}


def test_a_lower_case_festival_a_said_month_and_a_streams_from_date() -> None:
    # "speaking on a panel at the Edinburgh TV festival in August" in a September article; "streams on
    # Netflix from October 24, 2025"; a weekday alone ("from Friday") stays no event.
    text = (
        '"It is glamorous," Ana Lopez said, speaking on a panel at the Edinburgh TV festival in August. '
        "The film streams on Netflix from October 24, 2025. The special streams from Friday."
    )
    assert _kinds("2025-09-26", text) == {("festival", "2025-08"), ("premiere", "2025-10-24")}


def test_a_credits_box_release_date_is_the_premiere() -> None:
    assert _kinds("2025-10-16", "Release Date: 17 Oct 2025\n\nAvailable on: Netflix") == {
        ("premiere", "2025-10-17")
    }


def test_is_back_for_a_season_on_a_date_is_the_premiere() -> None:
    text = "The show is back for a second season on Netflix on August 3."
    assert _kinds("2023-07-29", text) == {("premiere", "2023-08-03")}


def test_a_premiere_date_set_is_a_date_to_come() -> None:
    # Real: "Netflix has set a premiere date of August 3" in an April article (no tense marker near it).
    text = "Netflix has set a premiere date of August 3, along with a short video."
    assert _kinds("2023-04-24", text) == {("premiere", "2023-08-03")}
