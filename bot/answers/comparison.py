""""Which came first, the Kunming delegation or the water seminar?": each of the two things
named is looked up on its own, and the answer gives both with their dates, earlier first,
instead of one card that holds half of the question.
"""

from __future__ import annotations

import datetime as dt

from bot.answers import vocab
from bot.answers.choice import MIN_COVERAGE, Chooser
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search import SearchService
from bot.search.normalize import key, words

# Of each side's candidates, the best this many are looked at for one with a date.
LOOK = 3


def dated(snap: KbSnapshot, payload: str) -> tuple[dt.date, str] | None:
    """When a card's thing happened (or began), with the precision the page gives."""
    kind, _, ident = payload.partition("-")
    if kind == "news" and ident in snap.events:
        event = snap.events[ident]
        return event.date, event.date_precision
    if kind == "project" and ident in snap.projects and snap.projects[ident].year_start:
        return dt.date(snap.projects[ident].year_start or 1, 1, 1), "year"
    if kind == "mobility" and ident in snap.mobility and snap.mobility[ident].year:
        return dt.date(snap.mobility[ident].year or 1, 1, 1), "year"
    return None


def earlier(a: tuple[dt.date, str], b: tuple[dt.date, str]) -> bool | None:
    """Whether ``a`` is strictly before ``b``; None when the page's dates cannot tell."""
    if a[1] == b[1] == "day":
        return None if a[0] == b[0] else a[0] < b[0]
    return None if a[0].year == b[0].year else a[0].year < b[0].year


class Comparisons:
    def __init__(self, search: SearchService, chooser: Chooser) -> None:
        self.search = search
        self.chooser = chooser
        self.or_keys = frozenset(key(w) for w in words(vocab.COMPARE_OR))
        self.when_keys = frozenset(key(w) for w in words(vocab.COMPARE_WHEN))

    async def answer(self, query: str, text: str, snap: KbSnapshot) -> Answer | None:
        typed = words(text)
        keys = [key(w) for w in typed]
        if self.when_keys.isdisjoint(keys) or self.or_keys.isdisjoint(keys):
            return None
        cut = next(i for i, k in enumerate(keys) if k in self.or_keys)
        sides = [" ".join(w for w, k in zip(part, part_keys) if k not in self.when_keys)
                 for part, part_keys in ((typed[:cut], keys[:cut]), (typed[cut + 1:], keys[cut + 1:]))]
        found = [await self._dated_card(side, snap) for side in sides if side]
        if len(found) != 2 or None in found or found[0][0] == found[1][0]:  # type: ignore[index]
            return None
        (a, when_a), (b, when_b) = found  # type: ignore[misc]
        order = earlier(when_a, when_b)
        pair = (b, a) if order is False else (a, b)
        return Answer("compare", query, topic="both" if order is None else "first", payloads=pair)

    async def _dated_card(self, side: str, snap: KbSnapshot) -> tuple[str, tuple[dt.date, str]] | None:
        result = await self.search.candidates(side)
        found = [(hit.doc.payload, when) for hit in self.chooser.rank(result, side, snap)[:LOOK]
                 if hit.coverage >= MIN_COVERAGE and (when := dated(snap, hit.doc.payload)) is not None]
        # The news of a visit has its day; the mobility record of it only the year.
        return next((f for f in found if f[1][1] == "day"), found[0] if found else None)
