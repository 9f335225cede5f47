"""Editing single knowledge-base records from Telegram (the ``/edit`` console).

``KbEditor.apply`` validates a record with its pydantic model and the reference checks of
``bot.kb.sources.check_references``, writes it to ``kb_records`` in one transaction with its
audit row, then reloads the knowledge base, so the menus and the search index (a
``kb.on_change`` listener) show the change at once.

Drafts are plain dicts (the JSON form of the model, possibly incomplete) so they can live in
the FSM storage (memory or Redis) between the steps of the editor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.db import Database
from bot.kb import KbSnapshot, KnowledgeBase
from bot.kb.models import LANGUAGES, Event, Institution, InstitutionKind, Opening, OpeningKind
from bot.kb.sources import ParsedRecord, check_references
from bot.services.audit import AuditLog

# Editor section → knowledge-base kind and model.
SECTIONS: dict[str, str] = {"news": "event", "opening": "opening", "partner": "institution"}
MODELS: dict[str, type[BaseModel]] = {"event": Event, "opening": Opening, "institution": Institution}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # "text" (three languages) | "date" | "ref" | "choice" | "url"
    required: bool = False
    target: str = ""  # "ref": the kind it names ("institution", "country")
    choices: tuple[str, ...] = ()


# Fields the editor offers, in the order they are asked when a record is added (required
# ones) and listed on the record screen. Other fields of a record are kept as they are.
FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "event": (
        FieldSpec("title", "text", required=True),
        FieldSpec("text", "text", required=True),
        FieldSpec("date", "date", required=True),
        FieldSpec("date_end", "date"),
    ),
    "opening": (
        FieldSpec("title", "text", required=True),
        FieldSpec("deadline", "date"),
        FieldSpec("description", "text"),
        FieldSpec("eligibility", "text"),
        FieldSpec("how_to_apply", "text"),
        FieldSpec("host", "ref", target="institution"),
        FieldSpec("kind", "choice", choices=tuple(k.value for k in OpeningKind)),
        FieldSpec("link", "url"),
    ),
    "institution": (
        FieldSpec("name", "text", required=True),
        FieldSpec("country", "ref", required=True, target="country"),
        FieldSpec("kind", "choice", required=True, choices=tuple(k.value for k in InstitutionKind)),
        FieldSpec("short_name", "text"),
        FieldSpec("city", "text"),
        FieldSpec("cooperation", "text"),
    ),
}
TITLE_FIELD: dict[str, str] = {"event": "title", "opening": "title", "institution": "name"}


def field_spec(kind: str, name: str) -> FieldSpec | None:
    for spec in FIELDS.get(kind, ()):
        if spec.name == name:
            return spec
    return None


class EditError(Exception):
    """The record cannot be saved: ``problems`` name the field and the reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class EditConflict(Exception):
    """The record changed (or disappeared) since the editor read it."""


def canonical(model: BaseModel) -> str:
    # The same form bot.kb.store writes, so kb import's diff sees an edited record as equal.
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


# --- dates -----------------------------------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan январь января янв январи",
        "february feb февраль февраля фев феврали",
        "march mar март марта мар марти",
        "april apr апрель апреля апр апрели",
        "may май мая майи",
        "june jun июнь июня июн июни",
        "july jul июль июля июл июли",
        "august aug август августа авг августи",
        "september sep sept сентябрь сентября сен сент сентябри",
        "october oct октябрь октября окт октябри",
        "november nov ноябрь ноября ноя ноябри",
        "december dec декабрь декабря дек декабри",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number


class DateFormatError(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """``2027-03-05``, ``05.03.2027``, ``05/03/2027``, ``5 March 2027``, ``March 5, 2027``,
    ``5 марта 2027``, ``5 марти 2027``; raise DateFormatError otherwise."""
    value = " ".join(text.strip().lower().replace(",", " ").split())
    value = value.removesuffix(" г.").removesuffix(" г").removesuffix(" сол")
    numeric = (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", (0, 1, 2)),
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", (2, 1, 0)),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", (2, 1, 0)),
    )
    parts: tuple[int, int, int] | None = None
    for pattern, (y, m, d) in numeric:
        match = re.fullmatch(pattern, value)
        if match:
            groups = match.groups()
            parts = (int(groups[y]), int(groups[m]), int(groups[d]))
            break
    if parts is None:
        match = re.fullmatch(r"(\d{1,2})\.? ([^\W\d_]+)\.? (\d{4})", value)
        if match and match.group(2) in _MONTHS:
            parts = (int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
        match = re.fullmatch(r"([^\W\d_]+)\.? (\d{1,2}) (\d{4})", value)
        if match and match.group(1) in _MONTHS:
            parts = (int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    if parts is None:
        raise DateFormatError(text)
    year, month, day = parts
    if not 2000 <= year <= 2100:
        raise DateFormatError(text)
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateFormatError(text) from error


# --- ids ---------------------------------------------------------------------------------------
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяғӣқӯҳҷ",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh sch - y - e yu ya gh i q u h j".split(),
        strict=True,
    )
)


