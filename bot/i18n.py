"""Interface text from ``locales/<lang>/*.ftl`` (Project Fluent).

Fluent rather than gettext: a translator sees whole messages with named variables and
CLDR plural categories (Russian needs one/few/many), there is no compile step, and the
key, not the English sentence, identifies a message, so fixing English wording does not
orphan the Tajik and Russian texts.

Every ``str`` argument is HTML-escaped here, because all messages are sent with the HTML
parse mode; a value that is already safe HTML is passed as :class:`Html`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.kb.models import LANGUAGES

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

# Button labels for the language picker are always shown in their own language.
LANGUAGE_NAMES: dict[str, str] = {"tg": "Тоҷикӣ", "ru": "Русский", "en": "English"}
LANGUAGE_FLAGS: dict[str, str] = {"tg": "🇹🇯", "ru": "🇷🇺", "en": "🇬🇧"}


class Html(str):
    """A string that is already valid HTML for Telegram and must not be escaped again."""


def escape(value: object) -> str:
    if isinstance(value, Html):
        return value
    return html.escape(str(value), quote=False)


def guess_language(code: str | None, default: str) -> str:
    """Map Telegram's ``language_code`` (IETF tag) to one of ours."""
    if code:
        base = code.split("-")[0].lower()
        if base in LANGUAGES:
            return base
        # Telegram has no Tajik interface; students in Tajikistan often run it in Russian
        # or with a Persian/Uzbek setting, where Tajik is the better guess than English.
        if base in ("fa", "uz"):
            return "tg"
        if base in ("uk", "be", "kk", "ky"):
            return "ru"
    return default


LONG_ARG = 500


class Translator:
    """Messages of one language. Cheap to call: argument-free messages are cached."""

    def __init__(self, lang: str, bundle: FluentBundle, keys: frozenset[str]) -> None:
        self.lang = lang
        self._bundle = bundle
        self.keys = keys
        self._cache: dict[str, str] = {}
        # Objects built only from this language's messages (e.g. the main-menu keyboard).
        self.memo: dict[Any, Any] = {}

    def __call__(self, key: str, **args: Any) -> str:
        if not args:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
        if key not in self.keys:
            log.warning("missing message %r in locale %s", key, self.lang)
            return key
        message = self._bundle.get_message(key)
        if message.value is None:
            return key
        safe: dict[str, Any] = {}
        # Fluent refuses a placeable over 1,000 characters (it prints "{???}"): a long
        # argument (a student's question quoted back) is put in after formatting.
        long: dict[str, str] = {}
        for name, value in args.items():
            if isinstance(value, str):
                value = escape(value)
                if len(value) > LONG_ARG:
                    token = f"\x00{name}\x00"
                    long[token], value = value, token
            safe[name] = value
        text, errors = self._bundle.format_pattern(message.value, safe)
        if errors:
            log.warning("message %r in %s: %s", key, self.lang, errors)
        for token, value in long.items():
            text = text.replace(token, value)
        if not args:
            self._cache[key] = text
        return text

    def has(self, key: str) -> bool:
        return key in self.keys


class Locales:
    """All three languages, loaded once at start-up."""

    def __init__(self, root: Path = LOCALES_DIR, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.root = root
        self.languages = languages
        self.translators: dict[str, Translator] = {}
        for lang in languages:
            bundle = FluentBundle([lang], use_isolating=False)
            keys: set[str] = set()
            files = sorted((root / lang).glob("*.ftl"))
            if not files:
                raise RuntimeError(f"no .ftl files in {root / lang}")
            for path in files:
                resource = FluentResource(path.read_text(encoding="utf-8"))
                for entry in resource.body:
                    identifier = getattr(getattr(entry, "id", None), "name", None)
                    if identifier and type(entry).__name__ == "Message":
                        keys.add(identifier)
                    elif type(entry).__name__ == "Junk":
                        raise RuntimeError(f"syntax error in {path}: {entry.content[:80]!r}")
                bundle.add_resource(resource)
            self.translators[lang] = Translator(lang, bundle, frozenset(keys))

    def __getitem__(self, lang: str) -> Translator:
        return self.translators.get(lang) or self.translators[self.languages[-1]]

    def keys(self, lang: str) -> frozenset[str]:
        return self.translators[lang].keys

    def all(self, key: str, **args: Any) -> Mapping[str, str]:
        return {lang: self.translators[lang](key, **args) for lang in self.languages}
