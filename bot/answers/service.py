"""The answer layer: from a typed question to an :class:`Answer` (what to say), between the
search and the views.

Order of decisions, precision first:

1. small talk is answered in kind;
2. a question about something the page never says (fees, e-mail, hours, dormitory ...)
   gets the honest answer, whatever else it names;
3. the office's phone, address, head and specialist come from the contacts (someone
   else's phone is not on the page);
4. "which came first, X or Y": both, dated; "except X"; a person of the Institute by name;
5. who went to (or came from) a country or a partner, or a kind of mobility as a whole:
   the records, with the people;
6. a country, a region or a group of partners named with nothing more specific gets the
   list of those partners; so does a kind ("oil and gas universities", ``kinds.py``); a year
   asked as such gets its news (``chronicle.py``); a signing the page does not date, the
   honest answer (``signing.py``);
7. a university the page never names gets the honest answer, a partner's name misspelt past
   the search's typos its card (``strangers.py``);
8. otherwise the search's best card, if it covers the question's specific words well
   enough (``MIN_COVERAGE``); two equally good cards are both offered, each with its facts;
   below that, the honest answer.

Every decision except small talk is written to the search log (found or not), so staff
statistics count honest answers as unanswered.
"""

from __future__ import annotations

from collections.abc import Callable

from cachetools import LRUCache

from bot.answers import unsaid, vocab
from bot.answers.entities import PEOPLE_CARD, Entities
from bot.answers.choice import ABOUT, MIN_COVERAGE, MIN_COVERAGE_NAMED, Chooser, country_list
from bot.answers.comparison import Comparisons
from bot.answers.exclusion import Exceptions
from bot.answers.intents import Cues, Question, _forms
from bot.answers.chronicle import YearLists
from bot.answers.kinds import KindLists
from bot.answers.signing import Signings
from bot.answers.strangers import Strangers
from bot.answers.model import Answer
from bot.numbers import ascii_digits
from bot.answers.applicants import FOREIGN_CARD as FOREIGN_FAQ
from bot.answers.applicants import Applicants
from bot.answers.followup import FollowUps
from bot.answers.places import Places
from bot.answers.reading import INTRO_SPLIT, Reader
from bot.answers.records import MobilityLists
from bot.kb.store import KbSnapshot
from bot.search import SearchService
from bot.search.normalize import display_form, key, words, years

PARTNERS_PAGE = "partners"
VISA_CARD = "visas"  # the FAQ on the visas the office arranges
RECTOR_CARD = "rector"
# A named person's records are listed when they are at most this many.
MAX_RECORDS = 3
# Decisions kept per snapshot: students ask the same things.
DECISIONS = 4096


MAX_MENTIONS = 3  # news items named beside the honest answer


