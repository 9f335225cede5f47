"""'Except' in a question: «партнёры в Китае, кроме Куньминского университета», "besides
Kazan Federal University, is there any other partner in Kazan?", «ғайр аз сардор боз кӣ кор
мекунад».

Without this the search meets the very name the student left out and answers with it. The
words after an EXCEPT cue, up to the end of the clause or a word that takes the question up
again ("else", «ещё», «боз», "which"), name what is left out; the other words are what is
asked. Only whole answers are built here (a list, the office's people); anything else is
left to the usual rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search.index import Lexicon
from bot.search.normalize import key

_TOKEN = re.compile(r"[^\W_]+|[,.;:?!()]", re.UNICODE)


def _keys(text: str) -> frozenset[str]:
    return frozenset(key(w) for w in text.split())


@dataclass(frozen=True, slots=True)
class Split:
    asked: str  # the question without the exception
    left_out: str  # the words that name what is left out


class Exceptions:
    """Reads the exception of a question and answers the questions it changes."""

    def __init__(self, lexicon: Lexicon, general: frozenset[str], person_words: frozenset[str],
                 head: frozenset[str], specialist: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.general = general
        self.person_words = person_words
        self.head, self.specialist = head, specialist
        self.cue, self.tail, self.resume = _keys(vocab.EXCEPT), _keys(vocab.EXCEPT_TAIL), _keys(vocab.RESUME)
        self.country_words = _forms(lexicon.morph, vocab.COUNTRY_WORDS)
        self.resume_forms = _forms(lexicon.morph, vocab.RESUME)

    def split(self, text: str) -> Split | None:
        tokens = _TOKEN.findall(text[:300])
        asked: list[str] = []
        out: list[str] = []
        state = "asked"  # → "tail" (right after the cue) → "out" → back to "asked"
        for token in tokens:
            k = key(token) if token[0].isalnum() else ""
            if state == "asked" and k in self.cue or (k == "than" and asked and key(asked[-1]) == "other"):
                if k == "than":
                    asked.pop()
                state = "tail"
                continue
            if state == "tail" and k in self.tail:
                continue
            if state in ("tail", "out"):
                if not k or k in self.resume:
                    state = "asked"
                    if k:
                        asked.append(token)
                    continue
                out.append(token)
                state = "out"
                continue
            if k:
                asked.append(token)
        if not out:
            return None
        return Split(" ".join(asked), " ".join(out))

    def answer(self, split: Split, query: str, snap: KbSnapshot, entities: Entities) -> Answer | None:
        left = self.lexicon.word_forms(split.left_out)
        asked = self.lexicon.word_forms(split.asked)
        left_present = {f for word in left for f in word}
        out_people = set(entities.people(left))
        if not self.head.isdisjoint(left_present):
            out_people.add("head")
        if not self.specialist.isdisjoint(left_present):
            out_people.add("specialist")
        if out_people:
            return self._people(query, snap, asked, out_people)
        out_countries = entities.countries(left)
        rest = [w for w in asked if not self._general(w, entities) and self.resume_forms.isdisjoint(w)]
        if out_countries and not entities.countries(asked):
            if all(not self.country_words.isdisjoint(w) for w in rest):
                codes = tuple(c for c in snap.countries if snap.by_country.get(c) and c not in out_countries)
                return _listed(query, snap, codes, frozenset())
            return None
        asked_countries = entities.countries(asked)
        among = frozenset(i.id for c in asked_countries for i in snap.by_country.get(c, [])) or None
        groups = entities.institutions(left)
        out = entities.named_whole(left, among) or (frozenset.intersection(*groups) if groups else frozenset())
        if not out:
            return None
        asked_groups = [g for g in entities.institutions(asked) if not out >= g]
        rest = [w for w in rest if not any(f in entities.inst_terms for f in w)]
        if rest or not out:
            return None
        if asked_countries:
            codes = tuple(asked_countries)
            if len(out) > 1:  # "national university": the one of the country asked about
                out = frozenset(i for i in out if snap.institutions[i].country in codes)
            return _listed(query, snap, codes, out, name_country=True)
        if len(asked_groups) == 1:  # a city: "another partner in Kazan"
            ids = tuple(sorted(asked_groups[0] - out, key=lambda i: (snap.institutions[i].country,
                                                                       snap.institutions[i].order)))
            return Answer("list", query, institutions=ids)
        return None

    def _people(self, query: str, snap: KbSnapshot, asked: list[tuple[str, ...]], out: set[str]) -> Answer | None:
        """"Who else works in the office besides the head": the office's other people."""
        if snap.contacts is None or any(self.person_words.isdisjoint(w) and not self._general_word(w) for w in asked):
            return None
        others = [p.id for p in snap.contacts.people if p.id not in out]
        if not others:
            return None
        return Answer("person", query, topic=others[0] if len(others) == 1 else "staff")

    def _general(self, word: tuple[str, ...], entities: Entities) -> bool:
        return self._general_word(word) or entities.country_of(word) is not None

    def _general_word(self, word: tuple[str, ...]) -> bool:
        return any(f in self.general for f in word)


def _listed(query: str, snap: KbSnapshot, codes: tuple[str, ...], out: frozenset[str], *,
            name_country: bool = False) -> Answer:
    ids = tuple(inst.id for code in codes for inst in snap.by_country.get(code, []) if inst.id not in out)
    # One country's list without some of its partners is not "the partners in X (n)":
    # each line names its country instead.
    return Answer("list", query, countries=codes if name_country and not out else (), institutions=ids)
