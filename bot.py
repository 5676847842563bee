"""The Heartstopper fan bot: the Bot class and the command line.

python bot.py                 run against Discord (needs DISCORD_TOKEN)
python bot.py local           talk to the bot in this terminal through the built-in local Discord
python bot.py ask CMD...      run slash commands through the local Discord and print the replies
python bot.py extract FILE... show what the extractor reads from articles (--json for tools)
python bot.py reload          rebuild the store from the articles
python bot.py sync            publish the slash commands to Discord (--guild ID for one server)
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import discord
from discord.ext import commands

from cogs import EXTENSIONS
from config import ConfigError, Settings, load_settings
from core.clock import Clock, parse_instant
from core.tree import BotTree
from core.views import SnapshotCache
from db.model import ReloadReport, Snapshot
from db.shared_version import ReloadFollower, publish
from db.store import Store

log = logging.getLogger("heartstopper")
T = TypeVar("T")

FRESHNESS_CHECK_EVERY = 2.0  # seconds: how stale another process's reload may look before we notice it
QUIET_BEFORE_TRIM = 1.0  # seconds without a command before memory left over from a burst is given back


def _malloc_trim() -> None:
    """Hand freed heap pages back to the OS (glibc keeps a burst's peak otherwise); a no-op elsewhere."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def use_fast_event_loop() -> bool:
    """Run asyncio on uvloop when it is installed (the `speed` extra): less event-loop overhead per event."""
    try:
        import uvloop
    except ImportError:
        return False
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return True


class HeartstopperBot(commands.Bot):
    """Opens the store and loads one cog per command family in `setup_hook`, as discord.py recommends."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None, **options: object) -> None:
        options.setdefault("intents", discord.Intents(guilds=True))
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=BotTree,
            allowed_mentions=discord.AllowedMentions.none(),
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            **options,  # type: ignore[arg-type]
        )
        self.settings = settings
        self.clock = clock or Clock()
        self._store: Store | None = None
        self._checked_fresh_at = 0.0
        self._caches: list[SnapshotCache] = []
        self._follower: ReloadFollower | None = None
        self._catching_up: asyncio.Task[None] | None = None
        self._commands_seen = 0  # counted by ensure_fresh: tells the memory trimmer when a burst is over
        self._trimmer: asyncio.Task[None] | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is opened in setup_hook; the bot has not started")
        return self._store

    async def setup_hook(self) -> None:
        self._store = await Store.open(self.settings.database_path, self.settings.articles_dir)
        self._follower = await asyncio.to_thread(ReloadFollower, self.settings.articles_dir)
        snap = self._store.snapshot
        log.info(
            "store ready: %d articles, %d roles, data version %s",
            len(snap.articles),
            len(snap.cast),
            snap.data_version[:12],
        )
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self.warm_caches()
        self._trimmer = asyncio.create_task(self._trim_memory_when_quiet(), name="trim-memory")
        if self.settings.dev_guild_id:
            guild = discord.Object(self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
            log.info("commands copied to dev guild %s", self.settings.dev_guild_id)

    async def _trim_memory_when_quiet(self) -> None:
        """After a burst, once no command came for QUIET_BEFORE_TRIM seconds, give freed heap pages back.

        A burst of thousands of interactions leaves its peak in CPython's and glibc's free lists (RSS stayed
        ~160 MB after a 5000 burst); giving it back costs a few ms, and only when the bot is idle.
        """
        trimmed_at = seen = self._commands_seen
        while True:
            await asyncio.sleep(QUIET_BEFORE_TRIM)
            now = self._commands_seen
            if now == seen and now != trimmed_at:
                # No gc.collect() here: a full collection of the 10 000-article store's heap stalled the loop
                # ~300 ms, and freed nothing the trim did not (the cyclic garbage is collected as usual).
                started = time.perf_counter()
                _malloc_trim()
                log.debug("memory trimmed in %.1f ms", (time.perf_counter() - started) * 1000)
                trimmed_at = now
            seen = now

    def snapshot_cache(self, build: Callable[[Snapshot], T]) -> SnapshotCache[T]:
        """A value the cogs derive from the store snapshot (an index), rebuilt off the loop after reloads."""
        cache = SnapshotCache(build)
        self._caches.append(cache)
        return cache

    async def warm_caches(self) -> None:
        """Derive every cog's indexes from the current snapshot in threads, not in the next command."""
        snapshot = self.store.snapshot
        await asyncio.gather(*(cache.prepare(snapshot) for cache in self._caches))

    async def ensure_fresh(self) -> None:
        """Catch up with a reload done by another process, before answering (checked every few seconds).

        Two ways, both cheap: another process swapped a new file into the store we share (same
        DATABASE_PATH), or it announced a new data version beside the articles (db.shared_version), in which
        case this process rebuilds its own copy in the background and answers from the old one meanwhile.
        """
        self._commands_seen += 1
        if time.monotonic() - self._checked_fresh_at < FRESHNESS_CHECK_EVERY:
            return
        self._checked_fresh_at = time.monotonic()
        if await self.store.refresh_if_changed():
            log.info(
                "picked up a store rebuilt elsewhere: data version %s", self.store.snapshot.data_version[:12]
            )
        if self._follower is None or self.store.reloading:
            return
        due = await asyncio.to_thread(self._follower.due, self.store.snapshot.data_version)
        if due is not None:
            self._catching_up = asyncio.create_task(self._follow_reload(due), name="follow-reload")

    async def _follow_reload(self, announced: str) -> None:
        log.info("another process reloaded (data version %s): rebuilding this process's store", announced)
        report = await self.store.rebuild()
        if report.ok:
            await self.warm_caches()
            log.info("picked up a reload from another process: data version %s", report.data_version)
        else:
            log.warning("could not follow another process's reload: %s", report.error)

    async def after_reload(self, report: ReloadReport) -> None:
        log.info("reload %s: %s", "done" if report.ok else "failed", report.error or report.counts)
        if report.ok:
            await self.warm_caches()  # before the reply says "done", so the next command sees the new data
        if report.ok and report.data_version:
            # Tell the shards in other processes, which each serve their own copy of the store.
            if self._follower is not None:
                self._follower.mark_published(report.data_version)
            await asyncio.to_thread(publish, self.settings.articles_dir, report.data_version)

    async def close(self) -> None:
        for task in (self._catching_up, self._trimmer):
            if task is not None and not task.done():
                task.cancel()
        await super().close()
        if self._store is not None:
            await self._store.close()


def make_bot(settings: Settings, *, clock: Clock | None = None, **options: object) -> HeartstopperBot:
    """One bot per process; SHARD_COUNT / SHARD_IDS pick the gateway shards it runs."""
    if settings.shard_count:
        options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids and len(settings.shard_ids) == 1:
            options.setdefault("shard_id", settings.shard_ids[0])
        elif settings.shard_ids:
            return ShardedHeartstopperBot(
                settings, clock=clock, shard_ids=list(settings.shard_ids), **options
            )
    return HeartstopperBot(settings, clock=clock, **options)


class ShardedHeartstopperBot(HeartstopperBot, commands.AutoShardedBot):
    """Several shards in this process, each its own gateway connection, sharing one store."""


# --- command line -------------------------------------------------------------------------------------------


def _with_paths(settings: Settings, args: argparse.Namespace) -> Settings:
    from dataclasses import replace

    changes = {}
    if getattr(args, "articles", None):
        changes["articles_dir"] = Path(args.articles).resolve()
    if getattr(args, "db", None):
        changes["database_path"] = Path(args.db).resolve()
    return replace(settings, **changes)


def cmd_run(settings: Settings) -> int:
    token = settings.require_token()
    use_fast_event_loop()
    bot = make_bot(settings)
    _honour_local_discord_url(bot)
    bot.run(token, log_handler=None)
    return 0


def _honour_local_discord_url(bot: HeartstopperBot) -> None:
    """Test/dev hook only: with LOCAL_DISCORD_URL set, talk to a LocalDiscord (localdiscord/) there instead
    of Discord, e.g. to run shards as separate processes, or to check `sync`, against one local Discord."""
    if url := os.environ.get("LOCAL_DISCORD_URL"):
        from localdiscord import make_fast, point_discord_py_at

        point_discord_py_at(url)
        make_fast(bot)
        log.warning("LOCAL_DISCORD_URL is set: connecting to a local Discord at %s, not to Discord", url)


def cmd_sync(settings: Settings, guild_id: int | None) -> int:
    token = settings.require_token()

    async def sync() -> None:
        async with make_bot(settings) as bot:
            _honour_local_discord_url(bot)
            await bot.login(token)  # runs setup_hook: store and cogs, so the tree is complete
            guild = discord.Object(guild_id) if guild_id else None
            if guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
            print(f"synced {len(synced)} commands {'to guild ' + str(guild_id) if guild_id else 'globally'}")

    asyncio.run(sync())
    return 0


def cmd_extract(files: Sequence[str], as_json: bool) -> int:
    from ingest.extract import extract_file
    from ingest.model import ArticleError

    articles, errors = [], []
    for name in files:
        try:
            articles.append(extract_file(Path(name)).to_json() | {"file": name})
        except ArticleError as exc:
            errors.append({"file": name, "error": exc.reason})
    result = {"articles": articles, "errors": errors}
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    for article in articles:
        print(f"{article['file']}: {article['title']} ({article['date'] or 'undated'})")
        for c in article["cast"]:
            print(
                f"  cast   {c['character']} — {c['actor']}"
                + (f" ({c['description']})" if c["description"] else "")
            )
        for e in article["events"]:
            print(f"  event  {e['date']}  {e['what']}")
        for q in article["quotes"]:
            print(f"  quote  {q['speaker']}: {q['text'][:100]}")
    for error in errors:
        print(f"{error['file']}: skipped: {error['error']}", file=sys.stderr)
    return 0


def cmd_reload(settings: Settings) -> int:
    from db.build import build_database, format_report

    def bar(done: int, total: int) -> None:
        if sys.stderr.isatty() or done == total:
            width = 30
            filled = width * done // total if total else width
            end = "\n" if done == total else ""
            print(
                f"\r[{'#' * filled}{'-' * (width - filled)}] {done}/{total} articles",
                end=end,
                file=sys.stderr,
            )

    report = build_database(settings.articles_dir, settings.database_path, progress=bar)
    print(format_report(report))
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot.py", description="Heartstopper fan bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run against Discord (the default; needs DISCORD_TOKEN)")

    def paths(p: argparse.ArgumentParser) -> None:
        p.add_argument("--articles", metavar="DIR", help="articles folder (default ARTICLES_DIR)")
        p.add_argument("--db", metavar="PATH", help="database file (default DATABASE_PATH)")

    p = sub.add_parser("local", help="talk to the bot in this terminal through the local Discord")
    paths(p)
    p.add_argument("--as", dest="as_", choices=("member", "moderator", "owner"), default="moderator")
    p.add_argument("--now", metavar="ISO-DATETIME", help="run the bot's clock from this instant")

    p = sub.add_parser("ask", help="run slash commands through the local Discord and print the replies")
    paths(p)
    p.add_argument("commands", nargs="*", metavar="COMMAND", help='e.g. "/cast name:Tao"')
    p.add_argument("--json", action="store_true", help="one JSON line per command")
    p.add_argument("--as", dest="as_", choices=("member", "moderator", "owner", "role"), default="member")
    p.add_argument("--now", metavar="ISO-DATETIME", help="run the bot's clock from this instant")
    p.add_argument(
        "--autocomplete",
        action="append",
        default=[],
        metavar="COMMAND",
        help='print the autocomplete choices for a partly typed command, e.g. "/cast name:Ta"',
    )

    p = sub.add_parser("extract", help="print what the extractor reads from article files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("reload", help="rebuild the store from the articles")
    paths(p)

    p = sub.add_parser("sync", help="publish the slash commands to Discord")
    p.add_argument("--guild", type=int, metavar="ID", help="only this server (instant), else globally")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = _with_paths(load_settings(), args)
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    discord.utils.setup_logging(level=getattr(logging, settings.log_level, logging.INFO), root=True)
    try:
        match args.command:
            case None | "run":
                return cmd_run(settings)
            case "sync":
                return cmd_sync(settings, args.guild)
            case "extract":
                return cmd_extract(args.files, args.json)
            case "reload":
                return cmd_reload(settings)
            case "local" | "ask":
                from localdiscord.console import run_ask, run_local

                clock = Clock(parse_instant(args.now)) if args.now else None
                if args.command == "local":
                    return run_local(settings, clock=clock, as_=args.as_)
                return run_ask(
                    settings,
                    args.commands,
                    autocomplete=args.autocomplete,
                    as_=args.as_,
                    as_json=args.json,
                    clock=clock,
                )
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ValueError as exc:  # a malformed --now or command line
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
