"""A Bot API session that records every request and answers it like Telegram would.

The idea is aiogram's own ``tests/mocked_bot.py``: the production Dispatcher runs
unchanged, and tests assert on the Bot API calls it made. Instead of queueing canned
responses, plausible ones are made from the request itself (a sent message gets a new
message id in the same chat), and a test can make any call fail with ``fail_with``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import AsyncGenerator, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    CopyMessage,
    CreateForumTopic,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    ForwardMessage,
    GetChat,
    GetChatMember,
    GetMe,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendVideo,
    TelegramMethod,
)
from aiogram.types import (
    Chat,
    ChatFullInfo,
    ChatMemberMember,
    ForumTopic,
    InlineKeyboardMarkup,
    Message,
    MessageId,
    PhotoSize,
    User,
)

BOT_ID = 4242
BOT_USERNAME = "mmit_office_test_bot"
TOKEN = f"{BOT_ID}:AAEtestTOKENtestTOKENtestTOKEN12345"

Failure = Callable[[TelegramMethod[Any]], Exception | None]


def chat_for(chat_id: int | str) -> Chat:
    chat_id = int(chat_id)
    return Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup", is_forum=None)


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: list[Failure] = []
        self.handlers: dict[type, Callable[[TelegramMethod[Any]], Any]] = {}
        self._ids = itertools.count(10_000)
        self.forum_chats: set[int] = set()

    # --- configuration -------------------------------------------------------------
    def fail_with(self, failure: Failure) -> None:
        """``failure(method)`` returns an exception to raise, or None to answer normally."""
        self.failures.append(failure)

    def clear_failures(self) -> None:
        self.failures.clear()

    def respond(self, method_type: type, handler: Callable[[TelegramMethod[Any]], Any]) -> None:
        self.handlers[method_type] = handler

    # --- BaseSession -----------------------------------------------------------------
    async def close(self) -> None:
        pass

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        self.requests.append(method)
        for failure in list(self.failures):
            error = failure(method)
            if error is not None:
                raise error
        handler = self.handlers.get(type(method))
        result = handler(method) if handler else self._default(bot, method)
        if hasattr(result, "as_"):
            result = result.as_(bot)
        return result

    async def stream_content(self, url: str, headers: Any = None, timeout: int = 30, chunk_size: int = 65536, raise_for_status: bool = True) -> AsyncGenerator[bytes, None]:  # type: ignore[override]
        yield b""

    def _message(self, chat_id: int | str, **fields: Any) -> Message:
        return Message(
            message_id=next(self._ids),
            date=dt.datetime.now(dt.timezone.utc),
            chat=chat_for(chat_id),
            from_user=User(id=BOT_ID, is_bot=True, first_name="MMIT Office", username=BOT_USERNAME),
            **fields,
        )

    def _default(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return User(id=BOT_ID, is_bot=True, first_name="MMIT Office", username=BOT_USERNAME,
                        supports_inline_queries=True)
        if isinstance(method, SendMessage):
            # A Message carries only inline keyboards; a reply keyboard is not echoed back.
            markup = method.reply_markup if isinstance(method.reply_markup, InlineKeyboardMarkup) else None
            return self._message(method.chat_id, text=method.text, reply_markup=markup,
                                 message_thread_id=method.message_thread_id)
        if isinstance(method, SendPhoto):
            return self._message(method.chat_id, caption=method.caption,
                                 photo=[PhotoSize(file_id="photo", file_unique_id="p", width=1, height=1)])
        if isinstance(method, (SendDocument, SendVideo)):
            return self._message(method.chat_id, caption=method.caption)
        if isinstance(method, EditMessageText):
            message = self._message(method.chat_id or 0, text=method.text, reply_markup=method.reply_markup)
            return message.model_copy(update={"message_id": method.message_id})
        if isinstance(method, (EditMessageReplyMarkup, EditMessageCaption)):
            return True
        if isinstance(method, (CopyMessage, ForwardMessage)):
            return MessageId(message_id=next(self._ids))
        if isinstance(method, CreateForumTopic):
            return ForumTopic(message_thread_id=next(self._ids), name=method.name, icon_color=0x6FB9F0)
        if isinstance(method, GetChat):
            chat_id = int(method.chat_id)
            return ChatFullInfo(
                id=chat_id,
                type="private" if chat_id > 0 else "supergroup",
                is_forum=chat_id in self.forum_chats or None,
                accent_color_id=0,
                max_reaction_count=11,
                accepted_gift_types={"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                     "premium_subscription": False, "gifts_from_channels": False},
            )
        if isinstance(method, GetChatMember):
            return ChatMemberMember(user=User(id=method.user_id, is_bot=False, first_name="Member"))
        returning = getattr(method, "__returning__", None)
        if returning is bool:
            return True
        return True

    # --- assertions helpers -------------------------------------------------------------
    def of(self, *types: type) -> list[Any]:
        return [r for r in self.requests if isinstance(r, types)]

    def texts(self) -> list[str]:
        """Texts of sent and edited messages, in order."""
        return [r.text for r in self.requests if isinstance(r, (SendMessage, EditMessageText))]

    def last_text(self) -> str:
        texts = self.texts()
        assert texts, f"no message was sent; requests: {[type(r).__name__ for r in self.requests]}"
        return texts[-1]

    def last_markup(self) -> Any:
        for request in reversed(self.requests):
            if isinstance(request, (SendMessage, EditMessageText)):
                return request.reply_markup
        raise AssertionError("no message was sent")

    def clear(self) -> None:
        self.requests.clear()
