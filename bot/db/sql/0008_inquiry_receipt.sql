-- Whether the student was told the inquiry's number. Stored inquiries start at 0 and are
-- set to 1 once "received #N" is on its way; a restart tells those still at 0.
ALTER TABLE inquiries ADD COLUMN receipt_sent INTEGER NOT NULL DEFAULT 1;