class AnswerService:
    def __init__(self, search: SearchService) -> None:
        self.search = search
        self.lexicon = search.lexicon
        self.cues = Cues(search.lexicon.morph)
        self.general = _forms(search.lexicon.morph, vocab.GENERAL) | self.lexicon.soft_terms
        self.visa = _forms(search.lexicon.morph, vocab.VISA)
        self.helps = _forms(search.lexicon.morph, vocab.HELPS)
        self.name_ask = _forms(search.lexicon.morph, vocab.NAME_ASK)
        self.email_only = _forms(search.lexicon.morph, vocab.EMAIL_ONLY)
        # Words that say "the office's tasks / areas" and nothing more specific.
        self.about_words = (self.cues.tasks | self.cues.areas | self.cues.office | self.cues.filler
                            | _forms(search.lexicon.morph, vocab.ABOUT_BESIDE))
        self.which = frozenset(key(w) for w in words(vocab.WHICH))
        self.person_words = (self.cues.head | self.cues.specialist | self.cues.office | self.cues.filler
                             | _forms(search.lexicon.morph, vocab.FULL_NAME))
        self.staff_words = (self.person_words | self.cues.staff | self.cues.works
                            | _forms(search.lexicon.morph, vocab.WHO + " " + vocab.RESUME))
        self.role_ask = _forms(search.lexicon.morph, vocab.ROLE_ASK)
        self.role_words = self.person_words | self.role_ask | _forms(search.lexicon.morph, vocab.ROLE_BESIDE)
        self.exceptions = Exceptions(self.lexicon, self.general, self.staff_words, self.cues.head, self.cues.specialist)
        self.mobility = MobilityLists(search.lexicon.morph)
        self.kinds = KindLists(search.lexicon.morph)
        self.signings = Signings(search.lexicon.morph)
        self.years = YearLists(search.lexicon.morph)
        self.papers = _forms(search.lexicon.morph, unsaid.MISSING["documents"])
        self.enrolment = tuple(_forms(search.lexicon.morph, group) for group in unsaid.ENROLMENT)
        # As typed: «руси» (Russian) and "china" share a stem with the countries' names.
        self.language_names = frozenset(key(w) for w in words(vocab.LANGUAGE_NAMES))
        self.language_context = _forms(search.lexicon.morph, vocab.LANGUAGE_CONTEXT)
        self.personal = _forms(search.lexicon.morph, vocab.PERSONAL)
        self.duration = _forms(search.lexicon.morph, vocab.DURATION)
        self.posts = _forms(search.lexicon.morph, vocab.POSTS)
        self.other_bodies = _forms(search.lexicon.morph, vocab.OTHER_BODIES)
        self.other_countries = self.cues.countries | _forms(search.lexicon.morph, vocab.COUNTRY_MODIFIERS)
        self.partner_words = _forms(search.lexicon.morph, vocab.PARTNER_WORDS)
        self.sections = {name: _forms(search.lexicon.morph, text) for name, text in vocab.SECTIONS.items()}
        self.section_beside = _forms(search.lexicon.morph, vocab.SECTION_BESIDE)
        self.reader = Reader(self.lexicon, self.cues)
        self.places = Places(self.lexicon, self.cues, self.reader)
        self.strangers = Strangers(self.lexicon, self.general)
        self.applicants = Applicants(self.lexicon.morph)
        self.follow_ups = FollowUps(self.lexicon)
        self.chooser = Chooser(self.lexicon, self.general)
        self.comparisons = Comparisons(search, self.chooser)
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

    def follow_up(self, previous: str, text: str, snap: KbSnapshot) -> str | None:
        """The last question about the year or country ``text`` swaps in ("and 2017?"), if it is one."""
        return self.follow_ups.rewrite(previous, ascii_digits(text), self._names_country(self.entities(snap)))

    def entities(self, snap: KbSnapshot) -> Entities:
        if self._snap is not snap or self._entities is None:
            return self._adopt(snap, Entities(snap, self.lexicon))
        return self._entities

    async def decide(self, text: str, snap: KbSnapshot) -> Answer:
        text = ascii_digits(text)
        entities = self.entities(snap)  # first: a new snapshot starts a new decision cache
        cached = self.decision_cache.get(text)
        if cached is None:
            cached = self.decision_cache[text] = await self._decide(text, snap, entities)
        return cached

    async def _decide(self, text: str, snap: KbSnapshot, entities: Entities) -> Answer:
        query = display_form(text)
        if not words(text):  # "???", "🤔": nothing to look up, and nothing to pass on
            return Answer("smalltalk", query, topic="unclear")
        typed = text
        text = self.reader.without_intro(self.reader.without_seen(self.reader.without_story(text)), entities)
        q = self.cues.read(text)
        if q.smalltalk:
            return Answer("smalltalk", query, topic=q.smalltalk)
        # Where they come from is in the introduction the reader set aside: read as typed.
        # (Fees, a dormitory ... for foreigners: the honest answer of that topic.)
        if (not q.missing and FOREIGN_FAQ in snap.faq and self.applicants.from_abroad(typed, self._names_country(entities))
                and not entities.institutions(self.lexicon.word_forms(typed))):  # not "... study in Ufa?"
            return Answer("card", query, payloads=(f"faq-{FOREIGN_FAQ}",))
        if self.places.last_asks_where(text, lambda w: self._general(w, entities)):
            return Answer("address", query)  # "We arrive next week. Where can we find the office?"
        if self.reader.only_own_name(text):  # «ГМИТ», "MMIT": the Institute's own page
            return Answer("card", query, payloads=("about",))
        text = self.reader.plain(text)
        forms = self.lexicon.word_forms(text)
        present = {f for word in forms for f in word}
        postal = self.places.postal(present)
        visa = not present.isdisjoint(self.visa)
        # "The full address, I'll send my papers by mail" (but "the e-mail address" is an e-mail).
        addressed = postal or ((q.address or (q.where and q.office)) and all(self.email_only.isdisjoint(self.lexicon.morph.forms(w))
                                                 for w in words(query)))
        papers = q.missing == "documents" or not self.papers.isdisjoint(present)
        which = not self.which.isdisjoint(key(w) for w in words(query))
        if visa and papers and not which and VISA_CARD in snap.faq:  # ("which papers": not on the page)
            return Answer("card", query, payloads=(f"faq-{VISA_CARD}",))  # papers for the entry: the visa
        if (q.missing == "documents" and not present.isdisjoint(self.posts) and not present.isdisjoint(self.name_ask)
                and PEOPLE_CARD in snap.faq):
            return Answer("card", query, payloads=(f"faq-{PEOPLE_CARD}",))  # "I need the vice-rector's signature, his name?"
        if q.missing and addressed and q.missing in ("email", "documents") and q.where and q.office:
            return Answer("address", query)  # "where is the office? I'll bring my papers"
        if q.missing and not (addressed and q.missing in ("email", "documents")):
            return Answer("unknown", query, topic=q.missing)
        if self._asks_age(text) and (entities.people(forms) or entities.names_page_person(forms)
                                     or entities.records_of(forms)):
            return Answer("unknown", query, topic="birthday")  # «сколько лет Мухамадиеву»
        countries = entities.countries(self._not_languages(text, forms, present))
        if self._counts_students(text) and not countries and not entities.institutions(forms):
            return Answer("unknown", query, topic="enrolment")  # "how many students study in mmit"
        unknown_year = next((y for y in years(text) if y not in entities.years), None)
        if unknown_year is not None:
            return Answer("unknown", query, topic="year", word=str(unknown_year))  # "who went to Ufa in 2021"
        personal = not self.personal.isdisjoint(present)
        if q.phone or (personal and not self.cues.number.isdisjoint(present)):  # «личный номер»
            if self._someone_elses_phone(q, forms, present, entities):
                return Answer("unknown", query, topic="phone-other")
            return Answer("phone", query)
        if q.address or postal:
            return Answer("address", query)
        compared = await self.comparisons.answer(query, text, snap)
        if compared is not None:
            return compared
        split = self.exceptions.split(text)
        if split is not None:
            excepted = self.exceptions.answer(split, query, snap, entities)
            if excepted is not None:
                return excepted
        region_words = self.cues.region_forms
        rest = [word for word in forms if not self._general(word, entities) and region_words.isdisjoint(word)]
        if not countries and not entities.institutions(forms):
            if not self.mobility.going(text):
                chronicle = self.years.answer(query, text, rest, snap)  # "what happened in 2018"
                if chronicle is not None:
                    return chronicle
            elif (went := self.mobility.in_year(query, text, rest, snap)) is not None:
                return went  # "who went in 2019"
        if q.other_country and not countries and all(not self.other_countries.isdisjoint(w) for w in rest):
            # Partners in a country the page lists none in. (A question about something that
            # happened with it, "who from Uganda came to the conference", is for the search.)
            result = await self.search.candidates(text)
            # No partner there, but the news may name the country (Uganda at a conference).
            mentions = tuple(h.doc.payload for h in result.hits if h.coverage >= 1 and h.doc.payload.startswith("news-"))
            return Answer("unknown", query, topic="country", word=q.other_country, payloads=mentions[:MAX_MENTIONS])
        if (q.head or q.specialist) and q.office and len([w for w in rest if self.person_words.isdisjoint(w)]) <= 1:
            return Answer("person", query, topic="specialist" if q.specialist and not q.head else "head")
        if q.staff and not countries and (q.office or not q.tasks) and all(not self.staff_words.isdisjoint(w) for w in rest):
            return Answer("person", query, topic="staff")  # "international office staff"
        people = entities.people(forms)
        if (len(people) == 1 and all(not self.person_words.isdisjoint(w) or entities.people([w]) for w in rest)
                and not (self.mobility.going(text) and countries)):  # "when did Muhamadiev go to China": his trip
            return Answer("person", query, topic=people[0])  # "who is Muhamadiev"
        if (entities.names_page_person(rest) and not people and not q.where
                and not self.role_ask.isdisjoint(present)
                and all(not entities.page_people.isdisjoint(w) or not self.role_words.isdisjoint(w) for w in rest)):
            return Answer("card", query, payloads=(f"faq-{PEOPLE_CARD}",))  # «Қозиев кадом вазифаро дорад»
        if self.places.asks_where(q, query, forms, rest, present, countries, entities):
            return Answer("address", query)
        if (any(not self.posts.isdisjoint(w) for w in rest) and RECTOR_CARD in snap.faq
                and all(not self.posts.isdisjoint(w) or w[0].isdigit() for w in rest)):
            return Answer("card", query, payloads=(f"faq-{RECTOR_CARD}",))  # "who was the rector in 2019"
        if (q.tasks or q.areas) and not countries and len([w for w in rest if self.about_words.isdisjoint(w)]) <= 1:
            return Answer("card", query, payloads=ABOUT, items=self.chooser.items(snap, forms, q))
        if q.region and not rest:
            codes = tuple(vocab.REGIONS[q.region][1].split())
            return country_list(snap, query, codes)
        groups = entities.institutions(forms)
        undated = self.signings.answer(query, text, groups, snap)  # "when was the Gubkin agreement signed"
        if undated is not None:
            return undated
        # "Who went to Norway": the records there; with none (a conference trip is news), the
        # search, not the list of partners.
        partners_asked = q.listing or which or not self.partner_words.isdisjoint(present)
        asks_who = not self.cues.who.isdisjoint(key(w) for w in words(query))
        if (countries and groups and not q.where
                and all(snap.institutions[i].country in countries for g in groups for i in g if i in snap.institutions)
                and self._list_then_one(text, entities)):
            # "Which partners in Belarus? Is Polotsk one of them?": the list, the one named in it.
            return country_list(snap, query, tuple(countries))
        going = len(countries) == 1 and not groups and self.mobility.going(text)
        if countries and not rest and going and partners_asked and not asks_who:
            # "Can I go to study in Russia? Which universities are your partners": the list.
            return country_list(snap, query, tuple(countries))
        if going:
            went = self.mobility.in_country(query, text, rest, countries[0], snap)
            if went is not None:
                return went
        if countries and not rest and not going:
            return country_list(snap, query, tuple(countries))
        if partners_asked and not going:
            # (A kind may be a general word: the Institute's own name is "Mining-metallurgical".)
            kind_rest = [w for w in forms if self.kinds.named([w]) or w in rest]
            of_kind = self.kinds.answer(query, kind_rest, tuple(countries), snap, entities)  # "oil and gas universities"
            if of_kind is not None:
                return of_kind
        records = self.mobility.answer(query, text, rest, tuple(countries), bool(groups), snap)
        if records is None and len(groups) == 1:
            records = self.mobility.at_host(query, text, rest, groups[0], entities, snap)
        if records is not None:
            return records
        if len(groups) == 1 and len(groups[0]) > 1 and len(rest) <= 1:
            ids = sorted(groups[0], key=lambda i: (snap.institutions[i].country, snap.institutions[i].order))
            return Answer("list", query, institutions=tuple(ids))
        if len(set(groups)) == 1 and len(groups[0]) == 1 and rest:  # («Западной Аттики»: two words, one partner)
            (inst,) = groups[0]
            if all(not entities.name_forms.get(inst, frozenset()).isdisjoint(w) for w in rest):
                return Answer("card", query, payloads=(f"partner-{inst}",))  # "tyumen partner full name"
        if visa and rest and all(not self.visa.isdisjoint(w) for w in rest) and VISA_CARD in snap.faq:
            return Answer("card", query, payloads=(f"faq-{VISA_CARD}",))  # "how do I get a visa"
        if visa and not countries and not groups and not self.helps.isdisjoint(present) and VISA_CARD in snap.faq:
            return Answer("card", query, payloads=(f"faq-{VISA_CARD}",))  # "... does the office deal with visas"
        section = next((s for s, f in self.sections.items() if self._names_section(rest, f)), None)
        if section is not None and not countries and not groups:
            return Answer("card", query, payloads=(section,))  # "what projects does the institute have"
        if not rest and not countries and not groups and not self.partner_words.isdisjoint(present) and not q.region:
            return Answer("card", query, payloads=(PARTNERS_PAGE,))  # the partners as a whole
        result = await self.search.candidates(text)
        stranger = self.strangers.answer(query, text, present, result, entities) if not countries and not people else None
        if stranger is not None:
            return stranger
        floor = MIN_COVERAGE_NAMED if groups else MIN_COVERAGE
        chosen = self.chooser.choose(query, result, text, q, forms, snap, tuple(countries), floor, entities, groups)
        if chosen.kind == "unknown" and not people and (went := entities.records_of(rest)) and len(went) <= MAX_RECORDS:
            # "I want to go on Erasmus like Umarova, where did she go": the records of who is named.
            ids = sorted(went, key=lambda r: (-(snap.mobility[r].year or 0), r))
            return Answer("mobility", query, payloads=tuple(f"mobility-{r}" for r in ids), topic="people")
        if chosen.kind == "unknown" and (near := self.strangers.near_partner(text, entities)):
            return Answer("card", query, payloads=(f"partner-{near}",))  # «с университетом им. Гупкина»
        if chosen.kind == "unknown" and not people and entities.names_page_person(rest):
            # «Кем является Фозилзода»: a person the page names with a post, asked in words
            # no card has; the card of the Institute's people answers.
            return Answer("card", query, payloads=(f"faq-{PEOPLE_CARD}",))
        return chosen

    def _someone_elses_phone(self, q: Question, forms: list[tuple[str, ...]], present: set[str],
                             entities: Entities) -> bool:
        """The page gives one phone, the office's, under its head's name: a rector's, a
        person's of the Institute («телефон Розикова»), or anyone's own mobile ('Rahimzoda's
        WhatsApp', «личный номер») is not on it."""
        office_people = q.head or q.specialist or entities.people(forms)
        if q.other_person and not (office_people or q.office):
            return True
        if entities.names_page_person(forms) and not office_people:
            return True  # «телефон Розикова из Института Конфуция»
        if not (office_people or q.office) and (entities.institutions(forms) or not self.other_bodies.isdisjoint(present)):
            return True  # the Confucius Institute's or a partner's phone
        return not self.personal.isdisjoint(present) and bool(office_people)

    def _list_then_one(self, text: str, entities: Entities) -> bool:
        """A first clause asks for a country's partners, naming none; a later one names one
        ("..., and is BGRIMM one of them?")."""
        clauses = [self.lexicon.word_forms(c) for c in INTRO_SPLIT.split(text) if words(c)]
        if len(clauses) < 2:
            return False
        first = clauses[0]
        return (bool(entities.countries(first)) and not entities.institutions(first)
                and any(not self.partner_words.isdisjoint(w) for w in first)
                and any(entities.institutions(c) for c in clauses[1:]))

    def _asks_age(self, text: str) -> bool:
        """"How many years" said of a person named: their age («сколько лет Мухамадиеву»; a
        project's years are asked with the project named, and no person)."""
        typed = [key(w) for w in words(text)]
        return any(pair in vocab.AGE for pair in zip(typed, typed[1:]))

    def _counts_students(self, text: str) -> bool:
        # On every word typed: «сколько», «чанд» are stop words to the search.
        typed = {f for w in words(text) for f in self.lexicon.morph.forms(w)}
        # («Чанд вақт таҳсил мекунанд»: how long they study, not how many.)
        return all(not group.isdisjoint(typed) for group in self.enrolment) and self.duration.isdisjoint(typed)

    def _not_languages(self, text: str, forms: list[tuple[str, ...]], present: set[str]) -> list[tuple[str, ...]]:
        """The question's words without language names when it asks about languages ("learn
        English or Chinese": no country is named)."""
        if self.language_context.isdisjoint(present):
            return forms
        languages = {self.lexicon.morph.forms(w) for w in words(text) if key(w) in self.language_names}
        return [w for w in forms if w not in languages]

    def _names_section(self, rest: list[tuple[str, ...]], section: frozenset[str]) -> bool:
        """Only the section's words, and what may stand beside them ("foreign projects")."""
        return (any(not section.isdisjoint(w) for w in rest)
                and all(not section.isdisjoint(w) or not self.section_beside.isdisjoint(w) for w in rest))

    def _names_country(self, entities: Entities) -> Callable[[tuple[str, ...]], bool]:
        return lambda word: entities.country_of(word) is not None or not self.other_countries.isdisjoint(word)

    def _general(self, word: tuple[str, ...], entities: Entities) -> bool:
        return any(f in self.general for f in word) or entities.country_of(word) is not None
