"""Top-1 and top-3 accuracy of free-text search per language, on tests/data/search_cases.yaml.

Run from a clean clone: ``.venv/bin/python bench/search_quality.py``. The knowledge base
is loaded from ``data/`` into a temporary database; failing queries are listed.
Goal: top-1 ≥ 90 % and top-3 ≥ 97 % in every language.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.db import Database  # noqa: E402
from bot.kb import KnowledgeBase  # noqa: E402
from bot.search import SearchService  # noqa: E402
from bot.search.evaluation import evaluate, load_cases  # noqa: E402


async def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "quality.sqlite3")
        try:
            kb = KnowledgeBase(db)
            await kb.load_directory(ROOT / "data")
            service = SearchService(db)
            await service.rebuild(kb.snapshot)
            cases = load_cases()
            report = await evaluate(service, cases)
        finally:
            await db.close()
    ok = True
    print(f"{'lang':<5} {'queries':>7} {'top-1':>8} {'top-3':>8}")
    for lang in ("tg", "ru", "en"):
        s = report.by_lang.get(lang)
        if s is None:
            continue
        ok &= s.top1_pct >= 90 and s.top3_pct >= 97
        print(f"{lang:<5} {s.total:>7} {s.top1_pct:>7.1f}% {s.top3_pct:>7.1f}%")
    print(f"no-answer queries answered with 'nothing found': {report.nothing_right}/{report.nothing_total}")
    for lang in ("tg", "ru", "en"):
        s = report.by_lang.get(lang)
        for case, got in s.failures if s else []:
            print(f"  FAIL top-1 [{lang}] {case.query!r}: expected {list(case.expect)}, got {got}")
    for case, got in report.nothing_failures:
        print(f"  FAIL nothing [{case.lang}] {case.query!r}: got {got}")
    print("goal met" if ok else "goal NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
