"""/subscribe and the menu entry: topics toggled with one tap; the Unsubscribe button under
every broadcast; my_chat_member. (The offer made once after the first language choice is
sent by the language handler, from the same view.)"""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message

from bot.broadcast.callbacks import SubToggle, Unsub
from bot.callbacks import Menu
from bot.filters import CallbackPrefix, IsCommand
from bot.i18n import Translator
from bot.services.subscriptions import TOPIC_KEYS, SubscriptionService
from bot.services.users import UserService
from bot.ui import show
from bot.views.broadcast import student_markup
from bot.views.subscriptions import render_subscriptions

log = logging.getLogger(__name__)


def get_router() -> Router:
    router = Router(name="subscriptions")
    router.message.filter(IsCommand())
    router.callback_query.filter(CallbackPrefix(SubToggle, Unsub, menu=("subscribe",)))

    @router.message(Command("subscribe"))
    async def subscribe_command(message: Message, t: Translator, subscriptions: SubscriptionService) -> None:
        assert message.from_user is not None
        await show(message, render_subscriptions(t, await subscriptions.topics(message.from_user.id)))

    @router.callback_query(Menu.filter(F.screen == "subscribe"))
    async def subscribe_menu(callback: CallbackQuery, t: Translator, subscriptions: SubscriptionService) -> None:
        await show(callback, render_subscriptions(t, await subscriptions.topics(callback.from_user.id)))

    @router.callback_query(SubToggle.filter())
    async def toggle(
        callback: CallbackQuery, callback_data: SubToggle, t: Translator, subscriptions: SubscriptionService
    ) -> None:
        topic = callback_data.topic
        if topic not in TOPIC_KEYS:
            await callback.answer(t("button-outdated"))
            return
        on = await subscriptions.toggle(callback.from_user.id, topic)
        await callback.answer(t("sub-on" if on else "sub-off", topic=t(TOPIC_KEYS[topic])))
        topics = await subscriptions.topics(callback.from_user.id)
        await show(callback, render_subscriptions(t, topics), answer_callback=False)

    @router.callback_query(Unsub.filter())
    async def unsubscribe(
        callback: CallbackQuery, callback_data: Unsub, t: Translator, subscriptions: SubscriptionService
    ) -> None:
        topic = callback_data.topic
        if topic not in TOPIC_KEYS:
            await callback.answer(t("button-outdated"))
            return
        await subscriptions.set(callback.from_user.id, topic, False)
        await callback.answer(t("sub-unsubscribed", topic=t(TOPIC_KEYS[topic])), show_alert=True)
        if isinstance(callback.message, Message):
            # The broadcast stays; its button now leads to the settings (to subscribe again).
            try:
                await callback.message.edit_reply_markup(reply_markup=student_markup(t, None))
            except TelegramBadRequest as error:
                log.debug("unsubscribe button not replaced: %s", error)

    @router.my_chat_member()
    async def membership(event: ChatMemberUpdated, users: UserService) -> None:
        # A student blocked the bot (kicked) or came back (member): broadcasts skip or include them.
        if event.chat.type != "private":
            return
        status = event.new_chat_member.status
        if status == "kicked":
            await users.set_active(event.chat.id, False)
        elif status == "member":
            await users.set_active(event.chat.id, True)

    return router