def slugify(text: str, limit: int = 32) -> str:
    out = []
    for char in text.lower():
        if char in _TRANSLIT:
            out.append(_TRANSLIT[char].strip("-"))
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append("-")
    slug = re.sub(r"-+", "-", "".join(out)).strip("-")[:limit].strip("-")
    return slug or "item"


# --- drafts ----------------------------------------------------------------------------------
def localized(draft: dict[str, Any], name: str) -> dict[str, str]:
    value = draft.get(name) or {}
    return {lang: str(value.get(lang) or "") for lang in LANGUAGES}


def missing_languages(kind: str, draft: dict[str, Any]) -> dict[str, list[str]]:
    """Text fields that have a value in some languages but not all: field → missing languages."""
    out: dict[str, list[str]] = {}
    for spec in FIELDS.get(kind, ()):
        if spec.type != "text":
            continue
        value = localized(draft, spec.name)
        given = [lang for lang in LANGUAGES if value[lang].strip()]
        if given and len(given) < len(LANGUAGES):
            out[spec.name] = [lang for lang in LANGUAGES if not value[lang].strip()]
    return out


def _clean(kind: str, draft: dict[str, Any]) -> dict[str, Any]:
    """Empty values left out: a missing required field is then reported as "Field required",
    an optional one takes the model's default."""
    data: dict[str, Any] = {}
    for key, value in draft.items():
        spec = field_spec(kind, key)
        if spec is not None and spec.type == "text":
            text = localized(draft, key)
            value = {lang: v.strip() for lang, v in text.items()} if any(v.strip() for v in text.values()) else None
        if value is None or value == "":
            continue
        data[key] = value
    return data


def _problems(error: ValidationError) -> list[str]:
    out = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ())) or "record"
        out.append(f"{where}: {item.get('msg', 'invalid')}")
    return out


def snapshot_records(snap: KbSnapshot) -> dict[str, list[BaseModel]]:
    """The snapshot as ``KbSnapshot.build`` takes it (in the stored order)."""
    return {
        "office": [snap.office] if snap.office is not None else [],
        "contacts": [snap.contacts] if snap.contacts is not None else [],
        "country": list(snap.countries.values()),
        "institution": list(snap.institutions.values()),
        "project": list(snap.projects.values()),
        "event": list(snap.events.values()),
        "mobility": list(snap.mobility.values()),
        "opening": list(snap.openings.values()),
        "faq": list(snap.faq.values()),
    }


def _parsed(by_kind: dict[str, list[BaseModel]]) -> list[ParsedRecord]:
    records = []
    for kind, models in by_kind.items():
        for position, model in enumerate(models):
            key = getattr(model, "code", None) if kind == "country" else getattr(model, "id", "main")
            records.append(ParsedRecord(kind, str(key), position, model))
    return records


def _replace(by_kind: dict[str, list[BaseModel]], kind: str, record_id: str, model: BaseModel | None) -> dict[str, list[BaseModel]]:
    out = {k: list(v) for k, v in by_kind.items()}
    items = out.setdefault(kind, [])
    for index, item in enumerate(items):
        if getattr(item, "id", None) == record_id:
            if model is None:
                del items[index]
            else:
                items[index] = model
            break
    else:
        if model is not None:
            items.append(model)
    return out


@dataclass
class Change:
    action: str  # add | change | remove
    kind: str
    record_id: str
    before: str | None
    after: str | None
    problems: list[str] = field(default_factory=list)


