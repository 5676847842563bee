"""The article header: date/source/title lines, or a headline."""

from __future__ import annotations

import pytest

from ingest.metadata import MAX_TITLE, parse_header


def test_date_line_with_body_text_on_the_same_line():
    h = parse_header(" date 2023-06-22 Heartstopper is back. Season 2 arrives soon.\n\nMore text.")
    assert h.date == "2023-06-22"
    assert h.title == "Heartstopper is back."
    assert h.headline == ""
    assert h.body.startswith("Heartstopper is back. Season 2")  # the first sentence is still body text
    assert "More text." in h.body


def test_metadata_lines_then_headline():
    text = "date 2024-01-05\nsource: https://example.com/a\nHeadline here\nBody line."
    h = parse_header(text)
    assert (h.date, h.source, h.title, h.headline) == (
        "2024-01-05",
        "https://example.com/a",
        "Headline here",
        "Headline here",
    )
    assert h.body.strip() == "Body line."


def test_title_line_wins_over_headline():
    h = parse_header("title: The real title\ndate: 2024-01-05\nFirst body line.")
    assert h.title == "The real title"
    assert h.date == "2024-01-05"
    assert h.body.strip() == "First body line."


def test_headline_kept_as_written():
    h = parse_header("“Heartstopper” Takes Us to Paris\n\nBody.")
    assert h.title == "“Heartstopper” Takes Us to Paris"
    assert h.date is None and h.source is None


def test_invalid_calendar_date_is_not_a_date():
    assert parse_header("date 2023-02-30 Text.").date is None


def test_long_first_sentence_is_trimmed():
    h = parse_header("date 2023-06-22 " + "word " * 200)
    assert 0 < len(h.title) <= MAX_TITLE


def test_no_header_at_all():
    assert parse_header("").title == ""
    assert parse_header("\n\n   \n").body.strip() == ""


def test_date_and_source_lines_under_the_headline():
    # Family: exports that print the headline first and the metadata under it.
    h = parse_header("Big headline here\n\ndate 2024-10-01\nsource: https://example.com/x\n\nFirst line.")
    assert (h.title, h.date, h.source) == ("Big headline here", "2024-10-01", "https://example.com/x")
    assert h.body.strip() == "First line."


def test_a_body_line_that_starts_with_date_is_not_metadata():
    h = parse_header("Headline\nDate night 2024-10-01 was fun.")
    assert h.date is None and "Date night" in h.body


# Family: outlets print the article's date after a time, with the month in capitals, led by an abbreviated
# weekday (the Guardian), or on a wire story's "Updated" line with the time in capitals and its zone (AP).
BYLINE_DATES = {
    "By Ana Lopez, Arts Reporter\n06:00, 28 JUL 2025\n": "2025-07-28",
    "By Rosa Reyes\nPublished: 05:00, 16 July 2025 | Updated: 09:40, 16 July 2025\n": "2025-07-16",
    "Rosa Reyes\nTHE DAILY\nPublished 3:00 a.m. ET Oct. 3, 2024\n": "2024-10-03",
    "Standfirst line here.\n\nBY ANA LOPEZ\nSEPTEMBER 30, 2024\n": "2024-09-30",
    "Ana Lopez\nThu 3 Oct 2024 08.00 BST\n": "2024-10-03",
    "Rosa Reyes\nSat, 17 May 2025 09:30\n": "2025-05-17",
    "By ANA LOPEZ\nUpdated 7:41 PM GMT, October 15, 2026\n": "2026-10-15",
    "By JO BELL\nUpdated 9:14 AM GMT+1, May 8, 2025\n": "2025-05-08",
    "By Rosa Reyes\nPublished 11:02 AM EDT, March 4, 2025\n": "2025-03-04",
    # A numeric date, read day-first or month-first only where a British/US zone or a number over 12 says.
    "By Ana Lopez\nEntertainment Editor, The Post UK\n11/04/2026 06:00am BST\n": "2026-04-11",
    "By Rosa Reyes\n04/11/2026 6:00 AM ET\n": "2026-04-11",
    "Ana Lopez\nPublished 25/12/2025\n": "2025-12-25",
}


def test_a_numeric_byline_date_with_no_settled_order_dates_nothing():
    # "04/05/2026" is 4 May in London and April 5 in New York: with no zone, no date.
    assert parse_header("A headline\n\nBy Ana Lopez\n04/05/2026\nThe body.").date is None
    assert parse_header("A headline\n\nThe body says 11/04/2026 BST somewhere.\n").date is None


@pytest.mark.parametrize(("top", "iso"), BYLINE_DATES.items())
def test_a_byline_in_an_outlets_style_dates_the_article(top: str, iso: str) -> None:
    text = "A headline\n\n" + top + "\nThe body. It may say MAY 5, 2020 later."
    assert parse_header(text).date == iso


def test_a_capital_month_in_body_prose_is_no_article_date():
    assert parse_header("A headline\n\nFANS SAY MAY 5 IS THE DAY\n\nBody.").date is None


def test_a_section_kicker_above_the_headline_is_not_the_headline():
    # "HOLLYWOOD" / "TV & RADIO" over a magazine headline: the line after it is the headline; an all-caps
    # headline of four or more words is still a headline.
    assert parse_header("HOLLYWOOD\n\nDev Rao Is Done Playing It Safe\n\nBody.").headline == (
        "Dev Rao Is Done Playing It Safe"
    )
    assert parse_header("TV & RADIO\nHeadline here\nBody.").headline == "Headline here"
    assert parse_header("DEV RAO TALKS SEASON FOUR\nBody.").headline == "DEV RAO TALKS SEASON FOUR"
    assert parse_header("EXCLUSIVE\n").headline == "EXCLUSIVE"  # nothing after it: it is all there is


def test_a_weekday_and_date_inside_prose_is_no_article_date():
    assert parse_header("A headline\n\nIt lands Thu 3 Oct 2024 on Netflix.\n\nBody.").date is None
