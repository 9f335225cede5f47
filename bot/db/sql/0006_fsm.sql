-- FSM state and data (drafts of inquiries, broadcasts, editor flows) survive a restart.
CREATE TABLE fsm (
    key TEXT PRIMARY KEY,          -- bot:chat:user[:thread][:business]:destiny
    state TEXT,
    data TEXT NOT NULL DEFAULT '{}',
    updated_at INTEGER NOT NULL
);
