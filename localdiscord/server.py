"""A loopback Discord: the gateway and the REST routes a slash-command bot uses, on 127.0.0.1.

The unmodified bot talks to it through discord.py's own HTTP and gateway code (see
``point_discord_py_here``). Everything the bot sends is checked against Discord's rules and recorded
per interaction, so tests can assert on exactly what a fan would have seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yarl
from aiohttp import WSMsgType, web

from . import payloads, rules
from .parse import option_payload, parse_line, typed_values
from .payloads import (
    ADMINISTRATOR,
    APPLICATION_ID,
    GUILD_ID,
    MANAGE_GUILD,
    MEMBER_ID,
    MEMBER_PERMISSIONS,
    MOD_ROLE_ID,
    MODERATOR_ID,
    OWNER_ID,
    ROLE_MEMBER_ID,
    SECOND_GUILD_ID,
)

__all__ = [
    "APPLICATION_ID",
    "GUILD_ID",
    "MOD_ROLE_ID",
    "OWNER_ID",
    "SECOND_GUILD_ID",
    "Interaction",
    "LocalDiscord",
    "point_discord_py_at",
]

_log = logging.getLogger(__name__)

RESPONSE_DEADLINE = 3.0  # seconds Discord gives for the initial callback
TOKEN_LIFETIME = 15 * 60  # seconds an interaction token accepts followups
HISTORY_MAX = 20000  # dispatches kept per session for RESUME replay

# Interaction types and callback types (Discord API).
APPLICATION_COMMAND, AUTOCOMPLETE = 2, 4
CB_MESSAGE, CB_DEFERRED, CB_DEFERRED_UPDATE, CB_UPDATE, CB_AUTOCOMPLETE, CB_MODAL = 4, 5, 6, 7, 8, 9
_ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {CB_MESSAGE, CB_DEFERRED, CB_MODAL},
    AUTOCOMPLETE: {CB_AUTOCOMPLETE},
}
LOADING_FLAG = 1 << 7

# Gateway opcodes.
OP_DISPATCH, OP_HEARTBEAT, OP_IDENTIFY, OP_RESUME = 0, 1, 2, 6
OP_RECONNECT, OP_INVALID_SESSION, OP_HELLO, OP_HEARTBEAT_ACK = 7, 9, 10, 11

IDENTITIES = {
    # as_ -> (user id, roles, permissions); the owner is the application's owner, with plain perms.
    "member": (MEMBER_ID, (), MEMBER_PERMISSIONS),
    "moderator": (MODERATOR_ID, (), MEMBER_PERMISSIONS | MANAGE_GUILD),
    "owner": (OWNER_ID, (), MEMBER_PERMISSIONS),
    "role": (ROLE_MEMBER_ID, ("moderator_role",), MEMBER_PERMISSIONS),
    "admin": (MODERATOR_ID, (), (1 << 53) - 1 | ADMINISTRATOR),
}


try:  # discord.py's "speed" extra brings orjson; the load generator then costs less per interaction.
    import orjson

    def _dumps(data: Any) -> str:
        return orjson.dumps(data).decode()

except ImportError:  # pragma: no cover - depends on the environment
    _ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)

    def _dumps(data: Any) -> str:
        return _ENCODER.encode(data)


def _json(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py treats anything else (even with a charset) as text.
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=_dumps(data).encode(), status=status, headers=all_headers)


def _error(status: int, code: int, message: str, problems: Sequence[str] = ()) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if problems:
        body["errors"] = {
            "local_rules": {"_errors": [{"code": "LOCAL_RULE", "message": p} for p in problems]}
        }
    return _json(body, status)


def point_discord_py_at(base_url: str) -> None:
    """Point this process's discord.py at a local Discord running at base_url ("http://127.0.0.1:PORT").

    For a bot in another process than the LocalDiscord (benchmark, two-shard tests).
    """
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    base = base_url.rstrip("/")
    Route.BASE = base + "/api/v10"
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(base.replace("http", "ws", 1) + "/gateway")


@dataclass(eq=False)
class Interaction:
    """What happened to one interaction: sent by the local Discord, answered by the bot."""

    id: int
    token: str
    command: str
    options: dict
    sent_at: float  # time.monotonic() when written to the bot's socket (delivery, not creation)
    first_response_at: float | None = None
    callback_type: int | None = None
    responses: list[dict] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    kind: int = APPLICATION_COMMAND
    guild_id: int | None = None
    user_id: int = MEMBER_ID
    shard_id: int = 0
    created_at: float = 0.0
    delivered: bool = False
    redelivered: bool = False  # reached the bot by RESUME replay or after a new READY, not live
    messages: list[dict] = field(default_factory=list)  # the Message objects as Discord stored them
    allowed_mentions: list[Any] = field(default_factory=list)  # per response, None when missing
    rejected: list[dict] = field(default_factory=list)  # payloads Discord refused, with why
    deleted: list[int] = field(default_factory=list)
    original_id: int | None = None
    original_loading: bool = False
    deferred_flags: int = 0
    _activity: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    _last_activity: float = 0.0

    @property
    def answered(self) -> bool:
        """Acknowledged, and if deferred, followed by an actual message."""
        if self.callback_type is None:
            return False
        if self.callback_type == CB_DEFERRED:
            return bool(self.responses)
        return True

    @property
    def ephemeral(self) -> bool:
        if self.callback_type == CB_DEFERRED:
            return bool(self.deferred_flags & rules.EPHEMERAL)
        if not self.responses:
            return False
        return bool((self.responses[0].get("flags") or 0) & rules.EPHEMERAL)

    @property
    def latency(self) -> float | None:
        return None if self.first_response_at is None else self.first_response_at - self.sent_at

    @property
    def choices(self) -> list[dict]:
        """The autocomplete choices the bot answered (type 8), else []."""
        if self.callback_type != CB_AUTOCOMPLETE or not self.responses:
            return []
        return list(self.responses[0].get("choices") or [])

    @property
    def acknowledged(self) -> bool:
        return self.callback_type is not None

    def __repr__(self) -> str:
        # Short enough for a failing assert to show what matters.
        return (
            f"Interaction(/{self.command} {self.options!r}, callback_type={self.callback_type}, "
            f"responses={self.responses!r}, violations={self.violations!r})"
        )

    def _bump(self) -> None:
        self._last_activity = time.monotonic()
        self._activity.set()


@dataclass(eq=False)
class _Session:
    id: str
    shard_id: int
    seq: int = 0
    sent_upto: int = 0  # highest seq written to a live socket
    valid: bool = True
    history: list[tuple[int, str, Interaction | None]] = field(default_factory=list)


@dataclass(eq=False)
class _Connection:
    ws: web.WebSocketResponse
    request: web.Request
    shard_id: int | None = None
    session: _Session | None = None
    live: bool = False  # identified/resumed: dispatches may be written
    zombie: bool = False  # stop_heartbeat_acks: nothing more is sent on it


@dataclass(eq=False)
class _Shard:
    id: int
    conn: _Connection | None = None
    session: _Session | None = None
    pending: list[tuple[str, dict, Interaction | None]] = field(default_factory=list)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(eq=False)
class _Fault:
    route: str
    status: int
    retry_after: float | None
    delay: float
    count: int


class LocalDiscord:
    """A loopback Discord for one application with a few guilds, speaking gateway v10 and REST v10."""

    # The default ids, also reachable from the class (LocalDiscord.MOD_ROLE_ID ...).
    APPLICATION_ID = APPLICATION_ID
    GUILD_ID = GUILD_ID
    SECOND_GUILD_ID = SECOND_GUILD_ID
    OWNER_ID = OWNER_ID
    MOD_ROLE_ID = MOD_ROLE_ID

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        guild_ids: Sequence[int] = (GUILD_ID,),
        shard_count: int = 1,
        owner_id: int = OWNER_ID,
        moderator_role_id: int = MOD_ROLE_ID,
        heartbeat_interval_ms: int = 41250,
        token: str | None = None,
        settle: float = 0.3,
    ) -> None:
        if shard_count < 1:
            raise ValueError("shard_count must be at least 1")
        self.host = host
        self.port = port
        self.guild_ids = list(guild_ids)
        self.shard_count = shard_count
        self.owner_id = owner_id
        self.moderator_role_id = moderator_role_id
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.token = token  # None: any non-empty token is accepted
        # How long an answered interaction must stay quiet before it counts as settled: long enough for a
        # followup a person would see as part of the answer; tests whose bot answers in one go lower it.
        self.settle = settle
        self.base_url = ""
        self.gateway_url = ""
        self.violations: list[str] = []
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status), for debugging tests
        self.identifies: list[tuple[int, int]] = []  # (shard_id, shard_count) of every IDENTIFY
        self.resumes: list[int] = []  # shard id of every successful RESUME
        self._records: dict[int, Interaction] = {}
        self._by_token: dict[str, Interaction] = {}
        self._global_commands: dict[str, dict] = {}
        self._guild_commands: dict[int, dict[str, dict]] = {}
        self._shards = {i: _Shard(i) for i in range(shard_count)}
        self._sessions: dict[str, _Session] = {}
        self._connections: set[_Connection] = set()
        self._faults: list[_Fault] = []
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        api = "/api/v{version:\\d+}"
        routes: list[tuple[str, str, Callable[[web.Request], Awaitable[web.StreamResponse]]]] = [
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("GET", "/users/@me", self._get_me),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", "/applications/@me", self._get_application),
            ("GET", "/applications/{app_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/commands", self._put_commands),
            ("POST", "/applications/{app_id}/commands", self._post_command),
            ("DELETE", "/applications/{app_id}/commands/{command_id}", self._delete_command),
            ("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self._get_commands),
            ("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self._put_commands),
            ("POST", "/applications/{app_id}/guilds/{guild_id}/commands", self._post_command),
            (
                "DELETE",
                "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}",
                self._delete_command,
            ),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{app_id}/{token}", self._followup),
            ("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self._get_message),
            ("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}", self._edit_message),
            ("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}", self._delete_message),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, api + path, handler)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        # A large backlog: a burst of thousands of callbacks otherwise overflows the accept queue.
        site = web.TCPSite(self._runner, self.host, self.port, backlog=4096)
        await site.start()
        sockets = site._server.sockets if site._server else []  # type: ignore[union-attr]
        self.port = sockets[0].getsockname()[1]
        self.base_url = f"http://{self.host}:{self.port}"
        self.gateway_url = f"ws://{self.host}:{self.port}/gateway"

    async def stop(self) -> None:
        for conn in list(self._connections):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1001, message=b"local discord stopping"), 2)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def point_discord_py_here(self) -> None:
        """Send this process's discord.py REST calls and gateway connections to this server."""
        if not self.base_url:
            raise RuntimeError("start() the LocalDiscord first")
        point_discord_py_at(self.base_url)

    async def wait_until_connected(
        self,
        timeout: float = 10.0,  # noqa: ASYNC109 (the API promised to the bot)
        *,
        shard_ids: Iterable[int] | None = None,
    ) -> None:
        """Until every shard (or those given) identified or resumed and got READY and its GUILD_CREATEs."""
        wanted = list(self._shards) if shard_ids is None else list(shard_ids)
        async with asyncio.timeout(timeout):
            for shard_id in wanted:
                await self._shards[shard_id].ready.wait()

    def shard_for(self, guild_id: int | None) -> int:
        """Discord's routing: (guild_id >> 22) % shard_count; DMs go to shard 0."""
        return 0 if guild_id is None else (guild_id >> 22) % self.shard_count

    @property
    def commands(self) -> dict[str, dict]:
        """Registered application commands by name: the global ones, then every guild's."""
        merged = dict(self._global_commands)
        for guild_commands in self._guild_commands.values():
            merged.update(guild_commands)
        return merged

    @property
    def records(self) -> list[Interaction]:
        return list(self._records.values())

    def reset_records(self) -> None:
        """Forget interactions, violations and the request log (commands and sessions stay)."""
        self._records.clear()
        self._by_token.clear()
        self.violations.clear()
        self.requests.clear()

    def _violation(self, text: str, record: Interaction | None = None) -> None:
        if record is not None:
            text = f"interaction {record.id} (/{record.command}): {text}"
            record.violations.append(text)
        _log.warning("Discord rule broken: %s", text)
        self.violations.append(text)

    # ------------------------------------------------------------------ fault hooks

    def fail_next(
        self,
        route_substring: str,
        status: int,
        retry_after: float | None = None,
        delay: float = 0.0,
        count: int = 1,
    ) -> None:
        """Answer the next `count` requests whose "METHOD /path" contains route_substring with `status`.

        A 429 carries retry_after (default 0.1 s) and the Via header discord.py requires to retry. A status
        below 300 means "slow but normal": wait `delay`, then handle the request as usual.
        """
        self._faults.append(_Fault(route_substring, status, retry_after, delay, count))

    async def close_gateway(self, code: int, shard_id: int = 0) -> None:
        """Close the shard's socket with `code`; 1006 drops the TCP connection without a close frame.

        4007 (invalid seq) and 4009 (session timed out) also end the session, so the bot's RESUME gets
        INVALID_SESSION and it identifies again, as on Discord.
        """
        shard = self._shards[shard_id]
        conn = shard.conn
        if conn is None:
            raise RuntimeError(f"shard {shard_id} has no connection")
        self._detach(conn)
        if code in (4007, 4009) and conn.session is not None:
            self._invalidate(conn.session)
        if code == 1006:
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(conn.ws.close(code=code, message=b"closed by local discord"), 5)

    async def send_reconnect(self, shard_id: int = 0) -> None:
        conn = self._require_conn(shard_id)
        await conn.ws.send_str(_dumps({"op": OP_RECONNECT, "d": None, "s": None, "t": None}))

    async def send_invalid_session(self, resumable: bool, shard_id: int = 0) -> None:
        conn = self._require_conn(shard_id)
        if not resumable and conn.session is not None:
            self._invalidate(conn.session)
        self._detach(conn)
        await conn.ws.send_str(_dumps({"op": OP_INVALID_SESSION, "d": resumable, "s": None, "t": None}))

    def stop_heartbeat_acks(self, shard_id: int = 0) -> None:
        """Make the shard's connection a zombie: no more ACKs and no more dispatches on it.

        discord.py notices after its heartbeat_timeout (Client(heartbeat_timeout=...)), closes and
        resumes; everything dispatched meanwhile is replayed then.
        """
        conn = self._require_conn(shard_id)
        conn.zombie = True
        self._detach(conn)

    def _require_conn(self, shard_id: int) -> _Connection:
        conn = self._shards[shard_id].conn
        if conn is None:
            raise RuntimeError(f"shard {shard_id} has no connection")
        return conn

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        conn = _Connection(ws=ws, request=request)
        self._connections.add(conn)
        try:
            await ws.send_str(
                _dumps(
                    {
                        "op": OP_HELLO,
                        "d": {"heartbeat_interval": self.heartbeat_interval_ms},
                        "s": None,
                        "t": None,
                    }
                )
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                try:
                    frame = json.loads(msg.data)
                except ValueError:
                    await ws.close(code=4002, message=b"Error while decoding payload")
                    break
                await self._on_frame(conn, frame)
        except (ConnectionError, RuntimeError) as exc:
            _log.debug("gateway connection ended: %r", exc)
        finally:
            self._detach(conn)
            self._connections.discard(conn)
        return ws

    async def _on_frame(self, conn: _Connection, frame: dict) -> None:
        op, data = frame.get("op"), frame.get("d")
        if op == OP_HEARTBEAT:
            if not conn.zombie:
                await conn.ws.send_str(_dumps({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None}))
        elif op == OP_IDENTIFY:
            await self._identify(conn, data or {})
        elif op == OP_RESUME:
            await self._resume(conn, data or {})
        # presence updates (3), voice (4), member requests (8): nothing to do for a slash-command bot.

    async def _identify(self, conn: _Connection, data: dict) -> None:
        token = data.get("token")
        if not token or (self.token is not None and token != self.token):
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard_id, count = data.get("shard") or [0, 1]
        if count != self.shard_count or not 0 <= shard_id < count:
            code = 4011 if self.shard_count > 1 and "shard" not in data else 4010
            await conn.ws.close(code=code, message=b"Invalid shard.")
            return
        self.identifies.append((shard_id, count))
        shard = self._shards[shard_id]
        if shard.session is not None:
            self._invalidate(shard.session)
        if shard.conn is not None and shard.conn is not conn:
            old = shard.conn
            self._detach(old)
            asyncio.create_task(old.ws.close(code=4000, message=b"replaced by a new session"))  # noqa: RUF006
        session = _Session(id=secrets.token_hex(16), shard_id=shard_id)
        self._sessions[session.id] = session
        shard.session = session
        shard.conn, conn.shard_id, conn.session, conn.live = conn, shard_id, session, True
        guild_ids = [g for g in self.guild_ids if self.shard_for(g) == shard_id]
        await self._dispatch(
            shard_id, "READY", payloads.ready(session.id, self.gateway_url, guild_ids, (shard_id, count))
        )
        for guild_id in guild_ids:
            await self._dispatch(
                shard_id, "GUILD_CREATE", payloads.guild(guild_id, self.owner_id, self.moderator_role_id)
            )
        shard.ready.set()
        await self._flush_pending(shard)

    async def _resume(self, conn: _Connection, data: dict) -> None:
        session = self._sessions.get(str(data.get("session_id")))
        seq = data.get("seq") or 0
        replay_ok = session is not None and (not session.history or session.history[0][0] <= seq + 1)
        if session is None or not session.valid or not data.get("token") or not replay_ok:
            # Not resumable: discord.py closes and identifies again.
            await conn.ws.send_str(_dumps({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None}))
            return
        shard = self._shards[session.shard_id]
        if shard.conn is not None and shard.conn is not conn:
            self._detach(shard.conn)
        shard.conn, conn.shard_id, conn.session, shard.session = conn, session.shard_id, session, session
        async with shard.lock:
            for entry_seq, frame, record in session.history:
                if entry_seq > seq:
                    await conn.ws.send_str(frame)
                    self._delivered(record, redelivered=True)
            session.sent_upto = session.seq
            conn.live = True
        self.resumes.append(session.shard_id)
        await self._dispatch(session.shard_id, "RESUMED", {"_trace": ["localdiscord"]})
        shard.ready.set()
        await self._flush_pending(shard)

    def _detach(self, conn: _Connection) -> None:
        conn.live = False
        if conn.shard_id is not None:
            shard = self._shards[conn.shard_id]
            if shard.conn is conn:
                shard.conn = None
                shard.ready.clear()

    def _invalidate(self, session: _Session) -> None:
        """End a session; interactions it never delivered wait for the next one."""
        session.valid = False
        shard = self._shards[session.shard_id]
        undelivered = [
            ("INTERACTION_CREATE", json.loads(frame)["d"], record)
            for entry_seq, frame, record in session.history
            if entry_seq > session.sent_upto and record is not None
        ]
        shard.pending[:0] = undelivered
        session.history.clear()
        if shard.session is session:
            shard.session = None

    async def _flush_pending(self, shard: _Shard) -> None:
        pending, shard.pending = shard.pending, []
        for event, data, record in pending:
            if record is not None:
                record.redelivered = True
            await self._dispatch(shard.id, event, data, record)

    async def _dispatch(
        self, shard_id: int, event: str, data: dict, record: Interaction | None = None
    ) -> None:
        shard = self._shards[shard_id]
        session = shard.session
        if session is None or not session.valid:
            shard.pending.append((event, data, record))
            return
        async with shard.lock:
            session.seq += 1
            frame = _dumps({"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data})
            session.history.append((session.seq, frame, record))
            if len(session.history) > HISTORY_MAX:
                del session.history[: len(session.history) - HISTORY_MAX]
            conn = shard.conn
            if conn is not None and conn.live and not conn.zombie:
                try:
                    await conn.ws.send_str(frame)
                except (ConnectionError, RuntimeError):
                    self._detach(conn)
                    return
                session.sent_upto = session.seq
                self._delivered(record)

    def _delivered(self, record: Interaction | None, *, redelivered: bool = False) -> None:
        if record is not None and redelivered:
            record.redelivered = True
        if record is not None and not record.delivered:
            record.delivered = True
            # The 3-second clock starts when the bot can see the interaction.
            record.sent_at = time.monotonic()

    # ------------------------------------------------------------------ sending interactions

    def _identity(
        self, as_: str, user_id: int | None, role_ids: Sequence[int], permissions: int | None
    ) -> tuple[int, list[int], int]:
        if as_ not in IDENTITIES:
            raise ValueError(f"as_ must be one of {', '.join(IDENTITIES)}, not {as_!r}")
        default_user, default_roles, default_perms = IDENTITIES[as_]
        if as_ == "owner":
            default_user = self.owner_id
        roles = [self.moderator_role_id if r == "moderator_role" else int(r) for r in default_roles]
        roles.extend(int(r) for r in role_ids)
        return (
            user_id if user_id is not None else default_user,
            roles,
            permissions if permissions is not None else default_perms,
        )

    def _command_for(self, name: str, guild_id: int | None) -> dict | None:
        if guild_id is not None and name in self._guild_commands.get(guild_id, {}):
            return self._guild_commands[guild_id][name]
        return self._global_commands.get(name)

    def _visible_commands(self, guild_id: int | None) -> dict[str, dict]:
        visible = dict(self._global_commands)
        if guild_id is not None:
            visible.update(self._guild_commands.get(guild_id, {}))
        return visible

    async def send_interaction(
        self,
        line: str,
        *,
        as_: str = "member",
        guild_id: int | None = None,
        user_id: int | None = None,
        role_ids: Sequence[int] = (),
        permissions: int | None = None,
        dm: bool = False,
        options: Mapping[str, Any] | None = None,
        autocomplete_focus: str | None = None,
        autocomplete: bool = False,
    ) -> Interaction:
        """Build, record and dispatch one interaction without waiting for the answer (for bursts).

        ``options`` (a name -> value mapping) replaces parsing of the line's arguments, for values a
        line cannot carry (arbitrary unicode, quotes, colons).
        """
        if dm:
            guild_id = None
        elif guild_id is None:
            guild_id = self.guild_ids[0]
        elif guild_id not in self.guild_ids:
            raise ValueError(f"unknown guild {guild_id}; this local Discord has {self.guild_ids}")
        visible = self._visible_commands(guild_id)
        parsed = parse_line(line, visible)
        raw: Mapping[str, Any] = parsed.values if options is None else {**parsed.values, **options}
        focused: str | None = None
        if autocomplete:
            auto_names = [o["name"] for o in parsed.schema_options if o.get("autocomplete")]
            if autocomplete_focus is not None:
                focused = autocomplete_focus
            else:
                given = [k for k in raw if k in auto_names]
                focused = given[-1] if given else (auto_names[0] if auto_names else None)
            if focused not in auto_names:
                raise ValueError(f"/{parsed.qualified}: option {focused!r} has no autocomplete")
            raw = {**raw, focused: raw.get(focused, "")} if focused is not None else raw
        values = typed_values(parsed.qualified, raw, parsed.schema_options, autocomplete=focused)
        command = self._command_for(parsed.name, guild_id)
        assert command is not None  # parse_line checked it
        user, roles, perms = self._identity(as_, user_id, role_ids, permissions)
        interaction_id = payloads.new_snowflake()
        token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
        kind = AUTOCOMPLETE if autocomplete else APPLICATION_COMMAND
        data = payloads.interaction(
            interaction_id=interaction_id,
            token=token,
            kind=kind,
            command=command,
            options=option_payload(parsed.path, values, parsed.schema_options, focused),
            guild_id=guild_id,
            user_id=user,
            role_ids=roles,
            permissions=perms,
        )
        now = time.monotonic()
        record = Interaction(
            id=interaction_id,
            token=token,
            command=parsed.qualified,
            options=dict(values),
            sent_at=now,
            kind=kind,
            guild_id=guild_id,
            user_id=user,
            shard_id=self.shard_for(guild_id),
            created_at=now,
        )
        self._records[interaction_id] = record
        self._by_token[token] = record
        await self._dispatch(record.shard_id, "INTERACTION_CREATE", data, record)
        return record

    async def interact(
        self,
        line: str,
        *,
        as_: str = "member",
        guild_id: int | None = None,
        user_id: int | None = None,
        role_ids: Sequence[int] = (),
        permissions: int | None = None,
        dm: bool = False,
        settle: float | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
        options: Mapping[str, Any] | None = None,
    ) -> Interaction:
        """Send a slash command and wait until it settles; returns what the bot did with it.

        Settled: the initial callback arrived and, for a deferral, the first message too; then
        `settle` seconds passed with nothing new. A refused payload (a broken rule) also settles it.
        Raises ValueError for what Discord's client would never send (unknown command/option, bad type).
        """
        record = await self.send_interaction(
            line,
            as_=as_,
            guild_id=guild_id,
            user_id=user_id,
            role_ids=role_ids,
            permissions=permissions,
            dm=dm,
            options=options,
        )
        await self.wait_settled(record, settle=self.settle if settle is None else settle, timeout=timeout)
        return record

    async def autocomplete(
        self,
        line: str,
        *,
        focused: str | None = None,
        as_: str = "member",
        guild_id: int | None = None,
        user_id: int | None = None,
        role_ids: Sequence[int] = (),
        permissions: int | None = None,
        dm: bool = False,
        settle: float = 0.0,
        timeout: float = 10.0,  # noqa: ASYNC109
        options: Mapping[str, Any] | None = None,
    ) -> list[dict]:
        """Send an autocomplete interaction ("/cast name:Ta") and return the choices the bot answered."""
        record = await self.send_interaction(
            line,
            as_=as_,
            guild_id=guild_id,
            user_id=user_id,
            role_ids=role_ids,
            permissions=permissions,
            dm=dm,
            options=options,
            autocomplete=True,
            autocomplete_focus=focused,
        )
        await self.wait_settled(record, settle=settle, timeout=timeout)
        return record.choices

    async def wait_settled(self, record: Interaction, *, settle: float = 0.3, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            now = loop.time()
            if now >= deadline:
                return
            if (
                record.answered
                or (record.acknowledged and record.callback_type != CB_DEFERRED)
                or record.rejected
            ):
                quiet_left = record._last_activity + settle - time.monotonic()
                if quiet_left <= 0:
                    return
                wait = min(quiet_left, deadline - now)
            else:
                wait = deadline - now
            record._activity.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(record._activity.wait(), wait)

    # ------------------------------------------------------------------ REST

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.path == "/gateway":
            return await handler(request)
        described = f"{request.method} {request.path}"
        fault = next((f for f in self._faults if f.route in described), None)
        if fault is not None:
            fault.count -= 1
            if fault.count <= 0:
                self._faults.remove(fault)
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.status >= 300:
                self.requests.append((request.method, request.path, fault.status))
                if fault.status == 429:
                    retry = 0.1 if fault.retry_after is None else fault.retry_after
                    return _json(
                        {"message": "You are being rate limited.", "retry_after": retry, "global": False},
                        429,
                        {"Via": "1.1 google", "Retry-After": str(retry)},
                    )
                return _error(fault.status, 0, f"{fault.status}: injected fault")
        bot_route = not (request.path.startswith("/api/v10/interactions/") or "/webhooks/" in request.path)
        if bot_route and request.path.startswith("/api/"):
            auth = request.headers.get("Authorization", "")
            if not auth.startswith("Bot ") or (self.token is not None and auth != f"Bot {self.token}"):
                self.requests.append((request.method, request.path, 401))
                return _error(401, 0, "401: Unauthorized")
        response = await handler(request)
        self.requests.append((request.method, request.path, response.status))
        return response

    async def _not_found(self, request: web.Request) -> web.StreamResponse:
        _log.info("local discord has no route for %s %s", request.method, request.path)
        return _error(404, 0, "404: Not Found")

    async def _get_gateway(self, request: web.Request) -> web.StreamResponse:
        return _json({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request) -> web.StreamResponse:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": limit})

    async def _get_me(self, request: web.Request) -> web.StreamResponse:
        return _json(payloads.bot_user())

    async def _get_application(self, request: web.Request) -> web.StreamResponse:
        return _json(payloads.application(self.owner_id))

    def _command_store(self, request: web.Request) -> dict[str, dict] | None:
        if request.match_info["app_id"] != str(APPLICATION_ID):
            return None
        guild = request.match_info.get("guild_id")
        if guild is None:
            return self._global_commands
        if int(guild) not in self.guild_ids:
            return None
        return self._guild_commands.setdefault(int(guild), {})

    def _register(self, store: dict[str, dict], body: dict, guild_id: int | None) -> dict:
        existing = store.get(body.get("name", ""))
        command = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "contexts": None,
            "integration_types": [0],
            "nsfw": False,
            **body,
            "id": existing["id"] if existing else str(payloads.new_snowflake()),
            "application_id": str(APPLICATION_ID),
            "version": str(payloads.new_snowflake()),
        }
        if guild_id is not None:
            command["guild_id"] = str(guild_id)
        return command

    async def _get_commands(self, request: web.Request) -> web.StreamResponse:
        store = self._command_store(request)
        if store is None:
            return _error(404, 10002, "Unknown Application")
        return _json(list(store.values()))

    async def _put_commands(self, request: web.Request) -> web.StreamResponse:
        store = self._command_store(request)
        if store is None:
            return _error(404, 10002, "Unknown Application")
        body = await request.json()
        if not isinstance(body, list):
            return _error(400, 50035, "Invalid Form Body", ["expected a list of commands"])
        problems = [p for command in body for p in rules.check_command(command)]
        names = [c.get("name") for c in body]
        problems.extend(f"duplicate command name {n!r}" for n in {n for n in names if names.count(n) > 1})
        if problems:
            for problem in problems:
                self._violation(f"command sync refused: {problem}")
            return _error(400, 50035, "Invalid Form Body", problems)
        guild = request.match_info.get("guild_id")
        guild_id = int(guild) if guild else None
        new = {c["name"]: self._register(store, c, guild_id) for c in body}
        store.clear()
        store.update(new)
        return _json(list(new.values()))

    async def _post_command(self, request: web.Request) -> web.StreamResponse:
        store = self._command_store(request)
        if store is None:
            return _error(404, 10002, "Unknown Application")
        body = await request.json()
        problems = rules.check_command(body)
        if problems:
            for problem in problems:
                self._violation(f"command create refused: {problem}")
            return _error(400, 50035, "Invalid Form Body", problems)
        guild = request.match_info.get("guild_id")
        command = self._register(store, body, int(guild) if guild else None)
        created = command["name"] not in store
        store[command["name"]] = command
        return _json(command, 201 if created else 200)

    async def _delete_command(self, request: web.Request) -> web.StreamResponse:
        store = self._command_store(request)
        if store is None:
            return _error(404, 10002, "Unknown Application")
        for name, command in list(store.items()):
            if command["id"] == request.match_info["command_id"]:
                del store[name]
                return web.Response(status=204)
        return _error(404, 10063, "Unknown application command")

    async def _read_body(self, request: web.Request) -> tuple[dict, list[dict]]:
        """JSON body, or multipart with payload_json plus files (names and sizes only)."""
        if request.content_type.startswith("multipart/"):
            payload: dict = {}
            files: list[dict] = []
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":
                    payload = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    content = await part.read()  # type: ignore[union-attr]
                    files.append({"field": part.name, "filename": part.filename, "size": len(content)})
            return payload, files
        if not request.can_read_body:
            return {}, []
        body = await request.json()
        return (body if isinstance(body, dict) else {}), []

    def _check_outgoing(
        self, record: Interaction, body: dict, what: str, *, editing: bool = False
    ) -> list[str]:
        """Rule problems that make Discord refuse it; pinging mentions are recorded, not refused."""
        problems = rules.check_message(body, editing=editing)
        for mention in rules.pinging_mentions(body):
            reason = "without allowed_mentions" if body.get("allowed_mentions") is None else "allowed by it"
            self._violation(f"{what} would ping {mention} ({reason})", record)
        return problems

    def _refuse(self, record: Interaction, what: str, body: dict, problems: list[str]) -> web.Response:
        for problem in problems:
            self._violation(f"{what} refused: {problem}", record)
        record.rejected.append({"what": what, "payload": body, "problems": problems})
        record._bump()
        return _error(400, 50035, "Invalid Form Body", problems)

    def _message_for(
        self, record: Interaction, message_id: int, body: dict, flags: int, edited: bool = False
    ) -> dict:
        channel_id = (
            payloads.channel_id_for(record.guild_id) if record.guild_id else record.user_id + (2000 << 22)
        )
        return payloads.message(
            message_id, channel_id, record.guild_id, body, interaction=None, flags=flags, edited=edited
        )

    def _store_message(self, record: Interaction, message: dict) -> None:
        for index, existing in enumerate(record.messages):
            if existing["id"] == message["id"]:
                record.messages[index] = message
                return
        record.messages.append(message)

    def _add_response(self, record: Interaction, body: dict) -> None:
        record.responses.append(body)
        record.allowed_mentions.append(body.get("allowed_mentions"))

    async def _callback(self, request: web.Request) -> web.StreamResponse:
        try:
            interaction_id = int(request.match_info["interaction_id"])
        except ValueError:
            interaction_id = 0
        record = self._records.get(interaction_id)
        body, files = await self._read_body(request)
        if record is None or record.token != request.match_info["token"]:
            self._violation(f"callback for unknown interaction {request.match_info['interaction_id']}")
            return _error(404, 10062, "Unknown interaction")
        if record.acknowledged:
            self._violation("second initial response (interaction already acknowledged)", record)
            record._bump()
            return _error(400, 40060, "Interaction has already been acknowledged.")
        elapsed = time.monotonic() - record.sent_at
        if elapsed > RESPONSE_DEADLINE:
            self._violation(
                f"first response after {elapsed:.2f}s (deadline {RESPONSE_DEADLINE:.0f}s)", record
            )
            record.rejected.append({"what": "late callback", "payload": body, "problems": ["too late"]})
            record._bump()
            return _error(404, 10062, "Unknown interaction")
        callback_type = body.get("type")
        data = body.get("data") or {}
        if files:
            data = {**data, "_files": files}
        if callback_type not in _ALLOWED_CALLBACKS.get(record.kind, set()):
            return self._refuse(
                record,
                "callback",
                body,
                [f"callback type {callback_type} is not valid for interaction type {record.kind}"],
            )
        message: dict | None = None
        if callback_type == CB_MESSAGE:
            problems = self._check_outgoing(record, data, "initial response")
            if problems:
                return self._refuse(record, "initial response", data, problems)
            record.original_id = payloads.new_snowflake()
            message = self._message_for(
                record, record.original_id, data, (data.get("flags") or 0) & rules.EPHEMERAL
            )
            self._store_message(record, message)
            self._add_response(record, data)
        elif callback_type == CB_DEFERRED:
            record.original_id = payloads.new_snowflake()
            record.original_loading = True
            record.deferred_flags = (data.get("flags") or 0) & rules.EPHEMERAL
            message = self._message_for(record, record.original_id, {}, record.deferred_flags | LOADING_FLAG)
        elif callback_type == CB_AUTOCOMPLETE:
            problems = rules.check_choices(data.get("choices"))
            if problems:
                return self._refuse(record, "autocomplete result", data, problems)
            self._add_response(record, data)
        elif callback_type == CB_MODAL:
            self._add_response(record, data)
        record.callback_type = callback_type
        record.first_response_at = time.monotonic()
        record._bump()
        ephemeral = bool(record.deferred_flags or (data.get("flags") or 0) & rules.EPHEMERAL)
        answer: dict[str, Any] = {
            "interaction": {
                "id": str(record.id),
                "type": record.kind,
                "response_message_loading": callback_type == CB_DEFERRED,
                "response_message_ephemeral": ephemeral,
            },
        }
        if message is not None:
            answer["interaction"]["response_message_id"] = message["id"]
            answer["resource"] = {"type": callback_type, "message": message}
        elif callback_type is not None:
            answer["resource"] = {"type": callback_type}
        if request.query.get("with_response") in ("1", "true", "True"):
            return _json(answer)
        return web.Response(status=204)

    def _webhook_record(self, request: web.Request, what: str) -> Interaction | web.Response:
        record = self._by_token.get(request.match_info["token"])
        if record is None or request.match_info["app_id"] != str(APPLICATION_ID):
            self._violation(f"{what} with an unknown interaction token")
            return _error(404, 10015, "Unknown Webhook")
        if not record.acknowledged:
            self._violation(f"{what} before the interaction was acknowledged", record)
            record._bump()
            return _error(404, 10015, "Unknown Webhook")
        if time.monotonic() - record.sent_at > TOKEN_LIFETIME:
            self._violation(f"{what} after the token expired (15 minutes)", record)
            return _error(401, 50027, "Invalid Webhook Token")
        return record

    async def _followup(self, request: web.Request) -> web.StreamResponse:
        body, files = await self._read_body(request)
        record = self._webhook_record(request, "followup")
        if isinstance(record, web.Response):
            return record
        if files:
            body = {**body, "_files": files}
        problems = self._check_outgoing(record, body, "followup")
        if problems:
            return self._refuse(record, "followup", body, problems)
        if record.original_loading and record.original_id is not None:
            # After a deferral Discord turns the first followup into the original response.
            record.original_loading = False
            message = self._message_for(record, record.original_id, body, record.deferred_flags)
        else:
            message = self._message_for(
                record, payloads.new_snowflake(), body, (body.get("flags") or 0) & rules.EPHEMERAL
            )
        self._store_message(record, message)
        self._add_response(record, body)
        record._bump()
        if request.query.get("wait") in ("1", "true", "True"):
            return _json(message)
        return web.Response(status=204)

    def _find_message(self, record: Interaction, message_id: str) -> dict | None:
        wanted = str(record.original_id) if message_id == "@original" else message_id
        if message_id == "@original" and record.original_loading and record.original_id is not None:
            return self._message_for(record, record.original_id, {}, record.deferred_flags | LOADING_FLAG)
        return next(
            (m for m in record.messages if m["id"] == wanted and int(m["id"]) not in record.deleted), None
        )

    async def _get_message(self, request: web.Request) -> web.StreamResponse:
        record = self._webhook_record(request, "get message")
        if isinstance(record, web.Response):
            return record
        message = self._find_message(record, request.match_info["message_id"])
        if message is None:
            return _error(404, 10008, "Unknown Message")
        return _json(message)

    async def _edit_message(self, request: web.Request) -> web.StreamResponse:
        body, files = await self._read_body(request)
        record = self._webhook_record(request, "edit")
        if isinstance(record, web.Response):
            return record
        current = self._find_message(record, request.match_info["message_id"])
        if current is None:
            return _error(404, 10008, "Unknown Message")
        if files:
            body = {**body, "_files": files}
        problems = self._check_outgoing(record, body, "edit", editing=True)
        # The edited message as a whole must still fit: merge onto what is there.
        merged = {
            "content": body.get("content", current.get("content")),
            "embeds": body.get("embeds", current.get("embeds")),
            "components": body.get("components", current.get("components")),
        }
        problems += [p for p in rules.check_message(merged) if p not in problems]
        if problems:
            return self._refuse(record, "edit", body, problems)
        flags = int(current.get("flags") or 0) & rules.EPHEMERAL
        if record.original_loading and current["id"] == str(record.original_id):
            record.original_loading = False
        message = self._message_for(record, int(current["id"]), merged, flags, edited=True)
        self._store_message(record, message)
        self._add_response(record, body)
        record._bump()
        return _json(message)

    async def _delete_message(self, request: web.Request) -> web.StreamResponse:
        record = self._webhook_record(request, "delete")
        if isinstance(record, web.Response):
            return record
        message = self._find_message(record, request.match_info["message_id"])
        if message is None:
            return _error(404, 10008, "Unknown Message")
        record.deleted.append(int(message["id"]))
        if message["id"] == str(record.original_id):
            record.original_loading = False
        record._bump()
        return web.Response(status=204)
