"""Why the answer layer decided what it did, for questions typed on the command line.

    .venv/bin/python bench/why.py [--lang ru] "question" ...

Prints each word's forms, the cues read, the countries and institutions named, the words
left over, the decision and the search's ranked candidates. A tuning aid for the dev
questions; it changes nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.harness import Harness, make_settings  # noqa: E402


async def explain(questions: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        harness = await Harness.create(make_settings(Path(tmp)))
        try:
            app = harness.app
            answers, snap = app.answers, app.kb.snapshot
            for text in questions:
                forms = answers.lexicon.word_forms(text)
                entities = answers.entities(snap)
                print(f"\n=== {text}")
                print("  forms:", [list(f) for f in forms])
                q = answers.cues.read(text)
                print("  cues:", {k: v for k, v in q.__dict__.items() if v} if hasattr(q, "__dict__")
                      else {k: getattr(q, k) for k in q.__slots__ if getattr(q, k)})
                print("  countries:", entities.countries(forms), " institutions:",
                      [sorted(g) for g in entities.institutions(forms)])
                plain = answers.lexicon.word_forms(answers.reader.plain(text))  # what the rules read
                print("  rest:", [w[0] for w in plain if not answers._general(w, entities)])
                answer = await answers.decide(text, snap)
                print("  decision:", answer)
                result = await answers.search.candidates(text)
                for hit in answers.chooser.rank(result, text, snap)[:5]:
                    print(f"    {hit.doc.payload:40} coverage {hit.coverage:.2f} score {hit.score:.2f}")
        finally:
            await harness.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="+")
    asyncio.run(explain(parser.parse_args().questions))


if __name__ == "__main__":
    main()
