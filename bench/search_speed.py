"""Latency of free-text search on a knowledge base 100× the real one.

Run from a clean clone: ``.venv/bin/python bench/search_speed.py [--scale 100] [--queries 1000]``.

The real records of ``data/`` are multiplied: every copy gets made-up words in Tajik,
Russian and English (its own name, city and a sentence), so the vocabulary grows as well as
the number of documents. The index is built in a temporary database. Then 1,000 mixed
queries (the labelled cases, made-up names with and without typos, Latin ↔ Cyrillic,
whole questions, junk) go through

* the whole answer path — ``SearchService.search``: normalise, one FTS5 query, rank, decide;
* the answer layer — ``AnswerService.decide`` with its decision cache emptied before every
  query (what a question costs the first time it is asked): the cues, the entities, the
  search's candidates, the decision (issue 14: p95 ≤ 5 ms);
* the baseline — a plain FTS5 ``MATCH`` of the query's words on the same table (each word
  as the index spells it, OR-ed, ranked by bm25), with nothing else around it.

Both include aiosqlite's hop to its thread, as in production. Goal: p95 ≤ 5 ms and
p95 ≤ 3× the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answers import AnswerService  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.kb.models import LocalizedList, LocalizedText  # noqa: E402
from bot.kb.sources import read_sources  # noqa: E402
from bot.kb.store import KbSnapshot  # noqa: E402
from bot.search import SearchService  # noqa: E402
from bot.search.evaluation import load_cases  # noqa: E402
from bot.search.normalize import key, words  # noqa: E402

CYR_SYLLABLES = "ба ва га да за ка ла ма на ра са та фа ха ша бо во до зо ко ло мо но ро со то ду ку лу му ну ру су ту ки ли ми ни ри си ти ҷа қо ғу ҳи ӯр ӣн".split()
LAT_SYLLABLES = "ba va ga da za ka la ma na ra sa ta fa ha sha bo vo do zo ko lo mo no ro so to du ku lu mu nu ru su tu ki li mi ni ri si ti ja qo gu hi ur in".split()


class Words:
    """A fixed pool of made-up words per script (vocabulary grows sub-linearly)."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        self.pairs: list[tuple[str, str]] = []
        for _ in range(size):
            n = rng.randint(2, 4)
            idx = [rng.randrange(len(LAT_SYLLABLES)) for _ in range(n)]
            cyr = "".join(CYR_SYLLABLES[i] for i in idx).capitalize()
            lat = "".join(LAT_SYLLABLES[i] for i in idx).capitalize()
            self.pairs.append((cyr, lat))

    def pick(self) -> tuple[str, str]:
        return self.rng.choice(self.pairs)


def text3(base: LocalizedText | None, extra: tuple[str, str], suffix: str = "") -> LocalizedText:
    cyr, lat = extra
    if base is None:
        return LocalizedText(tg=f"{cyr}{suffix}", ru=f"{cyr}{suffix}", en=f"{lat}{suffix}")
    return LocalizedText(
        tg=f"{base.tg} {cyr}{suffix}".strip(), ru=f"{base.ru} {cyr}{suffix}".strip(), en=f"{base.en} {lat}{suffix}".strip()
    )


def synthetic_snapshot(scale: int, seed: int = 42) -> tuple[KbSnapshot, Words]:
    rng = random.Random(seed)
    pool = Words(rng, 4000)
    records = read_sources(ROOT / "data")
    by_kind: dict[str, list[Any]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record.model)
    out: dict[str, list[Any]] = {k: list(v) for k, v in by_kind.items()}
    codes = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"]
    used = {c.code for c in by_kind["country"]}
    free_codes = [c for c in codes if c not in used]
    for copy in range(1, scale):
        for country in by_kind["country"]:
            if not free_codes:
                break
            name = pool.pick()
            out["country"].append(
                country.model_copy(update={"code": free_codes.pop(), "name": text3(None, name, "ия"), "synonyms": LocalizedList()})
            )
        for inst in by_kind["institution"]:
            name, city = pool.pick(), pool.pick()
            out["institution"].append(
                inst.model_copy(
                    update={
                        "id": f"{inst.id[:30]}-{copy}",
                        "name": text3(inst.name, name),
                        "city": text3(None, city),
                        "synonyms": LocalizedList(tg=[name[0]], ru=[name[0]], en=[name[1]]),
                        "cooperation": text3(inst.cooperation, pool.pick()) if inst.cooperation else None,
                    }
                )
            )
        for kind in ("event", "project", "opening", "faq", "mobility"):
            for model in by_kind.get(kind, []):
                update: dict[str, Any] = {"id": f"{model.id[:34]}-{copy}"}
                if kind == "faq":
                    update["question"] = text3(model.question, pool.pick())
                else:
                    update["title"] = text3(model.title, pool.pick())
                out[kind].append(model.model_copy(update=update))
    return KbSnapshot.build(out), pool


