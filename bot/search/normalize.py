"""Text → search terms, the same way for the index and for a query.

One pipeline for every script, so that a word typed in any of the ways students type it
ends up as the same *key*:

1. lower case, ``ё`` → ``е``, and the six Tajik letters folded to the Russian-keyboard
   letters students type instead (ҷ→ч, ӣ→и, ӯ→у, қ→к, ғ→г, ҳ→х);
2. Cyrillic transliterated to a plain Latin spelling (``казань`` → ``kazan``), and Latin
   spellings simplified the same way (``kh``→``h``, ``y``→``i``, ``c``→``k``/``s``, doubled
   letters once), so ``kontakty`` ≡ ``контакты`` and ``Rossiya`` ≡ ``Россия``;
3. a light suffix stripper for Russian, Tajik and English inflection on that key
   (``казани``/``казанский`` → ``kazan``/``kazansk``, prefix matching does the rest).

Keys contain only ``a-z`` and ``0-9``: the FTS5 MATCH expression is built from them, so
nothing a user types can reach FTS5's query syntax.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tajik letters typed on a Russian keyboard, and ё.
_FOLD = str.maketrans({"ҷ": "ч", "ӣ": "и", "ӯ": "у", "қ": "к", "ғ": "г", "ҳ": "х", "ё": "е", "ъ": "", "ь": ""})

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ы": "i", "э": "e", "ю": "iu", "я": "ia", "ў": "u", "і": "i", "ї": "i", "є": "e",
}
_CYR_TABLE = str.maketrans(_CYR)

# Latin spelling variants → one spelling (applied after transliteration as well).
_LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"),
        (r"dzh|dj|zh", "j"),
        (r"kh", "h"),
        (r"gh", "g"),  # Tajik «ғ» typed in Latin letters: "suroghai" is «суроғаи»
        (r"ch", "\x01"),  # keep "ch" out of the c-rules below
        (r"ph", "f"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"\x01", "ch"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"w", "v"),
        (r"y", "i"),
        (r"([a-z])\1+", r"\1"),  # doubled letters once: Rossiya/Россия, Kazann
    )
)

# Inflection endings on the key (longest first). Russian cases, Tajik plural/izafat/
# object marker, English plural. The stem keeps at least 4 letters.
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            # Russian
            "iami", "iakh", "ami", "akh", "ogo", "ego", "omu", "emu", "ikh", "imi", "iia", "iiu",
            "iei", "ia", "iu", "ie", "ii", "oi", "ei", "om", "em", "ov", "ev", "im", "aia", "oe",
            "uiu", "a", "e", "i", "o", "u",
            # Tajik: -ҳо, -ҳои, -он, -ро, -и, -ам/-ат/-аш
            "hoi", "ho", "ro", "on",
            # English
            "ies", "es", "s",
        },
        key=len,
        reverse=True,
    )
)
MIN_STEM = 4

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Invisible characters that split a word for the regex though a reader sees one word
# ("Ка\u200bзань"): zero-width spaces and joiners, the soft hyphen, the BOM, bidi controls.
_INVISIBLE = dict.fromkeys([0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0x202A, 0x202F),
                            *range(0x2066, 0x206A)])
_SPACE = re.compile(r"\s+")
_JUNK = re.compile(r"[^\w\s+#.-]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case with Tajik letters as typed on a Russian keyboard (ҷ→ч ...), ё→е."""
    return text.lower().translate(_FOLD)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """A folded word → its Latin key (``Қазон`` → ``kazon``, ``контакты`` → ``kontakti``)."""
    word = fold(word)
    # Accents off Latin letters only (й, ё are Cyrillic letters, not accented ones).
    word = word.translate(_CYR_TABLE)
    word = _strip_accents(word)
    word = "".join(ch for ch in word if "a" <= ch <= "z" or "0" <= ch <= "9")
    for pattern, replacement in _LATIN_RULES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def stem(word_key: str) -> str:
    """Strip one inflection ending from a key, keeping at least ``MIN_STEM`` letters."""
    if word_key.isdigit() or len(word_key) <= MIN_STEM:
        return word_key
    for suffix in _SUFFIXES:
        if word_key.endswith(suffix) and len(word_key) - len(suffix) >= MIN_STEM:
            return word_key[: -len(suffix)]
    return word_key


def words(text: str) -> list[str]:
    """The words of a text (letters and digits), in order."""
    return _WORD.findall(text.translate(_INVISIBLE))


def keys(text: str) -> list[str]:
    """Every word of ``text`` as its key (empty keys dropped)."""
    out = []
    for word in _WORD.findall(text.translate(_INVISIBLE)):
        k = key(word)
        if k:
            out.append(k)
    return out


def stems(text: str) -> list[str]:
    return [stem(k) for k in keys(text)]


def display_form(text: str, limit: int = 200) -> str:
    """The query as staff read it in the log: lower case, no punctuation, one space."""
    # (No ё → е: in Tajik «ё» is a letter of its own, and the student's words are echoed.)
    text = _JUNK.sub(" ", text.translate(_INVISIBLE).lower())
    return _SPACE.sub(" ", text).strip()[:limit]


_YEAR = re.compile(r"(?<!\d)(?:199\d|20\d\d)(?!\d)")


def years(text: str) -> list[int]:
    """The years a text names, 1990-2099 (ASCII digits only: odd Unicode digits are no year)."""
    return [int(y) for y in _YEAR.findall(text) if y.isascii()]
