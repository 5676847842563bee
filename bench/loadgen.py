"""The load generator: the local Discord in its own process, driven over a multiprocessing pipe.

It runs in a different process from the bot so that building, sending and recording thousands of
interactions never steals the bot's event loop. The orchestrator (bench.run) sends one request at a time
as a tuple ``(op, kwargs)`` and gets one reply dict back; the ops are the methods of `LoadGenerator`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from localdiscord import GUILD_ID, SECOND_GUILD_ID
from localdiscord.server import Interaction, LocalDiscord

DEADLINE = 3.0  # seconds: Discord's limit for the first response
USER_BASE = 10**17  # distinct, valid-looking snowflakes: one fan per interaction, so no cooldown is hit


class LoadGenerator:
    def __init__(self, shards: int = 1) -> None:
        # With two shards, one guild on each ((guild_id >> 22) % 2 routes them as Discord does).
        guilds = (GUILD_ID, SECOND_GUILD_ID) if shards == 2 else (GUILD_ID,)
        self.discord = LocalDiscord(heartbeat_interval_ms=41250, guild_ids=guilds, shard_count=shards)
        self._next_user = USER_BASE

    def _user(self) -> int:
        self._next_user += 1
        return self._next_user

    async def _send(self, line: str, *, as_: str = "member", guild_id: int | None = None) -> Interaction:
        """`line` is a slash command, or "? /cast name:Ta" for an autocomplete interaction."""
        if line.startswith("?"):
            return await self.discord.send_interaction(
                line[1:].strip(), user_id=self._user(), autocomplete=True, as_=as_, guild_id=guild_id
            )
        return await self.discord.send_interaction(line, user_id=self._user(), as_=as_, guild_id=guild_id)

    async def op_wait_ready(
        self,
        commands: list[str],
        timeout: float = 30.0,  # noqa: ASYNC109
        shard_ids: list[int] | None = None,
    ) -> dict[str, Any]:
        await self.discord.wait_until_connected(timeout, shard_ids=shard_ids)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not all(c in self.discord.commands for c in commands):
            if loop.time() > deadline:
                return {"ok": False, "error": f"commands not registered: {commands}"}
            await asyncio.sleep(0.01)
        return {"ok": True}

    async def op_reset(self) -> dict[str, Any]:
        self.discord.reset_records()
        return {"ok": True}

    async def op_sequential(self, lines: list[str], n: int, timeout: float = 5.0) -> dict[str, Any]:  # noqa: ASYNC109
        """n interactions one after another, cycling through `lines`; latency of each first response.

        A short warm-up first (not counted): the first calls pay for connections and caches.
        """
        for i in range(min(50, n)):
            record = await self._send(lines[i % len(lines)])
            await self.discord.wait_settled(record, settle=0.0, timeout=timeout)
        latencies: list[float] = []
        unanswered = 0
        problems: list[str] = []
        for i in range(n):
            record = await self._send(lines[i % len(lines)])
            await self.discord.wait_settled(record, settle=0.0, timeout=timeout)
            if record.latency is None:
                unanswered += 1
            else:
                latencies.append(record.latency)
            if record.violations and len(problems) < 5:
                problems.extend(record.violations)
        self.discord.reset_records()
        return {"latencies": latencies, "unanswered": unanswered, "problems": problems}

    async def op_burst(self, lines: list[str], n: int, grace: float = 10.0) -> dict[str, Any]:
        """n interactions sent back to back without waiting; then wait for every answer (or give up).

        With several guilds (one per shard), the interactions alternate between them.
        """
        guilds = self.discord.guild_ids
        started = time.monotonic()
        records = [
            await self._send(lines[i % len(lines)], guild_id=guilds[i % len(guilds)]) for i in range(n)
        ]
        sent = time.monotonic()
        give_up = sent + DEADLINE + grace
        while time.monotonic() < give_up:
            if all(r.acknowledged or r.rejected for r in records):
                break
            await asyncio.sleep(0.02)
        answered = [r for r in records if r.acknowledged]
        # A callback after the deadline is refused (Discord shows the fan "interaction failed"): it counts
        # as late, timed by when it arrived; an interaction with no callback at all is lost.
        late = [r for r in records if not r.acknowledged and r.rejected]
        lost = [r for r in records if not r.acknowledged and not r.rejected]
        times = [r.first_response_at - r.sent_at for r in answered if r.first_response_at is not None]
        times += [r._last_activity - r.sent_at for r in late]
        ends = [r.first_response_at or 0.0 for r in answered] + [r._last_activity for r in late]
        result = {
            "n": n,
            "send_seconds": sent - started,
            "seconds": max(ends, default=sent) - started,
            "latencies": times,
            "responded": len(answered) + len(late),
            "in_time": sum(1 for r in answered if (r.latency or 0.0) <= DEADLINE),
            "late": len(late) + sum(1 for r in answered if (r.latency or 0.0) > DEADLINE),
            "lost": len(lost),
        }
        self.discord.reset_records()
        return result

    async def op_reload_under_load(
        self,
        cast_lines: list[str],
        rate: float = 50.0,
        timeout: float = 240.0,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """/reload as a moderator; meanwhile `rate` /cast calls a second (a busy server) until it answers."""
        reload = await self.discord.send_interaction("/reload", as_="moderator", user_id=self._user())
        started = time.monotonic()
        latencies: list[float] = []
        unanswered = 0
        i = 0

        def finished() -> bool:
            return any(
                str(p.get("content") or "").startswith(("Reloaded", "Reload failed", "A reload"))
                for p in reload.responses
            ) or bool(reload.rejected)

        while not finished() and time.monotonic() - started < timeout:
            record = await self._send(cast_lines[i % len(cast_lines)])
            i += 1
            await self.discord.wait_settled(record, settle=0.0, timeout=5.0)
            await asyncio.sleep(max(0.0, started + i / rate - time.monotonic()))
            if record.latency is None:
                unanswered += 1
            else:
                latencies.append(record.latency)
            if len(self.discord._records) > 5000:  # keep the local Discord's memory flat
                keep = reload
                self.discord.reset_records()
                self.discord._records[keep.id] = keep
                self.discord._by_token[keep.token] = keep
        seconds = time.monotonic() - started
        contents = [str(p.get("content") or "") for p in reload.responses]
        result = {
            "seconds": seconds,
            "finished": finished(),
            "progress_edits": sum(1 for c in contents if c.startswith("Reloading")),
            "final": contents[-1] if contents else "",
            "cast_latencies": latencies,
            "cast_unanswered": unanswered,
        }
        self.discord.reset_records()
        return result


async def _serve(conn: Any, shards: int) -> None:
    gen = LoadGenerator(shards)
    await gen.discord.start()
    conn.send({"base_url": gen.discord.base_url})
    loop = asyncio.get_running_loop()
    try:
        while True:
            try:
                op, kwargs = await loop.run_in_executor(None, conn.recv)
            except EOFError:
                return
            if op == "stop":
                conn.send({"ok": True})
                return
            try:
                reply = await getattr(gen, f"op_{op}")(**kwargs)
            except Exception as exc:  # report it to the orchestrator instead of dying silently
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            conn.send(reply)
    finally:
        await gen.discord.stop()


def main(conn: Any, shards: int = 1) -> None:
    """Process entry point (multiprocessing, spawn): serve requests on `conn` until "stop" or EOF."""
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("localdiscord").setLevel(logging.ERROR)
    asyncio.run(_serve(conn, shards))
