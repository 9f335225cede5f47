"""Query analysis (stop words, completion, synonyms, typos) and scoring of FTS5 candidates.

FTS5 finds candidates; rapidfuzz corrects typos against the vocabulary; the score below
orders the few candidates. All per-query work is bounded: at most ``MAX_TERMS`` query
words, a handful of options per word, ``CANDIDATES`` rows from FTS5.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.search.index import STOP_KEYS, Doc, Lexicon, Vocabulary
from bot.search.normalize import key, stem, words

MAX_QUERY_CHARS = 300
MAX_TERMS = 8
CANDIDATES = 40
MAX_MATCH_OPTIONS = 24
OPTIONS_PER_TERM = 5

# Quality of a query word's options (1.0 = the word itself).
Q_EXACT = 1.0
Q_COMPLETION = 0.92
Q_SHORTER = 0.85
Q_SYNONYM = 0.9
Q_TYPO = (1.0, 0.8, 0.62)  # by edit distance


@dataclass(slots=True)
class Term:
    text: str  # the stem as typed
    weight: float
    options: dict[str, float]  # indexed term → quality
    soft: bool = False  # a general word ("study", "university")


@dataclass(slots=True)
class Query:
    terms: list[Term]
    match: str  # FTS5 MATCH expression, built only from [a-z0-9] keys

    @property
    def empty(self) -> bool:
        return not self.match


def _typo_limit(length: int) -> int:
    # Short words have too many one-letter neighbours ("havo" → "navo"). Distances are
    # optimal string alignment: two letters swapped ("erasums") is one slip, as typed.
    if length < 5:
        return 0
    return 1 if length <= 6 else 2


def _typos(term: str, vocab: Vocabulary, cache: dict[str, list[tuple[str, int]]]) -> list[tuple[str, int]]:
    cached = cache.get(term)
    if cached is not None:
        return cached
    limit = _typo_limit(len(term))
    found: list[tuple[str, int]] = []
    if limit:
        for length in range(len(term) - limit, len(term) + limit + 1):
            bucket = vocab.by_length.get(length)
            if not bucket:
                continue
            for choice, distance, _ in process.extract(
                term, bucket, scorer=OSA.distance, score_cutoff=limit, limit=4
            ):
                found.append((choice, int(distance)))
        found.sort(key=lambda item: (item[1], -vocab.df.get(item[0], 0)))
        found = found[:4]
    if len(cache) > 20000:
        cache.clear()
    cache[term] = found
    return found


def _options(
    forms: tuple[str, ...],
    vocab: Vocabulary,
    typo_cache: MutableMapping[str, list[tuple[str, int]]],
    synonyms: dict[str, frozenset[str]],
) -> dict[str, float]:
    """Indexed terms a query word may stand for, each with its quality. ``forms`` are the
    word's forms (primary first, then lemma / Snowball / Tajik stem)."""
    options: dict[str, float] = {}
    term = forms[0]

    def put(candidate: str, quality: float) -> None:
        if options.get(candidate, 0.0) < quality:
            options[candidate] = quality

    def expand(word: str, scale: float) -> None:
        if word in vocab:
            put(word, Q_EXACT * scale)
        if len(word) >= 3 and not word.isdigit():
            for completion in vocab.completions(word):
                # "port" → "portugal" is a weaker guess than "kazan" → "kazansk".
                extra = len(completion) - len(word)
                put(completion, max(0.7, Q_COMPLETION - 0.03 * max(0, extra - 1)) * scale)
            # The index holds a shorter form of the same word ("kazan" for "kazansk").
            for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
                if word[:cut] in vocab:
                    put(word[:cut], Q_SHORTER * scale)
                    break

    for form in forms:
        expand(form, 1.0)
    if 3 <= len(term) <= 4 and term[-1] in "aeiou":
        # A short inflected name: "Уфе" / "Уфу" → "ufa".
        for vowel in "aeiou":
            if vowel != term[-1] and term[:-1] + vowel in vocab:
                put(term[:-1] + vowel, Q_SHORTER)
    for form in forms:
        for synonym in sorted(synonyms.get(form, ())):  # a set: its order would follow the hash seed
            expand(synonym, Q_SYNONYM)
    if not any(q >= Q_SHORTER for q in options.values()):
        for candidate, distance in _typos(term, vocab, typo_cache):
            put(candidate, Q_TYPO[distance])
    return options


