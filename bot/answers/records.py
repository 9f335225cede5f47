"""Mobility asked for as a whole: "which universities did MMIT students go to for a
semester in Russia", «кто ездил на летний курс». Each record of that kind (in the country
named, if one is) is an answer; the text names them all, host, year and people, instead of
one card chosen among equals.
"""

from __future__ import annotations

from bot.answers import vocab
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology
from bot.search.normalize import words


class MobilityLists:
    def __init__(self, morph: Morphology) -> None:
        self.kinds = {kind: _forms(morph, text) for kind, text in vocab.MOBILITY_KINDS.items()}
        self.ask = _forms(morph, vocab.MOBILITY_ASK)
        self.morph = morph
        self.allowed = frozenset().union(*self.kinds.values()) | self.ask | _forms(morph, vocab.MOBILITY_CONTEXT)

    def answer(self, query: str, text: str, rest: list[tuple[str, ...]], countries: tuple[str, ...],
               named: bool, snap: KbSnapshot) -> Answer | None:
        """``rest``: the question's specific words (no general words, no countries);
        ``named``: it names an institution (then its own card answers); ``text`` as typed:
        "which", «кто» are stop words, gone from ``rest``."""
        present = {f for word in rest for f in word}
        if any(self.allowed.isdisjoint(word) for word in rest):
            return None
        kind = next((k for k, group in self.kinds.items() if not group.isdisjoint(present)), None)
        if kind is None or named or all(self.ask.isdisjoint(self.morph.forms(w)) for w in words(text)):
            return None
        records = [
            r for r in snap.mobility.values()
            if r.kind.value == kind and (not countries or (r.host in snap.institutions
                                                           and snap.institutions[r.host].country in countries))
        ]
        if len(records) < 2:
            return None
        records.sort(key=lambda r: (-(r.year or 0), r.id))
        return Answer("mobility", query, topic=kind, payloads=tuple(f"mobility-{r.id}" for r in records))
