-- The names an article stresses, one "name<TAB>count" per line, its most
-- frequent first (claims.Document.Names): the reconciler ties the articles
-- of a story by them. Articles read before this column existed hold '' and
-- are told apart by nothing until they are read again.
ALTER TABLE documents ADD COLUMN names TEXT NOT NULL DEFAULT '';