class KbEditor:
    def __init__(self, db: Database, kb: KnowledgeBase, audit: AuditLog, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.kb = kb
        self.audit = audit
        self.clock = clock

    # --- reading -------------------------------------------------------------------------
    def records(self, kind: str) -> list[BaseModel]:
        """Records of a kind as the editor lists them (news newest first, others by name)."""
        snap = self.kb.snapshot
        if kind == "event":
            return list(snap.events_newest)
        items = list((snap.openings if kind == "opening" else snap.institutions).values())
        if kind == "opening":
            items.sort(key=lambda o: (o.deadline is None, -(o.deadline.toordinal() if o.deadline else 0), o.id))
        else:
            items.sort(key=lambda i: (i.country, i.order, i.id))
        return items

    def get(self, kind: str, record_id: str) -> BaseModel | None:
        snap = self.kb.snapshot
        table = {"event": snap.events, "opening": snap.openings, "institution": snap.institutions}.get(kind, {})
        return table.get(record_id)

    async def stored(self, kind: str, record_id: str) -> str | None:
        """The record's JSON as stored now (what ``apply`` compares ``expected`` with)."""
        return await self.db.fetchval("SELECT data FROM kb_records WHERE kind = ? AND id = ?", (kind, record_id))

    def draft_of(self, model: BaseModel) -> dict[str, Any]:
        return model.model_dump(mode="json")

    # --- validating ------------------------------------------------------------------------
    def new_id(self, kind: str, draft: dict[str, Any]) -> str:
        title = localized(draft, TITLE_FIELD[kind])
        base = slugify(title["en"] or title["ru"] or title["tg"])
        if kind == "event" and draft.get("date"):
            base = f"{str(draft['date'])[:4]}-{base}"[:32].strip("-")
        taken = {getattr(m, "id", "") for m in self.records(kind)}
        candidate, n = base, 2
        while candidate in taken:
            candidate = f"{base[:28]}-{n}"
            n += 1
        return candidate

    def build(self, kind: str, draft: dict[str, Any]) -> BaseModel:
        """Validate a draft with its model; raise EditError naming each bad field."""
        model_type = MODELS.get(kind)
        if model_type is None:
            raise EditError([f"kind: unknown {kind!r}"])
        data = _clean(kind, draft)
        if not data.get("id"):
            data["id"] = self.new_id(kind, data)
        try:
            return model_type.model_validate(data)
        except ValidationError as error:
            raise EditError(_problems(error)) from error

    def reference_problems(self, kind: str, record_id: str, model: BaseModel | None) -> list[str]:
        """Problems ``check_references`` finds after the change that it did not find before."""
        current = snapshot_records(self.kb.snapshot)
        before = set(check_references(_parsed(current)))
        after = check_references(_parsed(_replace(current, kind, record_id, model)))
        return [problem for problem in after if problem not in before]

    def preview_snapshot(self, kind: str, model: BaseModel) -> KbSnapshot:
        """A snapshot with the unsaved record in it, for rendering the students' card."""
        return KbSnapshot.build(_replace(snapshot_records(self.kb.snapshot), kind, getattr(model, "id"), model))

    # --- writing -----------------------------------------------------------------------------
    async def apply(
        self,
        user_id: int,
        kind: str,
        record_id: str,
        model: BaseModel | None,
        *,
        expected: Any = ...,
    ) -> Change:
        """Add, change (``model``) or remove (``model=None``) one record.

        ``expected``: the stored JSON the editor started from (None: the record must not
        exist yet); a different stored value raises EditConflict, so two staff members never
        silently overwrite each other. Raises EditError on a bad record or broken reference.
        """
        if kind not in MODELS:
            raise EditError([f"kind: unknown {kind!r}"])
        if model is not None:
            model = MODELS[kind].model_validate(model.model_dump())
            if getattr(model, "id") != record_id:
                raise EditError([f"id: {getattr(model, 'id')!r} is not {record_id!r}"])
        problems = self.reference_problems(kind, record_id, model)
        if problems:
            raise EditError(problems)
        after = canonical(model) if model is not None else None
        now = int(self.clock())
        async with self.db.transaction() as conn:
            async with conn.execute("SELECT data FROM kb_records WHERE kind = ? AND id = ?", (kind, record_id)) as cursor:
                row = await cursor.fetchone()
            before = row["data"] if row is not None else None
            if expected is not ... and expected != before:
                raise EditConflict(record_id)
            if model is None:
                if before is None:
                    raise EditConflict(record_id)
                action = "remove"
                await conn.execute("DELETE FROM kb_records WHERE kind = ? AND id = ?", (kind, record_id))
            elif before is None:
                action = "add"
                await conn.execute(
                    "INSERT INTO kb_records (kind, id, position, data, updated_at) VALUES (?, ?, "
                    "(SELECT COALESCE(MAX(position), -1) + 1 FROM kb_records WHERE kind = ?), ?, ?)",
                    (kind, record_id, kind, after, now),
                )
            else:
                action = "change"
                await conn.execute(
                    "UPDATE kb_records SET data = ?, updated_at = ? WHERE kind = ? AND id = ?",
                    (after, now, kind, record_id),
                )
            await self.audit.write(conn, user_id, action, kind, record_id,
                                   json.loads(before) if before else None, json.loads(after) if after else None)
        await self.kb.refresh()
        return Change(action, kind, record_id, before, after)
