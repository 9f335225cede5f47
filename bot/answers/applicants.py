"""A student from abroad asking how to study here: "I'm from Afghanistan, how can I apply?"

The introduction that says where they come from is the question's point, so it is read
before the reader sets introductions aside; the answer is the card on admitting foreign
students, not the one on the Institute's students going abroad.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answers import vocab
from bot.answers.intents import _forms
from bot.search.morph import Morphology
from bot.search.normalize import words

FOREIGN_CARD = "foreign-admission"


class Applicants:
    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self.origin = frozenset(words(vocab.ORIGIN))
        self.apply = _forms(morph, vocab.APPLY)
        self.foreigner = _forms(morph, vocab.FOREIGNER)
        self.away = _forms(morph, vocab.AWAY)

    def from_abroad(self, text: str, is_country: Callable[[tuple[str, ...]], bool]) -> bool:
        """"From <a country>" or "a foreigner", a word of applying or studying, and nothing of
        going abroad (a semester, an exchange, Erasmus+)."""
        typed = [w.lower() for w in words(text)]
        forms = [tuple(self.morph.forms(w)) for w in typed]
        present = {f for word in forms for f in word}
        if present.isdisjoint(self.apply) or not present.isdisjoint(self.away):
            return False
        came_from = any(w in self.origin and n + 1 < len(forms) and is_country(forms[n + 1])
                        for n, w in enumerate(typed))
        return came_from or not present.isdisjoint(self.foreigner)
