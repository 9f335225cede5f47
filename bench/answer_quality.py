"""What a student sees: students' questions through the production Dispatcher, scored on the
first reply (issue 14).

Run from a clean clone: ``.venv/bin/python bench/answer_quality.py [--split dev|test]``.

Each question of ``bench/questions/<split>.jsonl`` is typed by a user who first chose the
question's language (``/start`` and the language button), as a real ``Update`` through
``build_app`` / ``create_dispatcher`` with real rendering (tests/support/harness.py). The
reply to that one message (every message the bot sends for it) is scored:

* **direct** — a marker in the reply's text (``expect``: any one; ``expect_all``: one of
  every group). Markers are compared case-insensitively with the visible text (tags off);
* **hit** — the same, counting the button labels too;
* **honest** (questions the page cannot answer) — no number, date, sum or e-mail address
  that neither the office's page nor the question contains, and asking the office is offered (an “Ask the
  office” button);
* **wrong card** — knowledge-base content shown that is not what was asked: a reply with a
  card whose text carries none of the markers, or any card for a question the page cannot
  answer (an honest "the page doesn't say" reply is not a card);
* small talk is counted apart: a friendly reply, not "I could not find an answer".

Goal on the test split, every language: direct ≥ 90 %, hit ≥ 97 %, honest ≥ 90 %,
wrong card ≤ 2 %. The questions that fail are listed.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiogram.methods import EditMessageText, SendMessage  # noqa: E402

from tests.support.harness import Harness, make_settings  # noqa: E402

LANGS = ("tg", "ru", "en")
PAGE = ROOT.parent.parent / "shared" / "seed" / "international-relations-office.txt"
QUESTIONS = ROOT / "bench" / "questions"
TAG = re.compile(r"<[^>]+>")
NUMBER = re.compile(r"\d+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# Messages that are not knowledge-base content: "not on the page" / "not found" and small talk.
HONEST_KEYS = ("answer-unknown", "search-nothing", "search-nothing-empty")
SMALLTALK_KEYS = ("answer-hello", "answer-thanks", "answer-bye", "answer-how-are-you", "answer-who-are-you")
ASK_DATA = ("m:ask",)
SENTINEL = "\x00"


def page_text() -> str:
    for path in (PAGE, ROOT / "shared" / "seed" / PAGE.name, Path("/work/shared/seed") / PAGE.name):
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise SystemExit(f"the office's page is not at {PAGE}")


def visible(text: str) -> str:
    return html.unescape(TAG.sub("", text))


@dataclass
class Reply:
    text: str
    labels: list[str]
    data: list[str]


@dataclass
class Score:
    answerable: int = 0
    direct: int = 0
    hit: int = 0
    unanswerable: int = 0
    honest: int = 0
    shown: int = 0  # questions whose reply is judged for a wrong card
    wrong: int = 0
    smalltalk: int = 0
    friendly: int = 0
    failures: list[str] = field(default_factory=list)


def pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:5.1f}%" if total else "   — "


def prefixes(harness: Harness, keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The fixed opening of each message in each language (up to its first variable)."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        t = harness.app.locales[lang]
        found = []
        for k in keys:
            if k not in t.keys:
                continue
            variables = set(re.findall(r"\{\s*\$([a-z_-]+)", _source(k, lang)))
            text = visible(t(k, **{v: SENTINEL for v in variables}))
            head = text.split(SENTINEL)[0].split("\n")[0].strip()
            if head:
                found.append(head)
        out[lang] = found
    return out


def _source(key: str, lang: str) -> str:
    for path in (ROOT / "locales" / lang).glob("*.ftl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if re.match(rf"^{re.escape(key)}\s*=", line):
                body = [line]
                for nxt in lines[i + 1:]:
                    if nxt.startswith((" ", "\t")) or not nxt.strip():
                        body.append(nxt)
                    else:
                        break
                return "\n".join(body)
    return ""


# A marker written «Бустон» is the same word as the reply's «Бӯстон»: the question sets' writers
# (and students) often type Tajik without its own letters, so both sides are compared folded.
TAJIK_FOLD = str.maketrans("ғӣқӯҳҷё", "гикухче")


def folded(text: str) -> str:
    return text.lower().translate(TAJIK_FOLD)


def has_marker(text: str, markers: list[str]) -> bool:
    low = folded(text)
    return any(folded(m) in low for m in markers)


def matches(text: str, item: dict[str, Any]) -> bool:
    groups = item.get("expect_all")
    if groups:
        return all(has_marker(text, group) for group in groups)
    return has_marker(text, item.get("expect") or [])


def invented(text: str, page: str, page_digits: str, asked: str = "") -> list[str]:
    """Numbers and e-mail addresses in the reply that neither the page nor the student's own
    question has (a reply that says "nothing about 2021" repeats the year, it invents none)."""
    out = [e for e in EMAIL.findall(text) if e not in page]
    typed = {n.lstrip("0") for n in NUMBER.findall(asked)}
    for number in NUMBER.findall(text):
        if number.lstrip("0") and number.lstrip("0") not in page_digits and number.lstrip("0") not in typed:
            out.append(number)
    return out


async def ask(harness: Harness, text: str, user_id: int, lang: str) -> Reply:
    start = len(harness.session.requests)
    await harness.feed(harness.updates.message(text, user_id=user_id, lang=lang))
    texts, labels, data = [], [], []
    for request in harness.session.requests[start:]:
        if isinstance(request, (SendMessage, EditMessageText)):
            texts.append(visible(request.text))
            markup = request.reply_markup
            for row in getattr(markup, "inline_keyboard", None) or []:
                for b in row:
                    labels.append(b.text)
                    data.append(b.callback_data or b.url or "")
    return Reply("\n".join(texts), labels, data)


async def run(split: str) -> int:
    path = QUESTIONS / f"{split}.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    page = page_text()
    page_digits = " ".join(NUMBER.findall(page))
    scores = {lang: Score() for lang in LANGS}
    with tempfile.TemporaryDirectory() as tmp:
        harness = await Harness.create(make_settings(Path(tmp)))
        try:
            honest_heads = prefixes(harness, HONEST_KEYS)
            smalltalk_heads = prefixes(harness, SMALLTALK_KEYS)
            users = {lang: 5000 + i for i, lang in enumerate(LANGS)}
            for lang, user in users.items():
                await harness.choose_language(lang, user_id=user)
            for item in items:
                lang = item["lang"]
                s = scores[lang]
                reply = await ask(harness, item["q"], users[lang], lang)
                head = reply.text.strip().split("\n")[0].strip()
                is_honest = any(head.startswith(h) for h in honest_heads[lang])
                is_smalltalk = any(head.startswith(h) for h in smalltalk_heads[lang])
                offered = any(d in ASK_DATA for d in reply.data)
                label = f"[{lang}] {item['kind']}: {item['q']!r}"
                if item.get("kind") == "smalltalk":
                    s.smalltalk += 1
                    ok = bool(reply.text.strip()) and not is_honest
                    s.friendly += ok
                    if not ok:
                        s.failures.append(f"{label} → not a friendly reply: {reply.text[:120]!r}")
                    continue
                s.shown += 1
                card = not is_honest and not is_smalltalk
                if item.get("unanswerable"):
                    s.unanswerable += 1
                    made_up = invented(reply.text, page, page_digits, item["q"])
                    ok = offered and not made_up and not card
                    s.honest += ok
                    s.wrong += card
                    if not ok:
                        why = "a card" if card else ("invented " + ", ".join(made_up) if made_up else "no offer to ask")
                        s.failures.append(f"{label} → not honest ({why}): {reply.text[:160]!r}")
                    continue
                s.answerable += 1
                direct = matches(reply.text, item)
                hit = direct or matches(reply.text + "\n" + "\n".join(reply.labels), item)
                s.direct += direct
                s.hit += hit
                wrong = card and not direct
                s.wrong += wrong
                if not direct:
                    what = "wrong card" if wrong else ("hit only" if hit else "honest, not answered" if is_honest else "miss")
                    s.failures.append(f"{label} → {what}: {reply.text[:160]!r}")
        finally:
            await harness.close()

    print(f"split {split}: {len(items)} questions ({path.relative_to(ROOT)})")
    print(f"{'lang':<5} {'direct':>14} {'hit':>14} {'honest':>12} {'wrong card':>13} {'small talk':>11}")
    ok = True
    for lang in LANGS:
        s = scores[lang]
        print(
            f"{lang:<5} {s.direct:>3}/{s.answerable:<3} {pct(s.direct, s.answerable)} {s.hit:>3}/{s.answerable:<3} "
            f"{pct(s.hit, s.answerable)} {s.honest:>2}/{s.unanswerable:<2} {pct(s.honest, s.unanswerable)} "
            f"{s.wrong:>2}/{s.shown:<3} {pct(s.wrong, s.shown)} {s.friendly:>2}/{s.smalltalk:<2}"
        )
        ok &= (
            s.direct >= 0.9 * s.answerable and s.hit >= 0.97 * s.answerable
            and s.honest >= 0.9 * s.unanswerable and s.wrong <= 0.02 * s.shown
        )
    print("goal met (direct ≥ 90 %, hit ≥ 97 %, honest ≥ 90 %, wrong card ≤ 2 %)" if ok else "goal NOT met")
    failures = [f for lang in LANGS for f in scores[lang].failures]
    if failures:
        print(f"\nfailing questions ({len(failures)}):")
        for line in failures:
            print("  " + line.replace("\n", " ⏎ "))
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    splits = sorted(p.stem for p in QUESTIONS.glob("*.jsonl"))
    parser.add_argument("--split", choices=splits, default="dev")
    args = parser.parse_args()
    return asyncio.run(run(args.split))


if __name__ == "__main__":
    raise SystemExit(main())
