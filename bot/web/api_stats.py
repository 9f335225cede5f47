"""``/app/api/stats``: the figures of ``/stats`` (StatsService.collect) for the page's charts,
and the questions the bot could not answer, each with what an FAQ entry for it would start as.
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from bot.kb.models import LANGUAGES
from bot.web.server import context

NOT_FOUND = 20  # unanswered questions listed
_TAJIK = re.compile(r"[ғӣқӯҳҷҒӢҚӮҲҶ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def guess_script(text: str) -> str:
    """The language a logged question was most likely typed in (the log keeps no user)."""
    if _TAJIK.search(text):
        return "tg"
    if _CYRILLIC.search(text):
        return "ru"
    return "en"


def _faq_for(question: str, faq_questions: dict[str, str]) -> str | None:
    return faq_questions.get(" ".join(question.lower().split()))


async def stats(request: web.Request) -> web.Response:
    app = context(request).app
    figures = await app.stats.collect(top=NOT_FOUND)
    faq_questions = {
        " ".join(text.lower().split()): faq.id
        for faq in app.kb.snapshot.faq.values()
        for text in (faq.question.tg, faq.question.ru, faq.question.en, *faq.keywords.all())
        if text
    }
    not_found: list[dict[str, Any]] = [
        {"query": query, "count": count, "language": guess_script(query), "faq": _faq_for(query, faq_questions)}
        for query, count in figures.top_not_found
    ]
    return web.json_response({
        "days": [day.isoformat() for day in figures.days],
        "new_users": figures.new_users_per_day,
        "inquiries": figures.inquiries_per_day,
        "users_total": figures.users_total,
        "users_blocked": figures.users_blocked,
        "by_language": {lang: figures.by_language.get(lang, 0) for lang in (*LANGUAGES, "")},
        "new_7": figures.new_7, "new_30": figures.new_30,
        "active_7": figures.active_7, "active_30": figures.active_30,
        "subscribers": figures.subscribers,
        "inquiries_received": figures.inquiries_received,
        "inquiries_answered": figures.inquiries_answered,
        "inquiries_open": figures.inquiries_open,
        "median_first_answer": figures.median_first_answer,
        "top_queries": [{"query": q, "count": n} for q, n in figures.top_queries],
        "not_found": not_found,
    })


def routes() -> list[web.AbstractRouteDef]:
    return [web.get("/app/api/stats", stats)]
