"""What every dashboard request passes through, and what its handlers share.

Every request under ``/app/api/`` passes ``guard``: ``Authorization: tma <initData>``
validated against the bot token and the App's clock (401 otherwise), then the role, read
on every request from ``app.roles`` (403 for anyone who is not staff), so removing a staff
member takes effect on their next request. Bodies over MAX_BODY get 413.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiohttp import web

from bot.app import App
from bot.i18n import guess_language
from bot.web.auth import InitDataError, WebAppUser, validate_init_data
from bot.web.inquiry_queue import InquiryQueue

log = logging.getLogger(__name__)

MAX_BODY = 256 * 1024
API = "/app/api/"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Staff:
    """The signed-in staff member of one request."""

    user: WebAppUser
    role: str  # "admin" | "staff"
    language: str

    @property
    def id(self) -> int:
        return self.user.id


@dataclass(frozen=True)
class Dashboard:
    app: App
    bot: Bot
    queue: InquiryQueue


DASHBOARD = web.AppKey("dashboard", Dashboard)
STAFF = web.RequestKey("staff", Staff)


def context(request: web.Request) -> Dashboard:
    return request.app[DASHBOARD]


def staff_of(request: web.Request) -> Staff:
    return request[STAFF]


def error(status: int, code: str, **extra: Any) -> web.Response:
    return web.json_response({"error": code, **extra}, status=status)


async def read_json(request: web.Request) -> Any:
    """The body as JSON; 400 if it is not, 413 if it is too big (aiohttp's client_max_size)."""
    try:
        return await request.json(loads=json.loads)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise web.HTTPBadRequest(text=json.dumps({"error": "bad_json"}), content_type="application/json") from None


async def authenticate(request: web.Request, dashboard: Dashboard) -> Staff | web.Response:
    scheme, _, init_data = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "tma" or not init_data.strip():
        return error(401, "unauthorized", reason="no initData")
    app = dashboard.app
    try:
        user = validate_init_data(init_data.strip(), app.settings.bot_token.get_secret_value(), app.clock())
    except InitDataError as problem:
        log.info("dashboard: refused initData (%s) from %s", problem, request.remote)
        return error(401, "unauthorized", reason=str(problem))
    if app.roles.is_admin(user.id):
        role = "admin"
    elif await app.roles.is_staff(user.id):
        role = "staff"
    else:
        return error(403, "forbidden")
    language = await app.users.get_language(user.id) or guess_language(user.language_code, app.settings.default_language)
    return Staff(user=user, role=role, language=language)


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith(API):
        return await handler(request)
    if (request.content_length or 0) > MAX_BODY:
        return error(413, "too_large", limit=MAX_BODY)
    staff = await authenticate(request, context(request))
    if isinstance(staff, web.Response):
        response = staff
        if response.status == 401:
            response.headers["WWW-Authenticate"] = "tma"
        return response
    request[STAFF] = staff
    try:
        response = await handler(request)
    except web.HTTPRequestEntityTooLarge:
        response = error(413, "too_large", limit=MAX_BODY)
    except web.HTTPException as problem:
        if problem.content_type == "application/json":
            raise
        response = error(problem.status, problem.reason.lower().replace(" ", "_"))
    response.headers["Cache-Control"] = "no-store"
    return response


@web.middleware
async def headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
