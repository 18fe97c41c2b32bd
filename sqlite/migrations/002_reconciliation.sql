-- What the reconciler concludes: stories (groups), comparable quantities
-- (series), findings and the totals implied by incremental claims. All of it
-- is derived from the claims and replaced whole by each reconciliation.
CREATE TABLE groups (
    id    TEXT PRIMARY KEY,
    label TEXT NOT NULL
);

CREATE TABLE series (
    id       TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    label    TEXT NOT NULL,
    status   TEXT NOT NULL
);
CREATE INDEX series_by_group ON series(group_id);

CREATE TABLE findings (
    id                  TEXT PRIMARY KEY,
    type                TEXT NOT NULL,
    group_id            TEXT,
    series_id           TEXT,
    independent_sources INTEGER NOT NULL,
    summary             TEXT NOT NULL
);
CREATE INDEX findings_by_series ON findings(series_id);

CREATE TABLE finding_claims (
    finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    claim_id   TEXT NOT NULL,
    PRIMARY KEY (finding_id, position)
);
CREATE INDEX finding_claims_by_claim ON finding_claims(claim_id);

CREATE TABLE implied_totals (
    group_id  TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    series_id TEXT NOT NULL,
    low       REAL NOT NULL,
    high      REAL NOT NULL,
    label     TEXT NOT NULL,
    base_claim_id        TEXT NOT NULL,
    incremental_claim_id TEXT NOT NULL
);
