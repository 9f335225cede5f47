"""What one outbox row becomes in the staff chat: a card, a copied attachment, a
follow-up or a notice, each one Bot API call (the outbox decides when and how often)."""

from __future__ import annotations

import sqlite3

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import ReplyParameters

from bot.clock import Clock
from bot.i18n import Translator
from bot.views import inquiries as views

TOPIC_GONE = ("thread not found", "topic_deleted", "topic deleted", "topic_closed", "topic closed",
              "topic_id_invalid")
SOURCE_GONE = ("message to copy not found", "message_id_invalid", "message not found")


class TopicGone(Exception):
    """Telegram refused the message because its forum topic was deleted or closed."""


def matches(error: Exception, needles: tuple[str, ...]) -> bool:
    text = str(getattr(error, "message", error)).lower()
    return any(needle in text for needle in needles)


async def send_row(
    bot: Bot, t: Translator, clock: Clock, chat_id: int, thread_id: int | None, row: sqlite3.Row,
    inquiry: sqlite3.Row, *, notice_of: str = "card",
) -> int:
    """Post ``row``; return the message id. ``notice_of``: the kind of row a notice is about."""
    kind = row["kind"]
    reply = None
    if kind != "card" and inquiry["card_message_id"] is not None and inquiry["card_chat_id"] == chat_id \
            and inquiry["card_thread_id"] == thread_id:
        reply = ReplyParameters(message_id=inquiry["card_message_id"], allow_sending_without_reply=True)
    try:
        if kind == "card":
            sent = await bot.send_message(
                chat_id, views.render_card(t, clock, inquiry), message_thread_id=thread_id,
                reply_markup=views.card_markup(t, inquiry),
            )
            return sent.message_id
        if kind == "notice":
            sent = await bot.send_message(
                chat_id, views.notice_text(t, inquiry["id"], notice_of), message_thread_id=thread_id,
                reply_parameters=reply, reply_markup=views.notice_markup(t, inquiry["id"], int(row["body"] or 0)),
            )
            return sent.message_id
        if kind == "attachment":
            return await _send_attachment(bot, t, chat_id, thread_id, inquiry, reply)
        # follow-up
        if row["source_message_id"] is None:
            sent = await bot.send_message(
                chat_id, views.followup_text(t, inquiry, row["body"], 3500),
                message_thread_id=thread_id, reply_parameters=reply,
            )
            return sent.message_id
        copied = await bot.copy_message(
            chat_id, row["source_chat_id"], row["source_message_id"], message_thread_id=thread_id,
            caption=views.followup_text(t, inquiry, row["body"], 700), reply_parameters=reply,
        )
        return copied.message_id
    except TelegramBadRequest as error:
        if thread_id is not None and matches(error, TOPIC_GONE):
            raise TopicGone() from error
        raise


async def _send_attachment(bot: Bot, t: Translator, chat_id: int, thread_id: int | None, inquiry: sqlite3.Row,
                           reply: ReplyParameters | None) -> int:
    caption = views.attachment_caption(t, inquiry)
    try:
        copied = await bot.copy_message(
            chat_id, inquiry["source_chat_id"], inquiry["source_message_id"],
            message_thread_id=thread_id, caption=caption, reply_parameters=reply,
        )
        return copied.message_id
    except TelegramBadRequest as error:
        if not matches(error, SOURCE_GONE) or not inquiry["attachment_file_id"]:
            raise
    # The student deleted their message: the file itself is still known by its id.
    if inquiry["attachment_kind"] == "photo":
        sent = await bot.send_photo(chat_id, inquiry["attachment_file_id"], message_thread_id=thread_id,
                                    caption=caption, reply_parameters=reply)
    else:
        sent = await bot.send_document(chat_id, inquiry["attachment_file_id"], message_thread_id=thread_id,
                                       caption=caption, reply_parameters=reply)
    return sent.message_id
