-- A user's notifications are numbered 1, 2, 3, … in commit order: the counter row is updated in the unit of
-- work that adds one, so two concurrent additions for the same user queue on it (PostgreSQL row lock;
-- SQLite has one writer) and a stream that has sent n never misses a later-committed n-1.
CREATE TABLE notify_users (
    user_id BIGINT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE notifications (
    user_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    PRIMARY KEY (user_id, seq)
);
CREATE INDEX notifications_unread ON notifications (user_id, seq) WHERE read_at IS NULL;
CREATE INDEX notifications_created ON notifications (created_at);

CREATE TABLE notify_mutes (
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
