"""Signed Mini App initData as Telegram makes it, and a client for the dashboard's API.

The signature is computed here from Telegram's documentation, not with the bot's own code,
so a mistake in bot/web/auth.py cannot hide itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from aiohttp.test_utils import TestClient, TestServer

from bot.web import build_web_app
from tests.support.harness import Harness
from tests.support.session import TOKEN


def sign_init_data(user_id: int, *, auth_date: int, token: str = TOKEN, first_name: str = "Staff",
                   language_code: str | None = "en", **extra: str) -> str:
    user: dict[str, Any] = {"id": user_id, "first_name": first_name, "last_name": "Member", "username": f"u{user_id}"}
    if language_code:
        user["language_code"] = language_code
    fields = {
        "query_id": "AAHdF6IQAAAAAN0XohDhrOrc",
        "user": json.dumps(user, ensure_ascii=False, separators=(",", ":")),
        "auth_date": str(auth_date),
        **extra,
    }
    check = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)


def auth(init_data: str) -> dict[str, str]:
    return {"Authorization": f"tma {init_data}"}


def staff_auth(h: Harness, user_id: int = 9001, **kwargs: Any) -> dict[str, str]:
    return auth(sign_init_data(user_id, auth_date=int(h.app.clock()), **kwargs))


@asynccontextmanager
async def dashboard_client(h: Harness) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(build_web_app(h.app, h.bot)))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()
