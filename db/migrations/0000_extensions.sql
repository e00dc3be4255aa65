-- Trigram matching for typo-tolerant search and "did you mean" (lib/search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
