-- Sentences are stored once per document, and claims refer to theirs. 001
-- kept a copy of the sentence on every claim and indexed each copy for
-- full-text search, so a sentence with five figures was written and
-- tokenised five times: most of what storing an article cost. Search now
-- reads the sentences (sqlite/search.go) and the index is gone.
--
-- The column names are the search's column filters: sentence:soldiers,
-- subject:"North Korean". subject holds the subjects of the sentence's
-- claims, one per line, as a subject may come from an earlier sentence.
CREATE TABLE sentences (
    seq         INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence    TEXT    NOT NULL,
    subject     TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX sentences_document ON sentences (document_id);

INSERT INTO sentences (document_id, sentence, subject)
SELECT document_id, sentence,
       coalesce(replace(group_concat(DISTINCT nullif(subject, '')), ',', char(10)), '')
FROM claims
GROUP BY document_id, sentence;

ALTER TABLE claims ADD COLUMN sentence_seq INTEGER REFERENCES sentences (seq);

CREATE INDEX sentences_by_text ON sentences (document_id, sentence);
UPDATE claims SET sentence_seq = (
    SELECT s.seq FROM sentences s
    WHERE s.document_id = claims.document_id AND s.sentence = claims.sentence
);
DROP INDEX sentences_by_text;

-- The attribution chain moves onto the claim as a JSON array of names,
-- outermost first, as actors and counterparts are: a row per link, keyed by
-- a random claim id, cost a quarter of storing a claim.
ALTER TABLE claims ADD COLUMN attribution TEXT NOT NULL DEFAULT '[]';
UPDATE claims SET attribution = (
    SELECT json_group_array(a.name ORDER BY a.position)
    FROM claim_attributions a WHERE a.claim_id = claims.id
) WHERE id IN (SELECT claim_id FROM claim_attributions);
DROP TABLE claim_attributions;

-- Listings filter by unit and date after a scan: not worth an index entry
-- on every claim stored.
DROP INDEX claims_unit;
DROP INDEX claims_as_of;

DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_update;
DROP TRIGGER claims_fts_delete;
DROP TABLE claims_fts;
ALTER TABLE claims DROP COLUMN sentence;

CREATE INDEX claims_sentence ON claims (sentence_seq);

-- An audit lists the claims of the same root source last stored, and the
-- implied totals of one series. Within a source the index is in the order
-- claims are stored, so ingest appends to it; an index by source and date
-- took a third of ingest's time on a ledger of millions of claims.
CREATE INDEX claims_root_source ON claims (root_source);
CREATE INDEX implied_totals_by_group ON implied_totals (group_id, series_id);
