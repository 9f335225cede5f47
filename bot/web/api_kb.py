"""``/app/api/kb``: every kind of knowledge-base record, read, previewed, added, saved, removed.

Saving goes through ``KbEditor.apply``, the service behind ``/edit``: one transaction with its
audit row, then the knowledge base reloads, so the bot's cards and search show the change at
once. A record is validated with the same model as ``kb import`` (422 with every problem, by
field and language, and nothing saved); a record someone else saved meanwhile is never
overwritten (409; ``If-Match`` carries the ``ETag`` the record was read with).
"""

from __future__ import annotations

import hashlib
from typing import Any

from aiohttp import web
from pydantic import BaseModel

from bot.kb.models import LANGUAGES
from bot.kb.sources import SINGLE_ID, Source
from bot.services.editor import EditConflict, EditError, canonical, record_key, snapshot_records
from bot.services.editor_fields import slugify
from bot.views.common import bot_username
from bot.views.dashboard import card_preview
from bot.web.kb_checks import Invalid, edit_problems, missing_translations, stale_translations, validate_record
from bot.web.kb_schema import KINDS, PAYLOAD, TITLE, schema, source
from bot.web.server import Dashboard, context, error, read_json, staff_of

AUDIT_HISTORY = 5000  # audit rows read to tell stale translations (a kind's whole history in practice)


def rev(stored: str | None) -> str:
    return '"' + hashlib.sha256((stored or "").encode()).hexdigest()[:20] + '"'


def _source(request: web.Request) -> Source:
    found = source(request.match_info["kind"])
    if found is None:
        raise web.HTTPNotFound()
    return found


def _records(dashboard: Dashboard, kind: str) -> list[BaseModel]:
    return snapshot_records(dashboard.app.kb.snapshot).get(kind, [])


def _invalid(problems: list[dict[str, Any]]) -> web.Response:
    return web.json_response({"error": "invalid", "errors": problems}, status=422)


async def kinds(request: web.Request) -> web.Response:
    dashboard = context(request)
    counts = {name: len(_records(dashboard, kind)) for name, kind in KINDS.items()}
    return web.json_response({"kinds": schema(), "counts": counts, "languages": list(LANGUAGES)})


async def list_records(request: web.Request) -> web.Response:
    src = _source(request)
    return web.json_response([model.model_dump(mode="json") for model in _records(context(request), src.kind)])


async def status(request: web.Request) -> web.Response:
    """Per record: its ETag, and the translations that are missing or look stale."""
    src = _source(request)
    dashboard = context(request)
    stored = {row["id"]: row["data"] for row in await dashboard.app.db.fetchall(
        "SELECT id, data FROM kb_records WHERE kind = ?", (src.kind,))}
    history: dict[str, list[Any]] = {}
    for entry in reversed(await dashboard.app.audit.entries(kind=src.kind, limit=AUDIT_HISTORY)):
        history.setdefault(entry.record_id, []).append(entry)
    out = {}
    for model in _records(dashboard, src.kind):
        key = record_key(src.kind, model)
        data = model.model_dump(mode="json")
        out[key] = {"rev": rev(stored.get(key)), "missing": missing_translations(data),
                    "stale": stale_translations(history.get(key, []), data)}
    return web.json_response(out)


async def get_record(request: web.Request) -> web.Response:
    src = _source(request)
    dashboard = context(request)
    record_id = request.match_info["id"]
    model = dashboard.app.kb_editor.get(src.kind, record_id)
    if model is None:
        return error(404, "not_found")
    stored = await dashboard.app.kb_editor.stored(src.kind, record_id)
    return web.json_response(model.model_dump(mode="json"), headers={"ETag": rev(stored)})


def _with_key(src: Source, body: Any, record_id: str) -> Any:
    # The URL names the record; a body without its key means "this one".
    if isinstance(body, dict) and not src.single and src.key not in body:
        return {src.key: record_id, **body}
    return body


def _new_key(src: Source, body: Any, dashboard: Dashboard) -> Any:
    """A new record without an id gets one made from its English (else any) title."""
    if not isinstance(body, dict) or src.single or body.get(src.key) or src.key != "id":
        return body
    title = body.get(TITLE[src.kind])
    text = next((title.get(lang) for lang in ("en", "ru", "tg") if isinstance(title, dict) and title.get(lang)), "")
    base = slugify(str(text)) if text else "record"
    taken = {record_key(src.kind, m) for m in _records(dashboard, src.kind)}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base[:28]}-{n}", n + 1
    return {**body, "id": candidate}


