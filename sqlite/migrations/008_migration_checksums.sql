-- Each applied migration records a checksum of its text (SHA-256, hex), so
-- that a ledger written by a build whose migration read differently is
-- recognized when it is opened, instead of failing later on a missing column.
-- The migrations applied before this one are checked against the schema they
-- should have made and then given their checksum (sqlite.DB.checkMigrations).
ALTER TABLE schema_migrations ADD COLUMN checksum TEXT;
