-- Raised by every import that changes the catalogue, so running servers know to reload it.
CREATE TABLE catalogue_revision (
    id INTEGER PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO catalogue_revision (id, revision) VALUES (1, 0);
