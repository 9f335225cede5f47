"""Reading a question before the rules do: the student's introduction and the Institute's
own name set aside, "where" dropped beside other words."""

from __future__ import annotations

import re

from bot.answers import unsaid, vocab
from bot.answers.entities import Entities
from bot.answers.intents import Cues, _forms
from bot.search.index import Lexicon
from bot.search.normalize import key, words

INTRO_SPLIT = re.compile(r"[,.;:!?]| - | – | — ")

# A friend's word comes within this many words ("my friend from Khujand said ...").
STORY_WORDS = 5
STORY_THAT = frozenset("that что ки чи".split())
# A further clause of the student's introduction is at most this many words.
INTRO_MORE = 6
# A clause of at most this many words that says where the question was seen is dropped.
SEEN_WORDS = 7


class Reader:
    def __init__(self, lexicon: Lexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.own_name = _forms(lexicon.morph, vocab.OWN_NAME)
        self.own_mark = _forms(lexicon.morph, vocab.OWN_MARK)
        self.own_before = _forms(lexicon.morph, vocab.OWN_BEFORE)
        self.own_with = _forms(lexicon.morph, vocab.OWN_WITH)
        self.greetings = cues.smalltalk["hello"]
        self.small_words = cues.filler | cues.beside
        self.intro = frozenset(vocab.INTRO.split())
        self.seen = _forms(lexicon.morph, vocab.SEEN)
        self.site = _forms(lexicon.morph, unsaid.MISSING["website"])
        self.friend = _forms(lexicon.morph, vocab.FRIEND)
        self.said = _forms(lexicon.morph, vocab.SAID)
        self.intro_mark = frozenset(key(w) for w in vocab.INTRO_MARK.split())
        self.want = frozenset(key(w) for w in vocab.WANT.split())

    def without_intro(self, text: str, entities: Entities) -> str:
        """The question without a first clause that introduces the student ("I'm a mining
        student, ...", «Ман донишҷӯи курси 2 ҳастам, ...»), unless that clause names a
        country, a partner or a person of the office ("I'm from Kazakhstan, ...")."""
        text = self._without_last_intro(text, entities)
        clauses = [c for c in INTRO_SPLIT.split(text) if words(c)]
        greeted = False  # «Ассалому алейкум, ман ...»: the greeting is no part of the question
        while len(clauses) > 1 and self._greeting(clauses[0]) and not self._small(" ".join(clauses[1:])):
            clauses, greeted = clauses[1:], True
        if len(clauses) < 2:
            return " ".join(clauses) if greeted else text
        first = words(clauses[0])
        kept = " ".join(clauses) if greeted else text
        if not first or first[0].lower() not in self.intro or len(words(" ".join(clauses[1:]))) < 2:
            return kept
        forms = self.lexicon.word_forms(clauses[0])
        named = entities.countries(forms)
        # «Я из Казахстана, ... с какими казахстанскими вузами»: the country is asked again after.
        again = bool(named) and set(named) <= set(entities.countries(self.lexicon.word_forms(" ".join(clauses[1:]))))
        if all(key(w) not in self.intro_mark for w in first) and not again:
            return kept
        # A partner is named by a capitalised word ("I'm from KazNU"); «горного факультета»,
        # "oil and gas major" are the student's field, though a partner's name has the word.
        names = self.lexicon.word_forms(" ".join(w for w in first[1:] if w[:1].isupper()))
        if (named and not again) or entities.people(forms) or any(len(g) == 1 for g in entities.institutions(names)):
            return kept
        rest = clauses[1:]
        # «..., учусь здесь на первом курсе, хотел узнать, ...»: more of the same before the question.
        while len(rest) > 1 and (all(key(w) in self.want for w in words(rest[0])) or (
                len(words(rest[0])) <= INTRO_MORE and any(key(w) in self.intro_mark for w in words(rest[0])))):
            rest = rest[1:]
        return " ".join(rest)

    def _without_last_intro(self, text: str, entities: Entities) -> str:
        """The question without a last clause that introduces the student ("where is the
        office, I am an applicant from Khujand"): who asks is said after the question too."""
        clauses = [c for c in INTRO_SPLIT.split(text) if words(c)]
        last = words(clauses[-1]) if len(clauses) > 1 else []
        if (not last or last[0].lower() not in self.intro or all(key(w) not in self.intro_mark for w in last)
                or len(words(" ".join(clauses[:-1]))) < 2):
            return text
        forms = self.lexicon.word_forms(clauses[-1])
        names = self.lexicon.word_forms(" ".join(w for w in last[1:] if w[:1].isupper()))
        if entities.countries(forms) or entities.people(forms) or any(len(g) == 1 for g in entities.institutions(names)):
            return text  # "..., I'm from Kazakhstan": the country is part of what is asked
        return ", ".join(clauses[:-1])

    def without_story(self, text: str) -> str:
        """The question without a friend's word before it ("my friend said that ...", «подруга
        сказала, что ...», «дӯстам гуфт ки ...»): what the friend said is what is asked."""
        split = text.split()
        head = [frozenset(self.lexicon.morph.forms(w)) for w in split[:STORY_WORDS]]
        said = next((n for n, f in enumerate(head) if not self.said.isdisjoint(f)), None)
        if said is None or all(self.friend.isdisjoint(f) for f in head[:said]) or said + 2 >= len(split):
            return text
        after = split[said + 1:]
        if after and after[0].strip(",").lower() in STORY_THAT:
            after = after[1:]
        return " ".join(after)

    def without_seen(self, text: str) -> str:
        """The question without a short clause that says where the student saw it ("I saw it
        on the site", «дар сайт дидам»): where they saw it is not what they ask."""
        clauses = [c for c in INTRO_SPLIT.split(text) if words(c)]
        kept: list[str] = []
        for clause in clauses:
            split = words(clause)
            if len(split) > SEEN_WORDS or all(self.seen.isdisjoint(self.lexicon.morph.forms(w)) for w in split):
                kept.append(clause)
            elif any(w[:1].isupper() for w in split[1:]):
                # «дар сайт профессор Гумошабе Гилбертро дидам»: who was seen is asked about.
                kept.append(" ".join(w for w in split if self.seen.isdisjoint(self.lexicon.morph.forms(w))
                                     and self.site.isdisjoint(self.lexicon.morph.forms(w))))
        return ", ".join(kept) if kept and kept != clauses else text  # (clauses kept for without_intro)

    def _small(self, text: str) -> bool:
        """Nothing but small-talk words, names of the bot and the like ("привет, бот")."""
        return all(not self.small_words.isdisjoint(self.lexicon.morph.forms(w)) for w in words(text))

    def _greeting(self, clause: str) -> bool:
        """A clause of greeting words only ("Hello", «Ассалому алейкум»)."""
        forms = [self.lexicon.morph.forms(w) for w in words(clause)]
        # ("Good afternoon", «Добрый день»: a greeting word with a filler beside it.)
        return (any(not self.greetings.isdisjoint(f) for f in forms)
                and all(not self.greetings.isdisjoint(f) or not self.small_words.isdisjoint(f) for f in forms))

    def only_own_name(self, text: str) -> bool:
        """The question is the Institute's own name and nothing else («ГМИТ», "mmit")."""
        split = words(text)
        return bool(split) and all(not self.own_name.isdisjoint(self.lexicon.morph.forms(w)) for w in split)

    def plain(self, text: str) -> str:
        """The question without the Institute's own name (when it is named as such) and
        without "where" beside other words: a typo-tolerant search would match them to
        something ("kujo" to Quzhou); what they ask is read by the cues already."""
        split = words(text)
        per_word = [frozenset(self.lexicon.morph.forms(w)) for w in split]
        own = any(not self.own_mark.isdisjoint(f)
                  and ((n and not self.own_before.isdisjoint(per_word[n - 1]))
                       or any(not self.own_with.isdisjoint(g) for g in per_word))
                  for n, f in enumerate(per_word))
        if not own and all(self.cues.where.isdisjoint(f) for f in per_word):
            return text
        kept = [(w, f) for w, f in zip(split, per_word) if not (own and not self.own_name.isdisjoint(f))]
        # A capitalised word inside the question is a name, even when its key is a "where"
        # («конфронси Кужоу»: 'kujo' is also «куҷо»).
        specific = [w for n, (w, f) in enumerate(kept) if self.cues.where.isdisjoint(f) or (n and w[:1].isupper())]
        return " ".join(specific or [w for w, _ in kept])
