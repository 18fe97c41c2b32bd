-- A figure its sentence sets as the earlier value of another of its figures
-- ("up from the 11 he had announced", "rather than 142,000"): the reconciler
-- compares two figures of one sentence only when one of them is so set, as
-- two figures of one sentence are otherwise two quantities. Ledgers read
-- before this column existed hold 0 until their articles are read again.
ALTER TABLE claims ADD COLUMN earlier INTEGER NOT NULL DEFAULT 0 CHECK (earlier IN (0, 1));
