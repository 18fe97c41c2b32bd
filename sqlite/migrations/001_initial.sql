-- Dates are TEXT in YYYY-MM-DD and NULL when unknown, so they sort and compare
-- as strings.

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    hash            TEXT    NOT NULL UNIQUE,
    outlet          TEXT    NOT NULL DEFAULT '',
    published       TEXT,
    dateline        TEXT    NOT NULL DEFAULT '',
    dateline_month  INTEGER NOT NULL DEFAULT 0,
    dateline_day    INTEGER NOT NULL DEFAULT 0,
    inferred        TEXT,
    inferred_reason TEXT    NOT NULL DEFAULT '',
    body_start      INTEGER NOT NULL DEFAULT 0,
    text            TEXT    NOT NULL,
    ingested_at     TEXT    NOT NULL
);

-- Names need not be unique: an edited file keeps its name but not its hash.
CREATE INDEX documents_name ON documents (name);

-- A source is a root source by its canonical name; source_aliases maps every
-- spelling seen in attributions (the canonical one included) to it.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE source_aliases (
    alias     TEXT    PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX source_aliases_source ON source_aliases (source_id);

-- seq is an explicit rowid: claims_fts refers to claims by it, and VACUUM may
-- renumber an implicit rowid. The claim's own id is the text key.
CREATE TABLE claims (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    document_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL,
    start_offset     INTEGER NOT NULL,
    end_offset       INTEGER NOT NULL,
    sentence         TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    value_low        REAL,
    value_high       REAL,
    qualifier        TEXT    NOT NULL DEFAULT '',
    unit             TEXT    NOT NULL DEFAULT '',
    subject          TEXT    NOT NULL DEFAULT '',
    measure          TEXT    NOT NULL DEFAULT '',
    modality         TEXT    NOT NULL DEFAULT '',
    place            TEXT    NOT NULL DEFAULT '',
    incremental      INTEGER NOT NULL DEFAULT 0 CHECK (incremental IN (0, 1)),
    as_of            TEXT,
    period_start     TEXT,
    period_end       TEXT,
    period_precision TEXT    NOT NULL DEFAULT '',
    root_source      TEXT,
    group_id         TEXT,
    series_id        TEXT
);

CREATE INDEX claims_document ON claims (document_id, start_offset);
CREATE INDEX claims_unit     ON claims (unit);
CREATE INDEX claims_as_of    ON claims (as_of);
CREATE INDEX claims_group    ON claims (group_id);
CREATE INDEX claims_series   ON claims (series_id);

-- The attribution chain, outermost first.
CREATE TABLE claim_attributions (
    claim_id TEXT    NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

-- FTS4 rather than FTS5: mattn/go-sqlite3 builds it in without build tags.
-- The docid of each row is the claim's seq; the triggers keep it in step.
CREATE VIRTUAL TABLE claims_fts USING fts4 (sentence, text, subject, tokenize=unicode61);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (docid, sentence, text, subject)
    VALUES (new.seq, new.sentence, new.text, new.subject);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence, text, subject ON claims BEGIN
    UPDATE claims_fts
    SET sentence = new.sentence, text = new.text, subject = new.subject
    WHERE docid = new.seq;
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claims_fts WHERE docid = old.seq;
END;
