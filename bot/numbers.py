"""One strict parser for every id or number a person types.

``str.isdigit`` accepts "²" and "١٢٣٤٥", and ``int()`` then fails or silently reads
another script's digits; an unbounded number overflows SQLite's INTEGER. Only ASCII
digits, within a range, are a number here.
"""

from __future__ import annotations

import re
import unicodedata

_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
MAX_ID = 2**53  # Telegram ids fit in 52 bits; SQLite and JSON keep them exact below this


def parse_int(text: str | None, *, low: int = 1, high: int = MAX_ID) -> int | None:
    """The number ``text`` spells (surrounding spaces and one leading '#' allowed), or None."""
    if text is None:
        return None
    text = text.strip().removeprefix("#")
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def parse_user_id(text: str | None) -> int | None:
    return parse_int(text, low=1, high=MAX_ID)


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit of another script


def ascii_digits(text: str) -> str:
    """A question with another script's decimal digits («соли ۲۰۱۹», "٢٠١٩") in ASCII ones, so
    a year is a year; superscripts and other non-decimal digits are left as they are."""
    if text.isascii() or _OTHER_DIGIT.search(text) is None:  # every typed question passes here
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)
