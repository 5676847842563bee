"""The pure parts: typed lines to options, rule checks, and terminal rendering."""

import pytest

from localdiscord import render_message
from localdiscord.parse import option_payload, parse_line, typed_values
from localdiscord.rules import check_choices, check_message, pinging_mentions

COMMANDS = {
    "cast": {"name": "cast", "options": [{"name": "name", "type": 3, "autocomplete": True}]},
    "quote": {"name": "quote", "options": [{"name": "who", "type": 3}, {"name": "about", "type": 3}]},
    "countdown": {
        "name": "countdown",
        "options": [
            {"name": "event", "type": 3, "choices": [{"name": "Season 3", "value": "s3"}]},
            {"name": "days", "type": 4, "min_value": 0},
            {"name": "loud", "type": 5},
        ],
    },
    "admin": {
        "name": "admin",
        "options": [
            {"name": "reload", "type": 1, "options": [{"name": "force", "type": 5, "required": True}]}
        ],
    },
}


def values(line: str) -> dict:
    parsed = parse_line(line, COMMANDS)
    return typed_values(parsed.qualified, parsed.values, parsed.schema_options)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/cast name:Tao", {"name": "Tao"}),
        ("/cast Tao", {"name": "Tao"}),
        ("/cast tao xu", {"name": "tao xu"}),
        ('/cast name:"tao xu"', {"name": "tao xu"}),
        ("/cast name:Mr Farouk", {"name": "Mr Farouk"}),
        ("/quote who:Kit about:rugby", {"who": "Kit", "about": "rugby"}),
        ("/quote about:rugby match who:Kit Connor", {"about": "rugby match", "who": "Kit Connor"}),
        ("/countdown event:Season 3 days:4 loud:yes", {"event": "s3", "days": 4, "loud": True}),
        ("/countdown", {}),
        ("/cast name:it's", {"name": "it's"}),  # an unbalanced quote is text
    ],
)
def test_lines_become_typed_options(line: str, expected: dict) -> None:
    assert values(line) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/cast bogus:1", "no option 'bogus'"),
        ("/countdown days:-1", "at least 0"),
        ("/countdown days:two", "not a whole number"),
        ("/countdown event:Season 9", "not one of the choices"),
        ("/countdown loud:maybe", "not true/false"),
        ("/admin reload", "missing required option"),
        ("/admin", "needs a subcommand"),
        ("cast Tao", "starts with '/'"),
        ("/quote who:A who:B", "given twice"),
    ],
)
def test_lines_discord_would_refuse(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        values(line)


def test_subcommand_options_are_nested() -> None:
    parsed = parse_line("/admin reload force:true", COMMANDS)
    typed = typed_values(parsed.qualified, parsed.values, parsed.schema_options)
    assert option_payload(parsed.path, typed, parsed.schema_options, None) == [
        {"name": "reload", "type": 1, "options": [{"name": "force", "type": 5, "value": True}]}
    ]


def test_message_limits() -> None:
    assert check_message({"content": "x" * 2000}) == []
    assert check_message({"content": "x" * 2001}) == ["content is 2001 chars (max 2000)"]
    assert check_message({}) == ["cannot send an empty message"]
    embed = {"title": "t" * 257, "description": "d" * 4097, "footer": {"text": "f" * 2049}}
    problems = check_message({"embeds": [embed]})
    assert len(problems) == 4  # title, description, footer, and the 6000 total
    field = {"name": "n" * 257, "value": "v" * 1025}
    assert len(check_message({"embeds": [{"fields": [field]}]})) == 2
    assert check_message({"embeds": [{"title": "x"}] * 11}) == ["11 embeds (max 10)"]


def test_choice_limits() -> None:
    assert check_choices([{"name": "a", "value": "a"}]) == []
    assert check_choices([{"name": "", "value": "a"}])
    assert check_choices([{"name": "a", "value": "v" * 101}])
    assert check_choices([{"name": "a", "value": 3}]) == []


def test_mentions_only_count_when_they_would_ping() -> None:
    text = "@everyone <@1> <@!2> <@&3> @here"
    assert pinging_mentions({"content": text, "allowed_mentions": {"parse": []}}) == []
    assert pinging_mentions({"content": text}) == ["@everyone", "@here", "<@1>", "<@2>", "<@&3>"]
    assert pinging_mentions({"content": text, "allowed_mentions": {"parse": [], "users": ["2"]}}) == ["<@2>"]
    assert pinging_mentions({"embeds": [{"description": "@here"}]}) == ["@here"]


def test_render_message_shows_what_a_fan_sees() -> None:
    text = render_message(
        {
            "content": "Found them",
            "flags": 64,
            "embeds": [
                {
                    "title": "Tao Xu",
                    "description": "Played by William Gao",
                    "fields": [{"name": "Seasons", "value": "1, 2, 3"}],
                    "footer": {"text": "from 4 articles"},
                }
            ],
        }
    )
    assert text.splitlines() == [
        "[only you can see this]",
        "Found them",
        "| == Tao Xu ==",
        "| Played by William Gao",
        "| Seasons: 1, 2, 3",
        "| -- from 4 articles",
    ]
    assert (
        render_message({"choices": [{"name": "Tao Xu", "value": "Tao Xu"}]}) == "[autocomplete]\n  - Tao Xu"
    )
    assert render_message({"content": "<t:0:F>"}) == "Thursday 1970-01-01 00:00 UTC"
