"""Every locale defines the same messages, with the same variables, in its own script."""

from __future__ import annotations

import re
from pathlib import Path

from bot.i18n import Locales

ROOT = Path(__file__).resolve().parents[1]
VARIABLE = re.compile(r"\{\s*\$([a-z_-]+)")


def _messages(lang: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "locales" / lang).glob("*.ftl")):
        key = None
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=", line)
            if match:
                key = match.group(1)
                assert key not in found, f"{lang}: {key} defined twice"
                found[key] = set()
            if key and not line.startswith("#"):
                found[key].update(VARIABLE.findall(line))
    return found


def test_three_locales_have_the_same_keys_and_variables() -> None:
    tg, ru, en = (_messages(lang) for lang in ("tg", "ru", "en"))
    assert set(tg) == set(en), f"tg vs en: {sorted(set(tg) ^ set(en))}"
    assert set(ru) == set(en), f"ru vs en: {sorted(set(ru) ^ set(en))}"
    for key, variables in en.items():
        assert tg[key] == variables, f"tg {key}: {tg[key]} != {variables}"
        assert ru[key] == variables, f"ru {key}: {ru[key]} != {variables}"


def test_locales_load_and_same_files() -> None:
    locales = Locales()
    assert locales.keys("tg") == locales.keys("ru") == locales.keys("en")
    files = {lang: sorted(p.name for p in (ROOT / "locales" / lang).glob("*.ftl")) for lang in ("tg", "ru", "en")}
    assert files["tg"] == files["ru"] == files["en"]


def test_tajik_uses_tajik_letters_and_differs_from_russian() -> None:
    locales = Locales()
    tg, ru = locales["tg"], locales["ru"]
    tajik_letters = set("ғӣқӯҳҷҒӢҚӮҲҶ")
    with_letters = [key for key in locales.keys("tg") if tajik_letters & set(tg(key))]
    assert len(with_letters) > len(locales.keys("tg")) // 3
    def words(text: str) -> str:
        # Placeholders and markup are the same in every language; compare the words only.
        return re.sub(r"\{[^}]*\}|<[^>]+>|[^\w]", "", text)

    variables = _messages("en")

    def bare(t, key: str) -> str:
        return words(t(key, **{name: "" for name in variables[key]}))

    identical = [key for key in locales.keys("tg") if bare(tg, key) == bare(ru, key) and len(bare(ru, key)) > 12]
    assert not identical, f"Tajik text copied from Russian: {identical}"


def test_no_russian_only_letters_in_tajik() -> None:
    # ы, щ, ь, ц are not in Tajik Cyrillic words (loanwords aside): a sign of untranslated text.
    locales = Locales()
    for key in locales.keys("tg"):
        text = locales["tg"](key)
        hits = re.findall(r"\w*[ыщ]\w*", text)
        assert not hits, f"tg {key}: {hits}"


def test_a_long_question_quoted_back_is_shown_whole_in_every_locale() -> None:
    # Fluent refuses a placeable over 1,000 characters ("{???}"); a question may have 3,000.
    from bot.views.inquiries import prefill_screen, summary_screen

    locales = Locales()
    question = "Можно ли <поехать> на семестр? " * 90  # about 2,800 characters, with HTML to escape
    for lang in ("tg", "ru", "en"):
        t = locales[lang]
        for screen in (prefill_screen(t, "exchange", question),
                       summary_screen(t, {"topic": "exchange", "question": question})):
            assert "{???}" not in screen.text, (lang, screen.text[:200])
            assert "Можно ли &lt;поехать&gt; на семестр?" in screen.text and len(screen.text) > 2500, lang
