-- Event claims: who did what with whom. Actors and counterparts are JSON
-- arrays of names; ordinal keeps "the second round" (0: none).
ALTER TABLE claims ADD COLUMN actors       TEXT    NOT NULL DEFAULT '[]';
ALTER TABLE claims ADD COLUMN action       TEXT    NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN counterparts TEXT    NOT NULL DEFAULT '[]';
ALTER TABLE claims ADD COLUMN object       TEXT    NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN ordinal      INTEGER NOT NULL DEFAULT 0;
