"""The search service: the FTS5 index in the database, the in-memory vocabulary, the
answer decision and the search log.

``search(text)`` is the whole answer path (normalise, one FTS5 query, rank) and writes
nothing; ``answer(text, lang)`` also records the query in ``search_log`` (normalised
text, language, found flag, time — never who asked).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from cachetools import LRUCache

from bot.db import Database
from bot.kb.store import KbSnapshot
from bot.search.index import Doc, Lexicon, Vocabulary, build_docs, docs_digest
from bot.search.morph import Morphology
from bot.search.normalize import display_form
from bot.periodic import Periodic
from bot.search.ranking import CANDIDATES, Query, Scored, analyse, score

log = logging.getLogger(__name__)

# Below this score nothing is an answer.
MIN_SCORE = 0.42
# The best is "clear" when the next one is this much lower.
CLEAR_MARGIN = 0.1
# Results within this distance of the best are shown as choices.
CHOICE_MARGIN = 0.25
MAX_CHOICES = 5
SEE_ALSO = 3

Outcome = Literal["answer", "choices", "nothing"]


@dataclass(slots=True)
class SearchResult:
    query: str  # normalised form, as logged
    outcome: Outcome
    hits: list[Scored] = field(default_factory=list)
    # What the query was made of: its words' primary forms, and those the index does not
    # know at all (no form, no completion, no typo) — for the answer layer's confidence.
    terms: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.outcome != "nothing"

    @property
    def best(self) -> Doc | None:
        return self.hits[0].doc if self.hits else None

    @property
    def payloads(self) -> list[str]:
        return [hit.doc.payload for hit in self.hits]


@dataclass(frozen=True, slots=True)
class QueryCount:
    query: str
    count: int


class _Index:
    """One consistent generation of the in-memory side of the index."""

    def __init__(self, docs: list[Doc]) -> None:
        self.docs = docs
        self.vocab = Vocabulary(docs)
        self.by_payload = {doc.payload: doc for doc in docs}
        self.typo_cache: LRUCache[str, list[tuple[str, int]]] = LRUCache(TYPO_CACHE)
        # Students ask the same things ("erasmus", "kazan"): answers of this generation of
        # the index, by the query as normalised for the log. Dropped with the generation.
        self.results: LRUCache[str, SearchResult] = LRUCache(RESULT_CACHE)


# The search log is written in batches: one write per search would double the cost of
# answering a typed question. Lost on a crash at most: the last LOG_FLUSH_SECONDS of it.
LOG_BATCH = 50
RESULT_CACHE = 2048
TYPO_CACHE = 8192
LOG_FLUSH_SECONDS = 5.0


class SearchService:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time, *, morph: Morphology | None = None) -> None:
        self.db = db
        self.clock = clock
        # The composition root passes the one Morphology of the process (dictionaries are
        # loaded once); a service built alone (benchmarks, tools) loads its own.
        self.lexicon = Lexicon(morph if morph is not None else Morphology.load())
        self._index = _Index([])
        self._log: list[tuple[str, str, int, int]] = []
        self._flusher = Periodic(self._flush_pass, "search-log", interval=LOG_FLUSH_SECONDS)

    async def flush_log(self) -> None:
        if not self._log:
            return
        rows, self._log = self._log, []
        await self.db.executemany(
            "INSERT INTO search_log (query, lang, found, created_at) VALUES (?, ?, ?, ?)", rows
        )

    async def _flush_pass(self) -> None:
        await self.flush_log()

    async def start(self, bot: object = None) -> None:
        self._flusher.start()

    async def stop(self, bot: object = None) -> None:
        await self._flusher.stop()
        await self.flush_log()

    # --- index -------------------------------------------------------------------------
    async def rebuild(self, snap: KbSnapshot) -> None:
        """Rebuild the index from a knowledge-base snapshot (no write if nothing changed)."""
        (await self.prepare(snap))()

    async def prepare(self, snap: KbSnapshot) -> Callable[[], None]:
        """Write the FTS table for ``snap``; return the swap of the in-memory generation,
        for the knowledge base to call as it swaps its snapshot."""
        docs = build_docs(snap, self.lexicon)
        digest = docs_digest(docs)
        stored = await self.db.fetchval("SELECT value FROM meta WHERE key = 'search_digest'")
        count = await self.db.fetchval("SELECT count(*) FROM search_fts")
        if stored != digest or count != len(docs):
            async with self.db.transaction() as conn:
                await conn.execute("DELETE FROM search_fts")
                await conn.executemany(
                    "INSERT INTO search_fts (rowid, payload, names, body) VALUES (?, ?, ?, ?)",
                    [(i + 1, d.payload, d.names_text, d.body_text) for i, d in enumerate(docs)],
                )
                await conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('search_digest', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (digest,),
                )
            log.info("search index rebuilt: %d documents", len(docs))
        index = _Index(docs)

        def swap() -> None:
            self._index = index

        return swap

    @property
    def docs(self) -> list[Doc]:
        return self._index.docs

    def doc(self, payload: str) -> Doc | None:
        return self._index.by_payload.get(payload)

    # --- searching ---------------------------------------------------------------------
    async def ranked(self, text: str, *, limit: int = CANDIDATES) -> list[Scored]:
        """Every result worth showing, best first (inline mode lists them all)."""
        return [hit for hit in (await self._scored(text, limit))[0] if hit.score >= MIN_SCORE]

    async def _scored(self, text: str, limit: int) -> tuple[list[Scored], Query]:
        index = self._index
        query = analyse(text, index.vocab, index.typo_cache, self.lexicon)
        if query.empty:
            return [], query
        rows = await self.db.fetchall(
            "SELECT payload, bm25(search_fts, 0.0, 6.0, 1.0) FROM search_fts "
            "WHERE search_fts MATCH ? ORDER BY 2 LIMIT ?",
            (query.match, limit),
        )
        # By payload, not row number: another process (kb import) may have rewritten the
        # table with other row numbers before this process swaps to the new generation.
        by_payload = index.by_payload
        candidates = [(by_payload[payload], rank) for payload, rank in rows if payload in by_payload]
        return score(query, candidates), query

    async def candidates(self, text: str) -> SearchResult:
        """Every scored candidate, best first, with no score floor and no decision: for the
        answer layer, which judges by how much of the question a card covers."""
        scored, query = await self._scored(text, CANDIDATES)
        terms = tuple(term.text for term in query.terms)
        unknown = tuple(term.text for term in query.terms if not term.options)
        return SearchResult(display_form(text), "answer" if scored else "nothing", scored, terms, unknown)

    async def search(self, text: str, *, limit: int = CANDIDATES) -> SearchResult:
        """The whole answer path: normalise, one FTS5 query, rank, decide."""
        normal = display_form(text)
        index = self._index
        cached = index.results.get(normal) if limit == CANDIDATES else None
        if cached is not None:
            return cached
        result = await self._search(text, normal, limit)
        if limit == CANDIDATES and index is self._index:
            index.results[normal] = result
        return result

    async def _search(self, text: str, normal: str, limit: int) -> SearchResult:
        scored, query = await self._scored(text, limit)
        hits = [hit for hit in scored if hit.score >= MIN_SCORE]
        terms = tuple(term.text for term in query.terms)
        unknown = tuple(term.text for term in query.terms if not term.options)
        if not hits:
            return SearchResult(normal, "nothing", [], terms, unknown)
        best = hits[0].score
        # Clear: well ahead of the next, or the only result the query names exactly.
        if len(hits) == 1 or best - hits[1].score >= CLEAR_MARGIN or (hits[0].exact and not hits[1].exact):
            return SearchResult(normal, "answer", hits[: 1 + SEE_ALSO], terms, unknown)
        close = [hit for hit in hits if best - hit.score <= CHOICE_MARGIN][:MAX_CHOICES]
        return SearchResult(normal, "choices", close, terms, unknown)

    async def answer(self, text: str, lang: str) -> SearchResult:
        """Search and record the query (no user id) so staff can see what is missing."""
        result = await self.search(text)
        if result.query:
            await self.record(result.query, lang, result.found)
        return result

    async def record(self, query: str, lang: str, found: bool) -> None:
        """One line of the search log: the normalised question, never who asked."""
        self._log.append((query, lang, int(found), int(self.clock())))
        if len(self._log) >= LOG_BATCH:
            await self.flush_log()

    # --- statistics for staff -----------------------------------------------------------
    async def top_queries(self, limit: int = 10, *, since: float | None = None) -> list[QueryCount]:
        return await self._top(limit, since, missing_only=False)

    async def top_not_found(self, limit: int = 10, *, since: float | None = None) -> list[QueryCount]:
        return await self._top(limit, since, missing_only=True)

    async def _top(self, limit: int, since: float | None, *, missing_only: bool) -> list[QueryCount]:
        await self.flush_log()
        where = ["created_at >= ?"]
        params: list[object] = [int(since or 0)]
        if missing_only:
            where.append("found = 0")
        rows = await self.db.fetchall(
            f"SELECT query, count(*) AS n FROM search_log WHERE {' AND '.join(where)} "
            "GROUP BY query ORDER BY n DESC, max(created_at) DESC LIMIT ?",
            (*params, limit),
        )
        return [QueryCount(row["query"], row["n"]) for row in rows]
