"""Morphology: every form a word is indexed and searched under.

A word's *primary* form is the script-blind key with a light suffix strip
(:func:`bot.search.normalize.stem` of :func:`~bot.search.normalize.key`); the analysers
below add the forms a real grammar gives, so that «с Уфой», «в Казани», «Беларуси»,
«в Афинах», "universities" and «донишгоҳҳоро» meet the names they inflect:

* Russian (Cyrillic, or typed in Latin letters and transliterated back): the lemma from
  pymorphy3 with the OpenCorpora dictionary, only for words the dictionary knows (a guess
  for an unknown word would turn names and Tajik words into Russian ones);
* English: the Snowball stemmer (PyStemmer, the C implementation);
* Tajik: the suffix rules of :mod:`bot.search.tajik` (no dictionary exists).

The analysers are loaded once, by the composition root; forms of a word are cached.
"""

from __future__ import annotations

import re
from typing import Any

from cachetools import LRUCache

from bot.search.normalize import key, stem
from bot.search.tajik import tajik_stem

FORMS_CACHE = 65536

_TAJIK_LETTERS = frozenset("ғӣқӯҳҷ")
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN_WORD = re.compile(r"^[a-z]+$")

# Russian typed in Latin letters, back to Cyrillic: longest spellings first.
_BACK = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"), ("iu", "ю"), ("ia", "я"), ("dj", "дж"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("j", "ж"), ("x", "кс"),
    ("q", "к"), ("w", "в"),
)
_BACK_RE = re.compile("|".join(latin for latin, _ in _BACK))
_BACK_MAP = dict(_BACK)


def to_cyrillic(word: str) -> list[str]:
    """Spellings of a Latin-typed Russian word in Cyrillic (``y`` is ы, or й after a vowel)."""
    plain = _BACK_RE.sub(lambda m: _BACK_MAP[m.group(0)], word)
    out = [plain]
    short_i = re.sub(r"(?<=[аеиоуыэюя])ы|(?<=[аеоуыэюя])и$", "й", plain)
    if short_i != plain:
        out.append(short_i)
    return out


class Morphology:
    """The three analysers behind one call: ``forms(word)``."""

    def __init__(self, russian: Any | None = None, english: Any | None = None) -> None:
        self._ru = russian
        self._en = english
        self._cache: LRUCache[str, tuple[str, ...]] = LRUCache(FORMS_CACHE)

    @classmethod
    def load(cls) -> Morphology:
        """Both dictionaries (about 0.2 s and 15 MB): call once per process."""
        import pymorphy3
        import Stemmer

        return cls(pymorphy3.MorphAnalyzer(lang="ru"), Stemmer.Stemmer("english"))

    @classmethod
    def plain(cls) -> Morphology:
        """Key and light suffix strip only (for tools that need no grammar)."""
        return cls()

    def russian_lemma(self, word: str) -> str | None:
        """The dictionary lemma of a lower-case Cyrillic word, or None if unknown.

        ``parse`` builds and scores every analysis (about 60 µs a word, most of a new
        question's cost). When every dictionary analysis of the word has the same lemma,
        which is so for nine words in ten, that lemma is read from the dictionary directly
        (a third of the time) and is what ``parse(word)[0]`` gives; only ambiguous words
        («стали») are scored. tests/test_search.py checks the two agree.
        """
        if self._ru is None:
            return None
        dictionary = self._ru.dictionary
        found = dictionary.words.similar_items(word, self._ru.char_substitutes)
        if not found:
            return None
        lemmas = {dictionary.build_normal_form(para, index, fixed) for fixed, parses in found for para, index in parses}
        if len(lemmas) == 1:
            return lemmas.pop()
        return self._ru.parse(word)[0].normal_form

    def english_stem(self, word: str) -> str:
        return self._en.stemWord(word) if self._en is not None else word

    def forms(self, word: str) -> tuple[str, ...]:
        """The primary form first, then the others (no duplicates, no empty ones)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower().replace("ё", "е")
        primary = stem(key(lower))
        found = [primary] if primary else []
        if primary and not primary.isdigit():
            for extra in self._extra(lower):
                form = stem(key(extra))
                if form and form not in found:
                    found.append(form)
        result = tuple(found)
        self._cache[word] = result
        return result

    def _extra(self, lower: str) -> list[str]:
        if _CYRILLIC.search(lower):
            if _TAJIK_LETTERS & set(lower):
                return [tajik_stem(lower)]
            lemma = self.russian_lemma(lower)
            # Not in the Russian dictionary: Tajik typed without its letters, or a name.
            return [lemma] if lemma is not None else [tajik_stem(lower)]
        if not _LATIN_WORD.match(lower):
            return []
        out = [self.english_stem(lower)]
        if len(lower) >= 4:
            spellings = to_cyrillic(lower)
            for spelling in spellings:
                lemma = self.russian_lemma(spelling)
                if lemma is not None:
                    out.append(lemma)
                    break
            else:
                # Tajik typed in Latin letters ("donishgohho"): the same suffix rules.
                out.append(tajik_stem(spellings[0]))
        return out
