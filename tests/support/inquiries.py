"""Helpers for the inquiries tests: ask a question through the real flow, act as staff."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from aiogram.methods import CopyMessage, GetChat, SendMessage
from aiogram.types import AcceptedGiftTypes, ChatFullInfo, Contact, InlineKeyboardMarkup, Message

from bot.inquiries.callbacks import AskCB, StaffCB
from bot.config import Settings
from tests.support.harness import Harness, make_settings

STAFF_CHAT = -1001234567890
STAFF_MEMBER = 5005
ADMIN = 9001


_TEMPLATE: Path | None = None


async def seeded_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """``make_settings`` on a copy of an already migrated and seeded database: seeding the
    knowledge base takes about a second, a copy a millisecond."""
    global _TEMPLATE
    if _TEMPLATE is None or not _TEMPLATE.exists():
        folder = Path(tempfile.mkdtemp(prefix="inquiries-template-"))
        h = await Harness.create(make_settings(folder))
        await h.close()  # closing checkpoints the WAL into the file
        _TEMPLATE = folder / "bot.sqlite3"
    settings = make_settings(tmp_path, **overrides)
    target = Path(settings.database_path)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_TEMPLATE, target)
    return settings


def patch_session(h: Harness) -> None:
    """Two answers of RecordingSession that aiogram 3.31 rejects, fixed for these tests only:
    sendMessage with a reply keyboard (a Message only takes an inline one) and getChat."""
    session = h.session

    def send_message(method: SendMessage) -> Any:
        if method.reply_markup is not None and not isinstance(method.reply_markup, InlineKeyboardMarkup):
            method = method.model_copy(update={"reply_markup": None})
        return session._default(h.bot, method)

    session.respond(SendMessage, send_message)

    def get_chat(method: GetChat) -> ChatFullInfo:
        # The default answer lacks a field aiogram 3.31 requires (gifts_from_channels).
        chat_id = int(method.chat_id)
        return ChatFullInfo(
            id=chat_id, type="private" if chat_id > 0 else "supergroup",
            is_forum=chat_id in session.forum_chats or None, accent_color_id=0, max_reaction_count=11,
            accepted_gift_types=AcceptedGiftTypes(unlimited_gifts=False, limited_gifts=False, unique_gifts=False,
                                                  premium_subscription=False, gifts_from_channels=False),
        )

    session.respond(GetChat, get_chat)


def svc(h: Harness) -> Any:
    return h.app.inquiries


async def ask(
    h: Harness,
    *,
    user_id: int = 1001,
    topic: str = "visa",
    question: str | None = "How can I extend my visa?",
    phone: bool = False,
    first_name: str = "Student",
    username: str | None = "student",
    **content: Any,
) -> list[Any]:
    """Walk the whole flow; return the requests caused by pressing "Send"."""
    who = {"user_id": user_id, "first_name": first_name, "username": username}
    await h.send("/ask", **who)
    await h.press(AskCB(action="topic", value=topic).pack(), **who)
    await h.send(question, **who, **content)
    t = await student_t(h, user_id)
    if phone:
        contact = Contact(phone_number="992900000001", first_name=first_name, user_id=user_id)
        await h.send(None, **who, contact=contact)
    else:
        await h.send(t("ask-btn-skip-phone"), **who)
    return await h.press(AskCB(action="send").pack(), **who)


async def student_t(h: Harness, user_id: int) -> Any:
    lang = await h.app.users.get_language(user_id)
    return h.app.locales[lang or h.app.settings.default_language]


async def last_inquiry(h: Harness, user_id: int | None = None) -> Any:
    if user_id is None:
        return await h.app.db.fetchone("SELECT * FROM inquiries ORDER BY id DESC LIMIT 1")
    return await h.app.db.fetchone("SELECT * FROM inquiries WHERE user_id = ? ORDER BY id DESC LIMIT 1", (user_id,))


def staff_cards(h: Harness) -> list[SendMessage]:
    """Cards sent to the staff chat (messages carrying the Close/Reopen button)."""
    return [
        r for r in h.session.of(SendMessage)
        if r.chat_id == STAFF_CHAT and r.reply_markup is not None
        and any((b.callback_data or "").startswith("iq:close:") for row in r.reply_markup.inline_keyboard for b in row)
    ]


def to_chat(requests: list[Any], chat_id: int, *types: type) -> list[Any]:
    return [r for r in requests if isinstance(r, types or (SendMessage, CopyMessage)) and r.chat_id == chat_id]


async def staff_says(
    h: Harness,
    text: str | None = "Hello! You can extend it at the migration service.",
    *,
    reply_to_message_id: int | None = None,
    reply_chat_id: int = STAFF_CHAT,
    user_id: int = STAFF_MEMBER,
    thread_id: int | None = None,
    is_topic: bool | None = None,
    **content: Any,
) -> list[Any]:
    reply: Message | None = None
    if reply_to_message_id is not None:
        reply = h.updates.bot_message(reply_chat_id, reply_to_message_id, thread_id=thread_id)
    return await h.send(
        text, user_id=user_id, chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Staff",
        username="staffer", lang="ru", reply_to=reply, thread_id=thread_id, is_topic=is_topic, **content,
    )


async def staff_press(h: Harness, action: str, inquiry_id: int, *, user_id: int = STAFF_MEMBER,
                      message_id: int = 700, row: int = 0) -> list[Any]:
    return await h.press(StaffCB(action=action, inquiry=inquiry_id, row=row).pack(), user_id=user_id,
                         chat_id=STAFF_CHAT, message_id=message_id)


async def student_reply(h: Harness, inquiry_id: int, text: str | None = "Thank you! One more thing…",
                        user_id: int = 1001, **content: Any) -> list[Any]:
    """The student replies to the answer they received for ``inquiry_id``."""
    message_id = await h.app.db.fetchval(
        "SELECT message_id FROM inquiry_messages WHERE chat_id = ? AND inquiry_id = ? AND role = 'answer'"
        " ORDER BY created_at DESC LIMIT 1",
        (user_id, inquiry_id),
    )
    assert message_id is not None, "the student has no answer to reply to"
    return await h.send(text, user_id=user_id, reply_to=h.updates.bot_message(user_id, message_id), **content)
