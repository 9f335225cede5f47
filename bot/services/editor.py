"""Editing single knowledge-base records from Telegram (the ``/edit`` console).

``KbEditor.apply`` validates a record with its pydantic model and the reference checks of
``bot.kb.sources.check_references``, writes it to ``kb_records`` in one transaction with its
audit row, then reloads the knowledge base, so the menus and the search index (a
``kb.on_change`` listener) show the change at once.

What a draft may hold and how typed values are read: bot.services.editor_fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.clock import Clock
from bot.db import Database
from bot.kb import KbSnapshot, KnowledgeBase
from bot.kb.sources import SINGLE_ID, SOURCE_BY_KIND, SOURCES, ParsedRecord, check_references
from bot.services.audit import AuditLog
from bot.services.editor_fields import TITLE_FIELD, field_spec, localized, slugify

# Every kind of record can be saved (the /edit console offers three, the dashboard all).
MODELS: dict[str, type[BaseModel]] = {source.kind: source.model for source in SOURCES}


def record_key(kind: str, model: BaseModel) -> str:
    """The record's id as kb_records stores it: ``id``, a country's ``code``, ``main`` for
    the office and contacts (one record each)."""
    source = SOURCE_BY_KIND[kind]
    return SINGLE_ID if source.single else str(getattr(model, source.key))


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
            records.append(ParsedRecord(kind, record_key(kind, model), position, model))
    return records


def _replace(by_kind: dict[str, list[BaseModel]], kind: str, record_id: str, model: BaseModel | None) -> dict[str, list[BaseModel]]:
    out = {k: list(v) for k, v in by_kind.items()}
    items = out.setdefault(kind, [])
    for index, item in enumerate(items):
        if record_key(kind, item) == record_id:
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
    def __init__(self, db: Database, kb: KnowledgeBase, audit: AuditLog, clock: Clock | None = None) -> None:
        self.db = db
        self.kb = kb
        self.audit = audit
        self.clock = clock if clock is not None else Clock()

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
        for model in snapshot_records(self.kb.snapshot).get(kind, []):
            if record_key(kind, model) == record_id:
                return model
        return None

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

    def checked(self, kind: str, draft: dict[str, Any]) -> BaseModel:
        """The draft as a record that could be saved now (model and references), for the
        preview; raises EditError."""
        model = self.build(kind, draft)
        problems = self.reference_problems(kind, record_key(kind, model), model)
        if problems:
            raise EditError(problems)
        return model

    def preview_snapshot(self, kind: str, model: BaseModel) -> KbSnapshot:
        """A snapshot with the unsaved record in it, for rendering the students' card."""
        return KbSnapshot.build(_replace(snapshot_records(self.kb.snapshot), kind, record_key(kind, model), model))

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
            key = record_key(kind, model)
            if key != record_id:
                raise EditError([f"{SOURCE_BY_KIND[kind].key}: {key!r} is not {record_id!r}"])
        elif SOURCE_BY_KIND[kind].single:
            raise EditError([f"{kind}: this record cannot be removed, only changed"])
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
