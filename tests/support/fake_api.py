"""A small Bot API server on 127.0.0.1 for end-to-end tests and benchmarks.

It speaks the real HTTP protocol aiogram's AiohttpSession uses (``/bot<token>/<method>``,
form-encoded parameters, ``{"ok": ..., "result": ...}`` answers), serves ``getUpdates``
from a queue the test fills, and records every call. Optionally it enforces a global
message rate and answers 429 with ``retry_after`` like Telegram.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import random
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.session import BOT_ID, BOT_USERNAME, TOKEN

SEND_METHODS = {
    "sendmessage", "sendphoto", "senddocument", "sendvideo", "copymessage", "forwardmessage",
    "sendanimation", "sendaudio", "sendvoice",
}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    lost: bool = False  # the hook said "lost": as if the request never reached Telegram


@dataclass
class FakeBotAPI:
    token: str = TOKEN
    # Global limit on send* calls per second (Telegram: about 30); None = unlimited.
    rate_limit: float | None = None
    # Length of the rate window in seconds (a benchmark on a time-scaled clock shrinks it).
    window: float = 1.0
    # chat ids that answer 403 "bot was blocked by the user".
    blocked: set[int] = field(default_factory=set)
    calls: list[Call] = field(default_factory=list)
    hook: Callable[[str, dict[str, Any]], Any] | None = None
    # One-way network delay (seconds, uniform in the range) each way; None = loopback only.
    latency: tuple[float, float] | None = None
    # A share of send calls answered 429 with retry_after drawn from the range (Telegram's
    # own flood control, whatever the bot does); ``imposed`` records each (at, retry_after).
    inject_429: float = 0.0
    retry_after_range: tuple[int, int] = (1, 3)
    seed: int = 0

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._sent_window: deque[float] = deque()
        self._changed = asyncio.Condition()
        self.too_many = 0
        self.imposed: list[tuple[float, int]] = []
        self._rng = random.Random(self.seed)
        self.runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self, port: int = 0) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", port)
        await site.start()
        sockets = site._server.sockets  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}"
        return self.base_url

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    # --- the test's side --------------------------------------------------------------
    def push_update(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._new_update.set()
        return update_id

    def push_message(self, text: str, user_id: int = 1001, lang: str = "en", first_name: str = "Student") -> int:
        message_id = next(self._message_ids)
        return self.push_update({
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private", "first_name": first_name},
                "from": {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": lang},
                "text": text,
                **({"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}
                   if text.startswith("/") else {}),
            }
        })

    def push_callback(self, data: str, user_id: int = 1001, lang: str = "en", message_id: int = 1) -> int:
        return self.push_update({
            "callback_query": {
                "id": str(next(self._update_ids)),
                "from": {"id": user_id, "is_bot": False, "first_name": "Student", "language_code": lang},
                "chat_instance": "ci",
                "data": data,
                "message": {
                    "message_id": message_id, "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private", "first_name": "Student"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "MMIT Office"},
                    "text": "…",
                },
            }
        })

    def calls_of(self, method: str) -> list[Call]:
        method = method.lower()
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0) -> Call:
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                for call in self.calls:
                    if predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no matching call; saw {[c.method for c in self.calls][-20:]}")
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except asyncio.TimeoutError:
                    pass

    # --- the bot's side ------------------------------------------------------------------
    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                params.update(await request.json())
            else:
                form = await request.post()
                for key, value in form.items():
                    params[key] = value if isinstance(value, str) else "<file>"
        for key, value in list(params.items()):
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    pass
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"].lower()
        params = await self._params(request)
        if self.latency is not None:
            await asyncio.sleep(self._rng.uniform(*self.latency))
        call = Call(method, params, time.monotonic())
        if self.inject_429 and method in SEND_METHODS and self._rng.random() < self.inject_429:
            retry = self._rng.randint(*self.retry_after_range)
            self.imposed.append((call.at, retry))
            response = self._error(call, 429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        else:
            response = await self._answer(method, params, call)
        if self.latency is not None:
            await asyncio.sleep(self._rng.uniform(*self.latency))
        async with self._changed:
            if method != "getupdates" and not call.lost:
                self.calls.append(call)
            self._changed.notify_all()
        return response

    def _error(self, call: Call, code: int, description: str, **extra: Any) -> web.Response:
        call.status = code
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if extra:
            body["parameters"] = extra
        return web.json_response(body, status=code)

    def _message(self, chat_id: Any, **fields: Any) -> dict[str, Any]:
        chat_id = int(chat_id)
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "MMIT Office", "username": BOT_USERNAME},
            **fields,
        }

    async def _answer(self, method: str, params: dict[str, Any], call: Call) -> web.Response:
        if self.hook is not None:
            custom = self.hook(method, params)
            if inspect.isawaitable(custom):
                custom = await custom
            if custom == "lost":
                call.lost = True
                return web.Response(status=502)
            if isinstance(custom, web.Response):
                return custom
        if method == "getupdates":
            return await self._get_updates(params)
        if method in SEND_METHODS:
            now = time.monotonic()
            if self.rate_limit is not None:
                while self._sent_window and now - self._sent_window[0] >= self.window:
                    self._sent_window.popleft()
                if len(self._sent_window) >= self.rate_limit:
                    self.too_many += 1
                    return self._error(call, 429, "Too Many Requests: retry after 1", retry_after=1)
                self._sent_window.append(now)
            chat_id = params.get("chat_id")
            if chat_id is not None and int(chat_id) in self.blocked:
                return self._error(call, 403, "Forbidden: bot was blocked by the user")
        result: Any = True
        if method == "getme":
            result = {"id": BOT_ID, "is_bot": True, "first_name": "MMIT Office", "username": BOT_USERNAME,
                      "supports_inline_queries": True}
        elif method in ("sendmessage", "editmessagetext"):
            result = self._message(params.get("chat_id", 1), text=params.get("text", ""))
        elif method in SEND_METHODS:
            if method in ("copymessage",):
                result = {"message_id": next(self._message_ids)}
            else:
                result = self._message(params.get("chat_id", 1), caption=params.get("caption"))
        elif method == "getchat":
            chat_id = int(params.get("chat_id", 0))
            result = {
                "id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "Staff",
                "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                        "premium_subscription": False, "gifts_from_channels": False},
            }
        elif method == "getchatmember":
            result = {"status": "member", "user": {"id": int(params.get("user_id", 0)), "is_bot": False,
                                                   "first_name": "Member"}}
        elif method == "getwebhookinfo":
            result = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        elif method == "createforumtopic":
            result = {"message_thread_id": next(self._message_ids), "name": params.get("name", ""), "icon_color": 7322096}
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, params: dict[str, Any]) -> web.Response:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 1.0)
        # Telegram forgets updates below the offset once it is confirmed.
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except asyncio.TimeoutError:
                pass
        batch = [u for u in self._updates if u["update_id"] >= offset][:100]
        return web.json_response({"ok": True, "result": batch})
