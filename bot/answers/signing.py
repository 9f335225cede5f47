"""When an agreement was signed. The page dates a signing only where a dated card tells of
one (the Kunming memorandum on 24 August 2018, MACROMINE's agreement at the April 2019
conference); "when was the agreement with Gubkin signed" about any other partner gets the
honest answer, not the card of someone else's signing.
"""

from __future__ import annotations

from bot.answers import vocab
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search.morph import Morphology
from bot.search.normalize import words


class Signings:
    def __init__(self, morph: Morphology) -> None:
        self.morph = morph
        self.sign = _forms(morph, vocab.SIGNED)
        self.when = _forms(morph, vocab.WHEN_ASK + " " + vocab.SINCE_WHEN)
        # The partners a dated card tells of a signing with, for the snapshot last asked about.
        self._snap: KbSnapshot | None = None
        self._dated: frozenset[str] = frozenset()

    def answer(self, query: str, text: str, groups: list[frozenset[str]], snap: KbSnapshot) -> Answer | None:
        named = frozenset.intersection(*groups) if groups else frozenset()
        if len(named) != 1:
            return None  # («с Уфимским нефтяным техническим»: three words, one partner)
        typed = [frozenset(self.morph.forms(w)) for w in words(text)]  # «кай» is a stop word to the search
        if all(self.sign.isdisjoint(f) for f in typed) or all(self.when.isdisjoint(f) for f in typed):
            return None
        (inst,) = named
        if inst in self.dated(snap):
            return None
        return Answer("unknown", query, topic="signed", word=inst)

    def dated(self, snap: KbSnapshot) -> frozenset[str]:
        if self._snap is not snap:
            self._snap = snap
            self._dated = frozenset(
                inst for event in snap.events.values() for inst in event.institutions
                if any(not self.sign.isdisjoint(self.morph.forms(w)) for text in event.text.all() for w in words(text)))
        return self._dated
