-- Inquiries (issue 5): students' questions routed to the staff chat and answered there.

-- The row id is the inquiry number (#N) both sides see; AUTOINCREMENT so that a number is
-- never reused, even after the newest inquiry is deleted.
CREATE TABLE inquiries (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id            INTEGER NOT NULL,
    draft_key          TEXT UNIQUE,             -- the ask flow's key: a double "Send" stores one inquiry
    language           TEXT NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
    first_name         TEXT NOT NULL DEFAULT '',
    last_name          TEXT NOT NULL DEFAULT '',
    username           TEXT,
    topic              TEXT NOT NULL,
    question           TEXT NOT NULL DEFAULT '',
    phone              TEXT,
    attachment_kind    TEXT CHECK (attachment_kind IN ('photo', 'document')),
    attachment_file_id TEXT,
    source_chat_id     INTEGER,                 -- the student's message that carried the attachment
    source_message_id  INTEGER,
    status             TEXT NOT NULL DEFAULT 'received'
                       CHECK (status IN ('received', 'answered', 'closed')),
    created_at         INTEGER NOT NULL,
    waiting_since      INTEGER,                 -- when it last started waiting for staff; NULL once answered
    answered_at        INTEGER,
    closed_at          INTEGER,
    card_chat_id       INTEGER,                 -- the newest card of this inquiry in the staff chat
    card_message_id    INTEGER,
    card_thread_id     INTEGER
);
CREATE INDEX inquiries_user ON inquiries (user_id, created_at);
CREATE INDEX inquiries_waiting ON inquiries (status, waiting_since);

-- Outbox: everything that must reach the staff chat. One row = one Bot API call.
-- pending -> sending (recorded before the call) -> sent (with the message id, in one
-- transaction with the mapping below). A row found in 'sending' by a later delivery pass
-- was interrupted with an unknown outcome: it becomes 'unconfirmed' and a 'notice' row
-- asks the staff whether it arrived (never an automatic second card).
CREATE TABLE inquiry_outbox (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id         INTEGER NOT NULL REFERENCES inquiries (id),
    kind               TEXT NOT NULL CHECK (kind IN ('card', 'attachment', 'followup', 'notice')),
    body               TEXT,                    -- follow-up text or caption; notice: the row id concerned
    source_chat_id     INTEGER,                 -- follow-up with media: the student's message to copy
    source_message_id  INTEGER,
    state              TEXT NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'sending', 'sent', 'unconfirmed', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    INTEGER NOT NULL,
    last_error         TEXT,
    chat_id            INTEGER,                 -- where it went, once sent
    message_id         INTEGER,
    created_at         INTEGER NOT NULL,
    sent_at            INTEGER
);
CREATE INDEX inquiry_outbox_state ON inquiry_outbox (state, id);

-- Every message of a conversation, on both sides, mapped to its inquiry: replies are
-- routed by this table, never by ids parsed out of text.
CREATE TABLE inquiry_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    inquiry_id  INTEGER NOT NULL REFERENCES inquiries (id),
    role        TEXT NOT NULL,                  -- card, attachment, followup, notice, answer, header
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX inquiry_messages_inquiry ON inquiry_messages (inquiry_id);

-- Forum mode: one topic per student in the staff chat.
CREATE TABLE inquiry_topics (
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    thread_id   INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX inquiry_topics_thread ON inquiry_topics (chat_id, thread_id);
