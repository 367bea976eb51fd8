-- The uploaded file moves out of the import's status row. That row is updated several times a
-- second while an import runs and read by every progress poll; with a file of up to 100 MB inline,
-- each update copied the file (H2 keeps whole row versions in memory until they are written, which
-- ran a 1 GiB heap out of memory on a 100,000-row file) and each poll read it.
CREATE TABLE hr_import_file (
    import_id  BIGINT NOT NULL PRIMARY KEY REFERENCES hr_import (id) ON DELETE CASCADE,
    content    BYTEA NOT NULL
);
INSERT INTO hr_import_file (import_id, content) SELECT id, content FROM hr_import WHERE OCTET_LENGTH(content) > 0;
ALTER TABLE hr_import DROP COLUMN content;
