-- Access tokens carry the session version of their user; raising it refuses every token issued before.
ALTER TABLE users ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN sessions_revoked_at BIGINT;
