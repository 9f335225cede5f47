"""``/app/api/broadcasts``: compose a broadcast with a version per language, see the
audience's live recipient counts and the students' preview, send it through
BroadcastService (the same jobs, rate limit and exactly-once delivery as ``/broadcast``),
watch its progress, list recent ones with their figures.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.views.broadcast import student_markup
from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPIC_KEYS
from bot.views.dashboard import message_preview, plain_text_html
from bot.web.server import context, error, read_json, staff_of

if TYPE_CHECKING:  # only its public attributes are read: the broadcast package is being split
    from bot.broadcast.service import Job

MAX_TEXT = 4000  # Telegram's message limit is 4096 characters
RECENT = 20


def audiences() -> list[str]:
    return ["all", *(f"topic:{topic}" for topic in TOPIC_KEYS), *(f"lang:{lang}" for lang in LANGUAGES)]


def _topic(audience: str) -> str | None:
    kind, _, value = audience.partition(":")
    return value if kind == "topic" else None


def _versions(body: Any) -> tuple[dict[str, str], str, list[dict[str, Any]]]:
    """(text per language, audience, problems) of a composed broadcast."""
    problems: list[dict[str, Any]] = []
    body = body if isinstance(body, dict) else {}
    raw = body.get("versions") if isinstance(body.get("versions"), dict) else {}
    versions: dict[str, str] = {}
    for lang in LANGUAGES:
        value = raw.get(lang)
        if isinstance(value, str) and value.strip():
            if len(value) > MAX_TEXT:
                problems.append({"field": "versions", "language": lang, "path": f"versions.{lang}",
                                 "code": "too_long", "message": f"at most {MAX_TEXT} characters", "limit": MAX_TEXT})
            versions[lang] = value
    if not versions:
        problems.append({"field": "versions", "language": None, "path": "versions", "code": "missing",
                         "message": "write the message in at least one language"})
    audience = body.get("audience")
    if audience not in audiences():
        problems.append({"field": "audience", "language": None, "path": "audience", "code": "invalid",
                         "message": "unknown audience"})
    return versions, str(audience), problems


def _content(versions: dict[str, str], default_language: str) -> dict[str, Any]:
    """BroadcastService's content: ``*`` goes to every language without its own version,
    the default language's text if it has one."""
    first = versions.get(default_language) or next(iter(versions.values()))
    out = {"*": {"type": "text", "text": plain_text_html(first)}}
    out.update({lang: {"type": "text", "text": plain_text_html(text)} for lang, text in versions.items()})
    return {"versions": out}


def _job(job: Job) -> dict[str, Any]:
    first = job.content.get("versions", {}).get("*", {})
    return {
        "id": job.id, "status": job.status, "audience": job.audience, "created_at": job.created_at,
        "finished_at": job.finished_at, "total": job.total, "source": "text" if first.get("type") == "text" else "copy",
        "html": first.get("text", "") if first.get("type") == "text" else "",
        "figures": {**asdict(job.figures), "done": job.figures.done},
    }


async def audience_counts(request: web.Request) -> web.Response:
    broadcasts = context(request).app.broadcasts
    out = []
    for audience in audiences():
        counts = await broadcasts.audience_counts(audience)
        out.append({"audience": audience, "counts": counts, "total": sum(counts.values())})
    return web.json_response(out)


async def preview(request: web.Request) -> web.Response:
    dashboard = context(request)
    versions, audience, problems = _versions(await read_json(request))
    if problems:
        return web.json_response({"error": "invalid", "errors": problems}, status=422)
    app = dashboard.app
    content = _content(versions, app.settings.default_language)["versions"]
    counts = await app.broadcasts.audience_counts(audience)
    previews = {
        lang: message_preview((content.get(lang) or content["*"])["text"], student_markup(app.locales[lang], _topic(audience)))
        for lang in LANGUAGES
    }
    return web.json_response({"audience": audience, "counts": counts, "total": sum(counts.values()), "previews": previews})


async def send(request: web.Request) -> web.Response:
    dashboard = context(request)
    staff = staff_of(request)
    versions, audience, problems = _versions(await read_json(request))
    if problems:
        return web.json_response({"error": "invalid", "errors": problems}, status=422)
    app = dashboard.app
    if not sum((await app.broadcasts.audience_counts(audience)).values()):
        return error(409, "no_recipients")
    # Progress and the final report also reach the staff member's chat with the bot.
    job = await app.broadcasts.create_job(staff.id, _content(versions, app.settings.default_language), audience,
                                          topic=_topic(audience), progress_chat_id=staff.id)
    return web.json_response(_job(job), status=201)


async def recent(request: web.Request) -> web.Response:
    jobs = await context(request).app.broadcasts.recent(RECENT)
    return web.json_response([_job(job) for job in jobs])


async def one(request: web.Request) -> web.Response:
    value = request.match_info["id"]
    job = await context(request).app.broadcasts.get(int(value)) if value.isdigit() and len(value) < 12 else None
    return web.json_response(_job(job)) if job is not None else error(404, "not_found")


async def cancel(request: web.Request) -> web.Response:
    dashboard = context(request)
    value = request.match_info["id"]
    if not value.isdigit() or len(value) >= 12:
        return error(404, "not_found")
    before = await dashboard.app.broadcasts.cancel(int(value), dashboard.bot)
    if before is None:
        return error(409, "not_active")
    job = await dashboard.app.broadcasts.get(int(value))
    return web.json_response(_job(job) if job is not None else {"id": int(value)})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/app/api/broadcasts", recent),
        web.post("/app/api/broadcasts", send),
        web.get("/app/api/broadcasts/audiences", audience_counts),
        web.post("/app/api/broadcasts/preview", preview),
        web.get("/app/api/broadcasts/{id}", one),
        web.post("/app/api/broadcasts/{id}/cancel", cancel),
    ]
