"""Free-text search over the knowledge base (issue 4): normalisation and transliteration
(``normalize``), stop words and synonyms (``synonyms``), documents and vocabulary
(``index``), query analysis and scoring (``ranking``), the service (``service``)."""

from bot.search.service import QueryCount, SearchResult, SearchService

__all__ = ["QueryCount", "SearchResult", "SearchService"]
