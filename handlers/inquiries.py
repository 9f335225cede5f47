"""The student's side of inquiries: /ask (and the "Ask the office" buttons), the flow
topic → question (+ photo/document) → optional phone → summary → send, /cancel at any
step, "My questions", and a reply to an answer going to the same inquiry."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import BaseFilter, Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove

from bot.callbacks import Menu
from bot.clock import Clock
from bot.filters import CallbackPrefix, CommandOrState, NotCommand
from bot.inquiries.phone import says_cancel, says_skip, typed_phone
from bot.i18n import Translator
from bot.inquiries.callbacks import AskCB, MyQ
from bot.inquiries.drafts import DRAFT, PREFILL, PREFILL_AT, AskFlow, clear_flow, fresh_prefill, get_draft, persist, put_draft
from bot.inquiries.service import InquiryService
from bot.inquiries.store import MAX_QUESTION, TOPICS, LimitReached
from bot.keyboards import main_menu, markup, paginate
from bot.ui import Screen, show
from bot.views.inquiries import (
    cancel_row,
    limit_screen,
    myq_screen,
    phone_keyboard,
    prefill_screen,
    question_screen,
    received_screen,
    summary_screen,
    topic_screen,
)

PAGE_SIZE = 5
FOLLOWUP_CONTENT = {"text", "photo", "document", "video", "audio", "voice", "animation"}


class RepliesToInquiry(BaseFilter):
    """A reply to a message of an inquiry (the answer or its header): gives ``inquiry_id``."""

    async def __call__(self, message: Message, inquiries: InquiryService) -> bool | dict[str, Any]:
        reply = message.reply_to_message
        if reply is None or message.from_user is None or (message.text or "").startswith("/"):
            return False
        inquiry_id = await inquiries.inquiry_for_message(message.chat.id, reply.message_id)
        if inquiry_id is None:
            return False
        inquiry = await inquiries.get(inquiry_id)
        if inquiry is None or inquiry["user_id"] != message.from_user.id:
            return False
        return {"inquiry_id": inquiry_id}


async def my_questions(t: Translator, clock: Clock, inquiries: InquiryService, user_id: int, page: int) -> Screen:
    _, total = await inquiries.list_for_user(user_id, 0, 0)
    if total == 0:
        return myq_screen(t, clock, [], 0, 0, 0)
    page, start, pages = paginate(total, page, PAGE_SIZE)
    rows, _ = await inquiries.list_for_user(user_id, start, PAGE_SIZE)
    return myq_screen(t, clock, rows, total, page, pages)


def get_router() -> Router:
    router = Router(name="inquiries")
    router.message.filter(CommandOrState(AskFlow, replies=True))
    router.callback_query.filter(CallbackPrefix(AskCB, MyQ, menu=("ask", "myq")))

    # ---------------------------------------------------------------- start
    async def begin(event: Message | CallbackQuery, t: Translator, state: FSMContext,
                    inquiries: InquiryService) -> bool:
        """A new draft, if the student may ask now (else the limit is shown)."""
        try:
            await inquiries.check_limits(event.from_user.id)  # type: ignore[union-attr]
        except LimitReached as error:
            await state.set_state(None)
            await show(event, limit_screen(t, error, inquiries.settings.inquiry_max_open))
            return False
        data = await state.get_data()
        data[DRAFT] = {"key": inquiries.new_draft_key()}
        await state.set_data(data)
        await state.set_state(AskFlow.topic)
        return True

    async def start_flow(event: Message | CallbackQuery, t: Translator, state: FSMContext,
                         inquiries: InquiryService) -> None:
        if await begin(event, t, state, inquiries):
            await show(event, topic_screen(t))

    @router.message(Command("ask"))
    async def ask_command(message: Message, t: Translator, state: FSMContext, inquiries: InquiryService) -> None:
        await start_flow(message, t, state, inquiries)

    @router.callback_query(Menu.filter(F.screen == "ask"))
    async def ask_button(callback: CallbackQuery, t: Translator, state: FSMContext,
                         inquiries: InquiryService) -> None:
        await start_flow(callback, t, state, inquiries)

    # --------------------------------------------------------------- cancel
    async def cancel(event: Message | CallbackQuery, t: Translator, state: FSMContext) -> None:
        was_phone = await state.get_state() == AskFlow.phone.state
        await clear_flow(state)
        if isinstance(event, CallbackQuery):
            await show(event, Screen(t("ask-cancelled"), main_menu(t)))
            if was_phone and event.message is not None:
                await event.message.answer(t("ask-keyboard-removed"), reply_markup=ReplyKeyboardRemove())
            return
        if was_phone:
            # The contact keyboard must go; an inline menu cannot ride on the same message.
            await event.answer(t("ask-cancelled"), reply_markup=ReplyKeyboardRemove())
            await event.answer(t("main-menu-text"), reply_markup=main_menu(t))
        else:
            await event.answer(t("ask-cancelled"), reply_markup=main_menu(t))

    @router.message(Command("cancel"), StateFilter(AskFlow))
    async def cancel_command(message: Message, t: Translator, state: FSMContext) -> None:
        await cancel(message, t, state)

    @router.callback_query(AskCB.filter(F.action == "cancel"), StateFilter(AskFlow))
    async def cancel_button(callback: CallbackQuery, t: Translator, state: FSMContext) -> None:
        await cancel(callback, t, state)

    @router.callback_query(AskCB.filter(F.action == "cancel"))
    async def cancel_button_stale(callback: CallbackQuery, t: Translator) -> None:
        await show(callback, Screen(t("main-menu-text"), main_menu(t)))

    @router.message(Command("cancel"), StateFilter(None))
    async def nothing_to_cancel(message: Message, t: Translator) -> None:
        await message.answer(t("ask-nothing-to-cancel"), reply_markup=main_menu(t))

    # ---------------------------------------------------------------- topic
    # A topic pressed after leaving the flow (the main menu pressed elsewhere) starts it again.
    @router.callback_query(AskCB.filter(F.action == "topic"), StateFilter(AskFlow.topic, None))
    async def topic_chosen(callback: CallbackQuery, callback_data: AskCB, t: Translator,
                           state: FSMContext, clock: Clock, inquiries: InquiryService) -> None:
        if await state.get_state() is None and not await begin(callback, t, state, inquiries):
            return
        topic = callback_data.value if callback_data.value in TOPICS else "other"
        await put_draft(state, topic=topic)
        prefill = fresh_prefill(await state.get_data(), clock())
        if prefill is not None:
            await state.set_state(AskFlow.prefill)
            await show(callback, prefill_screen(t, topic, prefill[:MAX_QUESTION]))
            return
        await state.set_state(AskFlow.question)
        await show(callback, question_screen(t, topic))

    @router.callback_query(AskCB.filter(F.action.in_({"use", "new"})), StateFilter(AskFlow.prefill))
    async def prefill_chosen(callback: CallbackQuery, callback_data: AskCB, t: Translator,
                             state: FSMContext) -> None:
        data = await state.get_data()
        prefill = str(data.pop(PREFILL, "") or "").strip()[:MAX_QUESTION]
        data.pop(PREFILL_AT, None)
        await state.set_data(data)
        draft = await get_draft(state)
        if callback_data.action == "new" or not prefill:
            await state.set_state(AskFlow.question)
            await show(callback, question_screen(t, draft.get("topic", "other")))
            return
        await put_draft(state, question=prefill)
        await show(callback, Screen(t("ask-question-taken"), None))
        await ask_phone(callback.message, t, state)  # type: ignore[arg-type]

    # ------------------------------------------------------------- question
    async def ask_phone(message: Message, t: Translator, state: FSMContext) -> None:
        await state.set_state(AskFlow.phone)
        await message.answer(t("ask-phone-prompt"), reply_markup=phone_keyboard(t))

    @router.message(StateFilter(AskFlow.question), NotCommand())
    async def question_given(message: Message, t: Translator, state: FSMContext) -> None:
        if message.text is not None and says_cancel(message.text):  # "cancel" is no question
            await cancel(message, t, state)
            return
        if message.text is not None:
            if len(message.text) > MAX_QUESTION:
                await message.answer(t("ask-question-too-long", length=str(len(message.text)),
                                       limit=str(MAX_QUESTION)))
                return
            if not any(c.isalpha() for c in message.text):  # "😀", "5", "???": nothing to answer
                await message.answer(t("ask-question-no-words"), reply_markup=markup([cancel_row(t)]))
                return
            await put_draft(state, question=message.text, attachment_kind=None, file_id=None, source_id=None)
        elif message.photo:
            await put_draft(state, question=message.caption or "", attachment_kind="photo",
                            file_id=message.photo[-1].file_id, source_id=message.message_id)
        elif message.document is not None:
            await put_draft(state, question=message.caption or "", attachment_kind="document",
                            file_id=message.document.file_id, source_id=message.message_id)
        else:
            await message.answer(t("ask-question-unsupported"), reply_markup=markup([cancel_row(t)]))
            return
        await ask_phone(message, t, state)

    # ---------------------------------------------------------------- phone
    @router.message(StateFilter(AskFlow.phone), NotCommand())
    async def phone_given(message: Message, t: Translator, state: FSMContext, clock: Clock) -> None:
        user_id = message.from_user.id  # type: ignore[union-attr]
        if message.text is not None and says_cancel(message.text):
            await cancel(message, t, state)
            return
        if message.contact is not None:
            if message.contact.user_id != user_id:
                await message.answer(t("ask-phone-not-own"), reply_markup=phone_keyboard(t))
                return
            phone = message.contact.phone_number
            if not phone.startswith("+"):
                phone = "+" + phone
            draft = await put_draft(state, phone=phone)
            await message.answer(t("ask-phone-saved"), reply_markup=ReplyKeyboardRemove())
        elif message.text is not None and says_skip(message.text, t("ask-btn-skip-phone")):
            draft = await put_draft(state, phone=None)
            await message.answer(t("ask-phone-skipped"), reply_markup=ReplyKeyboardRemove())
        elif message.text is not None and (typed := typed_phone(message.text)) is not None:
            draft = await put_draft(state, phone=typed)
            await message.answer(t("ask-phone-saved"), reply_markup=ReplyKeyboardRemove())
        else:
            # Not the prompt again word for word: say what was wrong with the reply.
            await message.answer(t("ask-phone-invalid"), reply_markup=phone_keyboard(t))
            return
        await state.set_state(AskFlow.confirm)
        draft = await put_draft(state, summary_at=int(clock()))
        await persist(state)  # from here on a restart keeps the draft
        await show(message, summary_screen(t, draft))

    # -------------------------------------------------------------- confirm
    @router.callback_query(AskCB.filter(F.action == "send"), StateFilter(AskFlow.confirm))
    async def send(callback: CallbackQuery, t: Translator, lang: str, state: FSMContext,
                   inquiries: InquiryService) -> None:
        draft = await put_draft(state, sending=True)
        await persist(state)  # a kill before the inquiry is stored leaves this for recovery
        user = callback.from_user
        try:
            # Stored (with its outbox row) before the student hears "received".
            inquiry_id = await inquiries.create(
                user_id=user.id,
                language=lang,
                first_name=user.first_name,
                last_name=user.last_name,
                username=user.username,
                topic=str(draft.get("topic", "other")),
                question=str(draft.get("question") or ""),
                phone=draft.get("phone"),
                attachment_kind=draft.get("attachment_kind"),
                attachment_file_id=draft.get("file_id"),
                source_chat_id=user.id if draft.get("source_id") else None,
                source_message_id=draft.get("source_id"),
                draft_key=draft.get("key"),
            )
        except LimitReached as error:
            await clear_flow(state)
            await show(callback, limit_screen(t, error, inquiries.settings.inquiry_max_open))
            return
        await clear_flow(state)
        await show(callback, received_screen(t, inquiries.hours, inquiry_id, inquiries.clock()))
        await inquiries.receipt_sent(inquiry_id)

    # --------------------------------------------- text where a button is expected
    @router.message(StateFilter(AskFlow.topic, AskFlow.prefill, AskFlow.confirm), NotCommand())
    async def use_buttons(message: Message, t: Translator) -> None:
        await message.answer(t("ask-use-buttons"), reply_markup=markup([cancel_row(t)]))

    # ---------------------------------------------------------- my questions
    @router.message(Command("myquestions"))
    async def myq_command(message: Message, t: Translator, clock: Clock, inquiries: InquiryService) -> None:
        user_id = message.from_user.id  # type: ignore[union-attr]
        await show(message, await my_questions(t, clock, inquiries, user_id, 0))

    @router.callback_query(Menu.filter(F.screen == "myq"))
    async def myq_button(callback: CallbackQuery, t: Translator, clock: Clock, inquiries: InquiryService) -> None:
        await show(callback, await my_questions(t, clock, inquiries, callback.from_user.id, 0))

    @router.callback_query(MyQ.filter())
    async def myq_page(callback: CallbackQuery, callback_data: MyQ, t: Translator, clock: Clock,
                       inquiries: InquiryService) -> None:
        await show(callback, await my_questions(t, clock, inquiries, callback.from_user.id, callback_data.page))

    # -------------------------------------------- the student replies to an answer
    @router.message(RepliesToInquiry())
    async def follow_up(message: Message, inquiry_id: int, t: Translator, inquiries: InquiryService) -> None:
        if message.content_type not in FOLLOWUP_CONTENT:
            await message.answer(t("ask-followup-unsupported"))
            return
        await inquiries.add_followup(inquiry_id, message)
        await message.answer(t("ask-followup-added", id=str(inquiry_id)))

    return router
