"""An FAQ entry's card."""

from __future__ import annotations

from bot.callbacks import Menu, Open
from bot.i18n import Translator
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row
from bot.ui import Screen


def render_faq(t: Translator, snap: KbSnapshot, faq_id: str) -> Screen | None:
    faq = snap.faq.get(faq_id)
    if faq is None:
        return None
    lang = t.lang
    rows = []
    if faq.link:
        rows.append([button(t("search-faq-more"), Open(link=faq.link))])
    rows.append([button(t("menu-ask"), Menu(screen="ask"))])
    rows.append(nav_row(t))
    return Screen(t("search-faq-text", question=faq.question.get(lang), answer=faq.answer.get(lang)), markup(rows))
