-- An ingest starts by listing the days the ledger's articles were published
-- on, by their dateline, to date articles whose dateline gives no year. This
-- index answers that from itself; without it the list scans every article's
-- row, text included, a few seconds on a gigabyte ledger.
CREATE INDEX documents_dateline ON documents (dateline, published);
