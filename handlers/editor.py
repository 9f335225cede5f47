"""/edit: add, change and remove news items, openings and partner institutions from Telegram.

Choose a section → a record (paged) or "Add" → change fields → preview (the students' card,
rendered by the students' own renderers from an unsaved snapshot) → Confirm. Text fields are
asked in Tajik, Russian and English in turn; "Skip" leaves a language empty (it falls back,
and the editor shows it as missing). Staff only: ``IsStaff()`` on every handler; the message
handlers are state-filtered, so nobody else's text ever reaches them.

One handler per button action; a button whose state, data or value does not fit falls
through to ``stale_button`` (its screen is out of date).
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import BaseFilter, Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.filters import CallbackPrefix, CommandOrState, IsStaff, NotCommand
from bot.i18n import Locales, Translator
from bot.kb import KnowledgeBase
from bot.kb.models import LANGUAGES
from bot.services.editor import EditConflict, EditError, KbEditor
from bot.services.editor_fields import FIELDS, SECTIONS, BadValue, field_spec, parse_value
from bot.ui import show
from bot.views import editor as views
from bot.views import editor_steps as steps
from bot.views.editor import EdCB
from bot.views.editor_steps import TYPED, EditorForm, Step


class EditorData(BaseFilter):
    """Hands the editor's FSM data to the handler as ``data`` if it holds what the button
    needs: a section, a draft (``draft``), the field being edited (``field``), a stored record
    (``record``). Put after ``IsStaff()``: only staff updates read the storage."""

    def __init__(self, *, draft: bool = True, field: bool = False, record: bool = False) -> None:
        self.draft, self.field, self.record = draft, field, record

    async def __call__(self, callback: CallbackQuery, state: FSMContext) -> bool | dict[str, Any]:
        data = await state.get_data()
        if data.get("ed_kind") not in FIELDS or (self.draft and "ed_draft" not in data):
            return False
        if (self.field and not data.get("ed_field")) or (self.record and not data.get("ed_id")):
            return False
        return {"data": data}


async def go(event: Message | CallbackQuery, state: FSMContext, step: Step) -> None:
    await state.set_data(step.data)
    if step.state is not None:
        await state.set_state(step.state)
    await show(event, step.screen)


async def stale(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t("ed-expired"), show_alert=True)


def get_router() -> Router:
    router = Router(name="editor")
    router.message.filter(CommandOrState(EditorForm))
    router.callback_query.filter(CallbackPrefix(EdCB))
    editing = StateFilter(EditorForm)

    @router.message(Command("edit"), IsStaff())
    async def edit_command(message: Message, t: Translator, state: FSMContext) -> None:
        await go(message, state, steps.to_home(t))

    @router.message(Command("cancel"), editing, IsStaff())
    async def cancel_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.clear()
        await message.answer(t("ed-cancelled"))

    @router.message(StateFilter(*TYPED.values()), NotCommand(), IsStaff())
    async def typed(message: Message, t: Translator, state: FSMContext, kb: KnowledgeBase) -> None:
        data = await state.get_data()
        spec = field_spec(data.get("ed_kind", ""), data.get("ed_field", ""))
        if spec is None or "ed_draft" not in data:
            await state.clear()
            await message.answer(t("ed-expired"))
            return
        text = (message.text or "").strip()
        if not text:
            await message.answer(t("ed-need-text"))
            return
        try:
            value = parse_value(kb.snapshot, data["ed_kind"], spec, text)
        except BadValue as error:
            await message.answer(views.bad_value_text(t, error))
            return
        await go(message, state, steps.value_given(t, kb.snapshot, data, spec, value))

    # --- buttons: moving around ---------------------------------------------------------------
    @router.callback_query(EdCB.filter(F.a == "home"), editing, IsStaff())
    async def home(callback: CallbackQuery, t: Translator, state: FSMContext) -> None:
        await go(callback, state, steps.to_home(t))

    @router.callback_query(EdCB.filter(F.a == "close"), editing, IsStaff())
    async def close(callback: CallbackQuery, t: Translator, state: FSMContext) -> None:
        await state.clear()
        await show(callback, views.closed_screen(t))

    @router.callback_query(EdCB.filter((F.a == "sec") & F.v.in_(tuple(SECTIONS))), editing, IsStaff())
    async def section(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                      kb_editor: KbEditor) -> None:
        kind = SECTIONS[callback_data.v]
        await go(callback, state, steps.to_list(t, kb_editor.records(kind), {"ed_kind": kind, "ed_page": callback_data.p}))

    @router.callback_query(EdCB.filter(F.a == "open"), editing, IsStaff(), EditorData(draft=False))
    async def open_record(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                          kb: KnowledgeBase, kb_editor: KbEditor, data: dict[str, Any]) -> None:
        kind, record_id = data["ed_kind"], callback_data.v
        record = kb_editor.get(kind, record_id)
        if record is None:
            page = int(data.get("ed_page") or 0)
            await show(callback, views.list_screen(t, kb_editor.records(kind), kind, page, t("ed-not-found")))
            return
        data.update(ed_id=record_id, ed_draft=kb_editor.draft_of(record), ed_dirty=False, ed_queue=[],
                    ed_expected=await kb_editor.stored(kind, record_id))
        await go(callback, state, steps.to_record(t, kb.snapshot, data))

    @router.callback_query(EdCB.filter((F.a == "new") & F.v.in_(tuple(SECTIONS))), editing, IsStaff())
    async def new_record(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                         kb: KnowledgeBase) -> None:
        kind = SECTIONS[callback_data.v]
        required = [spec.name for spec in FIELDS[kind] if spec.required]
        data = {**await state.get_data(), "ed_kind": kind, "ed_id": "", "ed_draft": {}, "ed_dirty": False,
                "ed_expected": None, "ed_queue": required[1:]}
        await go(callback, state, steps.ask_field(t, kb.snapshot, data, required[0]))

    @router.callback_query(EdCB.filter(F.a == "rec"), editing, IsStaff(), EditorData())
    async def back_to_record(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                             data: dict[str, Any]) -> None:
        data.pop("ed_field", None)
        data["ed_queue"] = []
        await go(callback, state, steps.to_record(t, kb.snapshot, data))

    # --- buttons: fields ----------------------------------------------------------------------
    @router.callback_query(EdCB.filter(F.a == "fld"), editing, IsStaff(), EditorData())
    async def choose_field(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                           kb: KnowledgeBase, data: dict[str, Any]) -> None:
        if field_spec(data["ed_kind"], callback_data.v) is None:
            await stale(callback, t)
            return
        data["ed_queue"] = []
        await go(callback, state, steps.ask_field(t, kb.snapshot, data, callback_data.v))

    @router.callback_query(EdCB.filter(F.a == "skip"), StateFilter(EditorForm.text), IsStaff(), EditorData(field=True))
    async def skip_language(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                            data: dict[str, Any]) -> None:
        await go(callback, state, steps.text_given(t, kb.snapshot, data, ""))

    @router.callback_query(EdCB.filter(F.a == "keep"), StateFilter(EditorForm.text), IsStaff(), EditorData(field=True))
    async def keep_language(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                            data: dict[str, Any]) -> None:
        await go(callback, state, steps.language_set(t, kb.snapshot, data))

    @router.callback_query(EdCB.filter(F.a == "clear"), editing, IsStaff(), EditorData(field=True))
    async def clear_field(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                          data: dict[str, Any]) -> None:
        spec = field_spec(data["ed_kind"], data["ed_field"])
        if spec is None or spec.required:
            await stale(callback, t)
            return
        data["ed_draft"][spec.name] = None
        await go(callback, state, steps.field_set(t, kb.snapshot, data))

    @router.callback_query(EdCB.filter(F.a == "pick"), editing, IsStaff(), EditorData(field=True))
    async def pick_choice(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                          kb: KnowledgeBase, data: dict[str, Any]) -> None:
        spec = field_spec(data["ed_kind"], data["ed_field"])
        if spec is None or callback_data.v not in spec.choices:
            await stale(callback, t)
            return
        data["ed_draft"][spec.name] = callback_data.v
        await go(callback, state, steps.field_set(t, kb.snapshot, data))

    # --- buttons: preview, save, remove -------------------------------------------------------
    @router.callback_query(EdCB.filter(F.a == "pv"), editing, IsStaff(), EditorData())
    async def preview(callback: CallbackQuery, callback_data: EdCB, t: Translator, state: FSMContext,
                      kb: KnowledgeBase, kb_editor: KbEditor, locales: Locales, clock: Clock,
                      data: dict[str, Any]) -> None:
        kind, draft, is_new = data["ed_kind"], data["ed_draft"], not data.get("ed_id")
        lang = callback_data.v if callback_data.v in LANGUAGES else t.lang
        if is_new:
            draft["id"] = kb_editor.new_id(kind, draft)
        try:
            model = kb_editor.checked(kind, draft)
        except EditError as error:
            if is_new:
                draft.pop("id", None)
            await go(callback, state, steps.to_record(t, kb.snapshot, data, views.problems_text(t, kind, error.problems)))
            return
        snap = kb_editor.preview_snapshot(kind, model)
        card = views.render_card(locales, snap, kind, model.id, lang, clock.today())  # type: ignore[attr-defined]
        await go(callback, state, steps.to_preview(t, data, card, lang))

    @router.callback_query(EdCB.filter(F.a == "ok"), StateFilter(EditorForm.preview), IsStaff(), EditorData())
    async def save(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                   kb_editor: KbEditor, data: dict[str, Any]) -> None:
        kind = data["ed_kind"]
        try:
            model = kb_editor.build(kind, data["ed_draft"])
            change = await kb_editor.apply(callback.from_user.id, kind, model.id, model,  # type: ignore[attr-defined]
                                           expected=data.get("ed_expected"))
        except EditConflict:
            await go(callback, state, steps.to_list(t, kb_editor.records(kind), {"ed_kind": kind}, t("ed-conflict")))
            return
        except EditError as error:
            await go(callback, state, steps.to_record(t, kb.snapshot, data, views.problems_text(t, kind, error.problems)))
            return
        note = t("ed-saved-add" if change.action == "add" else "ed-saved-change",
                 title=views.record_title(t, kind, data["ed_draft"]))
        after = {"ed_kind": kind, "ed_page": int(data.get("ed_page") or 0)}
        await go(callback, state, steps.to_list(t, kb_editor.records(kind), after, note))

    @router.callback_query(EdCB.filter(F.a == "rm"), editing, IsStaff(), EditorData(record=True))
    async def ask_remove(callback: CallbackQuery, t: Translator, state: FSMContext, data: dict[str, Any]) -> None:
        await state.set_state(EditorForm.menu)
        await show(callback, views.remove_screen(t, data))

    @router.callback_query(EdCB.filter(F.a == "rmok"), editing, IsStaff(), EditorData(record=True))
    async def remove(callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase,
                     kb_editor: KbEditor, data: dict[str, Any]) -> None:
        kind = data["ed_kind"]
        title = views.record_title(t, kind, data["ed_draft"])
        try:
            await kb_editor.apply(callback.from_user.id, kind, data["ed_id"], None, expected=data.get("ed_expected"))
        except EditConflict:
            await go(callback, state, steps.to_list(t, kb_editor.records(kind), {"ed_kind": kind}, t("ed-conflict"),
                                                    keep_state=True))
            return
        except EditError as error:
            await show(callback, views.record_screen(t, kb.snapshot, data, views.problems_text(t, kind, error.problems)))
            return
        after = {"ed_kind": kind, "ed_page": int(data.get("ed_page") or 0)}
        await go(callback, state, steps.to_list(t, kb_editor.records(kind), after, t("ed-removed", title=title),
                                                keep_state=True))

    @router.callback_query(EdCB.filter(), IsStaff())
    async def stale_button(callback: CallbackQuery, t: Translator) -> None:
        # No handler above took it, or the editor was closed (or a restart lost the draft).
        await stale(callback, t)

    # --- everyone else: a polite refusal, nothing else happens -----------------------------------
    @router.message(Command("edit"))
    async def not_staff_command(message: Message, t: Translator) -> None:
        await message.answer(t("staff-only"))

    @router.callback_query(EdCB.filter())
    async def not_staff_button(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("staff-only"), show_alert=True)

    return router
