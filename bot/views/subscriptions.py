"""The topics a student can subscribe to, toggled with one tap."""

from __future__ import annotations

from bot.broadcast.callbacks import SubToggle
from bot.i18n import Translator
from bot.keyboards import button, markup, nav_row
from bot.services.subscriptions import TOPICS
from bot.ui import Screen


def render_subscriptions(t: Translator, topics: set[str], *, offer: bool = False) -> Screen:
    """One screen per language and set of ticks (there are few), built once."""
    key = ("subscriptions", frozenset(topics), offer)
    screen = t.memo.get(key)
    if screen is None:
        screen = t.memo[key] = _build(t, topics, offer)
    return screen


def _build(t: Translator, topics: set[str], offer: bool) -> Screen:
    rows = [
        [button(f"{'✅' if topic in topics else '☐'} {t(key)}", SubToggle(topic=topic))]
        for topic, key in TOPICS
    ]
    if not offer:
        rows.append(nav_row(t))
    return Screen(t("sub-offer") if offer else t("sub-text"), markup(rows))
