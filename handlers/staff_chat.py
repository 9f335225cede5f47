"""The staff chat (STAFF_CHAT_ID): answers to inquiries, /open, /close, /reopen.

A reply to any message of an inquiry (card, attachment, follow-up, notice, an earlier
answer) or a message in a student's forum topic is copied to the student. Only members of
the chat, ADMIN_IDS and staff may answer or use the commands and buttons; everything else
said in the chat is ignored (and goes to no other router).
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot, Router
from aiogram.filters import BaseFilter, Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.config import Settings
from bot.filters import CallbackPrefix, ChatId
from bot.numbers import parse_int
from bot.inquiries.callbacks import StaffCB
from bot.inquiries.service import InquiryService
from bot.services.roles import RoleService
from bot.views.inquiries import list_markup, open_list_text

log = logging.getLogger(__name__)

MAX_INQUIRY = 2**62  # SQLite's INTEGER holds 2**63 - 1

# What copyMessage can carry; service messages (joins, pins, topic events) are never answers.
ANSWER_CONTENT = {
    "text", "photo", "document", "video", "audio", "voice", "animation", "sticker", "video_note",
    "location", "venue", "contact", "poll", "dice",
}


class CanAnswer(BaseFilter):
    """A member of the staff chat, ADMIN_IDS or staff (getChatMember is cached briefly)."""

    async def __call__(self, event: Message | CallbackQuery, bot: Bot, inquiries: InquiryService) -> bool:
        user = event.from_user
        sender_chat = getattr(event, "sender_chat", None)
        if sender_chat is not None:
            return await inquiries.can_answer(bot, None, sender_chat.id)
        if user is None or user.is_bot:
            return False
        return await inquiries.can_answer(bot, user.id)


async def _target(message: Message, inquiries: InquiryService) -> int | None:
    reply = message.reply_to_message
    if reply is not None:
        found = await inquiries.inquiry_for_message(message.chat.id, reply.message_id)
        if found is not None:
            return int(found)
    if message.is_topic_message and message.message_thread_id:
        found = await inquiries.inquiry_for_thread(message.chat.id, message.message_thread_id)
        if found is not None:
            return int(found)
    return None


class AnswerTarget(BaseFilter):
    """A staff message that answers an inquiry: gives ``inquiry_id``."""

    async def __call__(self, message: Message, inquiries: InquiryService) -> bool | dict[str, Any]:
        if message.content_type not in ANSWER_CONTENT or (message.text or "").startswith("/"):
            return False
        if message.from_user is not None and message.from_user.is_bot and message.sender_chat is None:
            return False
        inquiry_id = await _target(message, inquiries)
        return False if inquiry_id is None else {"inquiry_id": inquiry_id}


def _who(event: Message | CallbackQuery) -> str:
    sender_chat = getattr(event, "sender_chat", None)
    if sender_chat is not None:
        return sender_chat.title or ""
    user = event.from_user
    return user.full_name if user else ""


class GroupChat(BaseFilter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type in ("group", "supergroup")


def get_router(settings: Settings) -> Router:
    parent = Router(name="staff_chat_setup")

    @parent.message(Command("chatid"), GroupChat())
    async def chat_id(message: Message, roles: RoleService, inquiries: InquiryService) -> None:
        # Setting up: the office sends /chatid in the new group to learn the STAFF_CHAT_ID.
        log.warning("/chatid in %s chat %s (%r): set STAFF_CHAT_ID=%s to make it the staff chat",
                    message.chat.type, message.chat.id, message.chat.title, message.chat.id)
        user = message.from_user
        if user is not None and roles.is_admin(user.id):
            await message.reply(inquiries.staff_t("inq-chat-id", id=str(message.chat.id)))

    router = Router(name="staff_chat")
    router.message.filter(ChatId(settings.staff_chat_id))
    router.callback_query.filter(CallbackPrefix(StaffCB), ChatId(settings.staff_chat_id))
    parent.include_router(router)

    @router.message(Command("open"), CanAnswer())
    async def open_list(message: Message, clock: Clock, inquiries: InquiryService) -> None:
        t = inquiries.staff_t
        rows = await inquiries.unanswered()
        if not rows:
            await message.answer(t("inq-open-empty"))
            return
        await message.answer(open_list_text(t, clock, rows), reply_markup=list_markup(t, rows))

    async def set_closed(message: Message, command: CommandObject, bot: Bot, inquiries: InquiryService,
                         closed: bool) -> None:
        t = inquiries.staff_t
        arg = (command.args or "").strip()
        name = "close" if closed else "reopen"
        if arg:
            inquiry_id = parse_int(arg, high=MAX_INQUIRY)
            if inquiry_id is None:
                await message.reply(t("inq-bad-number", text=arg[:40], command=name))
                return
        else:
            inquiry_id = await _target(message, inquiries)
        if inquiry_id is None:
            await message.reply(t("inq-which", command=name))
            return
        if await inquiries.get(inquiry_id) is None:
            await message.reply(t("inq-not-found", id=str(inquiry_id)))
            return
        changed = await inquiries.set_closed(bot, inquiry_id, closed)
        if closed:
            key = "inq-closed" if changed else "inq-already-closed"
        else:
            key = "inq-reopened" if changed else "inq-not-closed"
        await message.reply(t(key, id=str(inquiry_id), name=_who(message)))

    @router.message(Command("close"), CanAnswer())
    async def close_command(message: Message, command: CommandObject, bot: Bot, inquiries: InquiryService) -> None:
        await set_closed(message, command, bot, inquiries, True)

    @router.message(Command("reopen"), CanAnswer())
    async def reopen_command(message: Message, command: CommandObject, bot: Bot, inquiries: InquiryService) -> None:
        await set_closed(message, command, bot, inquiries, False)

    @router.callback_query(StaffCB.filter(), CanAnswer())
    async def staff_button(callback: CallbackQuery, callback_data: StaffCB, bot: Bot,
                           inquiries: InquiryService) -> None:
        t = inquiries.staff_t
        inquiry_id = callback_data.inquiry
        if await inquiries.get(inquiry_id) is None:
            await callback.answer(t("inq-not-found", id=str(inquiry_id)), show_alert=True)
            return
        action = callback_data.action
        if action in ("close", "reopen"):
            closed = action == "close"
            changed = await inquiries.set_closed(bot, inquiry_id, closed)
            if closed:
                key = "inq-closed" if changed else "inq-already-closed"
            else:
                key = "inq-reopened" if changed else "inq-not-closed"
            await callback.answer(t(key, id=str(inquiry_id), name=_who(callback)))
            if changed and callback.message is not None:
                await bot.send_message(
                    callback.message.chat.id, t(key, id=str(inquiry_id), name=_who(callback)),
                    message_thread_id=getattr(callback.message, "message_thread_id", None)
                    if getattr(callback.message, "is_topic_message", False) else None,
                )
        elif action == "card":
            await inquiries.enqueue_card(inquiry_id)
            await callback.answer(t("inq-redo-queued"))
        elif action == "redo":
            queued = await inquiries.requeue(callback_data.row)
            await callback.answer(t("inq-redo-queued" if queued else "inq-redo-done"))
            if callback.message is not None:
                await bot.edit_message_reply_markup(
                    chat_id=callback.message.chat.id, message_id=callback.message.message_id, reply_markup=None
                )
        else:
            await callback.answer()

    @router.callback_query(StaffCB.filter())
    async def staff_button_denied(callback: CallbackQuery, inquiries: InquiryService) -> None:
        await callback.answer(inquiries.staff_t("inq-not-allowed"), show_alert=True)

    @router.message(AnswerTarget(), CanAnswer())
    async def answer(message: Message, inquiry_id: int, bot: Bot, inquiries: InquiryService) -> None:
        result = await inquiries.answer(bot, inquiry_id, message)
        if result.ok:
            return
        t = inquiries.staff_t
        if result.blocked:
            await message.reply(t("inq-blocked", id=str(inquiry_id)))
        else:
            await message.reply(t("inq-send-failed", id=str(inquiry_id), error=result.error))

    @router.message()
    async def ignore(message: Message) -> None:
        # Colleagues talking among themselves, non-members, service messages: not for the bot.
        return None

    return parent


__all__ = ["get_router", "CanAnswer", "AnswerTarget", "StaffCB"]
