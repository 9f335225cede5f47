"""Inline mode: ``@<bot> kazan`` in any chat lists matching institutions and news as
shareable articles, each with a deep link back to the bot."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import (
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
)

from bot.i18n import Translator
from bot.kb import KbSnapshot, KnowledgeBase
from bot.kb.models import Event, Institution
from bot.keyboards import url_button
from bot.search import SearchService

log = logging.getLogger(__name__)

MAX_RESULTS = 12
DEFAULT_NEWS = 5
SNIPPET = 280


def _snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _link(username: str | None, payload: str) -> str | None:
    return f"https://t.me/{username}?start={payload}" if username else None


def _keyboard(t: Translator, username: str | None, payload: str) -> InlineKeyboardMarkup | None:
    link = _link(username, payload)
    if link is None:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[[url_button(t("search-inline-open"), link)]])


def partner_article(t: Translator, snap: KbSnapshot, inst: Institution, username: str | None) -> InlineQueryResultArticle:
    lang = t.lang
    country = snap.countries.get(inst.country)
    place = ", ".join(x for x in (inst.city.get(lang) if inst.city else "", country.name.get(lang) if country else "") if x)
    payload = f"partner-{inst.id}"
    return InlineQueryResultArticle(
        id=payload,
        title=inst.name.get(lang),
        description=place or None,
        input_message_content=InputTextMessageContent(
            message_text=t("search-inline-partner", name=inst.name.get(lang), place=place),
            parse_mode="HTML",
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=_keyboard(t, username, payload),
    )


def news_article(t: Translator, event: Event, username: str | None) -> InlineQueryResultArticle:
    lang = t.lang
    date = str(event.date.year) if event.date_precision == "year" else event.date.strftime("%d.%m.%Y")
    payload = f"news-{event.id}"
    return InlineQueryResultArticle(
        id=payload,
        title=event.title.get(lang),
        description=f"{date} · {_snippet(event.text.get(lang), 90)}",
        input_message_content=InputTextMessageContent(
            message_text=t("search-inline-news", title=event.title.get(lang), date=date, text=_snippet(event.text.get(lang))),
            parse_mode="HTML",
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=_keyboard(t, username, payload),
    )


async def inline_results(
    text: str, t: Translator, snap: KbSnapshot, search: SearchService, username: str | None
) -> list[InlineQueryResultArticle]:
    """Institutions and news for the query; the newest news and the exchange hosts when empty."""
    payloads: list[str] = []
    if text.strip():
        for hit in await search.ranked(text):
            payload = hit.doc.payload
            if payload.startswith("country-"):
                # A country stands for its partners.
                payloads += [f"partner-{i.id}" for i in snap.by_country.get(payload.removeprefix("country-"), [])]
            elif payload.startswith(("partner-", "news-")):
                payloads.append(payload)
    else:
        payloads += [f"news-{e.id}" for e in snap.events_newest[:DEFAULT_NEWS]]
        hosts = dict.fromkeys(o.host for o in snap.openings.values() if o.host)
        payloads += [f"partner-{h}" for h in hosts]
    results: list[InlineQueryResultArticle] = []
    for payload in dict.fromkeys(payloads):
        kind, _, key = payload.partition("-")
        if kind == "partner" and key in snap.institutions:
            results.append(partner_article(t, snap, snap.institutions[key], username))
        elif kind == "news" and key in snap.events:
            results.append(news_article(t, snap.events[key], username))
        if len(results) >= MAX_RESULTS:
            break
    return results


def get_router() -> Router:
    router = Router(name="inline")

    @router.inline_query()
    async def inline_search(
        inline_query: InlineQuery, t: Translator, kb: KnowledgeBase, search: SearchService, bot: Bot
    ) -> None:
        try:
            username = (await bot.me()).username
        except Exception:  # noqa: BLE001 - articles without a link rather than none
            log.warning("getMe failed; inline results without deep links", exc_info=True)
            username = None
        results = await inline_results(inline_query.query, t, kb.snapshot, search, username)
        await inline_query.answer(
            results,  # type: ignore[arg-type]
            cache_time=300,
            is_personal=True,  # results are in the user's language
            button=InlineQueryResultsButton(text=t("search-inline-button"), start_parameter="inline"),
        )

    return router
