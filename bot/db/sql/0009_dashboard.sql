-- Staff dashboard (issue 13): answers written in the dashboard. An answer from the staff
-- chat is a Telegram message the bot copies and cannot read back; one from the dashboard is
-- text the bot posts in the staff chat first, and keeps here so the dashboard can show the
-- thread. (chat_id, message_id) is that staff-chat message (see inquiry_messages).
CREATE TABLE dashboard_answers (
    id          INTEGER PRIMARY KEY,
    inquiry_id  INTEGER NOT NULL REFERENCES inquiries (id),
    user_id     INTEGER NOT NULL,               -- the staff member
    name        TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX dashboard_answers_inquiry ON dashboard_answers (inquiry_id);
