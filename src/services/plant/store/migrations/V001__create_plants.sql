CREATE TABLE plants (
    id BIGINT PRIMARY KEY,
    name_ko TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
