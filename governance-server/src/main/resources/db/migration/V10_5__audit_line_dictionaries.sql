-- What every audit line repeats (the decision record's keys, the guideline's texts and sources),
-- kept once: a line is deflated with one of these as its preset dictionary (RFC 1950/1951), and
-- names it by id (the first 16 hex digits of its SHA-256). Never changed or removed while a line
-- names it. The same statements for the embedded database (H2) and PostgreSQL.
CREATE TABLE audit_dictionaries (
    id          VARCHAR(16)  PRIMARY KEY,
    dictionary  BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
