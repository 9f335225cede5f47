"""The answer layer: from a typed question to an :class:`Answer` (what to say), between the
search and the views.

Order of decisions, precision first:

1. small talk is answered in kind;
2. a question about something the page never says (fees, e-mail, hours, dormitory ...)
   gets the honest answer, whatever else it names;
3. the office's phone, address, head and specialist come from the contacts;
4. a country, a region or a group of partners named with nothing more specific gets the
   list of those partners;
5. otherwise the search's best card, if it covers the question's specific words well
   enough (``MIN_COVERAGE``); two equally good cards are both offered, each with its facts;
   below that, the honest answer.

Every decision except small talk is written to the search log (found or not), so staff
statistics count honest answers as unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cachetools import LRUCache

from bot.answers import vocab
from bot.answers.entities import Entities
from bot.answers.exclusion import Exceptions
from bot.answers.intents import Cues, Question, _forms
from bot.answers.model import Answer
from bot.answers.records import MobilityLists
from bot.kb.store import KbSnapshot
from bot.search import SearchResult, SearchService
from bot.search.normalize import display_form, key, words
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
# Two cards this close in score are equally good: both are shown, each with its facts.
TIE = 0.02
MAX_CHOICES = 3
INTRO_SPLIT = re.compile(r"[,.;:!?]| - | – | — ")
ABOUT = ("about", "faq-office-tasks")
MENUS = ("partners", "projects", "news", "erasmus")
OVERVIEWS = ("partners", "faq-partner-countries")
ITEMS = 3
# Decisions kept per snapshot: students ask the same things.
DECISIONS = 4096


class AnswerService:
    def __init__(self, search: SearchService) -> None:
        self.search = search
        self.lexicon = search.lexicon
        self.cues = Cues(search.lexicon.morph)
        self.general = _forms(search.lexicon.morph, vocab.GENERAL) | self.lexicon.soft_terms
        self.postal = _forms(search.lexicon.morph, vocab.POSTAL)
        self.visa = _forms(search.lexicon.morph, vocab.VISA)
        self.email_only = _forms(search.lexicon.morph, vocab.EMAIL_ONLY)
        self.own_name = _forms(search.lexicon.morph, vocab.OWN_NAME)
        self.own_mark = _forms(search.lexicon.morph, vocab.OWN_MARK)
        # Words that say "the office's tasks / areas" and nothing more specific.
        self.about_words = self.cues.tasks | self.cues.areas | self.cues.office | self.cues.filler
        self.person_words = self.cues.head | self.cues.specialist | self.cues.office | self.cues.filler
        staff_words = (self.person_words | self.cues.staff | self.cues.works
                       | _forms(search.lexicon.morph, vocab.WHO + " " + vocab.RESUME))
        self.exceptions = Exceptions(self.lexicon, self.general, staff_words, self.cues.head, self.cues.specialist)
        self.staff_words = staff_words
        self.mobility = MobilityLists(search.lexicon.morph)
        self.intro = frozenset(vocab.INTRO.split())
        self.intro_mark = frozenset(key(w) for w in vocab.INTRO_MARK.split())
        # The entities of one snapshot and the decisions made on it, replaced together.
        self._snap: KbSnapshot | None = None
        self._entities: Entities | None = None
        self.decision_cache: LRUCache[str, Answer] = LRUCache(DECISIONS)

    async def prepare(self, snap: KbSnapshot) -> Callable[[], None]:
        """Build the entities of ``snap`` before it is served (a knowledge-base listener),
        so that no student's question pays for it; return the swap."""
        entities = Entities(snap, self.lexicon)
        return lambda: self._adopt(snap, entities)

    def _adopt(self, snap: KbSnapshot, entities: Entities) -> Entities:
        """Serve ``snap``: its entities, and a decision cache of its own."""
        self._snap, self._entities, self.decision_cache = snap, entities, LRUCache(DECISIONS)
        return entities

    async def answer(self, text: str, lang: str, snap: KbSnapshot) -> Answer:
        """Decide, and log the question (no user id) unless it was small talk."""
        answer = await self.decide(text, snap)
        if answer.kind != "smalltalk" and answer.query:
            await self.search.record(answer.query, lang, answer.found)
        return answer

    def entities(self, snap: KbSnapshot) -> Entities:
        if self._snap is not snap or self._entities is None:
            return self._adopt(snap, Entities(snap, self.lexicon))
        return self._entities

    async def decide(self, text: str, snap: KbSnapshot) -> Answer:
        entities = self.entities(snap)  # first: a new snapshot starts a new decision cache
        cached = self.decision_cache.get(text)
        if cached is None:
            cached = self.decision_cache[text] = await self._decide(text, snap, entities)
        return cached

    async def _decide(self, text: str, snap: KbSnapshot, entities: Entities) -> Answer:
        query = display_form(text)
        text = self._without_intro(text, entities)
        q = self.cues.read(text)
        if q.smalltalk:
            return Answer("smalltalk", query, topic=q.smalltalk)
        text = self._plain(text)
        forms = self.lexicon.word_forms(text)
        present = {f for word in forms for f in word}
        postal = not present.isdisjoint(self.postal)
        visa = not present.isdisjoint(self.visa)
        # "The full address, I'll send my papers by mail" (but "the e-mail address" is an e-mail).
        addressed = postal or (q.address and all(self.email_only.isdisjoint(self.lexicon.morph.forms(w))
                                                 for w in words(query)))
        if q.missing and not (addressed and q.missing in ("email", "documents")) and not (visa and q.missing == "documents"):
            return Answer("unknown", query, topic=q.missing)
        countries = entities.countries(forms)
        if q.phone:
            if q.other_person and not (q.head or q.specialist or q.office):
                return Answer("unknown", query, topic="phone-other")
            return Answer("phone", query)
        if q.address or postal:
            return Answer("address", query)
        split = self.exceptions.split(text)
        if split is not None:
            excepted = self.exceptions.answer(split, query, snap, entities)
            if excepted is not None:
                return excepted
        region_words = self.cues.region_forms
        rest = [word for word in forms if not self._general(word, entities) and region_words.isdisjoint(word)]
        if q.other_country and not countries and all(not self.cues.countries.isdisjoint(w) for w in rest):
            # Partners in a country the page lists none in. (A question about something that
            # happened with it, "who from Uganda came to the conference", is for the search.)
            return Answer("unknown", query, topic="country", word=q.other_country)
        if (q.head or q.specialist) and q.office and len([w for w in rest if self.person_words.isdisjoint(w)]) <= 1:
            return Answer("person", query, topic="specialist" if q.specialist and not q.head else "head")
        if q.staff and not countries and (q.office or not q.tasks) and all(not self.staff_words.isdisjoint(w) for w in rest):
            return Answer("person", query, topic="staff")  # "international office staff"
        people = entities.people(forms)
        if len(people) == 1 and all(not self.person_words.isdisjoint(w) or entities.people([w]) for w in rest):
            return Answer("person", query, topic=people[0])  # "who is Muhamadiev"
        if q.where and not countries and all(not self.cues.office.isdisjoint(w) for w in rest):
            return Answer("address", query)  # where the office (or the Institute) is
        if (q.tasks or q.areas) and not countries and len([w for w in rest if self.about_words.isdisjoint(w)]) <= 1:
            return Answer("card", query, payloads=ABOUT, items=self._items(snap, forms, q))
        if q.region and not rest:
            codes = tuple(vocab.REGIONS[q.region][1].split())
            return self._list(snap, query, codes)
        if countries and not rest:
            return self._list(snap, query, tuple(countries))
        groups = entities.institutions(forms)
        records = self.mobility.answer(query, text, rest, tuple(countries), bool(groups), snap)
        if records is not None:
            return records
        if len(groups) == 1 and len(groups[0]) > 1 and len(rest) <= 1:
            ids = sorted(groups[0], key=lambda i: (snap.institutions[i].country, snap.institutions[i].order))
            return Answer("list", query, institutions=tuple(ids))
        result = await self.search.candidates(text)
        floor = MIN_COVERAGE_NAMED if groups else MIN_COVERAGE
        return self._from_search(query, result, text, q, forms, snap, tuple(countries), floor, entities, groups)

    def _without_intro(self, text: str, entities: Entities) -> str:
        """The question without a first clause that introduces the student ("I'm a mining
        student, ...", «Ман донишҷӯи курси 2 ҳастам, ...»), unless that clause names a
        country, a partner or a person of the office ("I'm from Kazakhstan, ...")."""
        clauses = [c for c in INTRO_SPLIT.split(text) if c.strip()]
        if len(clauses) < 2:
            return text
        first = words(clauses[0])
        if not first or first[0].lower() not in self.intro or len(words(" ".join(clauses[1:]))) < 2:
            return text
        if all(key(w) not in self.intro_mark for w in first):
            return text
        forms = self.lexicon.word_forms(clauses[0])
        if entities.countries(forms) or entities.people(forms) or any(len(g) == 1 for g in entities.institutions(forms)):
            return text
        return " ".join(clauses[1:])

    def _plain(self, text: str) -> str:
        """The question without the Institute's own name (when it is named as such) and
        without "where" beside other words: a typo-tolerant search would match them to
        something ("kujo" to Quzhou); what they ask is read by the cues already."""
        split = words(text)
        per_word = [frozenset(self.lexicon.morph.forms(w)) for w in split]
        own = not all(self.own_mark.isdisjoint(f) for f in per_word)
        if not own and all(self.cues.where.isdisjoint(f) for f in per_word):
            return text
        kept = [(w, f) for w, f in zip(split, per_word) if not (own and not self.own_name.isdisjoint(f))]
        specific = [w for w, f in kept if self.cues.where.isdisjoint(f)]
        return " ".join(specific or [w for w, _ in kept])

    def _general(self, word: tuple[str, ...], entities: Entities) -> bool:
        return any(f in self.general for f in word) or entities.country_of(word) is not None

    def _list(self, snap: KbSnapshot, query: str, codes: tuple[str, ...]) -> Answer:
        ids = tuple(inst.id for code in codes for inst in snap.by_country.get(code, []))
        return Answer("list", query, countries=codes, institutions=ids)

    def _rank(self, result: SearchResult, text: str, snap: KbSnapshot) -> list[Scored]:
        """The candidates by how much of the question they cover; a year the question names
        is a strong hint (a card of another year is not the answer)."""
        # Four ASCII digits only: int() of a 10,000-digit "word" raises (and Unicode digits are no year).
        years = {int(w) for w in words(text) if len(w) == 4 and w.isascii() and w.isdigit() and 1990 <= int(w) <= 2100}

        def value(hit: Scored) -> float:
            adjust = 0.0
            if years:
                have = _years(snap, hit.doc.payload)
                if have:
                    adjust = YEAR_BONUS if have & years else -YEAR_BONUS
            return hit.coverage + 0.5 * hit.score + adjust

        return sorted(result.hits, key=lambda h: (-value(h), h.doc.payload))

    def _from_search(
        self, query: str, result: SearchResult, text: str, q: Question, forms: list[tuple[str, ...]], snap: KbSnapshot,
        countries: tuple[str, ...], floor: float, entities: Entities, groups: list[frozenset[str]],
    ) -> Answer:
        hits = self._rank(result, text, snap)
        if q.post:  # someone's post: the office's tasks are no answer («вазифа» is both)
            hits = [h for h in hits if h.doc.payload not in ABOUT]
        if not hits or (hits[0].coverage < floor and not self._names_partner(hits[0], forms, groups)):
            return Answer("unknown", query)
        best = self._named_over_menu(hits, forms)
        payload = best.doc.payload
        if countries and (payload in OVERVIEWS or payload.startswith("country-")
                          or not any(entities.mentions(best.doc.terms, c) for c in countries)):
            # A country named, and the best card is only the overview of all countries, the
            # country's page (a menu of names), or a card that does not name that country
            # at all: the country's partners, named in the text, are the answer.
            return self._list(snap, query, countries)
        if (q.where or q.address) and payload in ("contacts", "faq-where-office"):
            return Answer("address", query)
        partners = [h for h in hits[:MAX_CHOICES] if h.doc.kind == "partner" and h.coverage >= best.coverage - 0.01
                    and abs(h.score - best.score) <= TIE]
        if best.doc.kind == "partner" and len(partners) > 1:
            return Answer("choices", query, payloads=tuple(h.doc.payload for h in partners))
        items: tuple[str, ...] = ()
        if payload in ABOUT:
            items = self._items(snap, forms, q)
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

    def _items(self, snap: KbSnapshot, forms: list[tuple[str, ...]], q: Question) -> tuple[str, ...]:
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
