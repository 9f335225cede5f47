"""Choosing among the search's candidates: ranked by how much of the question they cover,
a year named as a strong hint, the honest answer below a calibrated floor, a country's list
when the best card is not about the country named, equally good partners offered together.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.intents import Question, _forms
from bot.answers.model import Answer
from bot.kb.store import KbSnapshot
from bot.search import SearchResult
from bot.search.index import Lexicon
from bot.search.normalize import key, words, years as years_in
from bot.search.ranking import Scored

# The best card must have this share of the question's specific words (calibrated on the
# dev questions, bench/answer_quality.py).
MIN_COVERAGE = 0.5
# ... or this share when the question names a partner by name: the name anchors it, and
# what is left unmatched is mostly the question's own words ("held", "which city").
MIN_COVERAGE_NAMED = 0.4
# ... or this share when the best card is of a partner the question names unmistakably.
MIN_COVERAGE_NAMING = 0.25
# A card of the year the question names ranks up, a card of another year down.
YEAR_BONUS = 0.3
# A visit to the Institute ranks up when the question asks who came.
VISIT_BONUS = 0.2
# A card with the day (news) ranks up when the question asks when.
DATED_BONUS = 0.2
# A partner's own card ranks up when the question names that one partner.
NAMED_BONUS = 0.15
# Two cards this close in score are equally good: both are shown, each with its facts.
TIE = 0.02
MAX_CHOICES = 3
ABOUT = ("about", "faq-office-tasks")
MENUS = ("partners", "projects", "news", "erasmus")
OVERVIEWS = ("partners", "faq-partner-countries")
ITEMS = 3


def _about(snap: KbSnapshot, payload: str, inst: str) -> bool:
    """Whether a card is one partner's own: its card, or a record, opening, event or project
    of it (not a general card that mentions it among others)."""
    kind, _, key = payload.partition("-")
    if kind == "partner":
        return key == inst
    if kind == "mobility" and key in snap.mobility:
        return snap.mobility[key].host == inst
    if kind == "opening" and key in snap.openings:
        return snap.openings[key].host == inst
    if kind == "news" and key in snap.events:
        return inst in snap.events[key].institutions
    if kind == "project" and key in snap.projects:
        return inst in snap.projects[key].institutions
    return False


def country_list(snap: KbSnapshot, query: str, codes: tuple[str, ...]) -> Answer:
    ids = tuple(inst.id for code in codes for inst in snap.by_country.get(code, []))
    return Answer("list", query, countries=codes, institutions=ids)


class Chooser:
    def __init__(self, lexicon: Lexicon, general: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.general = general
        self.came = _forms(lexicon.morph, vocab.CAME)
        self.when = _forms(lexicon.morph, vocab.WHEN_ASK)
        # As typed: «делают», "do" share a lemma with «делали», "did"; only the past asks what happened.
        self.did = frozenset(key(w) for w in words(vocab.DID))

    def rank(self, result: SearchResult, text: str, snap: KbSnapshot, named: str | None = None) -> list[Scored]:
        """The candidates by how much of the question they cover; a year the question names
        is a strong hint (a card of another year is not the answer)."""
        years = set(years_in(text))

        def value(hit: Scored) -> float:
            adjust = 0.0
            if years:
                have = _years(snap, hit.doc.payload)
                if have:
                    adjust = YEAR_BONUS if have & years else -YEAR_BONUS
            return hit.coverage + 0.5 * hit.score + adjust

        typed = [frozenset(self.lexicon.morph.forms(w)) for w in words(text)]
        came = any(not self.came.isdisjoint(f) for f in typed)
        # "When", or "what did they do / show": what happened is told by the news.
        when = any(not self.when.isdisjoint(f) for f in typed) or not self.did.isdisjoint(key(w) for w in words(text))

        def value(hit: Scored, year_value: Callable[[Scored], float] = value) -> float:
            payload = hit.doc.payload
            visit = came and self._is_visit(snap, payload)
            # Who came, or when: a country's page (a menu of its partners) tells neither.
            menu = came and (payload in OVERVIEWS or payload.startswith("country-"))
            own = named is not None and _about(snap, payload, named)
            dated = when and payload.startswith("news-")
            return (year_value(hit) + (VISIT_BONUS if visit else 0.0) - (VISIT_BONUS if menu else 0.0)
                    + (NAMED_BONUS if own else 0.0)
                    + (DATED_BONUS if dated else 0.0))

        return sorted(result.hits, key=lambda h: (-value(h), h.doc.payload))

    @staticmethod
    def _is_visit(snap: KbSnapshot, payload: str) -> bool:
        record = snap.mobility.get(payload.removeprefix("mobility-")) if payload.startswith("mobility-") else None
        return record is not None and record.kind.value == "visit"

    def choose(
        self, query: str, result: SearchResult, text: str, q: Question, forms: list[tuple[str, ...]], snap: KbSnapshot,
        countries: tuple[str, ...], floor: float, entities: Entities, groups: list[frozenset[str]],
    ) -> Answer:
        single = [g for g in groups if len(g) == 1]
        # («Кореяи Ҷанубӣ»: another country's name may share a word with a partner's.)
        named = next(iter(single[0])) if len(set(single)) == 1 and not q.other_country else None
        hits = self.rank(result, text, snap, named)
        if q.post:  # someone's post: the office's tasks are no answer («вазифа» is both)
            hits = [h for h in hits if h.doc.payload not in ABOUT]
        if not hits or (hits[0].coverage < floor and not self._names_partner(hits[0], forms, groups)):
            return Answer("unknown", query)
        best = self._named_over_menu(hits, forms)
        payload = best.doc.payload
        # (A card about the partner named is about what is asked.)
        # (Nor one about a partner named in another country: "Is Navoi Mining Institute in
        # Kazakhstan?" is answered by Navoi's card, which says where it is.)
        of_named = named is not None and named in snap.institutions and _about(snap, payload, named)
        if countries and (payload in OVERVIEWS or payload.startswith("country-")
                          or not (of_named or any(entities.mentions(best.doc.terms, c) for c in countries))):
            # A country named, and the best card is only the overview of all countries, the
            # country's page (a menu of names), or a card that does not name that country
            # at all: the country's partners, named in the text, are the answer.
            return country_list(snap, query, countries)
        if (q.where or q.address) and payload in ("contacts", "faq-where-office"):
            return Answer("address", query)
        partners = [h for h in hits[:MAX_CHOICES] if h.doc.kind == "partner" and h.coverage >= best.coverage - 0.01
                    and abs(h.score - best.score) <= TIE]
        if best.doc.kind == "partner" and len(partners) > 1:
            return Answer("choices", query, payloads=tuple(h.doc.payload for h in partners))
        items: tuple[str, ...] = ()
        if payload in ABOUT:
            items = self.items(snap, forms, q)
        others = tuple(h.doc.payload for h in hits[1:] if h.coverage >= MIN_COVERAGE)
        return Answer("card", query, payloads=(payload, *others), items=items)

    def _names_partner(self, hit: Scored, forms: list[tuple[str, ...]], groups: list[frozenset[str]]) -> bool:
        """Whether the question names the partner of this card unmistakably (its city, its
        only one, or two words of its name), so that the words around the name («в честь
        кого назван», "full name please") need not be on the card."""
        if hit.doc.kind != "partner" or hit.coverage < MIN_COVERAGE_NAMING:
            return False
        inst = hit.doc.payload.removeprefix("partner-")
        if any(group == {inst} for group in groups):
            return True
        present = {f for word in forms for f in word} - self.general
        return any(len(p & present) >= 2 for p in hit.doc.phrases)

    def _named_over_menu(self, hits: list[Scored], forms: list[tuple[str, ...]]) -> Scored:
        """A section page names a little of everything in it ("Water Harmony-2" on Projects),
        so it may cover a question best by its words; a card whose own name the question
        types (two words of it or more) is the answer instead."""
        best = hits[0]
        if best.doc.payload not in MENUS:
            return best
        present = {f for word in forms for f in word} - self.general
        for hit in hits[1:MAX_CHOICES + 2]:
            if hit.doc.payload not in MENUS and any(len(p & present) >= 2 and 2 * len(p & present) >= len(p)
                                                    for p in hit.doc.phrases):
                return hit
        return best

    def items(self, snap: KbSnapshot, forms: list[tuple[str, ...]], q: Question) -> tuple[str, ...]:
        """The office's tasks and areas that share the most words with the question (all of
        them when the question asks for the tasks or the areas as such)."""
        office = snap.office
        if office is None:
            return ()
        if q.tasks:
            return tuple(f"tasks:{i}" for i in range(len(office.tasks)))
        if q.areas:
            return tuple(f"areas:{i}" for i in range(len(office.areas)))
        wanted = {f for word in forms for f in word if f not in self.general}
        scored = []
        for part, items in (("tasks", office.tasks), ("areas", office.areas)):
            for index, item in enumerate(items):
                terms = set(self.lexicon.terms(" ".join(item.all())))
                overlap = len(wanted & terms)
                if overlap:
                    scored.append((-overlap, part, index))
        scored.sort()
        return tuple(f"{part}:{index}" for _, part, index in scored[:ITEMS])


def _years(snap: KbSnapshot, payload: str) -> set[int]:
    kind, _, key = payload.partition("-")
    if kind == "news" and key in snap.events:
        event = snap.events[key]
        return {event.date.year, (event.date_end or event.date).year}
    if kind == "mobility" and key in snap.mobility:
        year = snap.mobility[key].year
        return {year} if year else set()
    return set()