async def _save(request: web.Request, src: Source, record_id: str, model: BaseModel | None,
                expected: str | None) -> web.Response:
    dashboard = context(request)
    try:
        change = await dashboard.app.kb_editor.apply(staff_of(request).id, src.kind, record_id, model, expected=expected)
    except EditConflict:
        return error(409, "conflict")
    except EditError as problem:
        return _invalid(edit_problems(src.kind, record_id, problem.problems))
    stored = await dashboard.app.kb_editor.stored(src.kind, record_id)
    body = {"ok": True, "action": change.action, "id": record_id, "rev": rev(stored),
            "record": model.model_dump(mode="json") if model is not None else None}
    return web.json_response(body, status=201 if change.action == "add" else 200)


async def put_record(request: web.Request) -> web.Response:
    src = _source(request)
    dashboard = context(request)
    record_id = request.match_info["id"]
    stored = await dashboard.app.kb_editor.stored(src.kind, record_id)
    if stored is None:
        return error(404, "not_found")
    try:
        model = validate_record(src.kind, _with_key(src, await read_json(request), record_id))
    except Invalid as invalid:
        return _invalid(invalid.problems)
    if_match = request.headers.get("If-Match")
    if if_match and if_match != rev(stored):
        return error(409, "conflict")
    if canonical(model) == stored:
        # Saved as it is: no audit row, and nothing for a reload of data/ to keep.
        return web.json_response({"ok": True, "action": "none", "id": record_id, "rev": rev(stored),
                                  "record": model.model_dump(mode="json")})
    return await _save(request, src, record_id, model, stored)


async def post_record(request: web.Request) -> web.Response:
    src = _source(request)
    if src.single:
        return error(405, "single_record")
    try:
        model = validate_record(src.kind, _new_key(src, await read_json(request), context(request)))
    except Invalid as invalid:
        return _invalid(invalid.problems)
    record_id = record_key(src.kind, model)
    if await context(request).app.kb_editor.stored(src.kind, record_id) is not None:
        return error(409, "exists", id=record_id)
    return await _save(request, src, record_id, model, None)


async def delete_record(request: web.Request) -> web.Response:
    src = _source(request)
    record_id = request.match_info["id"]
    if src.single:
        return error(405, "single_record")
    stored = await context(request).app.kb_editor.stored(src.kind, record_id)
    if stored is None:
        return error(404, "not_found")
    if_match = request.headers.get("If-Match")
    if if_match and if_match != rev(stored):
        return error(409, "conflict")
    return await _save(request, src, record_id, None, stored)


async def preview(request: web.Request) -> web.Response:
    """The card of an unsaved record as the bot renders it, in one language."""
    src = _source(request)
    dashboard = context(request)
    body = await read_json(request)
    if not isinstance(body, dict):
        return error(400, "bad_body")
    lang = body.get("lang") if body.get("lang") in LANGUAGES else staff_of(request).language
    record = body.get("record")
    if isinstance(record, dict) and not src.single and not record.get(src.key):
        record = {**record, src.key: "new-record" if src.key == "id" else "zz"}
    try:
        model = validate_record(src.kind, record)
    except Invalid as invalid:
        return _invalid(invalid.problems)
    key = record_key(src.kind, model)
    app = dashboard.app
    snap = app.kb_editor.preview_snapshot(src.kind, model)
    payload = PAYLOAD[src.kind].format(id=key if key != SINGLE_ID else "")
    card = card_preview(app.locales, snap, payload, lang, app.clock.today(), await bot_username(dashboard.bot))
    return web.json_response({"lang": lang, **card})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/app/api/kb", kinds),
        web.get("/app/api/kb/{kind}", list_records),
        web.post("/app/api/kb/{kind}", post_record),
        web.get("/app/api/kb-status/{kind}", status),
        web.post("/app/api/kb-preview/{kind}", preview),
        web.get("/app/api/kb/{kind}/{id}", get_record),
        web.put("/app/api/kb/{kind}/{id}", put_record),
        web.delete("/app/api/kb/{kind}/{id}", delete_record),
    ]
