CREATE TABLE photos (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL,
    content_key TEXT NOT NULL,
    original_name TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    ready INTEGER NOT NULL DEFAULT 0,
    post_id BIGINT,
    released_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX photos_content_key ON photos (content_key);
CREATE INDEX photos_post ON photos (post_id);
CREATE INDEX photos_unattached ON photos (created_at) WHERE post_id IS NULL;
CREATE INDEX photos_released ON photos (released_at) WHERE released_at IS NOT NULL;

-- Content keys whose last photo is gone: their files are deleted, then the row (retried until it works).
CREATE TABLE photo_file_deletions (
    content_key TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- The newest post event applied per post. The three post event types reach three consumers, which keep
-- order per key each but not across each other: an event older than the newest applied is stale.
CREATE TABLE post_event_marks (
    post_id BIGINT PRIMARY KEY,
    last_event_id BIGINT NOT NULL
);
