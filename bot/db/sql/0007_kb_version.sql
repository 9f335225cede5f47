-- Every change of the knowledge base, whoever makes it (kb import from a shell, the /edit
-- editor, the dashboard), bumps one version the running bot polls: it then reloads its
-- snapshot and search index.
INSERT OR IGNORE INTO meta (key, value) VALUES ('kb_version', '0');
CREATE TRIGGER kb_version_insert AFTER INSERT ON kb_records BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'kb_version';
END;
CREATE TRIGGER kb_version_update AFTER UPDATE ON kb_records BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'kb_version';
END;
CREATE TRIGGER kb_version_delete AFTER DELETE ON kb_records BEGIN
    UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'kb_version';
END;
