"""A year asked about as such ("what happened in 2018", «что делал отдел в 2019 году»,
«соли 2018 чӣ шуд»): the news of that year, dated, earliest first."""

from __future__ import annotations

from bot.answers import vocab
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology
from bot.search.normalize import years


class YearLists:
    def __init__(self, morph: Morphology) -> None:
        self.beside = _forms(morph, vocab.YEAR_BESIDE)

    def answer(self, query: str, text: str, rest: list[tuple[str, ...]], snap: KbSnapshot) -> Answer | None:
        named = years(text)
        if len(named) != 1:
            return None
        (year,) = named
        # Nothing but the year and words of "what happened" (a partner, a kind of trip: the search).
        if any(not word[0].isdigit() and self.beside.isdisjoint(word) for word in rest):
            return None
        events = sorted((e for e in snap.events.values() if e.date.year <= year <= (e.date_end or e.date).year),
                        key=lambda e: (e.date, e.id))
        if not events:
            return None
        return Answer("year", query, payloads=tuple(f"news-{e.id}" for e in events), word=str(year))
