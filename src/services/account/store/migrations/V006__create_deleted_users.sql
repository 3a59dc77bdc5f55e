-- Deleted accounts, kept long enough to refuse their access tokens after a restart.
CREATE TABLE deleted_users (
    user_id BIGINT PRIMARY KEY,
    deleted_at BIGINT NOT NULL
);