def analyse(
    text: str, vocab: Vocabulary, typo_cache: MutableMapping[str, list[tuple[str, int]]], lexicon: Lexicon
) -> Query:
    """Normalise once: words → forms without stop words → options per word."""
    seen: set[str] = set()
    words_forms: list[tuple[str, ...]] = []
    hints: list[str] = []
    morph = lexicon.morph
    for word in words(text[:MAX_QUERY_CHARS]):
        k = key(word)
        if k in lexicon.intents:
            hints.append(lexicon.intents[k])
        # A lone letter or digit names nothing ("I have 2 questions" is no "Water Harmony-2").
        if not k or k in STOP_KEYS or len(k) == 1:
            continue
        forms = morph.forms(word)
        s = forms[0] if forms else stem(k)
        if s in STOP_KEYS or s in seen:
            continue
        seen.add(s)
        words_forms.append(forms or (s,))
        if len(words_forms) >= MAX_TERMS:
            break
    stems = [forms[0] for forms in words_forms]
    # A word split in two by the user ("amu darya" / "амударья"): try the joined form too.
    for first, second in zip(stems, stems[1:]):
        joined = stem(first + second)
        if joined not in seen and (joined in vocab or vocab.completions(joined, 1)):
            seen.add(joined)
            words_forms.append((joined,))
    terms: list[Term] = []
    for forms in words_forms:
        s = forms[0]
        options = _options(forms, vocab, typo_cache, lexicon.synonyms)
        if not options:
            # Unknown word: it still counts against coverage (with a modest weight).
            terms.append(Term(s, 0.6, {}))
            continue
        best = max(options, key=options.__getitem__)
        soft = any(form in lexicon.soft_terms for form in forms)
        terms.append(Term(s, max(0.3, min(vocab.idf(best), 4.0)), options, soft))
    if terms:
        for hint in hints:
            if hint not in seen:
                options = _options((hint,), vocab, typo_cache, lexicon.synonyms)
                if options:
                    terms.append(Term(hint, 0.5, options, True))
    return Query(terms, _match_expression(terms, vocab))


def _match_expression(terms: list[Term], vocab: Vocabulary) -> str:
    """OR of the best few options of every word. Words found in very many documents add
    cost but no ranking power: they stay out of MATCH when rarer words are there (they
    still count when the candidates are scored)."""
    common = max(50, vocab.n_docs // 20)
    ranked: list[tuple[float, str]] = []
    fallback: list[tuple[float, str]] = []
    for term in terms:
        # Ties by the option itself: the options come from sets, whose order changes from
        # one process to the next (hash seeds), and the answer must not.
        best = sorted(term.options.items(), key=lambda item: (-item[1], item[0]))[:OPTIONS_PER_TERM]
        for option, quality in best:
            target = fallback if vocab.df.get(option, 0) > common else ranked
            target.append((quality * term.weight, option))
    chosen = ranked or fallback
    if not chosen:
        return ""
    chosen.sort(reverse=True)
    options = list(dict.fromkeys(option for _, option in chosen))[:MAX_MATCH_OPTIONS]
    # Keys are [a-z0-9]+ (see normalize.key): quoting makes each a plain string token.
    return " OR ".join(f'"{option}"' for option in options)


@dataclass(slots=True)
class Scored:
    doc: Doc
    score: float
    exact: bool = False  # the query is one of the card's own names
    # Share of the query's specific (not general) words the card has, in its names or
    # anywhere: what the answer layer calibrates its confidence on.
    coverage: float = 0.0
    names_coverage: float = 0.0


def score(query: Query, candidates: list[tuple[Doc, float]]) -> list[Scored]:
    """Order FTS5 candidates: how much of the query the names cover, then the body,
    then bm25, an exact-name bonus and the kind prior."""
    if not candidates:
        return []
    total = sum(term.weight for term in query.terms) or 1.0
    specific = [term for term in query.terms if not term.soft]
    specific_total = sum(term.weight for term in specific)
    best_bm25 = min(rank for _, rank in candidates) or -1.0
    out: list[Scored] = []
    for doc, rank in candidates:
        names_cov = 0.0
        all_cov = 0.0
        matched: set[str] = set()
        for term in query.terms:
            best_name = 0.0
            best_any = 0.0
            for option, quality in term.options.items():
                if option in doc.names:
                    if quality > best_name:
                        best_name = quality
                        matched.add(option)
                elif option in doc.terms and quality > best_any:
                    best_any = quality
            names_cov += term.weight * best_name
            all_cov += term.weight * max(best_name, best_any)
        names_cov /= total
        all_cov /= total
        if doc.kind == "country" and specific and len(specific) < len(query.terms):
            # "учёба в Греции": the general words do not count against the country.
            cov = sum(t.weight * max((q for o, q in t.options.items() if o in doc.names), default=0.0) for t in specific)
            if cov >= 0.95 * specific_total:
                names_cov = all_cov = cov / specific_total
        exact = 0.0
        if names_cov >= 0.99 * all_cov and all_cov > 0.75:
            for phrase in doc.phrases:
                if len(phrase) <= len(query.terms) + 1 and phrase <= matched:
                    # A curated question is rarely the answer to a bare name.
                    exact = 0.05 if doc.kind == "faq" else 0.12
                    break
        bm25 = rank / best_bm25 if best_bm25 < 0 else 0.0
        value = 0.55 * names_cov + 0.35 * all_cov + 0.08 * bm25 + exact + doc.prior
        spec_all = spec_names = 0.0
        for term in specific:
            spec_names += term.weight * max((q for o, q in term.options.items() if o in doc.names), default=0.0)
            spec_all += term.weight * max((q for o, q in term.options.items() if o in doc.terms), default=0.0)
        if specific_total:
            coverage, names_coverage = spec_all / specific_total, spec_names / specific_total
        else:  # only general words ("partners", "study"): how much of them the card has
            coverage, names_coverage = all_cov, names_cov
        out.append(Scored(doc, value, exact >= 0.12, coverage, names_coverage))
    out.sort(key=lambda s: (-s.score, s.doc.payload))
    return out
