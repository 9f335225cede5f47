"""``/app/api/inquiries``: the queue (by status and topic), a thread, answering, closing.

An answer takes the path of a reply in the staff chat: the bot posts it there (under a line
saying who answered from the dashboard, as a reply to the inquiry's card) and hands that
message to ``InquiryService.answer``, which copies it to the student under the header in
their language and maps both messages to the inquiry, so the student's reply comes back.
Without a staff chat the staff member's own chat with the bot plays its part.
"""

from __future__ import annotations

import contextlib
import logging

from aiogram.exceptions import TelegramAPIError
from aiogram.types import ReplyParameters
from aiohttp import web

from bot.inquiries.store import TOPICS
from bot.views.dashboard import answer_note, plain_text_html
from bot.web.inquiry_queue import FILTERS
from bot.web.server import context, error, read_json, staff_of

log = logging.getLogger(__name__)

MAX_ANSWER = 4000  # Telegram's message limit is 4096 characters


def _inquiry_id(request: web.Request) -> int:
    value = request.match_info["id"]
    if not value.isdigit() or len(value) > 12:
        raise web.HTTPNotFound()
    return int(value)


async def queue(request: web.Request) -> web.Response:
    status = request.query.get("status", "open")
    topic = request.query.get("topic") or None
    if status not in FILTERS or (topic is not None and topic not in TOPICS):
        return error(400, "bad_filter")
    items = await context(request).queue.list(status, topic)
    return web.json_response({"items": items, "statuses": list(FILTERS), "topics": list(TOPICS)})


async def thread(request: web.Request) -> web.Response:
    found = await context(request).queue.thread(_inquiry_id(request))
    return web.json_response(found) if found is not None else error(404, "not_found")


async def answer(request: web.Request) -> web.Response:
    dashboard = context(request)
    app, bot, staff = dashboard.app, dashboard.bot, staff_of(request)
    inquiry_id = _inquiry_id(request)
    body = await read_json(request)
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or not text.strip():
        return web.json_response({"error": "invalid", "errors": [
            {"field": "text", "language": None, "path": "text", "code": "missing", "message": "the answer is empty"}]},
            status=422)
    if len(text) > MAX_ANSWER:
        return web.json_response({"error": "invalid", "errors": [
            {"field": "text", "language": None, "path": "text", "code": "too_long",
             "message": f"at most {MAX_ANSWER} characters", "limit": MAX_ANSWER}]}, status=422)
    inquiry = await app.inquiries.get(inquiry_id)
    if inquiry is None:
        return error(404, "not_found")
    chat_id = app.settings.staff_chat_id if app.settings.staff_chat_id is not None else staff.id
    on_card = inquiry["card_chat_id"] == chat_id and inquiry["card_message_id"] is not None
    thread_id = inquiry["card_thread_id"] if on_card else None
    staff_t = app.inquiries.staff_t if app.settings.staff_chat_id is not None else app.locales[staff.language]
    name = staff.user.full_name or str(staff.id)
    try:
        note = await bot.send_message(
            chat_id, answer_note(staff_t, inquiry_id, name), message_thread_id=thread_id,
            reply_parameters=ReplyParameters(message_id=inquiry["card_message_id"], allow_sending_without_reply=True)
            if on_card else None,
        )
        await app.inquiries.map_message(chat_id, note.message_id, inquiry_id, "notice")
        sent = await bot.send_message(
            chat_id, plain_text_html(text), message_thread_id=thread_id,
            reply_parameters=ReplyParameters(message_id=note.message_id, allow_sending_without_reply=True),
        )
    except TelegramAPIError as problem:
        log.warning("dashboard answer to inquiry %s not posted in chat %s: %s", inquiry_id, chat_id, problem)
        return error(502, "staff_chat", detail=type(problem).__name__)
    result = await app.inquiries.answer(bot, inquiry_id, sent)
    if result.ok:
        await dashboard.queue.record_answer(inquiry_id, user_id=staff.id, name=name, body=text.strip(),
                                            chat_id=chat_id, message_id=sent.message_id, now=int(app.clock()))
        return web.json_response({"ok": True, "status": "answered"})
    # As in the staff chat: the colleagues see that it did not arrive.
    key = "inq-blocked" if result.blocked else "inq-send-failed"
    with contextlib.suppress(TelegramAPIError):
        await bot.send_message(chat_id, staff_t(key, id=str(inquiry_id), error=result.error),
                               message_thread_id=thread_id,
                               reply_parameters=ReplyParameters(message_id=sent.message_id,
                                                                allow_sending_without_reply=True))
    return error(409 if result.blocked else 502, "blocked" if result.blocked else "not_delivered", detail=result.error)


async def _set_closed(request: web.Request, closed: bool) -> web.Response:
    dashboard = context(request)
    app, bot, staff = dashboard.app, dashboard.bot, staff_of(request)
    inquiry_id = _inquiry_id(request)
    if await app.inquiries.get(inquiry_id) is None:
        return error(404, "not_found")
    changed = await app.inquiries.set_closed(bot, inquiry_id, closed)
    inquiry = await app.inquiries.get(inquiry_id)
    chat_id = app.settings.staff_chat_id
    if changed and chat_id is not None and inquiry is not None:
        # The staff chat hears of it as of a press of the card's button.
        on_card = inquiry["card_chat_id"] == chat_id
        key = "inq-closed" if closed else "inq-reopened"
        with contextlib.suppress(TelegramAPIError):
            await bot.send_message(chat_id, app.inquiries.staff_t(key, id=str(inquiry_id),
                                                                  name=staff.user.full_name or str(staff.id)),
                                   message_thread_id=inquiry["card_thread_id"] if on_card else None)
    return web.json_response({"ok": True, "changed": changed, "status": inquiry["status"] if inquiry else None})


async def close(request: web.Request) -> web.Response:
    return await _set_closed(request, True)


async def reopen(request: web.Request) -> web.Response:
    return await _set_closed(request, False)


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/app/api/inquiries", queue),
        web.get("/app/api/inquiries/{id}", thread),
        web.post("/app/api/inquiries/{id}/answer", answer),
        web.post("/app/api/inquiries/{id}/close", close),
        web.post("/app/api/inquiries/{id}/reopen", reopen),
    ]
