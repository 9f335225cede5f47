-- Subscriptions and staff broadcasts (issue 6).

-- One row per (student, topic) they receive: news, openings, deadlines.
CREATE TABLE subscriptions (
    user_id     INTEGER NOT NULL,
    topic       TEXT NOT NULL CHECK (topic IN ('news', 'openings', 'deadlines')),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, topic)
) WITHOUT ROWID;
CREATE INDEX subscriptions_topic ON subscriptions (topic, user_id);

-- A broadcast job. One runs at a time (the worker takes the lowest id that is not finished).
CREATE TABLE broadcasts (
    id                   INTEGER PRIMARY KEY,
    created_by           INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    status               TEXT NOT NULL DEFAULT 'queued'
                         CHECK (status IN ('queued', 'running', 'done', 'cancelled', 'deleting', 'deleted')),
    audience             TEXT NOT NULL,           -- 'topic:news', 'all', 'lang:ru'
    topic                TEXT,                    -- topic of the Unsubscribe button (NULL: none)
    content              TEXT NOT NULL,           -- JSON: {"first": ..., "versions": {lang|"*": version}}
    source               TEXT NOT NULL DEFAULT 'staff',  -- 'staff' or 'kb:<kind>:<id>'
    total                INTEGER NOT NULL DEFAULT 0,
    progress_chat_id     INTEGER,
    progress_message_id  INTEGER,
    started_at           INTEGER,
    finished_at          INTEGER,
    deleted_by           INTEGER,
    error                TEXT
);
CREATE INDEX broadcasts_status ON broadcasts (status, id);

-- One row per recipient. 'sending' is written before each send: a row still 'sending'
-- after a crash was in flight, is counted uncertain and re-sent at most once.
CREATE TABLE broadcast_recipients (
    broadcast_id  INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    language      TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    uncertain     INTEGER NOT NULL DEFAULT 0,     -- 1: may have been delivered before a re-send
    message_id    INTEGER,                        -- the message sent (for delete-for-everyone)
    deleted       INTEGER NOT NULL DEFAULT 0,     -- 1 deleted, 2 could not be deleted
    error         TEXT,
    updated_at    INTEGER,
    PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;
CREATE INDEX broadcast_recipients_status ON broadcast_recipients (broadcast_id, status, user_id);

-- Knowledge-base records already seen (so a reload offers only new news and openings).
CREATE TABLE kb_seen (
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;

-- Offers to announce a new record to a topic's subscribers, decided by staff.
CREATE TABLE announcements (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,                  -- 'event' | 'opening'
    record_id     TEXT NOT NULL,
    topic         TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'new'
                  CHECK (status IN ('new', 'offered', 'confirmed', 'skipped')),
    created_at    INTEGER NOT NULL,
    decided_by    INTEGER,
    broadcast_id  INTEGER,
    UNIQUE (kind, record_id)
);
