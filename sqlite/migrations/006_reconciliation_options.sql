-- The options a reconciliation was computed with (today the tolerance of an
-- approximate figure), saved with it: reports then show each claim's interval
-- as that reconciliation compared it, and the reconcile that ends an ingest
-- keeps them unless the user chooses others. One row, there once a
-- reconciliation has been saved; without it the defaults hold.
CREATE TABLE reconciliation_options (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    tolerance REAL NOT NULL
);
