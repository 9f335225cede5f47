"""Real ``Update`` objects as Telegram sends them, for ``Dispatcher.feed_update``."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)

from tests.support.session import BOT_ID, BOT_USERNAME

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone.utc)


class Updates:
    def __init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)

    def user(self, user_id: int = 1001, lang: str | None = "en", first_name: str = "Student", username: str | None = "student") -> User:
        return User(id=user_id, is_bot=False, first_name=first_name, username=username, language_code=lang)

    def message(
        self,
        text: str | None = None,
        *,
        user_id: int = 1001,
        lang: str | None = "en",
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Student",
        username: str | None = "student",
        reply_to: Message | None = None,
        thread_id: int | None = None,
        is_topic: bool | None = None,
        **content: Any,
    ) -> Update:
        chat_id = user_id if chat_id is None else chat_id
        if chat_type == "private":
            chat = Chat(id=chat_id, type="private", first_name=first_name, username=username)
        else:
            chat = Chat(id=chat_id, type=chat_type, title="Staff", is_forum=is_topic or None)
        entities = None
        if text and text.startswith("/"):
            command = text.split()[0]
            entities = [MessageEntity(type="bot_command", offset=0, length=len(command))]
        message = Message(
            message_id=next(self._message_ids),
            date=NOW,
            chat=chat,
            from_user=self.user(user_id, lang, first_name, username),
            text=text,
            entities=entities,
            reply_to_message=reply_to,
            message_thread_id=thread_id,
            is_topic_message=is_topic,
            **content,
        )
        return Update(update_id=next(self._update_ids), message=message)

    def bot_message(self, chat_id: int, message_id: int, text: str = "…", markup: InlineKeyboardMarkup | None = None, thread_id: int | None = None) -> Message:
        chat = Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup")
        return Message(
            message_id=message_id,
            date=NOW,
            chat=chat,
            from_user=User(id=BOT_ID, is_bot=True, first_name="MMIT Office", username=BOT_USERNAME),
            text=text,
            reply_markup=markup,
            message_thread_id=thread_id,
        )

    def callback(
        self,
        data: str,
        *,
        user_id: int = 1001,
        lang: str | None = "en",
        message_id: int = 500,
        chat_id: int | None = None,
        text: str = "…",
        first_name: str = "Student",
        username: str | None = "student",
    ) -> Update:
        chat_id = user_id if chat_id is None else chat_id
        query = CallbackQuery(
            id=str(next(self._callback_ids)),
            from_user=self.user(user_id, lang, first_name, username),
            chat_instance="ci",
            data=data,
            message=self.bot_message(chat_id, message_id, text),
        )
        return Update(update_id=next(self._update_ids), callback_query=query)

    def raw(self, **fields: Any) -> Update:
        return Update(update_id=next(self._update_ids), **fields)
