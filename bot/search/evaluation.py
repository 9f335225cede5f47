"""Measuring search quality on labelled queries (``tests/data/search_cases.yaml``).

Shared by ``bench/search_quality.py`` and the regression test, so both count the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.search.service import SearchService

CASES_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "search_cases.yaml"


@dataclass(frozen=True)
class Case:
    lang: str
    query: str
    expect: tuple[str, ...]


@dataclass
class LangScore:
    total: int = 0
    top1: int = 0
    top3: int = 0
    failures: list[tuple[Case, list[str]]] = field(default_factory=list)

    @property
    def top1_pct(self) -> float:
        return 100.0 * self.top1 / self.total if self.total else 0.0

    @property
    def top3_pct(self) -> float:
        return 100.0 * self.top3 / self.total if self.total else 0.0


@dataclass
class Report:
    by_lang: dict[str, LangScore]
    nothing_total: int = 0
    nothing_right: int = 0
    nothing_failures: list[tuple[Case, list[str]]] = field(default_factory=list)


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(item["lang"], str(item["q"]), tuple(item.get("expect") or ())) for item in raw]


async def evaluate(service: SearchService, cases: list[Case]) -> Report:
    report = Report(by_lang={})
    for case in cases:
        result = await service.search(case.query)
        got = result.payloads
        if not case.expect:
            report.nothing_total += 1
            if not result.found:
                report.nothing_right += 1
            else:
                report.nothing_failures.append((case, got[:3]))
            continue
        score = report.by_lang.setdefault(case.lang, LangScore())
        score.total += 1
        hit1 = bool(got) and got[0] in case.expect
        hit3 = any(p in case.expect for p in got[:3])
        score.top1 += hit1
        score.top3 += hit3
        if not hit1:
            score.failures.append((case, got[:3]))
    return report
