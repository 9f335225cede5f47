"""Where each step of the ``/edit`` console leads: the editor's next FSM data, its state and
the screen to show, as a ``Step``. Pure (no storage, no Telegram): the handlers apply a step
with ``state.set_data`` / ``state.set_state`` / ``show``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.fsm.state import State, StatesGroup
from pydantic import BaseModel

from bot.i18n import Translator
from bot.kb import KbSnapshot
from bot.kb.models import LANGUAGES
from bot.services.editor_fields import FieldSpec, field_spec, localized
from bot.ui import Screen
from bot.views.editor import ask_screen, home_screen, list_screen, preview_screen, record_screen, required_note


class EditorForm(StatesGroup):
    menu = State()  # buttons only
    text = State()  # a text field, language ed_lang
    date = State()
    ref = State()
    url = State()
    preview = State()  # preview shown: Confirm / Edit more / Cancel


# The state that takes a typed value for a field type; a choice is picked with buttons (menu).
TYPED = {"text": EditorForm.text, "date": EditorForm.date, "ref": EditorForm.ref, "url": EditorForm.url}


@dataclass(frozen=True)
class Step:
    data: dict[str, Any]
    screen: Screen
    state: State | None = None  # None: the state stays as it is


def to_home(t: Translator) -> Step:
    return Step({}, home_screen(t), EditorForm.menu)


def ask_field(t: Translator, snap: KbSnapshot, data: dict[str, Any], name: str) -> Step:
    """Start editing field ``name`` (a text field: from its first language)."""
    spec = field_spec(data["ed_kind"], name)
    assert spec is not None
    data.update(ed_field=name, ed_lang=0)
    return Step(data, ask_screen(t, snap, data), TYPED.get(spec.type, EditorForm.menu))


def to_record(t: Translator, snap: KbSnapshot, data: dict[str, Any], note: str = "") -> Step:
    return Step(data, record_screen(t, snap, data, note), EditorForm.menu)


def field_set(t: Translator, snap: KbSnapshot, data: dict[str, Any]) -> Step:
    """The field is set: the next required field of a new record, else the record screen."""
    data["ed_dirty"] = True
    queue = list(data.get("ed_queue") or [])
    if queue:
        data["ed_queue"] = queue[1:]
        return ask_field(t, snap, data, queue[0])
    data.pop("ed_field", None)
    return to_record(t, snap, data)


def language_set(t: Translator, snap: KbSnapshot, data: dict[str, Any]) -> Step:
    """One language of a text field given or skipped: the next language, or (after the last)
    the field is set, unless it is required and still empty in all three."""
    step = int(data.get("ed_lang") or 0) + 1
    if step < len(LANGUAGES):
        data["ed_lang"] = step
        return Step(data, ask_screen(t, snap, data))
    spec = field_spec(data["ed_kind"], data["ed_field"])
    assert spec is not None
    if spec.required and not any(v.strip() for v in localized(data["ed_draft"], spec.name).values()):
        data["ed_lang"] = 0
        return Step(data, ask_screen(t, snap, data, required_note(t, spec.name)))
    return field_set(t, snap, data)


def text_given(t: Translator, snap: KbSnapshot, data: dict[str, Any], value: str) -> Step:
    """The language being asked of the text field being edited: typed, or skipped (``""``)."""
    draft, name = data["ed_draft"], data["ed_field"]
    draft[name] = {**localized(draft, name), LANGUAGES[int(data.get("ed_lang") or 0)]: value}
    return language_set(t, snap, data)


def value_given(t: Translator, snap: KbSnapshot, data: dict[str, Any], spec: FieldSpec, value: str) -> Step:
    """A typed value (``parse_value``) for the field being edited."""
    if spec.type == "text":
        return text_given(t, snap, data, value)
    data["ed_draft"][spec.name] = value
    return field_set(t, snap, data)


def to_list(t: Translator, records: list[BaseModel], data: dict[str, Any], note: str = "",
            *, keep_state: bool = False) -> Step:
    """A section's list (``records``: ``KbEditor.records``); ``data`` (``ed_kind``, maybe
    ``ed_page``) becomes the editor's data. ``keep_state``: what a removal always did."""
    kind = data["ed_kind"]
    screen = list_screen(t, records, kind, int(data.get("ed_page") or 0), note)
    return Step(data, screen, None if keep_state else EditorForm.menu)


def to_preview(t: Translator, data: dict[str, Any], card: str, lang: str) -> Step:
    return Step(data, preview_screen(t, data, card, lang), EditorForm.preview)
