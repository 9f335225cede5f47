-- Search (issue 4). The index is rebuilt from kb_records by bot.search on every
-- knowledge-base change; it holds normalised keys (Latin a-z0-9, see bot/search/normalize.py)
-- of every card in all three languages.
CREATE VIRTUAL TABLE search_fts USING fts5(
    payload UNINDEXED,   -- deep-link payload of the card: partner-<id>, news-<id>, contacts ...
    names,               -- names, short names, synonyms, cities, keywords
    body,                -- descriptions and texts
    tokenize = 'unicode61 remove_diacritics 0'
);

-- What students search for, so staff can see what the knowledge base cannot answer.
-- Deliberately no user id: only the normalised query, its language, found or not, and when.
CREATE TABLE search_log (
    id          INTEGER PRIMARY KEY,
    query       TEXT NOT NULL,
    lang        TEXT NOT NULL CHECK (lang IN ('tg', 'ru', 'en')),
    found       INTEGER NOT NULL CHECK (found IN (0, 1)),
    created_at  INTEGER NOT NULL               -- unix seconds
);
CREATE INDEX search_log_created ON search_log (created_at);
CREATE INDEX search_log_found ON search_log (found, created_at);
