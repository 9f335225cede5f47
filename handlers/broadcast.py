"""/broadcast (compose, preview, confirm), /broadcasts (recent jobs, Delete), job buttons and
automatic-announcement offers. Staff only: ``IsStaff()`` on every handler; the composer's
message handlers are state-filtered, so nobody else's text ever reaches them."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.broadcast.callbacks import Announce, BcDraft, BcJob, audience_from_data
from bot.broadcast.models import Job, copy_version, make_content, valid_audience
from bot.broadcast.service import BroadcastService
from bot.clock import Clock
from bot.filters import CallbackPrefix, CommandOrState, IsStaff, NotCommand
from bot.i18n import Locales, Translator
from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPICS
from bot.ui import Screen, show
from bot.views.broadcast import (
    audience_label,
    cancel_draft_markup,
    confirm_markup,
    delete_confirm_screen,
    draft_screen,
    lang_name,
    list_screen,
    progress_screen,
    student_markup,
    version_prompt_screen,
)

# Content a broadcast may carry (copyMessage copies it with its formatting).
CONTENT_FIELDS = ("text", "photo", "video", "document", "animation", "audio", "voice")


class BroadcastForm(StatesGroup):
    first = State()  # waiting for the message
    version = State()  # waiting for the version in data["bc_lang"]
    draft = State()  # choosing versions and the audience
    preview = State()  # preview shown: confirm or cancel


def _topic_of(audience: str) -> str | None:
    kind, _, value = audience.partition(":")
    return value if kind == "topic" else None


async def _draft_screen(t: Translator, versions: dict[str, Any], broadcasts: BroadcastService) -> Screen:
    topic_counts = {topic: sum((await broadcasts.audience_counts(f"topic:{topic}")).values()) for topic, _ in TOPICS}
    return draft_screen(t, versions, topic_counts, await broadcasts.audience_counts("all"))


async def _list_screen(t: Translator, broadcasts: BroadcastService, clock: Clock) -> Screen:
    return list_screen(t, await broadcasts.recent(), clock)


async def _start_job_message(callback: CallbackQuery, t: Translator, broadcasts: BroadcastService, job: Job) -> None:
    position = await broadcasts.queue_position(job.id)
    await show(callback, progress_screen(t, job, position), answer_callback=False)


def get_router() -> Router:
    router = Router(name="broadcast")
    router.message.filter(CommandOrState(BroadcastForm))
    router.callback_query.filter(CallbackPrefix(Announce, BcDraft, BcJob))
    composing = StateFilter(BroadcastForm)  # any step of the composer

    # --- composing -----------------------------------------------------------------------
    @router.message(Command("broadcast"), IsStaff())
    async def broadcast_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.set_state(BroadcastForm.first)
        await state.set_data({"bc_versions": {}})
        await message.answer(t("bc-ask-message"), reply_markup=cancel_draft_markup(t))

    @router.message(Command("cancel"), StateFilter(BroadcastForm), IsStaff())
    async def cancel_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.clear()
        await message.answer(t("bc-draft-cancelled"))

    @router.message(StateFilter(BroadcastForm.first, BroadcastForm.version), NotCommand(), IsStaff())
    async def content(message: Message, t: Translator, state: FSMContext, broadcasts: BroadcastService) -> None:
        if not any(getattr(message, name) for name in CONTENT_FIELDS):
            await message.answer(t("bc-unsupported"))
            return
        data = await state.get_data()
        versions = dict(data.get("bc_versions") or {})
        version = copy_version(message.chat.id, message.message_id)
        if await state.get_state() == BroadcastForm.version.state and versions.get("*"):
            versions[str(data.get("bc_lang"))] = version
        else:
            versions["*"] = version
        await state.update_data({"bc_versions": versions})
        await state.set_state(BroadcastForm.draft)
        await show(message, await _draft_screen(t, versions, broadcasts))

    @router.callback_query(BcDraft.filter(), composing, IsStaff())
    async def draft_button(
        callback: CallbackQuery,
        callback_data: BcDraft,
        t: Translator,
        state: FSMContext,
        broadcasts: BroadcastService,
        locales: Locales,
        bot: Bot,
    ) -> None:
        data = await state.get_data()
        versions: dict[str, Any] = dict(data.get("bc_versions") or {})
        action = callback_data.action
        if action == "cancel":
            await state.clear()
            await show(callback, Screen(t("bc-draft-cancelled"), None))
        elif action == "ver" and callback_data.value in LANGUAGES:
            await state.set_state(BroadcastForm.version)
            await state.update_data({"bc_lang": callback_data.value})
            await show(callback, version_prompt_screen(t, callback_data.value))
        elif action == "back":
            await state.set_state(BroadcastForm.draft)
            await show(callback, await _draft_screen(t, versions, broadcasts))
        elif action == "aud" and valid_audience(audience_from_data(callback_data.value)) and "*" in versions:
            await preview(callback, t, state, broadcasts, locales, bot, versions, audience_from_data(callback_data.value))
        elif action == "send" and await state.get_state() == BroadcastForm.preview.state and "*" in versions:
            audience = str(data.get("bc_audience"))
            if not valid_audience(audience):
                await callback.answer(t("bc-draft-expired"), show_alert=True)
                return
            await state.clear()
            await callback.answer()
            chat_id = callback.message.chat.id if callback.message else callback.from_user.id
            message_id = callback.message.message_id if callback.message else None
            first = versions["*"]
            job = await broadcasts.create_job(
                callback.from_user.id, make_content(first, {k: v for k, v in versions.items() if k != "*"}),
                audience, topic=_topic_of(audience), progress_chat_id=chat_id, progress_message_id=message_id,
            )
            await _start_job_message(callback, t, broadcasts, job)
        else:
            await callback.answer(t("bc-draft-expired"))

    async def preview(
        callback: CallbackQuery, t: Translator, state: FSMContext, broadcasts: BroadcastService, locales: Locales,
        bot: Bot, versions: dict[str, Any], audience: str,
    ) -> None:
        counts = await broadcasts.audience_counts(audience)
        total = sum(counts.values())
        if not total:
            await callback.answer(t("bc-no-recipients"), show_alert=True)
            return
        await callback.answer()
        await state.set_state(BroadcastForm.preview)
        await state.update_data({"bc_audience": audience})
        chat_id = callback.from_user.id
        await bot.send_message(chat_id, t("bc-preview-head", audience=audience_label(t, audience), total=total))
        topic = _topic_of(audience)
        for lang in LANGUAGES:
            if not counts[lang]:
                continue
            version = versions.get(lang) or versions["*"]
            await bot.send_message(chat_id, t("bc-preview-lang", language=lang_name(lang), count=counts[lang]))
            await bot.copy_message(chat_id=chat_id, from_chat_id=version["chat_id"], message_id=version["message_id"],
                                   reply_markup=student_markup(locales[lang], topic))
        await bot.send_message(chat_id, t("bc-confirm", total=total, audience=audience_label(t, audience)),
                               reply_markup=confirm_markup(t, total))

    @router.callback_query(BcDraft.filter(), IsStaff())
    async def draft_expired(callback: CallbackQuery, t: Translator) -> None:
        # A composer button from a draft that is gone (finished, cancelled or a restart).
        await callback.answer(t("bc-draft-expired"), show_alert=True)

    # --- jobs -----------------------------------------------------------------------------
    @router.message(Command("broadcasts"), IsStaff())
    async def broadcasts_command(message: Message, t: Translator, broadcasts: BroadcastService, clock: Clock) -> None:
        await show(message, await _list_screen(t, broadcasts, clock))

    @router.callback_query(BcJob.filter(), IsStaff())
    async def job_button(
        callback: CallbackQuery, callback_data: BcJob, t: Translator, broadcasts: BroadcastService, clock: Clock,
        bot: Bot,
    ) -> None:
        job_id, action = callback_data.job, callback_data.action
        if action == "cancel":
            before = await broadcasts.cancel(job_id, bot)
            await callback.answer(t("bc-cancelling" if before else "bc-not-active"))
        elif action == "del":
            job = await broadcasts.get(job_id)
            if job is None or not broadcasts.can_delete(job):
                await callback.answer(t("bc-delete-not-allowed"), show_alert=True)
                return
            await show(callback, delete_confirm_screen(t, job))
        elif action == "delok":
            result = await broadcasts.request_delete(job_id, callback.from_user.id)
            if result != "ok":
                await callback.answer(t("bc-delete-not-allowed"), show_alert=True)
                return
            await show(callback, Screen(t("bc-deleting", id=str(job_id)), None))
        elif action == "list":
            await show(callback, await _list_screen(t, broadcasts, clock))
        else:
            await callback.answer(t("button-outdated"))

    # --- automatic announcements ----------------------------------------------------------
    @router.callback_query(Announce.filter(), IsStaff())
    async def announce_button(
        callback: CallbackQuery, callback_data: Announce, t: Translator, broadcasts: BroadcastService
    ) -> None:
        confirm = callback_data.action == "ok"
        message = callback.message
        result, job = await broadcasts.decide_offer(
            callback_data.offer, callback.from_user.id, confirm,
            progress_chat_id=message.chat.id if message else callback.from_user.id,
            progress_message_id=message.message_id if message else None,
        )
        if result == "ok" and job is not None:
            await callback.answer()
            await _start_job_message(callback, t, broadcasts, job)
        elif result == "skipped":
            await show(callback, Screen(t("bc-offer-skipped"), None))
        elif result == "gone":
            await show(callback, Screen(t("bc-offer-gone"), None))
        else:
            await callback.answer(t("bc-offer-decided"), show_alert=True)

    # --- everyone else: a polite refusal, nothing else happens -----------------------------
    @router.message(Command("broadcast", "broadcasts"))
    async def not_staff_command(message: Message, t: Translator) -> None:
        await message.answer(t("bc-staff-only"))

    @router.callback_query(BcDraft.filter())
    @router.callback_query(BcJob.filter())
    @router.callback_query(Announce.filter())
    async def not_staff_button(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("bc-staff-only"), show_alert=True)

    return router
