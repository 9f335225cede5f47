-- Users: only what the bot needs to answer in the right language and reach them again.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,           -- Telegram user id
    language    TEXT CHECK (language IN ('tg', 'ru', 'en')),  -- NULL until chosen
    first_seen  INTEGER NOT NULL,              -- unix seconds
    last_seen   INTEGER NOT NULL,
    is_active   INTEGER NOT NULL DEFAULT 1,    -- 0 once the user blocked the bot
    onboarded   INTEGER NOT NULL DEFAULT 0     -- subscription offer shown once
);
CREATE INDEX users_last_seen ON users (last_seen);

-- Knowledge base: one row per record of data/*.yaml, validated JSON of its pydantic model.
CREATE TABLE kb_records (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,              -- order in the source file
    data        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Staff added by an admin (admins themselves come from ADMIN_IDS).
CREATE TABLE staff (
    user_id     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    added_by    INTEGER NOT NULL,
    added_at    INTEGER NOT NULL
);
