"""/broadcast (compose, preview, confirm), /broadcasts (recent jobs, Delete), job buttons and
automatic-announcement offers. Staff only: ``IsStaff()`` on every handler; the composer's
message handlers are state-filtered, so nobody else's text ever reaches them."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Router
from aiogram.filters import BaseFilter, Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.broadcast.callbacks import Announce, BcDraft, BcJob
from bot.broadcast.service import (
    BroadcastService,
    Job,
    audience_label,
    copy_version,
    format_stamp,
    make_content,
    valid_audience,
)
from bot.filters import CallbackPrefix, CommandOrState, IsStaff, PrivateChat
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Translator
from bot.kb.models import LANGUAGES
from bot.keyboards import button, markup
from bot.services.subscriptions import TOPICS
from bot.ui import Screen, show

# Content a broadcast may carry (copyMessage copies it with its formatting).
CONTENT_FIELDS = ("text", "photo", "video", "document", "animation", "audio", "voice")


class BroadcastForm(StatesGroup):
    first = State()  # waiting for the message
    version = State()  # waiting for the version in data["bc_lang"]
    draft = State()  # choosing versions and the audience
    preview = State()  # preview shown: confirm or cancel


class NotCommand(BaseFilter):
    """Any message but a command (commands keep working while composing)."""

    async def __call__(self, message: Message) -> bool:
        return not (message.text and message.text.startswith("/"))


def _lang_name(lang: str) -> str:
    return f"{LANGUAGE_FLAGS[lang]} {LANGUAGE_NAMES[lang]}"


def _aud_to_data(audience: str) -> str:
    return audience.replace(":", ".")


def _aud_from_data(value: str) -> str:
    return value.replace(".", ":")


def _topic_of(audience: str) -> str | None:
    kind, _, value = audience.partition(":")
    return value if kind == "topic" else None


async def draft_screen(t: Translator, versions: dict[str, Any], broadcasts: BroadcastService) -> Screen:
    lines = [t("bc-draft-title"), t("bc-draft-first")]
    for lang in LANGUAGES:
        key = "bc-draft-version-own" if lang in versions else "bc-draft-version-first"
        lines.append(t(key, language=_lang_name(lang)))
    lines += ["", t("bc-draft-hint")]
    rows: list[list[InlineKeyboardButton]] = [[
        button(t("bc-btn-version-edit" if lang in versions else "bc-btn-version-add", language=LANGUAGE_FLAGS[lang]),
               BcDraft(action="ver", value=lang))
        for lang in LANGUAGES
    ]]
    for topic, key in TOPICS:
        audience = f"topic:{topic}"
        count = sum((await broadcasts.audience_counts(audience)).values())
        rows.append([button(t("bc-btn-aud-topic", topic=t(key), count=count),
                            BcDraft(action="aud", value=_aud_to_data(audience)))])
    counts_all = await broadcasts.audience_counts("all")
    rows.append([button(t("bc-btn-aud-all", count=sum(counts_all.values())), BcDraft(action="aud", value="all"))])
    rows.append([
        button(t("bc-btn-aud-lang", language=LANGUAGE_FLAGS[lang], count=counts_all[lang]),
               BcDraft(action="aud", value=f"lang.{lang}"))
        for lang in LANGUAGES
    ])
    rows.append([button(t("bc-btn-cancel"), BcDraft(action="cancel"))])
    return Screen("\n".join(lines), markup(rows))


def progress_screen(t: Translator, broadcasts: BroadcastService, job: Job, position: int) -> Screen:
    text = (t("bc-progress-queued", id=str(job.id), total=job.total, position=position) if position
            else broadcasts.progress_text(t, job, None))
    return Screen(text, markup([[button(t("bc-btn-cancel-job"), BcJob(action="cancel", job=job.id))]]))


async def list_screen(t: Translator, broadcasts: BroadcastService) -> Screen:
    jobs = await broadcasts.recent()
    if not jobs:
        return Screen(t("bc-list-empty"), None)
    lines = [t("bc-list-title")]
    rows: list[list[InlineKeyboardButton]] = []
    for job in jobs:
        f = job.figures
        lines.append(t(
            "bc-list-item", id=str(job.id), date=format_stamp(job.created_at), audience=audience_label(t, job.audience),
            status=t(f"bc-status-{job.status}"), sent=f.sent, total=f.total, blocked=f.blocked, failed=f.failed,
            uncertain=f.uncertain, deleted=f.deleted,
        ))
        if job.status in ("queued", "running"):
            rows.append([button(t("bc-btn-cancel-numbered", id=str(job.id)), BcJob(action="cancel", job=job.id))])
        elif broadcasts.can_delete(job):
            rows.append([button(t("bc-btn-delete", id=str(job.id)), BcJob(action="del", job=job.id))])
    return Screen("\n\n".join(lines), markup(rows))


async def _start_job_message(callback: CallbackQuery, t: Translator, broadcasts: BroadcastService, job: Job) -> None:
    position = await broadcasts.queue_position(job.id)
    await show(callback, progress_screen(t, broadcasts, job, position), answer_callback=False)


def get_router() -> Router:
    router = Router(name="broadcast")
    router.message.filter(CommandOrState(BroadcastForm), PrivateChat())
    router.callback_query.filter(CallbackPrefix(Announce, BcDraft, BcJob), PrivateChat())
    composing = StateFilter(BroadcastForm)  # any step of the composer

    # --- composing -----------------------------------------------------------------------
    @router.message(Command("broadcast"), IsStaff())
    async def broadcast_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.set_state(BroadcastForm.first)
        await state.set_data({"bc_versions": {}})
        await message.answer(t("bc-ask-message"), reply_markup=markup([[button(t("bc-btn-cancel"), BcDraft(action="cancel"))]]))

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
        await show(message, await draft_screen(t, versions, broadcasts))

    @router.callback_query(BcDraft.filter(), composing, IsStaff())
    async def draft_button(
        callback: CallbackQuery,
        callback_data: BcDraft,
        t: Translator,
        state: FSMContext,
        broadcasts: BroadcastService,
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
            back = markup([[button(t("bc-btn-back"), BcDraft(action="back"))]])
            await show(callback, Screen(t("bc-ask-version", language=_lang_name(callback_data.value)), back))
        elif action == "back":
            await state.set_state(BroadcastForm.draft)
            await show(callback, await draft_screen(t, versions, broadcasts))
        elif action == "aud" and valid_audience(_aud_from_data(callback_data.value)) and "*" in versions:
            await preview(callback, t, state, broadcasts, bot, versions, _aud_from_data(callback_data.value))
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
        callback: CallbackQuery, t: Translator, state: FSMContext, broadcasts: BroadcastService, bot: Bot,
        versions: dict[str, Any], audience: str,
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
            await bot.send_message(chat_id, t("bc-preview-lang", language=_lang_name(lang), count=counts[lang]))
            await bot.copy_message(chat_id=chat_id, from_chat_id=version["chat_id"], message_id=version["message_id"],
                                   reply_markup=broadcasts.student_markup(lang, topic))
        keyboard = markup([
            [button(t("bc-btn-send", count=total), BcDraft(action="send"))],
            [button(t("bc-btn-back"), BcDraft(action="back")), button(t("bc-btn-cancel"), BcDraft(action="cancel"))],
        ])
        await bot.send_message(chat_id, t("bc-confirm", total=total, audience=audience_label(t, audience)),
                               reply_markup=keyboard)

    @router.callback_query(BcDraft.filter(), IsStaff())
    async def draft_expired(callback: CallbackQuery, t: Translator) -> None:
        # A composer button from a draft that is gone (finished, cancelled or a restart).
        await callback.answer(t("bc-draft-expired"), show_alert=True)

    # --- jobs -----------------------------------------------------------------------------
    @router.message(Command("broadcasts"), IsStaff())
    async def broadcasts_command(message: Message, t: Translator, broadcasts: BroadcastService) -> None:
        await show(message, await list_screen(t, broadcasts))

    @router.callback_query(BcJob.filter(), IsStaff())
    async def job_button(
        callback: CallbackQuery, callback_data: BcJob, t: Translator, broadcasts: BroadcastService, bot: Bot
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
            keyboard = markup([
                [button(t("bc-btn-delete-yes"), BcJob(action="delok", job=job_id))],
                [button(t("bc-btn-back"), BcJob(action="list", job=job_id))],
            ])
            await show(callback, Screen(t("bc-delete-confirm", id=str(job_id), count=job.figures.sent - job.figures.deleted), keyboard))
        elif action == "delok":
            result = await broadcasts.request_delete(job_id, callback.from_user.id)
            if result != "ok":
                await callback.answer(t("bc-delete-not-allowed"), show_alert=True)
                return
            await show(callback, Screen(t("bc-deleting", id=str(job_id)), None))
        elif action == "list":
            await show(callback, await list_screen(t, broadcasts))
        else:
            await callback.answer(t("button-outdated"))

    # --- automatic announcements ----------------------------------------------------------
    @router.callback_query(Announce.filter(), IsStaff())
    async def announce_button(
        callback: CallbackQuery, callback_data: Announce, t: Translator, broadcasts: BroadcastService
    ) -> None:
        announcer = broadcasts.announcer
        confirm = callback_data.action == "ok"
        message = callback.message
        result, job = await announcer.decide(
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
