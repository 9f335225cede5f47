"""A Bot API session that records every request and answers it like Telegram would.

The idea is aiogram's own ``tests/mocked_bot.py``: the production Dispatcher runs
unchanged, and tests assert on the Bot API calls it made. Instead of queueing canned
responses, plausible ones are made from the request itself (a sent message gets a new
message id in the same chat), and a test can make any call fail with ``fail_with``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
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

Hook = Callable[[TelegramMethod[Any]], None]
MethodTypes = type | tuple[type, ...]


@dataclass
class Failure:
    """Requests of ``methods`` for which ``when`` holds are refused, ``times`` times
    (``None``: every time). ``content`` is Telegram's answer; ``None`` means no answer."""

    methods: MethodTypes
    when: Callable[[Any], bool] | None
    times: int | None
    error_code: int = 0
    content: str | None = None

    def take(self, method: TelegramMethod[Any]) -> bool:
        if not isinstance(method, self.methods) or (self.when is not None and not self.when(method)):
            return False
        if self.times is not None:
            if self.times <= 0:
                return False
            self.times -= 1
        return True


def chat_for(chat_id: int | str) -> Chat:
    chat_id = int(chat_id)
    return Chat(id=chat_id, type="private" if chat_id > 0 else "supergroup", is_forum=None)


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: list[Failure] = []
        self.hooks: list[Hook] = []
        self.handlers: dict[type, Callable[[TelegramMethod[Any]], Any]] = {}
        self._ids = itertools.count(10_000)
        self.forum_chats: set[int] = set()

    # --- configuration -------------------------------------------------------------
    def fail_with(
        self,
        methods: MethodTypes,
        error_code: int,
        description: str,
        *,
        when: Callable[[Any], bool] | None = None,
        times: int | None = None,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Answer matching requests as Telegram refuses one, e.g. ``fail_with(CopyMessage,
        403, "Forbidden: bot was blocked by the user", when=lambda m: m.chat_id == 1002)``;
        ``retry_after``/``migrate_to_chat_id`` go into the answer's ``parameters``."""
        answer: dict[str, Any] = {"ok": False, "error_code": error_code, "description": description}
        parameters = {name: value for name, value in
                      (("retry_after", retry_after), ("migrate_to_chat_id", migrate_to_chat_id)) if value is not None}
        if parameters:
            answer["parameters"] = parameters
        self.failures.append(Failure(methods, when, times, error_code, json.dumps(answer)))

    def fail_network(self, methods: MethodTypes, *, when: Callable[[Any], bool] | None = None,
                     times: int | None = None) -> None:
        """No answer at all: what aiogram's aiohttp session raises on a time-out."""
        self.failures.append(Failure(methods, when, times))

    def on_request(self, hook: Hook) -> None:
        """``hook(method)`` runs as each request arrives, before it is answered: to look at
        the database at that moment, or to raise what is no Telegram answer (a crash)."""
        self.hooks.append(hook)

    def clear_failures(self) -> None:
        self.failures.clear()
        self.hooks.clear()

    def respond(self, method_type: type, handler: Callable[[TelegramMethod[Any]], Any]) -> None:
        self.handlers[method_type] = handler

    # --- BaseSession -----------------------------------------------------------------
    async def close(self) -> None:
        pass

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        self.requests.append(method)
        for hook in list(self.hooks):
            hook(method)
        for failure in self.failures:
            if not failure.take(method):
                continue
            if failure.content is None:
                raise TelegramNetworkError(method=method, message="Request timeout error")
            # aiogram raises the exception that production code would see for this answer.
            self.check_response(bot, method, failure.error_code, failure.content)
            raise AssertionError(f"check_response accepted an error answer: {failure.content}")
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
