"""/reload and /about end to end: permissions, reloads that add data, reloads that must lose none."""

from __future__ import annotations

from tests.replies import embed, final, is_ephemeral, text

SEASON_3 = """\
date 2024-05-10
Heartstopper season 3 confirms its premiere date and new cast

Netflix has confirmed that Heartstopper season 3 will premiere on October 3, 2024.

Joining the cast this season is Jonathan Bailey as Jack Maddox, a famous actor, while Hayley Atwell
will play Diane Spring, Charlie's aunt.
"""


async def test_member_is_refused_reload(local):
    result = await local.interact("/reload", as_="member")
    assert is_ephemeral(result)
    assert "Only moderators" in text(result)


async def test_role_without_manage_server_but_listed_is_allowed(local):
    result = await local.interact("/reload", as_="role")
    assert "Reloaded." in text(result)


async def test_owner_is_allowed(local):
    assert "Reloaded." in text(await local.interact("/reload", as_="owner"))


async def test_reload_in_dms_is_refused(local):
    result = await local.interact("/reload", as_="moderator", dm=True)
    assert "only works in a server" in text(result)


async def test_reload_is_registered_for_manage_server_by_default(local):
    command = local.commands["reload"]
    assert int(command["default_member_permissions"]) == 1 << 5  # MANAGE_GUILD


async def test_reload_after_adding_an_article_adds_its_cast(local, articles_dir):
    assert "couldn't find" in text(await local.interact("/cast name:Jonathan Bailey"))
    (articles_dir / "004_season3.txt").write_text(SEASON_3, encoding="utf-8")
    result = await local.interact("/reload", as_="moderator")
    assert is_ephemeral(result)
    assert "Reloaded." in text(result)
    card = embed(await local.interact("/cast name:Jonathan Bailey"))
    assert card["title"] == "Jack Maddox"
    assert "Diane Spring" in text(await local.interact("/cast name:Hayley Atwell"))


async def test_broken_article_is_skipped_and_old_data_still_answers(local, articles_dir):
    (articles_dir / "005_broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary garbage")
    (articles_dir / "006_empty.txt").write_bytes(b"")
    result = await local.interact("/reload", as_="moderator")
    report = text(result)
    assert "005\\_broken.txt" in report or "005_broken.txt" in report
    assert "006\\_empty.txt" in report or "006_empty.txt" in report
    assert embed(await local.interact("/cast Tao"))["title"] == "Tao Xu"


async def test_reload_with_no_readable_article_keeps_the_old_store(local, articles_dir):
    for path in articles_dir.iterdir():
        path.write_bytes(b"\xff\xfe\x00")
    result = await local.interact("/reload", as_="moderator")
    assert "Reload failed" in text(result)
    assert embed(await local.interact("/cast Tao"))["title"] == "Tao Xu"


async def test_reload_cooldown_is_enforced(start_local, settings):
    from dataclasses import replace

    discord_, _ = await start_local(replace(settings, reload_cooldown=600))
    assert "Reloaded." in text(await discord_.interact("/reload", as_="moderator"))
    again = await discord_.interact("/reload", as_="moderator")
    assert is_ephemeral(again)
    assert "reload again <t:" in text(again)


async def test_about_lists_the_articles(local):
    card = embed(await local.interact("/about"))
    everything = text(await local.interact("/about"))
    assert "Articles (4)" in {f["name"] for f in card["fields"]}
    assert "Heartstopper creator reveals favourite scene" in everything
    assert "22 June 2023" in everything
    assert card["footer"]["text"].startswith("Data version ")
    assert final(await local.interact("/about"))["allowed_mentions"]["parse"] == []


async def test_gateway_drop_mid_session_resumes_and_answers(local):
    await local.close_gateway(4000)
    result = await local.interact("/cast Tao")
    assert embed(result)["title"] == "Tao Xu"