def make_queries(pool: Words, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    cases = [case.query for case in load_cases()]
    generic = ["университет", "donishgoh", "university", "семестр", "обмен", "erasmus", "новости", "проект"]
    queries: list[str] = []
    while len(queries) < n:
        roll = rng.random()
        cyr, lat = pool.pick()
        if roll < 0.3:
            queries.append(rng.choice(cases))
        elif roll < 0.45:
            queries.append(cyr)
        elif roll < 0.55:
            queries.append(lat.lower())
        elif roll < 0.7:
            word = list(cyr.lower())
            i = rng.randrange(len(word))
            word[i] = rng.choice("абвгдекмнопрстух")
            queries.append("".join(word))
        elif roll < 0.85:
            queries.append(f"{rng.choice(generic)} {cyr} {rng.choice(['где', 'как', 'what is', 'чӣ'])}")
        elif roll < 0.95:
            queries.append(f"{rng.choice(cases)} {lat}")
        else:
            queries.append(rng.choice(['"kazan', "NEAR(a b)", "-x AND OR *", "😀", "x" * 300, "<b>hi</b>"]))
    return queries


def plain_match(text: str) -> str:
    seen = dict.fromkeys(k for k in (key(w) for w in words(text)) if k)
    return " OR ".join(f'"{k}"' for k in seen)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()

    snap, pool = synthetic_snapshot(args.scale)
    queries = make_queries(pool, args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "speed.sqlite3")
        try:
            service = SearchService(db)
            started = time.perf_counter()
            await service.rebuild(snap)
            build = time.perf_counter() - started
            print(f"knowledge base ×{args.scale}: {len(service.docs)} documents, "
                  f"{len(service._index.vocab.df)} distinct terms, index built in {build:.1f} s")

            answers = AnswerService(service)
            started = time.perf_counter()
            (await answers.prepare(snap))()
            print(f"answer layer's entities built in {time.perf_counter() - started:.2f} s")
            for q in queries[:100]:  # warm-up: page cache, prepared statements
                await service.search(q)
                await answers.decide(q, snap)

            # Interleaved, so that a busy machine slows both measurements alike.
            full: list[float] = []
            decided: list[float] = []
            base: list[float] = []
            found = 0
            for q in queries:
                t0 = time.perf_counter()
                result = await service.search(q)
                full.append((time.perf_counter() - t0) * 1000)
                found += result.found
                answers.decision_cache.clear()
                t0 = time.perf_counter()
                await answers.decide(q, snap)
                decided.append((time.perf_counter() - t0) * 1000)
                expr = plain_match(q)
                if not expr:
                    continue
                t0 = time.perf_counter()
                await db.fetchall(
                    "SELECT rowid, payload, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? ORDER BY 3 LIMIT 40",
                    (expr,),
                )
                base.append((time.perf_counter() - t0) * 1000)
        finally:
            await db.close()

    p50, p95 = pct(full, 50), pct(full, 95)
    b50, b95 = pct(base, 50), pct(base, 95)
    ratio = p95 / b95 if b95 else float("inf")
    print(f"queries: {len(full)} ({found} answered)")
    print(f"whole answer path  p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   max {max(full):6.2f} ms")
    a50, a95 = pct(decided, 50), pct(decided, 95)
    print(f"answer layer       p50 {a50:6.2f} ms   p95 {a95:6.2f} ms   max {max(decided):6.2f} ms")
    print(f"plain FTS5 MATCH   p50 {b50:6.2f} ms   p95 {b95:6.2f} ms   ({len(base)} queries with words)")
    print(f"ratio p95 {ratio:.2f}×   (p50 {p50 / b50:.2f}×)")
    ok = p95 <= 5.0 and ratio <= 3.0 and a95 <= 5.0
    goal = "(search p95 ≤ 5 ms and ≤ 3× plain MATCH; answer layer p95 ≤ 5 ms)"
    print(f"goal met {goal}" if ok else f"goal NOT met {goal}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
