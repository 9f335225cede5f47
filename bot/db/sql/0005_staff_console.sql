-- Staff console (issue 7): audit log of knowledge-base and staff changes, deadline reminders.

-- Every change made from Telegram (or by a staff command): who, when, what, before and after.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,              -- Telegram id of the staff member
    created_at  INTEGER NOT NULL,              -- unix seconds
    action      TEXT NOT NULL CHECK (action IN ('add', 'change', 'remove')),
    kind        TEXT NOT NULL,                 -- kb kind ('event', 'opening', 'institution') or 'staff'
    record_id   TEXT NOT NULL,
    before      TEXT,                          -- JSON of the record before (NULL for add)
    after       TEXT                           -- JSON of the record after (NULL for remove)
);
CREATE INDEX audit_log_record ON audit_log (kind, record_id, id);
CREATE INDEX audit_log_created ON audit_log (created_at);

-- Deadline reminders already made (one row per opening, deadline and 7/1 days before), so each
-- goes once even across restarts; a moved deadline gets reminders of its own.
CREATE TABLE deadline_reminders (
    opening_id    TEXT NOT NULL,
    deadline      TEXT NOT NULL,               -- ISO date
    days_before   INTEGER NOT NULL CHECK (days_before IN (7, 1)),
    broadcast_id  INTEGER,                     -- the broadcast job (NULL: nobody was subscribed)
    recipients    INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (opening_id, deadline, days_before)
) WITHOUT ROWID;
