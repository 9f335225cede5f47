"""Tajik inflection: suffix rules for the endings students' questions carry.

Tajik has no morphological dictionary in a Python package, but its noun inflection is
agglutinative and regular, so a few ordered suffix rules go a long way:

    predicate      -янд -ст     кадомҳоянд → кадомҳо, куҷост → куҷо (after a vowel only)
    object marker  -ро          Русияро → Русия
    possessive     -ам -аш -амон -атон -ашон (not -ат, -ят: давлат, фаъолият end so)
    izofat         -и -ӣ -йи    донишгоҳи → донишгоҳ, шӯъбаи → шӯъба
    plural         -ҳо -ҳои     донишгоҳҳо → донишгоҳ
                   -он -ён      ҳамкорон → ҳамкор, донишҷӯён → донишҷӯ
                   -агон → -а   хатмкунандагон → хатмкунанда
                   -иён → -ӣ    хориҷиён → хориҷӣ

The rules work on the *folded* form (ҳ→х, ӣ→и, ӯ→у, қ→к, ғ→г, ҷ→ч, see
:func:`bot.search.normalize.fold`), so a word typed without the Tajik letters
(«донишгоххо») gets the same stem as the correctly typed one. Each rule fires at most once,
outermost first (the predicate, -ро, then the possessive, then the izofat, then the plural), and never
leaves fewer than ``MIN_STEM`` letters.
"""

from __future__ import annotations

from bot.search.normalize import fold

MIN_STEM = 4

_VOWELS = frozenset("аеиоуэюяё")

# Endings that are part of the word, not inflection: the -истон of country names
# (Тоҷикистон), the -хон/-ҷон of given names (Акбархон, Муҳаммадҷон).
_KEEP_ON = ("стон", "хон", "чон", "жон")

# (suffix, replacement) in the order tried within one slot; longest first.
# "are" / "is" written onto the word: only after a vowel, where no stem ends so
# (-анд after a consonant is part of words: фарзанд, Самарқанд).
_PREDICATE: tuple[tuple[str, str], ...] = (("янд", ""), ("ст", ""))
_OBJECT: tuple[tuple[str, str], ...] = (("ро", ""),)
_POSSESSIVE: tuple[tuple[str, str], ...] = (
    ("амон", ""), ("атон", ""), ("ашон", ""), ("аш", ""), ("ам", ""),
)
_IZOFAT: tuple[tuple[str, str], ...] = (("йи", ""), ("и", ""))
_PLURAL: tuple[tuple[str, str], ...] = (
    ("хо", ""), ("агон", "а"), ("иён", "и"), ("иен", "и"), ("ён", ""), ("ен", ""), ("он", ""),
)


def _strip(word: str, rules: tuple[tuple[str, str], ...]) -> str:
    for suffix, replacement in rules:
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + replacement
            if len(stem) < MIN_STEM:
                continue
            if suffix == "он" and (word.endswith(_KEEP_ON) or stem[-1] in _VOWELS):
                continue
            if suffix in ("янд", "ст") and stem[-1] not in _VOWELS:
                continue
            if suffix in ("ен", "ён") and stem[-1] not in _VOWELS:
                continue  # -ён follows a vowel (донишҷӯён); "шарифиён" is a name
            return stem
    return word


def tajik_stem(word: str) -> str:
    """The stem of a Tajik word, folded (``донишгоҳҳоро`` → ``донишгох``)."""
    word = fold(word)
    word = _strip(word, _PREDICATE)
    word = _strip(word, _OBJECT)
    word = _strip(word, _POSSESSIVE)
    word = _strip(word, _IZOFAT)
    # The plural of -ҳо: "донишгоххои" lost its izofat above, "донишгоххо" loses -хо here.
    return _strip(word, _PLURAL)
