"""/edit: add, change and remove news items, openings and partner institutions from Telegram.

Choose a section → a record (paged) or "Add" → change fields → preview (the students' card,
rendered by the students' own renderers from an unsaved snapshot) → Confirm. Text fields are
asked in Tajik, Russian and English in turn; "Skip" leaves a language empty (it falls back,
and the editor shows it as missing). Staff only: ``IsStaff()`` on every handler; the message
handlers are state-filtered, so nobody else's text ever reaches them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from aiogram import Router
from aiogram.filters import BaseFilter, Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.filters import CallbackPrefix, CommandOrState, IsStaff, PrivateChat
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Html, Locales, Translator, escape
from bot.kb import KnowledgeBase
from bot.kb.models import LANGUAGES
from bot.keyboards import button, markup, paginate
from bot.services.editor import (
    FIELDS,
    SECTIONS,
    TITLE_FIELD,
    DateFormatError,
    EditConflict,
    EditError,
    FieldSpec,
    KbEditor,
    field_spec,
    localized,
    missing_languages,
    parse_date,
)
from bot.ui import Screen, show
from bot.views.common import clip

PER_PAGE = 8
MAX_TITLE = 300
MAX_TEXT = 3500
SECTION_OF_KIND = {kind: section for section, kind in SECTIONS.items()}
_URL = re.compile(r"https?://\S+\.\S+")


class EdCB(CallbackData, prefix="ed"):
    """Editor buttons. ``a``: home, close, sec (section ``v``, page ``p``), open (record ``v``),
    new, fld (field ``v``), skip, keep, clear, pick (choice ``v``), rec, pv (preview in ``v``),
    ok, rm, rmok."""

    a: str
    v: str = ""
    p: int = 0


class EditorForm(StatesGroup):
    menu = State()  # buttons only
    text = State()  # a text field, language ed_lang
    date = State()
    ref = State()
    url = State()
    preview = State()  # preview shown: Confirm / Edit more / Cancel


TYPED = {"text": EditorForm.text, "date": EditorForm.date, "ref": EditorForm.ref, "url": EditorForm.url}


class NotCommand(BaseFilter):
    async def __call__(self, message: Message) -> bool:
        return not (message.text and message.text.startswith("/"))


def _lang_name(lang: str) -> str:
    return f"{LANGUAGE_FLAGS[lang]} {LANGUAGE_NAMES[lang]}"


def field_label(t: Translator, name: str) -> str:
    return t(f"ed-field-{name}")


def record_title(t: Translator, kind: str, draft: dict[str, Any]) -> str:
    value = localized(draft, TITLE_FIELD[kind])
    return value.get(t.lang) or value["en"] or value["ru"] or value["tg"] or "—"


def cancel_row(t: Translator) -> list[InlineKeyboardButton]:
    return [button(t("ed-btn-cancel"), EdCB(a="rec"))]


# --- screens -------------------------------------------------------------------------------------
def home_screen(t: Translator, note: str = "") -> Screen:
    rows = [[button(t(f"ed-section-{section}"), EdCB(a="sec", v=section))] for section in SECTIONS]
    rows.append([button(t("ed-btn-close"), EdCB(a="close"))])
    text = t("ed-title")
    return Screen(f"{note}\n\n{text}" if note else text, markup(rows))


def list_screen(t: Translator, editor: KbEditor, kind: str, page: int = 0, note: str = "") -> Screen:
    section = SECTION_OF_KIND[kind]
    records = editor.records(kind)
    page, first, pages = paginate(len(records), page, PER_PAGE)
    rows: list[list[InlineKeyboardButton]] = [[button(t("ed-btn-add"), EdCB(a="new", v=section))]]
    for record in records[first : first + PER_PAGE]:
        title = getattr(record, TITLE_FIELD[kind]).get(t.lang)
        date = getattr(record, "date", None) or getattr(record, "deadline", None)
        if date is None:
            label = title
        elif getattr(record, "date_precision", "day") == "year":
            label = f"{date.year} · {title}"
        else:
            label = f"{date:%d.%m.%Y} · {title}"
        rows.append([button(clip(label), EdCB(a="open", v=record.id))])  # type: ignore[attr-defined]
    pager = []
    if page > 0:
        pager.append(button(t("btn-prev"), EdCB(a="sec", v=section, p=page - 1)))
    if page < pages - 1:
        pager.append(button(t("btn-next"), EdCB(a="sec", v=section, p=page + 1)))
    rows.append(pager)
    rows.append([button(t("ed-btn-back"), EdCB(a="home")), button(t("ed-btn-close"), EdCB(a="close"))])
    text = t("ed-list-title", section=t(f"ed-section-{section}"), count=len(records))
    if pages > 1:
        text += "\n" + t("page-of", page=page + 1, pages=pages)
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(rows))


def field_value(t: Translator, kb: KnowledgeBase, kind: str, spec: FieldSpec, draft: dict[str, Any]) -> str:
    """The value as shown on the record screen (already escaped HTML)."""
    value = draft.get(spec.name)
    if spec.type == "text":
        text = localized(draft, spec.name)
        shown = text.get(t.lang) or text["en"] or text["ru"] or text["tg"]
        if not shown:
            return t("ed-empty")
        out = escape(clip(" ".join(shown.split()), 120))
        missing = missing_languages(kind, draft).get(spec.name)
        if missing:
            out += " " + t("ed-missing", langs=Html(" ".join(LANGUAGE_FLAGS[lang] for lang in missing)))
        return out
    if value in (None, ""):
        return t("ed-empty")
    if spec.type == "date":
        return escape(_show_date(value))
    if spec.type == "ref":
        snap = kb.snapshot
        target = snap.institutions.get(value) if spec.target == "institution" else snap.countries.get(value)
        name = target.name.get(t.lang) if target is not None else "?"
        return escape(f"{name} ({value})")
    if spec.type == "choice":
        return escape(_choice_label(t, kind, value))
    return escape(str(value))


def _show_date(value: Any) -> str:
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return text


def _choice_label(t: Translator, kind: str, value: str) -> str:
    key = f"inst-kind-{value}" if kind == "institution" else f"opening-kind-{value}"
    return t(key) if t.has(key) else value


def record_screen(t: Translator, kb: KnowledgeBase, data: dict[str, Any], note: str = "") -> Screen:
    kind, draft = data["ed_kind"], data["ed_draft"]
    record_id = data.get("ed_id") or ""
    section = SECTION_OF_KIND[kind]
    if record_id:
        lines = [t("ed-record-title", title=record_title(t, kind, draft), id=record_id)]
    else:
        lines = [t("ed-record-new", section=t(f"ed-section-{section}"))]
    lines.append("")
    for spec in FIELDS[kind]:
        lines.append(t("ed-field-line", field=field_label(t, spec.name), value=Html(field_value(t, kb, kind, spec, draft))))
    if data.get("ed_dirty"):
        lines += ["", t("ed-unsaved")]
    if note:
        lines = [note, "", *lines]
    field_buttons = [button(t("ed-btn-field", field=field_label(t, spec.name)), EdCB(a="fld", v=spec.name))
                     for spec in FIELDS[kind]]
    rows = [field_buttons[i : i + 2] for i in range(0, len(field_buttons), 2)]
    rows.append([button(t("ed-btn-preview"), EdCB(a="pv", v=t.lang))])
    if record_id:
        rows.append([button(t("ed-btn-remove"), EdCB(a="rm"))])
    rows.append([button(t("ed-btn-back"), EdCB(a="sec", v=section, p=int(data.get("ed_page") or 0))),
                 button(t("ed-btn-close"), EdCB(a="close"))])
    return Screen("\n".join(lines), markup(rows))


def ask_screen(t: Translator, kb: KnowledgeBase, data: dict[str, Any], note: str = "") -> Screen:
    """The prompt for the field being edited (``ed_field``; text: language ``ed_lang``)."""
    kind, draft = data["ed_kind"], data["ed_draft"]
    spec = field_spec(kind, data["ed_field"])
    assert spec is not None
    label = field_label(t, spec.name)
    rows: list[list[InlineKeyboardButton]] = []
    current = ""
    if spec.type == "text":
        step = int(data.get("ed_lang") or 0)
        lang = LANGUAGES[step]
        value = localized(draft, spec.name)[lang]
        text = t("ed-ask-text", field=label, language=_lang_name(lang), step=step + 1)
        current = value
        rows.append([button(t("ed-btn-skip"), EdCB(a="skip"))])
        if value:
            rows[-1].append(button(t("ed-btn-keep"), EdCB(a="keep")))
        text += "\n" + t("ed-skip-hint")
    elif spec.type == "date":
        text = t("ed-ask-date", field=label)
        current = _show_date(draft.get(spec.name) or "")
    elif spec.type == "ref":
        snap = kb.snapshot
        if spec.target == "country":
            text = t("ed-ask-country", field=label, codes=", ".join(sorted(snap.countries)))
        else:
            example = next(iter(snap.institutions), "kazan-federal")
            text = t("ed-ask-institution", field=label, example=example)
        current = str(draft.get(spec.name) or "")
    elif spec.type == "choice":
        text = t("ed-ask-choice", field=label)
        rows += [[button(_choice_label(t, kind, choice), EdCB(a="pick", v=choice))] for choice in spec.choices]
    else:
        text = t("ed-ask-url", field=label)
        current = str(draft.get(spec.name) or "")
    if current:
        text += "\n\n" + t("ed-current", value=clip(current, 500))
    if spec.type != "text" and not spec.required:
        rows.append([button(t("ed-btn-clear"), EdCB(a="clear"))])
    rows.append(cancel_row(t))
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(rows))


# --- helpers -----------------------------------------------------------------------------------------
async def begin_field(event: Message | CallbackQuery, t: Translator, kb: KnowledgeBase, state: FSMContext,
                      data: dict[str, Any], name: str) -> None:
    spec = field_spec(data["ed_kind"], name)
    assert spec is not None
    data.update(ed_field=name, ed_lang=0)
    await state.set_data(data)
    await state.set_state(TYPED.get(spec.type, EditorForm.menu))
    await show(event, ask_screen(t, kb, data))


async def field_done(event: Message | CallbackQuery, t: Translator, kb: KnowledgeBase, state: FSMContext,
                     data: dict[str, Any]) -> None:
    """The field is set: the next required field of a new record, else the record screen."""
    data["ed_dirty"] = True
    queue = list(data.get("ed_queue") or [])
    if queue:
        data["ed_queue"] = queue[1:]
        await begin_field(event, t, kb, state, data, queue[0])
        return
    data.pop("ed_field", None)
    await state.set_data(data)
    await state.set_state(EditorForm.menu)
    await show(event, record_screen(t, kb, data))


async def next_language(event: Message | CallbackQuery, t: Translator, kb: KnowledgeBase, state: FSMContext,
                        data: dict[str, Any]) -> None:
    step = int(data.get("ed_lang") or 0) + 1
    if step < len(LANGUAGES):
        data["ed_lang"] = step
        await state.set_data(data)
        await show(event, ask_screen(t, kb, data))
        return
    spec = field_spec(data["ed_kind"], data["ed_field"])
    assert spec is not None
    value = localized(data["ed_draft"], spec.name)
    if spec.required and not any(v.strip() for v in value.values()):
        data["ed_lang"] = 0
        await state.set_data(data)
        await show(event, ask_screen(t, kb, data, t("ed-required", field=field_label(t, spec.name))))
        return
    await field_done(event, t, kb, state, data)


def problems_text(t: Translator, kind: str, problems: list[str]) -> str:
    lines = []
    for problem in problems[:10]:
        name, sep, rest = problem.partition(":")
        spec = field_spec(kind, name.split(".")[0])
        lines.append("• " + (f"{field_label(t, spec.name)}:{rest}" if spec is not None and sep else problem))
    return t("ed-invalid", problems="\n".join(lines))


def render_card(locales: Locales, editor: KbEditor, kind: str, model: Any, lang: str, clock: Callable[[], float]) -> str:
    """The card exactly as a student sees it, from a snapshot holding the unsaved record."""
    from bot.views.erasmus import render_opening
    from bot.views.news import render_event
    from bot.views.partners import render_institution

    snap = editor.preview_snapshot(kind, model)
    tl = locales[lang]
    if kind == "event":
        screen = render_event(tl, snap, model.id)
    elif kind == "opening":
        screen = render_opening(tl, snap, model.id, clock.today())  # type: ignore[attr-defined]
    else:
        screen = render_institution(tl, snap, model.id)
    return screen.text if screen is not None else ""


def get_router() -> Router:
    router = Router(name="editor")
    router.message.filter(CommandOrState(EditorForm), PrivateChat())
    router.callback_query.filter(CallbackPrefix(EdCB), PrivateChat())
    editing = StateFilter(EditorForm)

    @router.message(Command("edit"), IsStaff())
    async def edit_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.set_state(EditorForm.menu)
        await state.set_data({})
        await show(message, home_screen(t))

    @router.message(Command("cancel"), editing, IsStaff())
    async def cancel_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.clear()
        await message.answer(t("ed-cancelled"))

    # --- typed values ---------------------------------------------------------------------------
    @router.message(StateFilter(EditorForm.text, EditorForm.date, EditorForm.ref, EditorForm.url), NotCommand(), IsStaff())
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
        draft = data["ed_draft"]
        if spec.type == "text":
            limit = MAX_TITLE if spec.name == TITLE_FIELD[data["ed_kind"]] else MAX_TEXT
            if len(text) > limit:
                await message.answer(t("ed-too-long", length=len(text), max=limit))
                return
            lang = LANGUAGES[int(data.get("ed_lang") or 0)]
            draft[spec.name] = {**localized(draft, spec.name), lang: text}
            await next_language(message, t, kb, state, data)
            return
        if spec.type == "date":
            try:
                draft[spec.name] = parse_date(text).isoformat()
            except DateFormatError:
                await message.answer(t("ed-bad-date", text=clip(text, 60)))
                return
        elif spec.type == "ref":
            value = text.lower()
            known = kb.snapshot.countries if spec.target == "country" else kb.snapshot.institutions
            if value not in known:
                await message.answer(t("ed-bad-ref", text=clip(text, 60)))
                return
            draft[spec.name] = value
        else:
            if not _URL.fullmatch(text) or len(text) > 500:
                await message.answer(t("ed-bad-url"))
                return
            draft[spec.name] = text
        await field_done(message, t, kb, state, data)

    # --- buttons ----------------------------------------------------------------------------------
    @router.callback_query(EdCB.filter(), editing, IsStaff())
    async def editor_button(
        callback: CallbackQuery,
        callback_data: EdCB,
        t: Translator,
        state: FSMContext,
        kb: KnowledgeBase,
        kb_editor: KbEditor,
        locales: Locales,
        clock: Callable[[], float],
    ) -> None:
        action, value = callback_data.a, callback_data.v
        data = await state.get_data()
        current = await state.get_state()
        kind = data.get("ed_kind")
        has_draft = kind in FIELDS and "ed_draft" in data
        if action == "home":
            await state.set_state(EditorForm.menu)
            await state.set_data({})
            await show(callback, home_screen(t))
        elif action == "close":
            await state.clear()
            await show(callback, Screen(t("ed-cancelled")))
        elif action == "sec" and value in SECTIONS:
            await state.set_state(EditorForm.menu)
            await state.set_data({"ed_kind": SECTIONS[value], "ed_page": callback_data.p})
            await show(callback, list_screen(t, kb_editor, SECTIONS[value], callback_data.p))
        elif action == "open" and kind in FIELDS:
            record = kb_editor.get(kind, value)
            if record is None:
                await show(callback, list_screen(t, kb_editor, kind, int(data.get("ed_page") or 0), t("ed-not-found")))
                return
            data.update(ed_id=value, ed_draft=kb_editor.draft_of(record), ed_dirty=False, ed_queue=[],
                        ed_expected=await kb_editor.stored(kind, value))
            await state.set_data(data)
            await state.set_state(EditorForm.menu)
            await show(callback, record_screen(t, kb, data))
        elif action == "new" and value in SECTIONS:
            kind = SECTIONS[value]
            required = [spec.name for spec in FIELDS[kind] if spec.required]
            data.update(ed_kind=kind, ed_id="", ed_draft={}, ed_dirty=False, ed_expected=None, ed_queue=required[1:])
            await begin_field(callback, t, kb, state, data, required[0])
        elif not has_draft:
            await callback.answer(t("ed-expired"), show_alert=True)
        elif action == "fld" and field_spec(kind, value) is not None:
            data["ed_queue"] = []
            await begin_field(callback, t, kb, state, data, value)
        elif action in ("skip", "keep") and current == EditorForm.text.state and data.get("ed_field"):
            if action == "skip":
                lang = LANGUAGES[int(data.get("ed_lang") or 0)]
                data["ed_draft"][data["ed_field"]] = {**localized(data["ed_draft"], data["ed_field"]), lang: ""}
            await next_language(callback, t, kb, state, data)
        elif action == "clear" and data.get("ed_field"):
            spec = field_spec(kind, data["ed_field"])
            if spec is None or spec.required:
                await callback.answer(t("ed-expired"), show_alert=True)
                return
            data["ed_draft"][spec.name] = None
            await field_done(callback, t, kb, state, data)
        elif action == "pick" and data.get("ed_field"):
            spec = field_spec(kind, data["ed_field"])
            if spec is None or value not in spec.choices:
                await callback.answer(t("ed-expired"), show_alert=True)
                return
            data["ed_draft"][spec.name] = value
            await field_done(callback, t, kb, state, data)
        elif action == "rec":
            data.pop("ed_field", None)
            data["ed_queue"] = []
            await state.set_data(data)
            await state.set_state(EditorForm.menu)
            await show(callback, record_screen(t, kb, data))
        elif action == "pv":
            await preview(callback, t, state, kb, kb_editor, locales, clock, data, value if value in LANGUAGES else t.lang)
        elif action == "ok" and current == EditorForm.preview.state:
            await save(callback, t, state, kb, kb_editor, data)
        elif action == "rm" and data.get("ed_id"):
            keyboard = markup([[button(t("ed-btn-remove-yes"), EdCB(a="rmok"))], [button(t("ed-btn-back"), EdCB(a="rec"))]])
            await state.set_state(EditorForm.menu)
            await show(callback, Screen(t("ed-remove-confirm", title=record_title(t, kind, data["ed_draft"])), keyboard))
        elif action == "rmok" and data.get("ed_id"):
            await remove(callback, t, state, kb, kb_editor, data)
        else:
            await callback.answer(t("ed-expired"), show_alert=True)

    async def preview(
        callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase, kb_editor: KbEditor,
        locales: Locales, clock: Callable[[], float], data: dict[str, Any], lang: str,
    ) -> None:
        kind = data["ed_kind"]
        try:
            if not data.get("ed_id"):
                data["ed_draft"]["id"] = kb_editor.new_id(kind, data["ed_draft"])
            model = kb_editor.build(kind, data["ed_draft"])
            problems = kb_editor.reference_problems(kind, model.id, model)  # type: ignore[attr-defined]
            if problems:
                raise EditError(problems)
        except EditError as error:
            if not data.get("ed_id"):
                data["ed_draft"].pop("id", None)
            await state.set_data(data)
            await state.set_state(EditorForm.menu)
            await show(callback, record_screen(t, kb, data, problems_text(t, kind, error.problems)))
            return
        await state.set_data(data)
        await state.set_state(EditorForm.preview)
        card = render_card(locales, kb_editor, kind, model, lang, clock)
        lines = [t("ed-preview-head", language=_lang_name(lang)), "", "———", card, "———", ""]
        missing = missing_languages(kind, data["ed_draft"])
        if missing:
            fields = "; ".join(
                f"{field_label(t, name)} ({' '.join(LANGUAGE_FLAGS[lang] for lang in langs)})" for name, langs in missing.items()
            )
            lines += [t("ed-preview-missing", fields=fields), ""]
        lines.append(t("ed-confirm-change" if data.get("ed_id") else "ed-confirm-add"))
        rows = [
            [button(("• " if code == lang else "") + LANGUAGE_FLAGS[code], EdCB(a="pv", v=code)) for code in LANGUAGES],
            [button(t("ed-btn-confirm"), EdCB(a="ok"))],
            [button(t("ed-btn-edit-more"), EdCB(a="rec")), button(t("ed-btn-close"), EdCB(a="close"))],
        ]
        await show(callback, Screen("\n".join(lines), markup(rows)))

    async def save(
        callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase, kb_editor: KbEditor,
        data: dict[str, Any],
    ) -> None:
        kind = data["ed_kind"]
        try:
            model = kb_editor.build(kind, data["ed_draft"])
            change = await kb_editor.apply(callback.from_user.id, kind, model.id, model,  # type: ignore[attr-defined]
                                           expected=data.get("ed_expected"))
        except EditConflict:
            await state.set_state(EditorForm.menu)
            await state.set_data({"ed_kind": kind})
            await show(callback, list_screen(t, kb_editor, kind, 0, t("ed-conflict")))
            return
        except EditError as error:
            await state.set_state(EditorForm.menu)
            await show(callback, record_screen(t, kb, data, problems_text(t, kind, error.problems)))
            return
        key = "ed-saved-add" if change.action == "add" else "ed-saved-change"
        note = t(key, title=record_title(t, kind, data["ed_draft"]))
        page = int(data.get("ed_page") or 0)
        await state.set_state(EditorForm.menu)
        await state.set_data({"ed_kind": kind, "ed_page": page})
        await show(callback, list_screen(t, kb_editor, kind, page, note))

    async def remove(
        callback: CallbackQuery, t: Translator, state: FSMContext, kb: KnowledgeBase, kb_editor: KbEditor,
        data: dict[str, Any],
    ) -> None:
        kind = data["ed_kind"]
        title = record_title(t, kind, data["ed_draft"])
        try:
            await kb_editor.apply(callback.from_user.id, kind, data["ed_id"], None, expected=data.get("ed_expected"))
        except EditConflict:
            await state.set_data({"ed_kind": kind})
            await show(callback, list_screen(t, kb_editor, kind, 0, t("ed-conflict")))
            return
        except EditError as error:
            await show(callback, record_screen(t, kb, data, problems_text(t, kind, error.problems)))
            return
        page = int(data.get("ed_page") or 0)
        await state.set_data({"ed_kind": kind, "ed_page": page})
        await show(callback, list_screen(t, kb_editor, kind, page, t("ed-removed", title=title)))

    @router.callback_query(EdCB.filter(), IsStaff())
    async def no_editor(callback: CallbackQuery, t: Translator) -> None:
        # An editor button after the editor was closed (or a restart lost the draft).
        await callback.answer(t("ed-expired"), show_alert=True)

    # --- everyone else: a polite refusal, nothing else happens -----------------------------------
    @router.message(Command("edit"))
    async def not_staff_command(message: Message, t: Translator) -> None:
        await message.answer(t("staff-only"))

    @router.callback_query(EdCB.filter())
    async def not_staff_button(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("staff-only"), show_alert=True)

    return router
