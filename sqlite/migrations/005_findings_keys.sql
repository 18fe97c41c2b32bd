-- Each reconciliation replaces every finding, millions of them on a large
-- ledger, and 002 keyed findings and their claims by random hash ids:
-- inserting millions of those one by one into the keys' B-trees was most of
-- what a reconciliation cost. The keys become plain unique indexes, which a
-- reconciliation drops while it writes (rows are then only appended) and
-- builds again at the end by sorting once; with no foreign key between the
-- two tables, deleting the old findings empties each table at once.
CREATE TABLE findings_005 (
    id                  TEXT NOT NULL,
    type                TEXT NOT NULL,
    group_id            TEXT,
    series_id           TEXT,
    independent_sources INTEGER NOT NULL,
    summary             TEXT NOT NULL
);
INSERT INTO findings_005 (id, type, group_id, series_id, independent_sources, summary)
SELECT id, type, group_id, series_id, independent_sources, summary FROM findings ORDER BY id;

CREATE TABLE finding_claims_005 (
    finding_id TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    claim_id   TEXT    NOT NULL
);
INSERT INTO finding_claims_005 (finding_id, position, claim_id)
SELECT finding_id, position, claim_id FROM finding_claims ORDER BY finding_id, position;

DROP TABLE finding_claims;
DROP TABLE findings;
ALTER TABLE findings_005 RENAME TO findings;
ALTER TABLE finding_claims_005 RENAME TO finding_claims;

CREATE UNIQUE INDEX findings_id ON findings (id);
CREATE INDEX findings_by_series ON findings (series_id);
CREATE UNIQUE INDEX finding_claims_position ON finding_claims (finding_id, position);
CREATE INDEX finding_claims_by_claim ON finding_claims (claim_id);
